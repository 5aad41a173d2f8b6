// An anomaly's cause as the sentence the debrief shows, in the reader's language: the
// code's text (CAUSE_TEXTS) with every placeholder filled from the cause, ticks as m:ss.
// Every page and the command line use this one function, so no screen shows a hole.
import { TICK_MS } from "../engine/config.js";
import { formatTick } from "../replay/format.js";
import { CAUSE_TEXTS, type Locale } from "../scenarios/texts.js";
import type { Cause } from "./causes.js";

/** What the sentence reads of a cause (a log from another engine version may lack fields or name an unknown code). */
export type CauseLike = Pick<Cause, "tick"> & Partial<Pick<Cause, "node" | "link" | "consumer" | "otherConsumer" | "seq" | "otherSeq" | "key" | "final" | "expected">> & { code: string };

/** Stands in for a field the cause lacks (only a log from another engine version can lack one). */
const UNKNOWN = "?";

export function causeSentence(cause: CauseLike, locale: Locale, tickMs = TICK_MS): string {
  const text = CAUSE_TEXTS[cause.code];
  if (!text) return cause.code;
  const values: Record<string, string | number | undefined> = {
    tick: formatTick(cause.tick, tickMs),
    node: cause.node,
    link: cause.link,
    consumer: cause.consumer,
    otherConsumer: cause.otherConsumer,
    seq: cause.seq,
    otherSeq: cause.otherSeq,
    key: cause.key,
    final: cause.final,
    expected: cause.expected,
  };
  return text[locale].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    return value === undefined || value === null || value === "" ? UNKNOWN : String(value);
  });
}
