// The replay page drawn from its state: the landing (drop a file, past games, what went
// wrong) or the round's panels around the canvas. `render` rebuilds the page; `followPlayhead`
// updates the panels as the playhead moves and, once scrubbing settles, the sequence diagram.
import { formatTick } from "../../../shared/replay/format.js";
import { scoresCsv } from "../../../shared/replay/scores.js";
import { downloadText, h, replace } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import { anomalyPanel } from "./anomalies.js";
import { canvas } from "./canvas.js";
import type { PageContext, Panel } from "./context.js";
import { replayUrl } from "../replayLinks.js";
import { chartsPanel, comparePanel, exportPanel, leaderboardPanel, roundName, scenarioTitle, sequencePanel, variantLabel } from "./debrief.js";
import { followPanel } from "./followPanel.js";
import { closeCompare, loadFile, swapCompare } from "./loading.js";
import { replayPage, update } from "./pageState.js";
import { playbackPanel } from "./playbackControls.js";
import { seekTo, setSpeed, stepBy, togglePlay } from "./playback.js";
import { follow, jump, jumpToNearestAnomaly, setTeam, stopFollowing } from "./selection.js";
import { problemText } from "./sentences.js";

/** The panels of the last render, told when the playhead moves; the sequence diagram among them is rebuilt on its own. */
let panels: Panel[] = [];
let sequence: Panel | null = null;
let sequenceTimer: ReturnType<typeof setTimeout> | null = null;

/** What the panels read and call; only built while a round is open. */
function panelContext(): PageContext {
  const page = replayPage();
  const { round, playhead } = page;
  if (!round || !playhead) throw new Error("no round loaded");
  return {
    ...page.choices,
    round,
    compare: page.compare,
    state: playhead,
    team: page.team,
    playing: page.playing,
    speed: page.speed,
    followed: page.followed,
    followText: page.followText,
    followError: page.followError,
    jumped: page.jumped,
    seekTo,
    step: stepBy,
    togglePlay,
    setSpeed,
    setTeam,
    jump,
    nearestAnomaly: jumpToNearestAnomaly,
    follow,
    stopFollowing,
    choose: (patch) => update({ choices: { ...replayPage().choices, ...patch } }, "page"),
    openCompare: (file) => void loadFile(file, "compare"),
    swapCompare,
    closeCompare,
    exportLog: () => {
      const shown = replayPage().round;
      if (shown) downloadText(`${shown.index.header.gameId}.ndjson`, "application/x-ndjson", shown.log.text);
    },
    exportCsv: () => {
      const shown = replayPage().round;
      if (shown) downloadText(`${shown.index.header.gameId}-scores.csv`, "text/csv", scoresCsv(shown.index));
    },
  };
}

export function renderStatus(): void {
  const { busy, round } = replayPage();
  (document.getElementById("status") as HTMLElement).textContent = busy || (round ? round.name : "");
}

/** Rebuilds the page from the state, keeping the canvas and the keyboard focus where they were. */
export function render(): void {
  const app = document.getElementById("app") as HTMLElement;
  const { round, playhead, problems, noAccess, busy, pastGames } = replayPage();
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active?.id || active?.dataset.testid || "";
  renderStatus();
  const errorBox =
    problems.length || noAccess
      ? h(
          "section",
          { class: "card alert", role: "alert", testid: "replay-error" },
          h("h2", {}, `⚠ ${t("replayErrorTitle")}`),
          ...problems.map((p) => h("p", {}, problemText(p))),
          noAccess ? h("p", {}, t("replayNoAccess", { game: noAccess })) : null,
        )
      : null;
  if (!round || !playhead) {
    const games = pastGames?.length
      ? h(
          "section",
          { class: "card" },
          h("h2", {}, t("replayYourGames")),
          h(
            "ul",
            { class: "list compact" },
            ...pastGames.map((g) =>
              h(
                "li",
                {},
                `${g.when} · `,
                h("strong", {}, roundName(g.scenario, g.variant)),
                " · ",
                h("a", { href: replayUrl({ game: g.gameId }) }, t("replayOpenGame")),
              ),
            ),
          ),
        )
      : null;
    replace(
      app,
      h(
        "section",
        { class: "card landing" },
        h("h1", {}, t("replayTitle")),
        h("p", { class: "drop-zone" }, h("span", { class: "drop-glyph", "aria-hidden": "true" }, "⇩"), t("replayDrop")),
        busy ? h("p", { role: "status" }, busy) : null,
      ),
      errorBox,
      games,
    );
    restoreFocus(focusKey);
    return;
  }
  const ctx = panelContext();
  const { index } = round;
  const header = index.header;
  const playback = playbackPanel(ctx);
  const anomalies = anomalyPanel(ctx);
  const followCard = followPanel(ctx);
  const charts = chartsPanel(ctx);
  sequence = sequencePanel(ctx);
  const board = leaderboardPanel(ctx);
  const compare = comparePanel(ctx);
  const exports = exportPanel(ctx);
  panels = [playback, anomalies, followCard, charts, board, sequence, compare, exports];
  const info = h(
    "section",
    { class: "card info" },
    h("h1", {}, `${scenarioTitle(round)} · ${variantLabel(round)}`),
    h(
      "p",
      { class: "muted", testid: "replay-round" },
      t("replayRound", {
        scenario: header.scenario,
        variant: header.variant,
        seed: header.seed,
        teams: header.teams.length,
        length: formatTick(index.lastTick, index.tickMs),
      }),
    ),
    ...round.warnings.map((w) =>
      h("p", { class: "warning", testid: "replay-warning", "data-code": w.code }, h("span", { "aria-hidden": "true" }, "⚠ "), problemText(w)),
    ),
  );
  replace(
    app,
    errorBox,
    info,
    h(
      "div",
      { class: "stage-area" },
      h("section", { class: "card stage" }, canvas.holder, playback.element, h("p", { class: "muted small keys" }, t("replayKeyboard"))),
      h("div", { class: "side" }, anomalies.element, followCard.element),
    ),
    charts.element,
    h("div", { class: "pair" }, board.element, sequence.element),
    compare.element,
    exports.element,
  );
  canvas.invalidate();
  updatePanels();
  restoreFocus(focusKey);
}

function restoreFocus(key: string): void {
  if (!key) return;
  const el = document.getElementById(key) ?? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(key)}"]`);
  el?.focus({ preventScroll: true });
}

function updatePanels(): void {
  const { round, playhead } = replayPage();
  if (!round || !playhead) return;
  const ctx = panelContext();
  for (const panel of panels) panel.update?.(ctx);
}

/** The playhead moved: the panels follow at once, the sequence diagram once scrubbing settles. */
export function followPlayhead(): void {
  updatePanels();
  scheduleSequence();
}

/** The window sequence diagram follows the playhead, redrawn once scrubbing settles (not while playing). */
function scheduleSequence(): void {
  const { playing, round, choices, followed } = replayPage();
  if (playing || !round || (choices.sequenceSource === "message" && followed)) return;
  if (sequenceTimer) clearTimeout(sequenceTimer);
  sequenceTimer = setTimeout(() => {
    sequenceTimer = null;
    const { round, playhead } = replayPage();
    if (!round || !playhead || !sequence) return;
    const next = sequencePanel(panelContext());
    sequence.element.replaceWith(next.element);
    panels[panels.indexOf(sequence)] = next;
    sequence = next;
  }, 180);
}
