// The role's help, shown when a round starts (`role-help`) and again on "What do I do?":
// who you are this round, what the round's variant is about, what your role does and what
// each of your buttons does, in the words of the round's broker (brokerVocabulary.ts); the variant's summary once
// the scenario texts have arrived (lazyTexts.ts).
import { h } from "../dom.js";
import { tx } from "../i18n/locale.js";
import { t } from "../i18n/phoneWords.js";
import { actionHelp, actionLabel, roleHelpText, roleName } from "../i18n/roles.js";
import type { SeatMessage } from "../../../shared/protocol.js";
import { seatButtons } from "../../../shared/view/seatActions.js";
import type { ScenarioText } from "../../../shared/scenarios/texts.js";

export interface RoleHelpInput {
  seat: SeatMessage;
  scenario: ScenarioText | null;
  variant: string;
  close(): void;
}

export function roleHelp({ seat, scenario, variant, close }: RoleHelpInput): HTMLElement | null {
  if (!seat.role) return null;
  const summary = scenario?.variants[variant];
  return h(
    "section",
    { class: "card role-help", testid: "role-help", "aria-labelledby": "role-help-title" },
    h("h2", { id: "role-help-title" }, t("roleHelpTitle", { role: roleName(seat.role), seat: seat.seat })),
    scenario && summary ? h("p", { class: "variant" }, h("strong", {}, `${tx(scenario.title)} · ${tx(summary.label)}: `), tx(summary.summary)) : null,
    h("p", { testid: "role-help-text" }, roleHelpText(seat.role)),
    h("h3", {}, t("yourButtons")),
    h("dl", { class: "buttons-help" }, ...seatButtons(seat.actions, seat.view).flatMap((a) => [h("dt", {}, actionLabel(a)), h("dd", {}, actionHelp(a))])),
    h("button", { class: "primary big", type: "button", testid: "role-help-close", onclick: close }, t("gotIt")),
  );
}

/** Whether this round's help for this seat was dismissed in this tab (a reload does not show it again). */
export function helpSeen(key: string): boolean {
  try {
    return sessionStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

export function markHelpSeen(key: string): void {
  try {
    sessionStorage.setItem(key, "1");
  } catch {
    /* private mode */
  }
}
