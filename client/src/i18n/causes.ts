// Why an anomaly happened, in words (shared/scenarios/texts.ts): only the pages that show
// causes (the projector's debrief, the replay viewer) load these texts.
import { CAUSE_TEXTS } from "../../../shared/scenarios/texts.js";
import { tx, type Vars } from "./locale.js";

export function causeText(code: string, vars: Vars): string {
  return tx(CAUSE_TEXTS[code], vars) || code;
}
