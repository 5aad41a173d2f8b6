// Topic 2's RabbitMQ exchanges (docs/brokers.md#rabbitmq), over random seeds: with careful
// bots in the broker seat every committed event reaches exactly the queues its routing key's
// bindings match, once each, and nothing is lost or misrouted; with the newcomer's bots, a
// direct or topic exchange's key that matches several bindings reaches only the first, and
// every queue it missed is a lost effect whose cause says the broker routed it elsewhere. A
// fanout exchange's "every queue" the newcomer gets right. A failure prints the seed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Strategy } from "../shared/bots/bots.js";
import { causeSentence } from "../shared/checker/causeSentence.js";
import type { Report } from "../shared/checker/checker.js";
import { exchangeRoute, type ExchangeConfig } from "../shared/engine/exchange.js";
import type { Emitted } from "../shared/engine/kernel.js";
import { CAUSE_TEXTS } from "../shared/scenarios/texts.js";
import { simulate } from "../shared/sim/simulate.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const SCENARIO = "t2-queues-topics";
const VARIANTS = ["exchange-direct", "exchange-fanout", "exchange-topic"] as const;
const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });

interface Played {
  report: Report;
  exchange: ExchangeConfig;
  /** Each committed event's business key. */
  committed: Map<string, string>;
  /** The queues each event was put in by the broker. */
  enqueued: Map<string, Set<string>>;
  /** How many times each (event, queue) was applied. */
  applied: Map<string, number>;
}

function play(variant: string, s: number, strategy: Strategy): Played {
  const { report, events, header } = simulate({ scenario: SCENARIO, variant, seed: s, teams: 1, strategy });
  const exchange = header.config.broker.exchange;
  if (!exchange) throw new Error(`${variant} has no exchange`);
  const committed = new Map<string, string>();
  const enqueued = new Map<string, Set<string>>();
  const applied = new Map<string, number>();
  for (const e of events as (Emitted & { type: string })[]) {
    if (e.type === "committed") committed.set(e.msgId, e.key);
    else if (e.type === "enqueued") {
      const set = enqueued.get(e.msgId) ?? new Set<string>();
      set.add(e.subscription);
      enqueued.set(e.msgId, set);
    } else if (e.type === "applied" && !e.declined) applied.set(`${e.msgId}@${e.subscription}`, (applied.get(`${e.msgId}@${e.subscription}`) ?? 0) + 1);
  }
  return { report, exchange, committed, enqueued, applied };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe("Topic 2's exchanges, over random seeds", () => {
  for (const variant of VARIANTS)
    it(`${variant}, careful bots: every event reaches exactly the queues its routing key's bindings match, once, none lost or misrouted`, () => {
      fc.assert(
        fc.property(seed, (s) => {
          const { report, exchange, committed, enqueued, applied } = play(variant, s, "careful");
          expect(committed.size, `seed ${s}: events committed`).toBeGreaterThan(10);
          for (const [msgId, key] of committed) {
            const expected = sorted(exchangeRoute(exchange, key));
            expect(sorted(enqueued.get(msgId) ?? []), `seed ${s} ${msgId} (${key}): queues it was put in`).toEqual(expected);
            for (const queue of expected) expect(applied.get(`${msgId}@${queue}`), `seed ${s} ${msgId} at ${queue}: applications`).toBe(1);
          }
          const appliedElsewhere = [...applied.keys()].filter((k) => {
            const [msgId, queue] = k.split("@");
            return !exchangeRoute(exchange, committed.get(msgId) ?? "").includes(queue);
          });
          expect(appliedElsewhere, `seed ${s}: applied at a queue its key is not bound to`).toEqual([]);
          expect(report.totals.lost, `seed ${s}: lost`).toBe(0);
          expect(
            report.anomalies.map((a) => `${a.kind}:${a.cause.code}`),
            `seed ${s}: anomalies`,
          ).toEqual([]);
        }),
        { numRuns: RUNS, verbose: true },
      );
    });

  for (const variant of ["exchange-direct", "exchange-topic"] as const)
    it(`${variant}, naive bots: a key bound to several queues reaches the first only, and each queue missed is a lost effect its cause explains`, () => {
      fc.assert(
        fc.property(seed, (s) => {
          const { report, exchange, committed, enqueued } = play(variant, s, "naive");
          // The effects the newcomer's routing missed: a queue the key's bindings match that never got the event.
          const missed = new Set<string>();
          for (const [msgId, key] of committed)
            for (const queue of exchangeRoute(exchange, key)) if (!enqueued.get(msgId)?.has(queue)) missed.add(`${msgId}@${queue}`);
          expect(missed.size, `seed ${s}: misroutes`).toBeGreaterThan(0);
          const misrouted = report.anomalies.filter((a) => a.cause.code === "misrouted");
          expect(sorted(misrouted.map((a) => `${a.msgId}@${a.subscription}`)), `seed ${s}: misrouted anomalies`).toEqual(sorted(missed));
          for (const a of misrouted) expect(a.kind, `seed ${s} ${a.msgId}`).toBe("lost");
          // Every anomaly of the round has a cause the debrief can say, in both languages, with no hole.
          for (const a of report.anomalies) {
            expect(CAUSE_TEXTS[a.cause.code], `seed ${s} ${a.kind} ${a.msgId}: cause ${a.cause.code}`).toBeDefined();
            for (const locale of ["en", "pt-BR"] as const)
              expect(causeSentence(a.cause, locale, 100, "rabbitmq"), `seed ${s} ${a.msgId} ${locale}`).not.toMatch(/\{\w+\}|(^|\s)\?(\s|$|,)|undefined/);
          }
        }),
        { numRuns: RUNS, verbose: true },
      );
    });

  it("exchange-fanout, naive bots: every queue is every binding, so the newcomer misroutes nothing", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const { report } = play("exchange-fanout", s, "naive");
        expect(
          report.anomalies.filter((a) => a.cause.code === "misrouted"),
          `seed ${s}`,
        ).toEqual([]);
      }),
      { numRuns: RUNS, verbose: true },
    );
  });
});
