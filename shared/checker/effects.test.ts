import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { ApplicationsTracker, EffectLedger, type Applied } from "./effects.js";

let tick = 0;
const ev = (e: Record<string, unknown>): Emitted => ({ tick: tick++, team: 0, ...e }) as unknown as Emitted;
const committed = (msgId: string, key: string, seq: number) => ev({ type: "committed", msgId, key, seq, producer: "P1" });
const applied = (msgId: string, sub: string, key: string, seq: number, readVersion: number, writeVersion: number) =>
  ev({ type: "applied", msgId, subscription: sub, consumer: "C1", token: 1, key, seq, amount: 10, balance: 10, readVersion, writeVersion }) as Applied;

describe("ApplicationsTracker", () => {
  it("numbers the applications of each effect, per subscription", () => {
    const t = new ApplicationsTracker();
    expect(t.apply(applied("P1-1", "billing", "ana", 1, 0, 1)).nth).toBe(1);
    expect(t.apply(applied("P1-1", "shipping", "ana", 1, 0, 1)).nth).toBe(1);
    expect(t.apply(applied("P1-1", "billing", "ana", 1, 1, 2)).nth).toBe(2);
    expect(t.apply(applied("P1-1", "billing", "ana", 1, 2, 3)).nth).toBe(3);
  });

  it("flags a first application after a higher seq of the same key and subscription, naming the highest", () => {
    const t = new ApplicationsTracker();
    t.apply(applied("P1-2", "q", "ana", 2, 0, 1));
    t.apply(applied("P1-3", "q", "ana", 3, 1, 2));
    expect(t.apply(applied("P1-9", "q", "bruno", 1, 0, 1)).overtakenBy).toBeNull();
    expect(t.apply(applied("P1-1", "q", "ana", 1, 2, 3)).overtakenBy).toMatchObject({ msgId: "P1-3", seq: 3 });
    // A second application is a duplicate, never a misordering.
    expect(t.apply(applied("P1-2", "q", "ana", 2, 3, 4)).overtakenBy).toBeNull();
  });

  it("judges each team apart", () => {
    const t = new ApplicationsTracker();
    t.apply(applied("P1-2", "q", "ana", 2, 0, 1));
    const other = { ...applied("P1-1", "q", "ana", 1, 0, 1), team: 1 };
    expect(t.apply(other)).toMatchObject({ nth: 1, overtakenBy: null });
    expect(t.apply({ ...applied("P1-2", "q", "ana", 2, 1, 2), team: 1 }).nth).toBe(1);
  });

  it("a write that does not follow the version it read is a lost update", () => {
    const t = new ApplicationsTracker();
    expect(t.apply(applied("P1-1", "q", "ana", 1, 0, 1)).lostUpdate).toBe(false);
    expect(t.apply(applied("P1-2", "q", "ana", 2, 0, 2)).lostUpdate).toBe(true);
  });
});

describe("EffectLedger", () => {
  const facts = { subscriptions: ["q"], writesToDb: false };

  it("counts a duplicate once, and each application beyond the first", () => {
    const l = new EffectLedger(facts);
    for (const e of [
      committed("P1-1", "ana", 1),
      applied("P1-1", "q", "ana", 1, 0, 1),
      applied("P1-1", "q", "ana", 1, 1, 2),
      applied("P1-1", "q", "ana", 1, 2, 3),
    ])
      l.add(e);
    expect(l.counts).toMatchObject({ committed: 1, applied: 3, duplicated: 1, extraApplications: 2 });
  });

  it("judges applications that came before their commit when the commit comes (publish, then save)", () => {
    const l = new EffectLedger(facts);
    l.add(committed("P1-2", "ana", 2));
    l.add(applied("P1-2", "q", "ana", 2, 0, 1));
    l.add(applied("P1-1", "q", "ana", 1, 1, 2));
    l.add(applied("P1-1", "q", "ana", 1, 2, 3));
    expect(l.counts).toMatchObject({ duplicated: 0, misordered: 0 });
    l.add(committed("P1-1", "ana", 1));
    expect(l.counts).toMatchObject({ committed: 2, duplicated: 1, extraApplications: 1, misordered: 1 });
  });

  it("never counts duplicates or misorderings of an event that was never committed", () => {
    const l = new EffectLedger(facts);
    l.add(committed("P1-2", "ana", 2));
    l.add(applied("P1-2", "q", "ana", 2, 0, 1));
    l.add(applied("P1-1", "q", "ana", 1, 1, 2));
    l.add(applied("P1-1", "q", "ana", 1, 2, 3));
    expect(l.settle()).toMatchObject({ committed: 1, applied: 3, duplicated: 0, misordered: 0, lost: 0 });
  });

  it("settles lost effects per subscription and DB/publish disagreements", () => {
    const l = new EffectLedger({ subscriptions: ["billing", "shipping"], writesToDb: true });
    l.add(ev({ type: "dbWritten", msgId: "P1-1", producer: "P1", outbox: false }));
    l.add(committed("P1-1", "ana", 1));
    l.add(applied("P1-1", "billing", "ana", 1, 0, 1));
    l.add(ev({ type: "accepted", token: 4, msgId: "P1-2", dedupId: null }));
    expect(l.counts.lost).toBe(0);
    expect(l.settle()).toMatchObject({ lost: 1, inconsistent: 2 });
    expect(l.lost().map((x) => x.subscription)).toEqual(["shipping"]);
  });

  it("counts, as they happen, the keys whose balance a lost update has made wrong, and each stale write", () => {
    const l = new EffectLedger(facts);
    const at = (msgId: string, key: string, amount: number, balance: number, read: number, write: number) =>
      ev({
        type: "applied",
        msgId,
        subscription: "q",
        consumer: "C1",
        token: 1,
        key,
        seq: 1,
        amount,
        balance,
        readVersion: read,
        writeVersion: write,
      }) as Applied;
    l.add(at("P1-1", "ana", 10, 10, 0, 1));
    l.add(at("P1-2", "ana", 5, 5, 0, 2)); // read 0, wrote over the 10: ana is now wrong (5, not 15)
    expect(l.counts).toMatchObject({ raceAnomalies: 1, staleWrites: 1 });
    l.add(at("P1-3", "bruno", 7, 7, 0, 1));
    l.add(at("P1-4", "ana", 10, 15, 2, 3)); // a right write on top of a wrong balance: still wrong
    expect(l.counts).toMatchObject({ raceAnomalies: 1, staleWrites: 1 });
    expect(l.raceKeys()).toEqual([expect.objectContaining({ key: "ana", subscription: "q", first: expect.objectContaining({ msgId: "P1-2" }) })]);
  });

  it("a declined withdrawal is no write: never a stale write, whatever its versions", () => {
    const t = new ApplicationsTracker();
    const declined = { ...applied("P1-1", "q", "ana", 1, 3, 3), amount: -50, declined: true as const };
    expect(t.apply(declined).lostUpdate).toBe(false);
  });

  it("does not judge final states in a log whose committed events carry no amount (engine 1)", () => {
    const l = new EffectLedger(facts);
    l.add(committed("P1-1", "ana", 1));
    l.add(applied("P1-1", "q", "ana", 1, 0, 1));
    expect(l.settle().wrongFinalState).toBe(0);
    const withAmount = new EffectLedger(facts);
    withAmount.add({ ...committed("P1-1", "ana", 1), amount: 30 } as Emitted);
    expect(withAmount.settle().wrongFinalState).toBe(1);
  });
});
