import { describe, expect, it } from "vitest";
import type { Strategy } from "../bots/bots.js";
import { CATALOGUE } from "../scenarios/catalogue.js";
import { CAUSE_TEXTS, type CauseCode, type Locale } from "../scenarios/texts.js";
import { VOCABULARY_TERMS } from "../scenarios/brokerVocabulary.js";
import { simulate } from "../sim/simulate.js";
import { CAUSE_FIELDS, type Cause } from "./causes.js";
import { causeSentence } from "./causeSentence.js";

const LOCALES: Locale[] = ["en", "pt-BR"];
const CODES = Object.keys(CAUSE_FIELDS) as CauseCode[];
const SAMPLE = { node: "B", link: "P1>B", consumer: "C1", otherConsumer: "C2", seq: 4, otherSeq: 5, key: "carla", final: 20, expected: 50 } as const;

/** What a hole in a sentence looks like: an unfilled placeholder, an empty slot, a value that was never set. */
function holes(sentence: string): string[] {
  const found: string[] = [];
  if (/\{[^}]*\}/.test(sentence)) found.push("unfilled placeholder");
  if (/ {2}/.test(sentence)) found.push("double space");
  if (/\s[,.;:]/.test(sentence)) found.push("space before punctuation");
  if (/\b(undefined|null|NaN)\b/.test(sentence)) found.push("undefined/null");
  if (/(^|\s)\?(\s|$|,)/.test(sentence)) found.push("unknown value");
  if (/\s(to|on|at|by|over|para|em|no|pelo|de|da|do)$/.test(sentence)) found.push("trailing preposition");
  if (sentence.trim() !== sentence || sentence.length < 20) found.push("empty or padded");
  return found;
}

describe("cause sentences", () => {
  it("every code has a text in both languages, and every cause code has its fields declared", () => {
    expect(Object.keys(CAUSE_TEXTS).sort()).toEqual([...CODES].sort());
  });

  it.each(CODES)("%s uses only {tick}, the fields its code always provides and the broker's words", (code) => {
    for (const locale of LOCALES) {
      const used = [...CAUSE_TEXTS[code][locale].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of used) expect(["tick", ...CAUSE_FIELDS[code], ...VOCABULARY_TERMS], `${code} ${locale}`).toContain(name);
    }
  });

  it.each(CODES)("%s reads whole in both languages with exactly its fields", (code) => {
    const cause: Cause = { code, tick: 230, end: "broker", chain: [] };
    for (const field of CAUSE_FIELDS[code]) (cause as unknown as Record<string, unknown>)[field] = SAMPLE[field];
    for (const locale of LOCALES) {
      const sentence = causeSentence(cause, locale);
      expect(holes(sentence), `${code} ${locale}: ${sentence}`).toEqual([]);
      if (CAUSE_TEXTS[code][locale].includes("{tick}")) expect(sentence).toContain("0:23");
    }
  });

  it("fills a field a foreign log lacks with a mark, never a hole, and names an unknown code as it is", () => {
    expect(causeSentence({ code: "nodeDown", tick: 10 }, "pt-BR")).not.toMatch(/\{|para {2}| {2}/);
    expect(causeSentence({ code: "somethingNew", tick: 10 }, "en")).toBe("somethingNew");
  });

  it("reads whole for every anomaly of real rounds of every scenario, both languages, both strategies", () => {
    const seen = new Set<string>();
    for (const scenario of CATALOGUE)
      for (const variant of scenario.variants)
        for (const strategy of ["naive", "careful"] as Strategy[])
          for (const seed of [1, 2]) {
            const { report, header } = simulate({ scenario: scenario.id, variant: variant.id, seed, teams: 2, strategy });
            for (const a of report.anomalies) {
              seen.add(a.cause.code);
              for (const locale of LOCALES) {
                const sentence = causeSentence(a.cause, locale, header.tickMs);
                expect(holes(sentence), `${scenario.id} ${variant.id} ${strategy} seed ${seed} ${a.msgId}: ${sentence}`).toEqual([]);
              }
            }
          }
    expect(seen.size).toBeGreaterThan(15);
  });
});

describe("cause sentences in the broker's words", () => {
  it("names the redelivery timer the round's broker has, or both timers when the broker is unknown", () => {
    const cause = { code: "dupVisibleAfterCrash", tick: 300, consumer: "C1" };
    expect(causeSentence(cause, "en", 100, "nats")).toContain("when its AckWait ran out");
    expect(causeSentence(cause, "en", 100, "sqs")).toContain("when its visibility timeout ran out");
    expect(causeSentence(cause, "pt-BR", 100, "sqs")).toContain("quando o visibility timeout venceu");
    expect(causeSentence(cause, "en")).toContain("visibility timeout or AckWait");
    expect(causeSentence({ code: "dupRedeliveryTimeout", tick: 10, consumer: "C2" }, "en", 100, "nats")).toMatch(/\(AckWait\)$/);
  });

  it("names where the broker parks a dead letter, or the generic dead-letter queue when the broker is unknown", () => {
    const parked = { code: "parkedDeadLetter", tick: 300, consumer: "C1" };
    expect(causeSentence(parked, "en", 100, "rabbitmq")).toContain("(DLX → dead-letter queue)");
    expect(causeSentence(parked, "en", 100, "sqs")).toContain("(redrive policy → DLQ)");
    expect(causeSentence(parked, "pt-BR", 100, "activemq")).toContain("(ActiveMQ.DLQ)");
    expect(causeSentence(parked, "en", 100, "nats")).toContain("MaxDeliver advisory");
    expect(causeSentence(parked, "en")).toContain("(dead-letter queue)");
    const dropped = { code: "rejectedDropped", tick: 10, consumer: "C2" };
    expect(causeSentence(dropped, "en", 100, "rabbitmq")).toContain("nowhere set up to dead-letter it (DLX → dead-letter queue)");
    expect(causeSentence({ code: "parkedRejected", tick: 10, consumer: "C2" }, "pt-BR", 100, "sqs")).toContain("virou dead letter (redrive policy → DLQ)");
  });
});
