// The instructor's controls for the next round: the topic and variant pickers (always the
// room's own choice, so they never go stale), the seed and the round's length, the topic's
// goal with the variant's summary, start, and the lock that shows the room's real state.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { tx } from "../i18n/locale.js";
import { TICK_MS } from "../../../shared/engine/config.js";
import { PROFILE_TEXTS } from "../../../shared/scenarios/texts.js";
import { hostPage, scenarioOf, update } from "./pageState.js";

/** The topic and variant of the next round: the one just sent, else the room's (topic 3's first until the room's state arrives). */
function chosen() {
  const { room, choice } = hostPage();
  const scenario = scenarioOf(choice?.scenario ?? room?.scenario ?? "t3-lost-messages");
  const variantId = choice?.variant ?? room?.variant;
  const variant = scenario?.variants.find((v) => v.id === variantId) ?? scenario?.variants[0];
  return { scenario, variant };
}

export function pickers(connection: Connection): HTMLElement {
  const { catalogue, seed, seconds } = hostPage();
  const { scenario, variant } = chosen();
  const scenarioSelect = h(
    "select",
    {
      testid: "scenario-select",
      "aria-label": t("scenario"),
      // A new topic starts on its own first variant: never on a variant id of the topic before.
      onchange: (e: Event) =>
        configure(connection, (e.target as HTMLSelectElement).value, scenarioOf((e.target as HTMLSelectElement).value)?.variants[0]?.id ?? ""),
    },
    ...catalogue.map((s) => h("option", { value: s.id, ...(s.id === scenario?.id ? { selected: true } : {}) }, `${s.topic} · ${tx(s.title)}`)),
  );
  const variantSelect = h(
    "select",
    {
      testid: "variant-select",
      "aria-label": t("variant"),
      onchange: (e: Event) => configure(connection, scenario?.id ?? "", (e.target as HTMLSelectElement).value),
    },
    ...(scenario?.variants ?? []).map((v) => h("option", { value: v.id, ...(v.id === variant?.id ? { selected: true } : {}) }, tx(v.label) || v.id)),
  );
  const again = () => configure(connection, scenario?.id ?? "", variant?.id ?? "");
  const seedInput = h("input", {
    id: "seed",
    type: "number",
    step: 1,
    value: seed,
    placeholder: "—",
    "aria-label": t("seed"),
    onchange: (e: Event) => (update({ seed: (e.target as HTMLInputElement).value }), again()),
  });
  const secondsInput = h("input", {
    id: "seconds",
    type: "number",
    min: 30,
    max: 900,
    step: 10,
    value: seconds,
    placeholder: String(Math.round(((variant?.roundTicks ?? 1200) * TICK_MS) / 1000)),
    "aria-label": t("roundLength"),
    onchange: (e: Event) => (update({ seconds: (e.target as HTMLInputElement).value }), again()),
  });
  // The brokers the variant runs on, its own first; the room shows the one the round will use.
  const profiles = variant?.profiles ?? [];
  const current = hostPage().room?.profile ?? variant?.profile ?? "";
  const profileSelect = h(
    "select",
    {
      testid: "profile-select",
      "aria-label": t("broker"),
      disabled: profiles.length < 2,
      onchange: (e: Event) => (update({ profile: (e.target as HTMLSelectElement).value }), again()),
    },
    ...profiles.map((p) => h("option", { value: p, title: tx(PROFILE_TEXTS[p].summary), ...(p === current ? { selected: true } : {}) }, PROFILE_TEXTS[p].name)),
  );
  return h(
    "div",
    { class: "pickers" },
    h("label", { class: "picker topic" }, h("span", {}, t("scenario")), scenarioSelect),
    h("label", { class: "picker" }, h("span", {}, t("variant")), variantSelect),
    h("label", { class: "picker" }, h("span", {}, t("broker")), profileSelect),
    h("label", { class: "picker small" }, h("span", {}, t("seed")), seedInput),
    h("label", { class: "picker small" }, h("span", {}, t("roundLength")), secondsInput),
  );
}

/** The topic's teaching goal, the chosen variant's one-line summary, and how the round's broker behaves. */
export function goalLine(): HTMLElement {
  const { scenario, variant } = chosen();
  const profile = hostPage().room?.profile ?? variant?.profile;
  const broker = profile && profile in PROFILE_TEXTS ? PROFILE_TEXTS[profile as keyof typeof PROFILE_TEXTS] : null;
  return h(
    "p",
    { class: "goal" },
    h("strong", {}, `${t("goal")}: `),
    h("span", { testid: "scenario-goal" }, tx(scenario?.goal)),
    " ",
    h("em", { testid: "variant-summary", "data-variant": `${scenario?.id}/${variant?.id}` }, tx(variant?.summary)),
    broker && profile
      ? h("span", { class: "profile-behaviour", testid: "profile-behaviour", "data-profile": profile }, ` ${broker.name}: ${tx(broker.summary)}`)
      : null,
  );
}

export function startButton(connection: Connection): HTMLElement {
  return h("button", { class: "primary", type: "button", testid: "start-round", onclick: () => startRound(connection) }, `▶ ${t("start")}`);
}

/** The lock shows the room's state (pressed = locked); `updateLock` keeps it true as the state changes. */
export function lockButton(connection: Connection): HTMLButtonElement {
  const button = h("button", {
    type: "button",
    testid: "room-lock",
    class: "lock",
    onclick: () => connection.host("host:lock", { locked: !hostPage().room?.locked }),
  });
  updateLock(button);
  return button;
}

export function updateLock(button = document.querySelector<HTMLButtonElement>('[data-testid="room-lock"]')): void {
  if (!button) return;
  const locked = !!hostPage().room?.locked;
  const label = locked ? t("roomLocked") : t("roomOpen");
  if (button.textContent !== label) button.textContent = label;
  button.setAttribute("aria-pressed", String(locked));
  button.title = locked ? t("unlockHelp") : t("lockHelp");
  button.classList.toggle("locked", locked);
}

/**
 * Sends the room its next round's setup: this topic and variant, with the seed, length and
 * broker picked on this page — the broker only where the variant runs on it (else its own).
 */
export function configure(connection: Connection, scenario: string, variant: string): void {
  update({ choice: { scenario, variant } });
  const { seed, seconds, profile } = hostPage();
  const runsOn = scenarioOf(scenario)?.variants.find((v) => v.id === variant)?.profiles ?? [];
  connection.host("host:config", {
    scenario,
    variant,
    seed: seed === "" ? null : Number(seed),
    roundSeconds: seconds === "" ? null : Number(seconds),
    profile: profile !== "" && (runsOn as string[]).includes(profile) ? (profile as (typeof runsOn)[number]) : null,
  });
}

/**
 * Start only: every choice was sent when it was made (the seed and length on their change,
 * which a click on Start fires first), and the room receives messages in order. Sending the
 * setup again from the room's state would undo a choice the room has not yet confirmed.
 */
export function startRound(connection: Connection): void {
  connection.host("host:start");
}

export function togglePause(connection: Connection): void {
  connection.host(hostPage().room?.phase === "paused" ? "host:resume" : "host:pause");
}
