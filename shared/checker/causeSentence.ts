// An anomaly's cause as the sentence the debrief shows, in the reader's language: the
// code's text (CAUSE_TEXTS) with every placeholder filled from the cause, ticks as m:ss.
// Every page and the command line use this one function, so no screen shows a hole. Given the
// broker the round ran on, the words a sentence takes from it ({redelivery}) are that
// broker's (brokerVocabulary.ts); without one, the words of the brokers that redeliver on a timer,
// and the generic dead-letter queue for where a dead-lettered message went ({deadLetterPlace}).
import { TICK_MS } from "../engine/config.js";
import { formatTick } from "../replay/format.js";
import type { ProfileId } from "../engine/config.js";
import { termValues } from "../scenarios/brokerVocabulary.js";
import { CAUSE_TEXTS, type Locale } from "../scenarios/texts.js";
import type { Cause } from "./causes.js";

/** What the sentence reads of a cause (a log from another engine version may lack fields or name an unknown code). */
export type CauseLike = Pick<Cause, "tick"> &
  Partial<Pick<Cause, "node" | "link" | "consumer" | "otherConsumer" | "seq" | "otherSeq" | "key" | "final" | "expected">> & { code: string };

/** Stands in for a field the cause lacks (only a log from another engine version can lack one). */
const UNKNOWN = "?";

/**
 * The broker's words a cause sentence may name when the broker is not known: the timers of SQS and JetStream, the brokers that
 * redeliver on one, and the generic name of where dead letters wait.
 */
const ANY_BROKER: Record<Locale, Record<string, string>> = {
  en: { redelivery: "visibility timeout or AckWait", deadLetterPlace: "dead-letter queue" },
  "pt-BR": { redelivery: "visibility timeout ou AckWait", deadLetterPlace: "dead-letter queue" },
};

export function causeSentence(cause: CauseLike, locale: Locale, tickMs = TICK_MS, profile: ProfileId | null = null): string {
  const text = CAUSE_TEXTS[cause.code];
  if (!text) return cause.code;
  const values: Record<string, string | number | undefined> = {
    ...(profile ? termValues(profile, locale) : ANY_BROKER[locale]),
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
