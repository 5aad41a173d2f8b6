// The fixes of docs/contracts.md#scenario-ids, each a variant of its own: what each shows or guarantees, with the
// default (naive) bots — a fix lives in the variant's configuration, not in a careful student —
// over random seeds and random extra faults of the kinds the claim is about, and, where a
// variant shows an anomaly, that it shows it in most seeds of its own schedule and that every
// such anomaly has the variant's mechanism as its cause. A failure prints the seed and plan.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Anomaly, Counts, TeamReport } from "../shared/checker/checker.js";
import type { Emitted } from "../shared/engine/kernel.js";
import { ALL_BUT_PRODUCER, faultPlan, play, seed, type FaultKind, type Plan } from "./helpers/faultPlans.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);

interface Round {
  totals: Counts;
  team: TeamReport;
  anomalies: Anomaly[];
  events: Emitted[];
}

/** The claim holds in every round: random seeds, random extra faults, naive bots. */
function always(name: string, scenario: string, variant: string, plan: Plan, assert: (r: Round) => void): void {
  it(`${scenario} ${variant}: ${name}, every seed and fault plan`, () => {
    fc.assert(
      fc.property(seed, faultPlan(plan), (s, faults) => {
        assert(play(scenario, variant, s, "naive", faults));
      }),
      { numRuns: RUNS, verbose: true },
    );
  });
}

/** The variant shows it in most seeds of its own schedule (80%). */
function mostSeeds(name: string, scenario: string, variant: string, shows: (r: Round) => boolean): void {
  it(`${scenario} ${variant}: ${name} in most seeds`, () => {
    const missing: number[] = [];
    for (let s = 1; s <= RUNS; s++) if (!shows(play(scenario, variant, s, "naive"))) missing.push(s);
    expect(missing.length, `seeds without it: ${missing.join(", ")}`).toBeLessThanOrEqual(Math.floor(RUNS * 0.2));
  });
}

const causes = (r: Round, kind: Anomaly["kind"]): string[] => [...new Set(r.anomalies.filter((a) => a.kind === kind).map((a) => a.cause.code))];
const throughput = (r: Round) => r.totals.applied / (r.team.lastAppliedTick - r.team.firstCommitTick);
const EVERYTHING: FaultKind[] = [...ALL_BUT_PRODUCER, "crashProducer"];
const consumerSide = (consumers: number): Plan => ({
  kinds: ["crashConsumer", "cut", "dropToken", "dropAck", "loss", "slow"],
  consumers,
  links: Array.from({ length: consumers }, (_, i) => [`B>C${i + 1}`, `C${i + 1}>B`]).flat(),
});

describe("t3-lost-messages: the consumer's and the broker's own ways to lose", () => {
  mostSeeds("losses", "t3-lost-messages", "ack-before", (r) => r.totals.lost > 0);
  always("every loss is a consumer crash after its early ack", "t3-lost-messages", "ack-before", { kinds: ALL_BUT_PRODUCER, consumers: 2 }, (r) =>
    expect(causes(r, "lost")).toEqual(r.totals.lost ? ["consumerCrashAfterAck"] : []),
  );
  mostSeeds("losses", "t3-lost-messages", "short-retention", (r) => r.totals.lost > 0);
  always("every loss is a message retention deleted unread", "t3-lost-messages", "short-retention", { kinds: ALL_BUT_PRODUCER, consumers: 2 }, (r) =>
    expect(causes(r, "lost")).toEqual(r.totals.lost ? ["retentionExpired"] : []),
  );
});

describe("t4-duplicates: de-duplication at one end, or in the consumer's transaction", () => {
  const REDELIVERY = ["ackLost", "dupRedeliveryCrash", "dupRedeliveryTimeout", "dupBrokerRestart"];
  mostSeeds("duplicates", "t4-duplicates", "broker-dedup", (r) => r.totals.duplicated > 0);
  // A broker that keeps its de-dup entries (no broker crash) drops every producer retry: what is left are redeliveries.
  always(
    "no loss, and every duplicate is a redelivery, none a producer retry",
    "t4-duplicates",
    "broker-dedup",
    { kinds: ["crashConsumer", "cut", "dropToken", "dropAck", "loss", "slow"], consumers: 2 },
    (r) => {
      expect(r.totals.lost).toBe(0);
      for (const code of causes(r, "duplicated")) expect(REDELIVERY).toContain(code);
    },
  );
  mostSeeds("duplicates", "t4-duplicates", "dedup-table", (r) => r.totals.duplicated > 0);
  always(
    "no loss, and every duplicate is a crash between the effect and its id",
    "t4-duplicates",
    "dedup-table",
    { kinds: ALL_BUT_PRODUCER, consumers: 2 },
    (r) => {
      expect(r.totals.lost).toBe(0);
      expect(causes(r, "duplicated")).toEqual(r.totals.duplicated ? ["dupSeparateWrite"] : []);
    },
  );
  always("no loss and no duplicated effect", "t4-duplicates", "transactional-inbox", { kinds: ALL_BUT_PRODUCER, consumers: 2 }, (r) =>
    expect([r.totals.lost, r.totals.duplicated]).toEqual([0, 0]),
  );
});

describe("t5-dual-writes: the other order, the commit log, one write only", () => {
  mostSeeds("events published and never saved", "t5-dual-writes", "publish-first", (r) => r.totals.inconsistent > 0);
  // A publish lost on its way and then forgotten in a crash leaves a DB-only event in either order: these faults let publishes through.
  const publishesGetThrough: Plan = {
    kinds: ["crashProducer", "crashConsumer", "cut", "dropToken", "dropAck", "loss", "slow"],
    consumers: 2,
    links: ["B>C1", "C1>B", "B>C2", "C2>B"],
  };
  always("every inconsistency is an event published and never saved", "t5-dual-writes", "publish-first", publishesGetThrough, (r) =>
    expect(causes(r, "inconsistent")).toEqual(r.totals.inconsistent ? ["inconsistentPublishedOnly"] : []),
  );
  always("no inconsistency, no loss, no duplicate", "t5-dual-writes", "outbox-cdc", { kinds: EVERYTHING, consumers: 2 }, (r) =>
    expect([r.totals.inconsistent, r.totals.lost, r.totals.duplicated]).toEqual([0, 0, 0]),
  );
  // The consumers' own redeliveries may reorder; the relay does not: faults on the producer, its link and the broker.
  const producerSide: Plan = { kinds: ["crashProducer", "crashBroker", "cut", "dropToken", "dropAck", "loss"], consumers: 2, links: ["P1>B", "B>P1"] };
  always("the broker receives the rows in commit order: nothing misordered", "t5-dual-writes", "outbox-cdc", producerSide, (r) =>
    expect(r.totals.misordered).toBe(0),
  );
  it("t5-dual-writes: a lost publish puts a polled row behind later ones, never a row read from the commit log", () => {
    const lost = (s: number) =>
      Array.from({ length: 8 }, (_, i) => ({ tick: 100 + i * 130 + (s % 7), fault: { kind: "dropNextToken" as const, link: "P1>B" } }));
    let polled = 0;
    for (let s = 1; s <= RUNS; s++) {
      polled += play("t5-dual-writes", "fixed", s, "naive", lost(s)).totals.misordered;
      expect(play("t5-dual-writes", "outbox-cdc", s, "naive", lost(s)).totals.misordered, `seed ${s}`).toBe(0);
    }
    expect(polled).toBeGreaterThan(0);
  });
  always(
    "no inconsistency while the broker keeps what it delivered",
    "t5-dual-writes",
    "listen-to-yourself",
    { kinds: ["crashProducer", "crashConsumer", "cut", "dropToken", "dropAck", "loss", "slow"], consumers: 3 },
    (r) => expect(r.totals.inconsistent).toBe(0),
  );
  // A broker crash can take a copy it had not persisted yet, after delivering the others: if the
  // producer's crash forgot the publish, the service's own subscription is the one without it.
  always(
    "any inconsistency is the service's own subscription missing its event",
    "t5-dual-writes",
    "listen-to-yourself",
    { kinds: EVERYTHING, consumers: 3 },
    (r) => expect(causes(r, "inconsistent")).toEqual(r.totals.inconsistent ? ["inconsistentOwnEventLost"] : []),
  );
  always(
    "no duplicated effect; a loss only where the producer crashed and forgot its publish",
    "t5-dual-writes",
    "listen-to-yourself",
    { kinds: EVERYTHING, consumers: 3 },
    (r) => {
      expect(r.totals.duplicated).toBe(0);
      for (const a of r.anomalies.filter((x) => x.kind === "lost"))
        expect(
          a.cause.chain.some((step) => step.type === "forgotten"),
          a.msgId,
        ).toBe(true);
    },
  );
});

describe("t6-competing-consumers: one consumer, a lock with a lease, compare-and-set", () => {
  always("no race", "t6-competing-consumers", "single-consumer", consumerSide(1), (r) =>
    expect([r.totals.raceAnomalies, r.totals.staleWrites]).toEqual([0, 0]),
  );
  it("t6-competing-consumers single-consumer: about a third of three competing consumers' throughput", () => {
    let one = 0;
    let three = 0;
    for (let s = 1; s <= RUNS; s++) {
      one += throughput(play("t6-competing-consumers", "single-consumer", s, "naive"));
      three += throughput(play("t6-competing-consumers", "naive", s, "naive"));
    }
    expect(one / three).toBeGreaterThan(0.2);
    expect(one / three).toBeLessThan(0.5);
  });
  always("no race", "t6-competing-consumers", "lock", consumerSide(3), (r) => expect([r.totals.raceAnomalies, r.totals.staleWrites]).toEqual([0, 0]));
  mostSeeds("a crashed holder's lease running out", "t6-competing-consumers", "lock", (r) => r.events.some((e) => e.type === "leaseExpired"));
  always("nobody writes a key while a crashed holder's lease lasts", "t6-competing-consumers", "lock", consumerSide(3), (r) => {
    for (const end of r.events)
      if (end.type === "leaseExpired") {
        const during = r.events.filter((e) => e.type === "applied" && !e.declined && e.key === end.key && e.tick > end.crashedAt && e.tick < end.tick);
        expect(during, `${end.key} between ${end.crashedAt} and ${end.tick}`).toEqual([]);
      }
  });
  always("no race", "t6-competing-consumers", "optimistic", consumerSide(3), (r) => expect([r.totals.raceAnomalies, r.totals.staleWrites]).toEqual([0, 0]));
  mostSeeds(
    "conflicts, counted",
    "t6-competing-consumers",
    "optimistic",
    (r) => r.totals.conflicts > 0 && r.totals.conflicts === r.events.filter((e) => e.type === "conflict").length,
  );
});

describe("t7-ordering: the broker's way, the consumer's way, and the source", () => {
  always("strict per-key order", "t7-ordering", "kafka-partition", { kinds: ALL_BUT_PRODUCER, consumers: 2 }, (r) => {
    expect(r.totals.committed).toBeGreaterThan(0);
    expect(r.totals.misordered).toBe(0);
  });
  mostSeeds("no misordering at all", "t7-ordering", "resequencer", (r) => r.totals.misordered === 0);
  always("every misordering is a hold that gave up or a full buffer", "t7-ordering", "resequencer", { kinds: ALL_BUT_PRODUCER, consumers: 2 }, (r) => {
    for (const code of causes(r, "misordered")) expect(["misorderHoldGaveUp", "misorderHoldFull"]).toContain(code);
  });
  mostSeeds("misordered effects", "t7-ordering", "parallel-producer", (r) => r.totals.misordered > 0);
  always("every misordering starts at the source: the producer or its publish link", "t7-ordering", "parallel-producer", consumerSide(2), (r) => {
    for (const a of r.anomalies.filter((x) => x.kind === "misordered")) {
      expect(["producer", "network"]).toContain(a.cause.end);
      if (a.cause.end === "network") expect(a.cause.link).toBe("P1>B");
    }
  });
});

describe("t8-exactly-once: Kafka transactions, and no broker at all", () => {
  always(
    "nothing lost; inside the broker nothing applied twice; every duplicate is outside it",
    "t8-exactly-once",
    "kafka-transactions",
    { kinds: EVERYTHING, consumers: 2 },
    (r) => {
      expect(r.totals.lost).toBe(0);
      for (const a of r.anomalies.filter((x) => x.kind === "duplicated")) expect(a.subscription).toBe("bank");
    },
  );
  mostSeeds("a duplicated call outside the transaction", "t8-exactly-once", "kafka-transactions", (r) =>
    r.anomalies.some((a) => a.kind === "duplicated" && a.subscription === "bank" && a.cause.code === "dupOutsideTransaction"),
  );
  always("no loss, no duplicate, key order kept", "t8-exactly-once", "shared-db", { kinds: EVERYTHING, consumers: 2 }, (r) =>
    expect([r.totals.lost, r.totals.duplicated, r.totals.misordered]).toEqual([0, 0, 0]),
  );
});

describe("t9-end-to-end: every end doing its part", () => {
  always("zero anomalies of every kind", "t9-end-to-end", "cooperative", { kinds: [...EVERYTHING], consumers: 3 }, (r) => {
    const t = r.totals;
    expect(t.committed).toBeGreaterThan(0);
    expect({
      lost: t.lost,
      duplicated: t.duplicated,
      misordered: t.misordered,
      inconsistent: t.inconsistent,
      race: t.raceAnomalies,
      stale: t.staleWrites,
      wrong: t.wrongFinalState,
      refused: t.refused,
    }).toEqual({
      lost: 0,
      duplicated: 0,
      misordered: 0,
      inconsistent: 0,
      race: 0,
      stale: 0,
      wrong: 0,
      refused: 0,
    });
  });
});
