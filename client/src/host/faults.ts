// The live faults, one click each, always on screen during a round: injected into the team
// on the big screen, or into every team. Once the round's broker is known, a button whose
// words differ between brokers says them in that broker's (shared/scenarios/brokerVocabulary.ts):
// "Drop the next ACK to P1" loses the broker's reply to the producer, RabbitMQ's basic.ack
// confirm, Kafka's produce response, SQS's SendMessage response, JetStream's PubAck.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t, type HostKey } from "../i18n/hostWords.js";
import { brokerTerms, vocabularyProfile } from "../i18n/roles.js";
import type { Fault } from "../../../shared/engine/config.js";
import { hostPage } from "./pageState.js";

type FaultKey = "crashBroker" | "crashConsumer" | "crashProducer" | "cutLink" | "dropAck" | "slowConsumer";

const FAULTS: readonly (readonly [FaultKey, Fault])[] = [
  ["crashBroker", { kind: "crash", node: "B", ticks: 50 }],
  ["crashConsumer", { kind: "crash", node: "C1", ticks: 50 }],
  ["crashProducer", { kind: "crash", node: "P1", ticks: 50 }],
  ["cutLink", { kind: "cut", link: "B-C1", ticks: 100 }],
  ["dropAck", { kind: "dropNextAck", link: "B>P1" }],
  ["slowConsumer", { kind: "slow", node: "C1", factor: 3, ticks: 150 }],
];

/** The buttons whose words are the broker's. */
const IN_TERMS: Partial<Record<FaultKey, HostKey>> = { crashBroker: "crashBrokerInTerms", cutLink: "cutLinkInTerms", dropAck: "dropAckInTerms" };

let target: "focus" | "all" = "focus";

/** A fault button's label: in the round's broker's words when the page knows the broker, else the game's own. */
export function faultLabel(key: FaultKey): string {
  const inTerms = IN_TERMS[key];
  return inTerms && vocabularyProfile() ? t(inTerms, brokerTerms()) : t(key);
}

export function faultsBar(connection: Connection): HTMLElement {
  const team = () => (target === "all" ? "all" : (hostPage().room?.focusedTeam ?? 0));
  return h(
    "section",
    { class: "faults", "aria-label": t("faults") },
    h("strong", {}, `⚡ ${t("faults")}`),
    ...FAULTS.map(([key, fault]) =>
      h(
        "button",
        { type: "button", class: "fault", testid: `fault-${key}`, onclick: () => connection.host("host:fault", { team: team(), fault }) },
        faultLabel(key),
      ),
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

/** The target's label names the team on the big screen, which changes during the round; the buttons follow the room's broker. */
export function updateFaultTarget(): void {
  for (const [key] of FAULTS) {
    const button = document.querySelector<HTMLButtonElement>(`[data-testid="fault-${key}"]`);
    const label = faultLabel(key);
    if (button && button.textContent !== label) button.textContent = label;
  }
  const option = document.querySelector<HTMLOptionElement>('#fault-team option[value="focus"]');
  const text = t("focusedTeam", { team: (hostPage().room?.focusedTeam ?? 0) + 1 });
  if (option && option.textContent !== text) option.textContent = text;
}
