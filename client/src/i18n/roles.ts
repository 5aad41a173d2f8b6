// Each role's and action's words (shared/scenarios/roleTexts.ts), for the phone's buttons and
// the canvas's node labels.
import { ACTION_TEXTS, ROLE_TEXTS } from "../../../shared/scenarios/roleTexts.js";
import { tx } from "./locale.js";

export function actionLabel(action: string): string {
  return tx(ACTION_TEXTS[action]?.label) || action;
}

export function actionHelp(action: string): string {
  return tx(ACTION_TEXTS[action]?.help);
}

export function roleName(role: string): string {
  return tx(ROLE_TEXTS[role as keyof typeof ROLE_TEXTS]?.name) || role;
}
