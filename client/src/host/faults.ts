// The live faults, one click each, always on screen during a round: injected into the team
// on the big screen, or into every team.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import type { Fault } from "../../../shared/engine/config.js";
import { hostPage } from "./pageState.js";

const FAULTS: readonly (readonly ["crashBroker" | "crashConsumer" | "crashProducer" | "cutLink" | "dropAck" | "slowConsumer", Fault])[] = [
  ["crashBroker", { kind: "crash", node: "B", ticks: 50 }],
  ["crashConsumer", { kind: "crash", node: "C1", ticks: 50 }],
  ["crashProducer", { kind: "crash", node: "P1", ticks: 50 }],
  ["cutLink", { kind: "cut", link: "B-C1", ticks: 100 }],
  ["dropAck", { kind: "dropNextAck", link: "B>P1" }],
  ["slowConsumer", { kind: "slow", node: "C1", factor: 3, ticks: 150 }],
];

let target: "focus" | "all" = "focus";

export function faultsBar(connection: Connection): HTMLElement {
  const team = () => (target === "all" ? "all" : (hostPage().room?.focusedTeam ?? 0));
  return h(
    "section",
    { class: "faults", "aria-label": t("faults") },
    h("strong", {}, `⚡ ${t("faults")}`),
    ...FAULTS.map(([key, fault]) =>
      h("button", { type: "button", class: "fault", testid: `fault-${key}`, onclick: () => connection.host("host:fault", { team: team(), fault }) }, t(key)),
    ),
    h(
      "label",
      { class: "inline" },
      `${t("faultTarget")} `,
      h(
        "select",
        { id: "fault-team", onchange: (e: Event) => (target = (e.target as HTMLSelectElement).value === "all" ? "all" : "focus") },
        h("option", { value: "focus", ...(target === "focus" ? { selected: true } : {}) }, t("focusedTeam", { team: (hostPage().room?.focusedTeam ?? 0) + 1 })),
        h("option", { value: "all", ...(target === "all" ? { selected: true } : {}) }, t("allTeams")),
      ),
    ),
    h("span", { class: "keys muted" }, t("keyboardHelp")),
  );
}

/** The target's label names the team on the big screen, which changes during the round. */
export function updateFaultTarget(): void {
  const option = document.querySelector<HTMLOptionElement>('#fault-team option[value="focus"]');
  const text = t("focusedTeam", { team: (hostPage().room?.focusedTeam ?? 0) + 1 });
  if (option && option.textContent !== text) option.textContent = text;
}
