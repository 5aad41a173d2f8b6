// The bottom of a phone in a round, always in reach of a thumb: the idle nudge, the one-line
// hint for the seat's state, and the role's buttons. The button the hint names is lit; a
// button that can do nothing now is greyed out and says why under its label (phones show no
// tooltips). A tap on a greyed-out button explains itself instead of sending, unless the
// person was idle: then any tap is theirs again (the room takes the seat back from the bot).
import { h } from "../dom.js";
import { t } from "../i18n/phoneWords.js";
import { actionLabel } from "../i18n/roles.js";
import type { IdleState, SeatMessage } from "../../../shared/protocol.js";
import type { ActionButton } from "../../../shared/engine/actions.js";
import { actionTarget, seatButtons, type BlockReason } from "../../../shared/view/seatActions.js";
import { seatHint, type SeatHint } from "../../../shared/view/seatHints.js";

export interface DockInput {
  seat: SeatMessage;
  phase: string;
  selected: number | null;
  idle: IdleState;
  perform(button: ActionButton): void;
  explain(text: string): void;
}

/** The hint's sentence, its {action} and {also} filled with the buttons' labels, and the broker's terms ({queue}, {publishConfirm}…). */
export function hintText(hint: SeatHint): string {
  const vars: Record<string, string | number> = { ...hint.vars };
  if (hint.action) vars.action = actionLabel(hint.action);
  if (hint.also) vars.also = actionLabel(hint.also);
  return t(`hint_${hint.key}`, vars);
}

/** Why a button cannot act now, in words; null when it can. */
function why(input: DockInput, action: ActionButton): string | null {
  if (input.phase === "paused" || input.phase === "countdown") return t(`why_${input.phase}`);
  const view = input.seat.view;
  if (!view) return null;
  const target = actionTarget(view, action, input.selected);
  return target.blocked ? t(`why_${target.blocked}` as `why_${BlockReason}`, { s: target.seconds ?? 0 }) : null;
}

function idleBanner(idle: IdleState, hint: string | null): HTMLElement | null {
  if (idle === "nudged")
    return h("p", { class: "nudge", role: "alert", testid: "idle-nudge", "data-idle": "nudged" }, h("strong", {}, t("nudge")), hint ? ` ${hint}` : "");
  if (idle === "bot") return h("p", { class: "nudge bot", role: "alert", testid: "idle-nudge", "data-idle": "bot" }, t("botPlaying"));
  return null;
}

export function actionDock(input: DockInput): HTMLElement {
  const hint = input.phase === "running" ? seatHint(input.seat, input.selected) : null;
  const line = hint ? hintText(hint) : null;
  const buttons = seatButtons(input.seat.actions, input.seat.view).map((action) => {
    const reason = why(input, action);
    const tap = () => (reason && input.idle === "" ? input.explain(`${actionLabel(action)}: ${reason}`) : input.perform(action));
    return h(
      "button",
      {
        class: `action ${reason ? "blocked" : ""} ${hint?.action === action || hint?.also === action ? "suggested" : ""}`,
        type: "button",
        testid: `action-${action}`,
        "aria-disabled": String(!!reason),
        onclick: tap,
      },
      h("span", { class: "label" }, actionLabel(action)),
      reason ? h("small", { class: "why" }, reason) : null,
    );
  });
  return h(
    "div",
    { class: "dock-inner" },
    idleBanner(input.idle, line),
    line && input.idle !== "nudged" ? h("p", { class: "hint", testid: "seat-hint", "data-hint": hint?.key ?? "" }, line) : null,
    h("nav", { class: `actions n${buttons.length}` }, ...buttons),
  );
}
