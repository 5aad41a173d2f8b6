// The catalogue's promises (docs/game.md#the-scenario-catalogue), checked over many seeds and random fault plans:
// every naive variant shows its anomaly in most seeds, every fixed variant keeps its
// guarantee in every seed. A failure prints the seed and the fault plan to reproduce it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Counts, TeamReport } from "../shared/checker/checker.js";
import type { Fault, ScheduledFault } from "../shared/engine/config.js";
import type { Strategy } from "../shared/bots/bots.js";
import { simulate } from "../shared/sim/simulate.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);

function play(scenario: string, variant: string, seed: number, strategy: Strategy, faults: ScheduledFault[] = []): { totals: Counts; team: TeamReport } {
  const { report } = simulate({ scenario, variant, seed, teams: 1, strategy, faults });
  return { totals: report.totals, team: report.teams[0] };
}

type FaultKind = "crashBroker" | "crashConsumer" | "crashProducer" | "cut" | "dropToken" | "dropAck" | "loss" | "slow";

/** Random extra faults of the kinds a scenario's guarantee is meant to survive. */
function faultPlan(kinds: FaultKind[], consumers: number, roundTicks = 1100): fc.Arbitrary<ScheduledFault[]> {
  if (kinds.length === 0) return fc.constant([]);
  const consumer = fc.integer({ min: 1, max: consumers }).map((n) => `C${n}`);
  const link = fc.constantFrom("P1>B", "B>P1", "B>C1", "C1>B", `B>C${consumers}`, `C${consumers}>B`);
  const fault: fc.Arbitrary<Fault> = fc.constantFrom(...kinds).chain((kind): fc.Arbitrary<Fault> => {
    const ticks = fc.integer({ min: 5, max: 80 });
    switch (kind) {
      case "crashBroker": return ticks.map((t) => ({ kind: "crash", node: "B", ticks: t }));
      case "crashProducer": return ticks.map((t) => ({ kind: "crash", node: "P1", ticks: t }));
      case "crashConsumer": return fc.tuple(consumer, ticks).map(([node, t]) => ({ kind: "crash", node, ticks: t }));
      case "cut": return fc.tuple(link, ticks).map(([l, t]) => ({ kind: "cut", link: l, ticks: t }));
      case "dropToken": return link.map((l) => ({ kind: "dropNextToken", link: l }));
      case "dropAck": return link.map((l) => ({ kind: "dropNextAck", link: l }));
      case "loss": return fc.tuple(link, fc.double({ min: 0, max: 0.5, noNaN: true }), ticks).map(([l, loss, t]) => ({ kind: "loss", link: l, loss, ticks: t }));
      case "slow": return fc.tuple(consumer, fc.integer({ min: 2, max: 5 }), ticks).map(([node, factor, t]) => ({ kind: "slow", node, factor, ticks: t }));
    }
  });
  return fc.array(fc.record({ tick: fc.integer({ min: 1, max: roundTicks }), fault }), { maxLength: 6 });
}

const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const ALL_BUT_PRODUCER: FaultKind[] = ["crashBroker", "crashConsumer", "cut", "dropToken", "dropAck", "loss", "slow"];

function holds(name: string, scenario: string, variant: string, kinds: FaultKind[], consumers: number, assert: (c: Counts, t: TeamReport) => void): void {
  it(`${scenario} ${variant}: ${name}, every seed and fault plan`, () => {
    fc.assert(
      fc.property(seed, faultPlan(kinds, consumers), (s, plan) => {
        const { totals, team } = play(scenario, variant, s, "careful", plan);
        assert(totals, team);
      }),
      { numRuns: RUNS, verbose: true },
    );
  });
}

function mostSeeds(name: string, scenario: string, variant: string, shows: (c: Counts, t: TeamReport) => boolean, share = 0.8): void {
  it(`${scenario} ${variant}: ${name} in most seeds`, () => {
    const missing: number[] = [];
    for (let s = 1; s <= RUNS; s++) {
      const { totals, team } = play(scenario, variant, s, "naive");
      if (!shows(totals, team)) missing.push(s);
    }
    expect(missing.length, `seeds without it: ${missing.join(", ")}`).toBeLessThanOrEqual(Math.floor(RUNS * (1 - share)));
  });
}

describe("fixed variants hold their guarantee", () => {
  holds("nothing lost", "t1-sync-vs-async", "fixed", ["crashConsumer", "crashBroker", "dropAck", "dropToken", "cut"], 1, (c) => expect(c.lost).toBe(0));
  holds("each event applied once by one consumer", "t2-queues-topics", "queue", [], 3, (c) => expect([c.lost, c.duplicated]).toEqual([0, 0]));
  holds("each event applied once per subscription", "t2-queues-topics", "topic", [], 3, (c) => {
    expect([c.lost, c.duplicated]).toEqual([0, 0]);
    expect(c.applied).toBe(c.committed * 3);
  });
  holds("no loss", "t3-lost-messages", "fixed", ALL_BUT_PRODUCER, 2, (c) => expect(c.lost).toBe(0));
  holds("no loss and no duplicated effect", "t4-duplicates", "fixed", ALL_BUT_PRODUCER, 2, (c) => expect([c.lost, c.duplicated]).toEqual([0, 0]));
  holds("no inconsistency, no loss, no duplicate", "t5-dual-writes", "fixed", [...ALL_BUT_PRODUCER, "crashProducer"], 2, (c) => expect([c.inconsistent, c.lost, c.duplicated]).toEqual([0, 0, 0]));
  holds("no race, strict per-key order, throughput above one consumer's", "t6-competing-consumers", "fixed", [], 3, (c, t) => {
    expect([c.raceAnomalies, c.misordered]).toEqual([0, 0]);
    expect(c.applied / (t.lastAppliedTick - t.firstCommitTick)).toBeGreaterThan(1 / 13);
  });
  holds("strict per-key order", "t7-ordering", "fixed", ["crashConsumer", "crashBroker", "dropToken", "dropAck", "loss", "slow"], 2, (c) => expect(c.misordered).toBe(0));
  holds("no loss and no duplicated effect under heavy faults", "t8-exactly-once", "fixed", [...ALL_BUT_PRODUCER, "crashProducer"], 2, (c) => expect([c.lost, c.duplicated]).toEqual([0, 0]));
});

describe("naive variants show their anomaly", () => {
  mostSeeds("work lost or refused while the consumer is down", "t1-sync-vs-async", "naive", (c) => c.lost + c.refused > 0, 1);
  mostSeeds("losses", "t3-lost-messages", "naive", (c) => c.lost > 0);
  mostSeeds("duplicated effects", "t4-duplicates", "naive", (c) => c.duplicated > 0);
  mostSeeds("DB and published events disagree", "t5-dual-writes", "naive", (c) => c.inconsistent > 0);
  mostSeeds("lost updates and misordering", "t6-competing-consumers", "naive", (c) => c.raceAnomalies > 0 && c.misordered > 0);
  mostSeeds("misordered effects", "t7-ordering", "naive", (c) => c.misordered > 0);
  mostSeeds("loss or duplicates", "t8-exactly-once", "naive", (c) => c.lost + c.duplicated > 0);
  mostSeeds("higher throughput than one consumer", "t6-competing-consumers", "naive", (c, t) => c.applied / (t.lastAppliedTick - t.firstCommitTick) > 1 / 13, 1);

  it("t3-lost-messages naive never duplicates, whatever the seed and faults", () => {
    fc.assert(fc.property(seed, faultPlan([...ALL_BUT_PRODUCER, "crashProducer"], 2), (s, plan) => {
      expect(play("t3-lost-messages", "naive", s, "naive", plan).totals.duplicated).toBe(0);
    }), { numRuns: RUNS });
  });

  it("t4-duplicates naive loses nothing: the drain retries what the round left", () => {
    for (let s = 1; s <= RUNS; s++) expect(play("t4-duplicates", "naive", s, "naive").totals.lost, `seed ${s}`).toBe(0);
  });
});
