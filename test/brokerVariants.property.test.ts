// The variants that rest on broker mechanisms (docs/contracts.md#scenario-ids), checked over many seeds and
// random fault plans with the default (naive) bots, and the careful ones: a lost disk loses
// a single broker's messages and none of a quorum's; a single active consumer keeps each
// key in order; nack with requeue on a quorum queue breaks it, where retrying in place does
// not, and a message past the delivery limit is parked, not lost. A failure prints the seed
// and the fault plan (fast-check's counterexample).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report } from "../shared/checker/checker.js";
import type { Fault, ScheduledFault } from "../shared/engine/config.js";
import type { Emitted } from "../shared/engine/kernel.js";
import { STRATEGIES, type Strategy } from "../shared/bots/bots.js";
import { simulate } from "../shared/sim/simulate.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);

function play(variant: string, scenario: string, seed: number, strategy: Strategy, faults: ScheduledFault[] = []): { report: Report; events: Emitted[] } {
  const { report, events } = simulate({ scenario, variant, seed, teams: 1, strategy, faults });
  return { report, events };
}

const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });

/** Crashes of the broker and the consumers, cuts, dropped packets, lossy spells and slow consumers, on the links of two consumers. */
function faultPlan(roundTicks: number): fc.Arbitrary<ScheduledFault[]> {
  const ticks = fc.integer({ min: 5, max: 80 });
  const link = fc.constantFrom("P1>B", "B>P1", "B>C1", "C1>B", "B>C2", "C2>B");
  const consumer = fc.constantFrom("C1", "C2");
  const fault: fc.Arbitrary<Fault> = fc.oneof(
    ticks.map((t): Fault => ({ kind: "crash", node: "B", ticks: t })),
    fc.tuple(consumer, ticks).map(([node, t]): Fault => ({ kind: "crash", node, ticks: t })),
    fc.tuple(link, ticks).map(([l, t]): Fault => ({ kind: "cut", link: l, ticks: t })),
    link.map((l): Fault => ({ kind: "dropNextToken", link: l })),
    link.map((l): Fault => ({ kind: "dropNextAck", link: l })),
    fc.tuple(link, fc.integer({ min: 0, max: 50 }), ticks).map(([l, loss, t]): Fault => ({ kind: "loss", link: l, loss: loss / 100, ticks: t })),
    fc.tuple(consumer, fc.integer({ min: 2, max: 5 }), ticks).map(([node, factor, t]): Fault => ({ kind: "slow", node, factor, ticks: t })),
  );
  return fc.array(fc.record({ tick: fc.integer({ min: 1, max: roundTicks - 100 }), fault }), { maxLength: 6 });
}

function everySeed(
  name: string,
  scenario: string,
  variant: string,
  strategies: readonly Strategy[],
  roundTicks: number,
  assert: (r: Report, events: Emitted[]) => void,
): void {
  for (const strategy of strategies)
    it(`${scenario} ${variant}, ${strategy} bots: ${name}, every seed and fault plan`, () => {
      fc.assert(
        fc.property(seed, faultPlan(roundTicks), (s, faults) => {
          const { report, events } = play(variant, scenario, s, strategy, faults);
          assert(report, events);
        }),
        { numRuns: RUNS, verbose: true },
      );
    });
}

function mostSeeds(name: string, scenario: string, variant: string, strategy: Strategy, shows: (r: Report) => boolean, share = 0.8): void {
  it(`${scenario} ${variant}, ${strategy} bots: ${name} in most seeds`, () => {
    const missing: number[] = [];
    for (let s = 1; s <= RUNS; s++) if (!shows(play(variant, scenario, s, strategy).report)) missing.push(s);
    expect(missing.length, `seeds without it: ${missing.join(", ")}`).toBeLessThanOrEqual(Math.floor(RUNS * (1 - share)));
  });
}

describe("t3-lost-messages: a lost disk", () => {
  mostSeeds("the lost disk loses messages the broker had confirmed", "t3-lost-messages", "unreplicated", "naive", (r) =>
    r.anomalies.some((a) => a.kind === "lost" && a.cause.code === "brokerDiskLost"),
  );
  everySeed("no loss through the lost disk", "t3-lost-messages", "replicated", STRATEGIES, 1200, (r) => {
    expect(r.totals.committed).toBeGreaterThan(0);
    expect(r.totals.lost).toBe(0);
  });
});

describe("t7-ordering: single active consumer and requeue", () => {
  everySeed("strict per-key order, one consumer receiving at a time", "t7-ordering", "single-active-consumer", STRATEGIES, 1500, (r, events) => {
    expect(r.totals.committed).toBeGreaterThan(0);
    expect(r.totals.misordered).toBe(0);
    // Only the active consumer is given messages: a delivery goes to another only once the last one to it was settled or returned.
    const open = new Map<number, string>();
    for (const e of events) {
      if (e.type === "delivered") {
        for (const holder of open.values()) expect(holder, `tick ${e.tick}`).toBe(e.consumer);
        open.set(e.token, e.consumer);
      } else if ((e.type === "removed" && e.reason === "ack") || e.type === "requeued" || (e.type === "discarded" && e.node === "B")) open.delete(e.token);
    }
  });
  mostSeeds(
    "misordered effects, each from a nack with requeue",
    "t7-ordering",
    "requeue",
    "naive",
    (r) => {
      const misordered = r.anomalies.filter((a) => a.kind === "misordered");
      return misordered.length > 0 && misordered.some((a) => a.cause.code === "misorderNack");
    },
    0.9,
  );
  everySeed("strict per-key order when a failed message is retried in place", "t7-ordering", "requeue", ["careful"], 1500, (r) => {
    expect(r.totals.misordered).toBe(0);
    expect(r.totals.parked).toBe(0);
  });
  it("t7-ordering requeue, naive bots: a message past the delivery limit is parked in the dead-letter queue, counted apart from lost, and its cause names the consumer", () => {
    const parked: Report["anomalies"] = [];
    for (let s = 1; s <= RUNS; s++) {
      const { report } = play("requeue", "t7-ordering", s, "naive");
      expect(report.totals.parked).toBe(report.anomalies.filter((a) => a.kind === "parked").length);
      expect(report.totals.lost, `seed ${s}`).toBe(0);
      parked.push(...report.anomalies.filter((a) => a.kind === "parked"));
    }
    expect(parked.length).toBeGreaterThan(0);
    for (const a of parked) expect(a.cause).toMatchObject({ code: "parkedDeadLetter", end: "consumer", consumer: expect.stringMatching(/^C\d$/) });
  });
});
