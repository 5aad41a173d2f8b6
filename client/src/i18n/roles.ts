// Each role's and action's words (shared/scenarios/roleTexts.ts), for the phone's buttons and
// the canvas's node labels.
import { ACTION_TEXTS, ROLE_TEXTS } from "../../../shared/scenarios/roleTexts.js";
import { tx } from "./locale.js";
import type { ActionButton } from "../../../shared/engine/actions.js";

export function actionLabel(button: string): string {
  return tx(ACTION_TEXTS[button as ActionButton]?.label) || button;
}

export function actionHelp(button: string): string {
  return tx(ACTION_TEXTS[button as ActionButton]?.help);
}

export function roleName(role: string): string {
  return tx(ROLE_TEXTS[role as keyof typeof ROLE_TEXTS]?.name) || role;
}
