import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { findVariant } from "../scenarios/catalogue.js";
import type { LogHeader } from "../sim/round.js";
import { simulate } from "../sim/simulate.js";
import { check } from "./checker.js";

function header(subscriptions: string[], write: "publishOnly" | "dualWrite" = "publishOnly"): LogHeader {
  const config = structuredClone(findVariant("t3-lost-messages", "naive")!);
  config.producer.write = write;
  return {
    type: "header",
    gameId: "g",
    scenario: "t3-lost-messages",
    variant: "naive",
    seed: 1,
    engineVersion: "x",
    tickMs: 100,
    roundTicks: 10,
    teams: [{ team: 0, subscriptions, players: [] }],
    config,
  };
}

let tick = 0;
const ev = (e: Record<string, unknown>): Emitted => ({ tick: tick++, team: 0, ...e }) as unknown as Emitted;
const committed = (msgId: string, key: string, seq: number, amount = 10) => ev({ type: "committed", msgId, key, seq, amount, producer: "P1" });
const applied = (
  msgId: string,
  sub: string,
  key: string,
  seq: number,
  readVersion: number,
  writeVersion: number,
  token = 1,
  consumer = "C1",
  balance = 10 * writeVersion,
) => ev({ type: "applied", msgId, subscription: sub, consumer, token, key, seq, amount: 10, balance, readVersion, writeVersion });
/** An application of `amount` that left `balance` (declined: the withdrawal was refused and nothing written). */
const posted = (msgId: string, key: string, seq: number, amount: number, balance: number, read: number, write: number, declined = false) =>
  ev({
    type: "applied",
    msgId,
    subscription: "q",
    consumer: "C1",
    token: 1,
    key,
    seq,
    amount,
    balance,
    readVersion: read,
    writeVersion: write,
    ...(declined ? { declined: true } : {}),
  });

describe("checker", () => {
  it("counts lost, duplicated and misordered per expected effect (event x subscription)", () => {
    tick = 0;
    const events = [
      committed("P1-1", "ana", 1),
      committed("P1-2", "ana", 2),
      committed("P1-3", "ana", 3),
      applied("P1-2", "billing", "ana", 2, 0, 1),
      applied("P1-1", "billing", "ana", 1, 1, 2), // after seq 2: misordered
      applied("P1-1", "billing", "ana", 1, 2, 3), // second application: duplicated
      applied("P1-3", "billing", "ana", 3, 3, 4),
      applied("P1-1", "shipping", "ana", 1, 0, 1),
      // shipping never applies P1-2 and P1-3: two lost effects
    ];
    const r = check(header(["billing", "shipping"]), events);
    expect(r.totals).toMatchObject({
      committed: 3,
      applied: 5,
      lost: 2,
      duplicated: 1,
      extraApplications: 1,
      misordered: 1,
      raceAnomalies: 0,
      inconsistent: 0,
    });
    expect(
      r.anomalies
        .filter((a) => a.kind === "lost")
        .map((a) => `${a.msgId}/${a.subscription}`)
        .sort(),
    ).toEqual(["P1-2/shipping", "P1-3/shipping"]);
  });

  it("misordered counts only the first application of each effect", () => {
    tick = 0;
    const events = [
      committed("P1-1", "ana", 1),
      committed("P1-2", "ana", 2),
      applied("P1-1", "q", "ana", 1, 0, 1),
      applied("P1-2", "q", "ana", 2, 1, 2),
      applied("P1-1", "q", "ana", 1, 2, 3),
    ];
    expect(check(header(["q"]), events).totals).toMatchObject({ misordered: 0, duplicated: 1 });
  });

  it("a key whose balance a stale write made wrong is one race anomaly; each stale write is counted apart, with the other consumer named", () => {
    tick = 0;
    const events = [
      committed("P1-1", "ana", 1),
      committed("P1-2", "ana", 2),
      committed("P1-3", "ana", 3),
      applied("P1-1", "q", "ana", 1, 0, 1, 1, "C1", 10),
      applied("P1-2", "q", "ana", 2, 0, 2, 2, "C2", 10), // read 0 before C1 wrote: C1's deposit is erased
      applied("P1-3", "q", "ana", 3, 1, 3, 3, "C2", 20), // read version 1 after version 2 was written: stale again
    ];
    const r = check(header(["q"]), events);
    expect(r.totals).toMatchObject({ raceAnomalies: 1, staleWrites: 2, wrongFinalState: 1 });
    const race = r.anomalies.find((a) => a.kind === "race");
    expect(race).toMatchObject({ msgId: "P1-2", key: "ana", subscription: "q" });
    expect(race?.cause).toMatchObject({ code: "raceLostUpdate", consumer: "C2", otherConsumer: "C1", end: "consumer" });
  });

  it("a stale read that leaves the balance as serial application would is no race anomaly", () => {
    tick = 0;
    // Two consumers read 0; the second's withdrawal of 10 is declined on its read, as it would be one after another too.
    const events = [
      committed("P1-1", "ana", 1, 5),
      committed("P1-2", "ana", 2, -10),
      posted("P1-1", "ana", 1, 5, 5, 0, 1),
      posted("P1-2", "ana", 2, -10, 5, 0, 1, true),
    ];
    expect(check(header(["q"]), events).totals).toMatchObject({ raceAnomalies: 0, staleWrites: 0 });
  });

  it("wrong final state: a withdrawal applied before the deposit it needs is declined, and the balance ends wrong", () => {
    tick = 0;
    const events = [
      committed("P1-1", "carla", 1, 50),
      committed("P1-2", "carla", 2, -30),
      posted("P1-2", "carla", 2, -30, 0, 0, 0, true), // first: 0 - 30 would overdraw, declined
      posted("P1-1", "carla", 1, 50, 50, 0, 1),
    ];
    const r = check(header(["q"]), events);
    expect(r.totals).toMatchObject({ misordered: 1, wrongFinalState: 1, raceAnomalies: 0, lost: 0 });
    const wrong = r.anomalies.find((a) => a.kind === "wrongFinalState");
    expect(wrong).toMatchObject({ key: "carla", subscription: "q", final: 50, expected: 20, msgId: "P1-1" });
    expect(wrong?.cause).toMatchObject({ code: "wrongFinalState", end: "consumer" });
    expect(wrong?.cause.chain.map((c) => c.type)).toEqual(["applied", "applied"]);
  });

  it("wrong final state per subscription: a loss, a duplicate, or a key applied nowhere; in order and once is right", () => {
    tick = 0;
    const events = [
      committed("P1-1", "ana", 1, 20),
      committed("P1-2", "ana", 2, -15),
      committed("P1-3", "bruno", 1, 7),
      posted("P1-1", "ana", 1, 20, 20, 0, 1),
      posted("P1-2", "ana", 2, -15, 5, 1, 2),
      posted("P1-3", "bruno", 1, 7, 7, 0, 1),
      posted("P1-3", "bruno", 1, 7, 14, 1, 2), // duplicated deposit
    ];
    const r = check(header(["q", "other"]), events);
    // q: ana right (5), bruno wrong (14, not 7); other: nothing applied, ana (5) and bruno (7) wrong.
    expect(r.totals.wrongFinalState).toBe(3);
    expect(r.anomalies.filter((a) => a.kind === "wrongFinalState").map((a) => `${a.subscription}/${a.key}:${a.final}/${a.expected}`)).toEqual([
      "q/bruno:14/7",
      "other/ana:0/5",
      "other/bruno:0/7",
    ]);
  });

  it("inconsistent: saved but never published, or published but never saved", () => {
    tick = 0;
    const events = [
      ev({ type: "hop", kind: "publish", link: "P1>B", token: 5, msgId: "P1-2", arrive: 6, origin: "send" }),
      ev({ type: "dbWritten", msgId: "P1-1", producer: "P1", outbox: false }),
      committed("P1-1", "ana", 1),
      ev({ type: "crashed", node: "P1", until: 50 }),
      ev({ type: "accepted", token: 5, msgId: "P1-2", dedupId: null }),
    ];
    const r = check(header(["q"], "dualWrite"), events);
    expect(r.totals.inconsistent).toBe(2);
    expect(r.anomalies.find((a) => a.msgId === "P1-1" && a.kind === "inconsistent")?.cause).toMatchObject({ code: "inconsistentDbOnly", tick: 3, node: "P1" });
    expect(r.anomalies.find((a) => a.msgId === "P1-2")?.cause.code).toBe("inconsistentPublishedOnly");
  });

  it("refused work is counted apart and never as lost", () => {
    tick = 0;
    const r = check(header(["q"]), [ev({ type: "refused", msgId: "P1-1", key: "ana", seq: 1, producer: "P1", reason: "consumerUnavailable" })]);
    expect(r.totals).toMatchObject({ refused: 1, lost: 0, committed: 0 });
  });

  it("explains losses in real rounds: broker crash not durable, link loss, consumer crash under auto-ack", () => {
    const codes = new Set<string>();
    for (let seed = 1; seed <= 6; seed++) {
      const { report } = simulate({ scenario: "t3-lost-messages", variant: "naive", seed, teams: 1 });
      // Fire-and-forget only loses: every other anomaly is a balance the losses left wrong.
      expect(
        report.anomalies.every((a) => a.kind === "lost" || a.kind === "wrongFinalState"),
        `seed ${seed}`,
      ).toBe(true);
      for (const a of report.anomalies.filter((x) => x.kind === "lost")) {
        expect(a.cause.chain.length, `seed ${seed}`).toBeGreaterThan(0);
        codes.add(a.cause.code);
      }
    }
    expect(codes).toContain("brokerCrashNotDurable");
    expect(codes).toContain("consumerCrashAutoAck");
    expect([...codes].some((c) => c === "linkLoss" || c === "neverRetried")).toBe(true);
  });

  it("explains duplicates in real rounds: producer retries and redeliveries", () => {
    const codes = new Set<string>();
    for (let seed = 1; seed <= 6; seed++)
      for (const a of simulate({ scenario: "t4-duplicates", variant: "naive", seed, teams: 1, strategy: "careful" }).report.anomalies)
        if (a.kind === "duplicated") codes.add(a.cause.code);
    expect(codes).toContain("dupProducerRetry");
    expect([...codes].some((c) => c.startsWith("dupRedelivery"))).toBe(true);
  });

  it("attributes every anomaly of the chaos round to an end", () => {
    const { report } = simulate({ scenario: "t9-end-to-end", variant: "chaos", seed: 4, teams: 1 });
    expect(report.anomalies.length).toBeGreaterThan(0);
    for (const a of report.anomalies) expect(["producer", "broker", "consumer", "network"]).toContain(a.cause.end);
  });
});
