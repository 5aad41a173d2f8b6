// The instructor's controls: the topic and variant pickers with the seed and the round's
// length, start / pause / end / lock, the round's phase with the last refusal, and the live
// faults, injected into the focused team or into every team.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { tx } from "../i18n/locale.js";
import { TICK_MS } from "../../../shared/engine/config.js";
import { formatTick } from "../../../shared/replay/format.js";
import { hostPage, scenarioOf } from "./pageState.js";

const FAULTS = [
  ["crashBroker", { kind: "crash", node: "B", ticks: 50 }],
  ["crashConsumer", { kind: "crash", node: "C1", ticks: 50 }],
  ["crashProducer", { kind: "crash", node: "P1", ticks: 50 }],
  ["cutLink", { kind: "cut", link: "B-C1", ticks: 100 }],
  ["dropAck", { kind: "dropNextAck", link: "B>P1" }],
  ["slowConsumer", { kind: "slow", node: "C1", factor: 3, ticks: 150 }],
] as const;

/** The scenario the pickers show: the room's, or topic 3 until the room's state arrives. */
function shownScenario() {
  return scenarioOf(hostPage().room?.scenario ?? "t3-lost-messages");
}

export function pickers(connection: Connection): HTMLElement {
  const { catalogue, room } = hostPage();
  const scenario = shownScenario();
  const onchange = () => configure(connection);
  const scenarioSelect = h(
    "select",
    { testid: "scenario-select", "aria-label": t("scenario"), onchange },
    ...catalogue.map((s) => h("option", { value: s.id, ...(s.id === scenario?.id ? { selected: true } : {}) }, `${s.topic} · ${tx(s.title)}`)),
  );
  const variantSelect = h(
    "select",
    { testid: "variant-select", "aria-label": t("variant"), onchange },
    ...(scenario?.variants ?? []).map((v) => h("option", { value: v.id, ...(v.id === room?.variant ? { selected: true } : {}) }, tx(v.label) || v.id)),
  );
  const seed = h("input", { id: "seed", type: "number", step: 1, placeholder: t("seed"), "aria-label": t("seed"), onchange });
  const seconds = h("input", {
    id: "seconds",
    type: "number",
    min: 30,
    max: 900,
    step: 10,
    placeholder: String(Math.round(((scenario?.variants?.[0]?.roundTicks ?? 1200) * TICK_MS) / 1000)),
    "aria-label": t("roundLength"),
    onchange,
  });
  return h(
    "div",
    { class: "pickers" },
    h("label", {}, `${t("scenario")} `, scenarioSelect),
    h("label", {}, `${t("variant")} `, variantSelect),
    h("label", {}, `${t("seed")} `, seed),
    h("label", {}, `${t("roundLength")} `, seconds),
  );
}

/** The topic's teaching goal and the chosen variant's one-line summary. */
export function goalLine(): HTMLElement {
  const scenario = shownScenario();
  const variant = scenario?.variants?.find((v) => v.id === hostPage().room?.variant) ?? scenario?.variants?.[0];
  return h("p", { class: "goal" }, h("strong", {}, `${t("goal")}: `), tx(scenario?.goal), " ", h("em", {}, tx(variant?.summary)));
}

export function roundButtons(connection: Connection): HTMLElement {
  return h(
    "div",
    { class: "controls" },
    h("button", { class: "primary", type: "button", testid: "start-round", onclick: () => startRound(connection) }, t("start")),
    h("button", { type: "button", testid: "pause-round", id: "pause", onclick: () => togglePause(connection) }, t("pause")),
    h("button", { type: "button", testid: "end-round", onclick: () => connection.host("host:end") }, t("end")),
    h(
      "button",
      { type: "button", id: "lock", onclick: () => connection.host("host:lock", { locked: !hostPage().room?.locked }) },
      hostPage().room?.locked ? t("unlock") : t("lock"),
    ),
  );
}

/** The round's phase and clock, then the last refusal: filled by `updateRoundStatus`. */
export function roundStatusLines(): HTMLElement[] {
  return [h("p", { id: "phase", class: "phase", role: "status" }), h("p", { id: "host-refusal", class: "refusal", role: "alert" })];
}

export function updateRoundStatus(): void {
  const { room, refusal } = hostPage();
  if (!room) return;
  const phase = document.getElementById("phase");
  if (phase)
    phase.textContent =
      room.phase === "countdown"
        ? t("countdown", { n: room.countdown })
        : `${t(room.phase in { lobby: 1, running: 1, paused: 1, draining: 1, over: 1 } ? room.phase : "lobby")} · ${formatTick(room.tick)}`;
  const pause = document.getElementById("pause");
  if (pause) pause.textContent = room.phase === "paused" ? t("resume") : t("pause");
  const refusalLine = document.getElementById("host-refusal");
  if (refusalLine) refusalLine.textContent = refusal;
}

export function faultsPanel(connection: Connection): HTMLElement {
  return h(
    "div",
    { class: "faults" },
    h("h3", {}, t("faults")),
    ...FAULTS.map(([key, fault]) =>
      h(
        "button",
        { type: "button", class: "fault", testid: `fault-${key}`, onclick: () => connection.host("host:fault", { team: faultTeam(), fault }) },
        t(key),
      ),
    ),
    h(
      "label",
      { class: "inline" },
      `${t("faultTarget")} `,
      h(
        "select",
        { id: "fault-team" },
        h("option", { value: "focus" }, t("focusedTeam", { team: (hostPage().room?.focusedTeam ?? 0) + 1 })),
        h("option", { value: "all" }, t("allTeams")),
      ),
    ),
  );
}

function faultTeam(): number | "all" {
  const value = (document.getElementById("fault-team") as HTMLSelectElement | null)?.value;
  return value === "all" ? "all" : (hostPage().room?.focusedTeam ?? 0);
}

/** Sends what the pickers show: the variant falls back to the topic's first when it is not one of the topic's. */
export function configure(connection: Connection): void {
  const scenario = (document.querySelector('[data-testid="scenario-select"]') as HTMLSelectElement).value;
  const variantSelect = document.querySelector('[data-testid="variant-select"]') as HTMLSelectElement;
  const variants: string[] = scenarioOf(scenario)?.variants.map((v) => v.id) ?? [];
  const variant = variants.includes(variantSelect.value) ? variantSelect.value : variants[0];
  const seedText = (document.getElementById("seed") as HTMLInputElement).value;
  const secondsText = (document.getElementById("seconds") as HTMLInputElement).value;
  connection.host("host:config", {
    scenario,
    variant,
    seed: seedText === "" ? null : Number(seedText),
    roundSeconds: secondsText === "" ? null : Number(secondsText),
  });
}

export function startRound(connection: Connection): void {
  configure(connection);
  connection.host("host:start");
}

export function togglePause(connection: Connection): void {
  connection.host(hostPage().room?.phase === "paused" ? "host:resume" : "host:pause");
}
