// Why an anomaly happened, in words (shared/scenarios/texts.ts): only the pages that show
// causes (the projector's debrief, the replay viewer) load these texts.
import type { Cause } from "../../../shared/checker/causes.js";
import { formatTick } from "../../../shared/replay/format.js";
import { CAUSE_TEXTS } from "../../../shared/scenarios/texts.js";
import { tx, type Vars } from "./locale.js";

export function causeText(code: string, vars: Vars): string {
  return tx(CAUSE_TEXTS[code], vars) || code;
}

/** A cause's own sentence, every placeholder filled from the cause ("?" for a field a foreign log lacks, never a hole). */
export function causeSentenceOf(cause: Pick<Cause, "code" | "tick"> & Partial<Cause>): string {
  const known = (v: string | number | undefined) => (v === undefined || v === "" ? "?" : v);
  return causeText(cause.code, {
    tick: formatTick(cause.tick),
    node: known(cause.node),
    link: known(cause.link),
    consumer: known(cause.consumer),
    otherConsumer: known(cause.otherConsumer),
    seq: known(cause.seq),
    otherSeq: known(cause.otherSeq),
  });
}
