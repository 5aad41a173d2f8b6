// A design round on the projector, before it plays: the lobby's setup (the design phase's
// length, who designs the ends nobody holds, the button that opens it), and the design phase
// itself — the time left, the score formula, and each team's pipeline end by end as its
// students choose, with who designs each end. The round, its start and its debrief follow.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { currentLocale } from "../i18n/locale.js";
import { DESIGN_ENDS, designTexts, SCORE_FORMULA, settingsOfEnd, type DesignEnd } from "../../../shared/design/index.js";
import { DESIGN_SECONDS } from "../../../shared/protocol.js";
import type { RoomStateView } from "../../../shared/view/roomState.js";
import { designEndsOf } from "../../../shared/view/designEnds.js";
import { lessonBar } from "./lesson/lessonBar.js";
import { roundTitle } from "./names.js";
import { shrinkToFit } from "./fit.js";
import { hostPage, update } from "./pageState.js";
import { statusLine, updateStatusLine } from "./statusLine.js";
import { isDesignRound } from "../../../shared/sim/round.js";

/** The configured round is the design round (its variant has a design phase). */
export function isDesignVariant(scenario: string | undefined, variant: string | undefined): boolean {
  return scenario !== undefined && variant !== undefined && isDesignRound(scenario, variant);
}

/** The lobby's inputs for a design round: the design phase's length and the empty ends' bots. */
export function designPickers(): HTMLElement {
  const { designSeconds, designBots } = hostPage();
  return h(
    "div",
    { class: "pickers design-pickers" },
    h(
      "label",
      { class: "picker small" },
      h("span", {}, t("designLength")),
      h("input", {
        id: "design-seconds",
        testid: "design-seconds",
        type: "number",
        min: DESIGN_SECONDS.min,
        max: DESIGN_SECONDS.max,
        step: 10,
        value: designSeconds,
        placeholder: String(DESIGN_SECONDS.default),
        "aria-label": t("designLength"),
        onchange: (e: Event) => update({ designSeconds: (e.target as HTMLInputElement).value }),
      }),
    ),
    h(
      "label",
      { class: "picker" },
      h("span", {}, t("designBots")),
      h(
        "select",
        { id: "design-bots", onchange: (e: Event) => update({ designBots: (e.target as HTMLSelectElement).value === "careful" ? "careful" : "naive" }) },
        h("option", { value: "naive", ...(designBots === "naive" ? { selected: true } : {}) }, t("botsNaive")),
        h("option", { value: "careful", ...(designBots === "careful" ? { selected: true } : {}) }, t("botsCareful")),
      ),
    ),
  );
}

/** The design phase's length the instructor typed, within the room's bounds. */
function designSeconds(): number {
  const typed = Number(hostPage().designSeconds);
  return Number.isInteger(typed) && typed >= DESIGN_SECONDS.min && typed <= DESIGN_SECONDS.max ? typed : DESIGN_SECONDS.default;
}

/**
 * Opens the design phase of the configured design round, configured again first with this
 * page's length and seed; with no seed typed, the last design round's (the same chaos again).
 */
export function startDesign(connection: Connection): void {
  const { room, seed, seconds, lastOver } = hostPage();
  const again =
    lastOver?.design && room && lastOver.summary.scenario === room.scenario && lastOver.summary.variant === room.variant ? lastOver.summary.seed : null;
  if (room)
    connection.host("host:config", {
      scenario: room.scenario,
      variant: room.variant,
      seed: seed === "" ? again : Number(seed),
      roundSeconds: seconds === "" ? null : Number(seconds),
    });
  connection.host("host:design", { seconds: designSeconds(), bots: hostPage().designBots });
}

export function designStartButton(connection: Connection): HTMLElement {
  return h("button", { class: "primary", type: "button", testid: "design-start", onclick: () => startDesign(connection) }, `✎ ${t("designStart")}`);
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** The score formula as the class reads it before the round. */
export function scoreFormula(): HTMLElement {
  const formula = currentLocale() === "pt-BR" ? SCORE_FORMULA["pt-BR"] : SCORE_FORMULA.en;
  return h("p", { class: "score-formula", testid: "score-formula" }, h("strong", {}, `${t("scoreTitle")}: `), formula);
}

export function designScreen(connection: Connection): HTMLElement {
  const { room, roomCode } = hostPage();
  const lesson = room?.lesson?.active;
  return h(
    "div",
    { class: `screen design-phase${lesson ? " in-lesson" : ""}`, testid: "design-phase" },
    lesson ? lessonBar(connection) : null,
    h(
      "header",
      { class: "round-head" },
      h("h1", { class: "round-title" }, `${t("designPhase")} · ${room ? roundTitle(room.scenario, room.variant) : ""}`),
      h(
        "div",
        { class: "timer" },
        h("span", { class: "timer-label" }, t("designTimeLeft")),
        h("span", { class: "round-timer design-timer", testid: "design-timer", role: "timer" }, clock(room?.designLeft ?? 0)),
      ),
      statusLine(),
      h("span", { class: "code-chip" }, `${t("codeShort")} `, h("strong", {}, roomCode)),
      h("button", { type: "button", class: "primary", testid: "start-round", onclick: () => connection.host("host:start") }, `▶ ${t("startRoundNow")}`),
    ),
    h("p", { class: "design-intro" }, t("designIntro")),
    scoreFormula(),
    h("div", { class: "design-teams", id: "design-teams" }),
  );
}

let drawnTeams = "";

/** Between renders: the time left, and the teams' designs when a choice (or a person) changed. */
export function designLive(): void {
  const { room } = hostPage();
  if (!room) return;
  updateStatusLine();
  const timer = document.querySelector<HTMLElement>('[data-testid="design-timer"]');
  const left = clock(room.designLeft ?? 0);
  if (timer && timer.textContent !== left) timer.textContent = left;
  const holder = document.getElementById("design-teams");
  if (!holder) return;
  const teams = teamDesigns(room);
  // The window's size too: a resize fits the cards again.
  const key = JSON.stringify([teams, currentLocale(), innerWidth, innerHeight]);
  if (key === drawnTeams && holder.childElementCount) return;
  drawnTeams = key;
  holder.classList.toggle("few", teams.length <= 2);
  holder.classList.toggle("many", teams.length > 4);
  replace(holder, ...teams.map(teamCard));
  shrinkToFit(holder);
}

interface TeamDesign {
  team: number;
  choices: Record<string, string>;
  /** End -> the names of who designs it. */
  designers: Partial<Record<DesignEnd, string[]>>;
}

/** Every team's published design and who designs each of its ends. */
export function teamDesigns(room: RoomStateView): TeamDesign[] {
  const list: TeamDesign[] = [];
  (room.designs ? [...room.designs] : []).forEach((entry, team) => {
    const choices: Record<string, string> = {};
    entry.choices.forEach((value, setting) => (choices[setting] = value));
    const people: { name: string; seat: string }[] = [];
    room.players?.forEach((p) => {
      if (p.team === team && !p.spectator && p.seat) people.push({ name: p.name, seat: p.seat });
    });
    const ends = designEndsOf(people.map((p) => p.seat));
    const designers: TeamDesign["designers"] = {};
    for (const p of people) {
      const end = ends.get(p.seat);
      if (end) (designers[end] ??= []).push(p.name);
    }
    list.push({ team, choices, designers });
  });
  return list;
}

function teamCard({ team, choices, designers }: TeamDesign): HTMLElement {
  const words = designTexts(currentLocale());
  return h(
    "section",
    { class: "design-team", testid: "design-team", "data-team": String(team + 1) },
    h("h2", {}, t("teamN", { n: team + 1 })),
    h(
      "div",
      { class: "design-ends" },
      ...DESIGN_ENDS.map((end) =>
        h(
          "div",
          { class: "design-end", "data-end": end },
          h("h3", {}, words.ends[end], h("small", {}, designers[end]?.join(", ") ?? t("byBots"))),
          h(
            "ul",
            {},
            ...settingsOfEnd(end).map((s) =>
              h(
                "li",
                { "data-setting": s, "data-value": choices[s] ?? "" },
                h("span", {}, words.settings[s].label),
                h("strong", {}, words.settings[s].values[choices[s]]?.label ?? "—"),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
