import { describe, expect, it } from "vitest";
import { post } from "./account.js";
import { findVariant } from "../scenarios/catalogue.js";
import { businessEvents } from "./team.js";

describe("business events", () => {
  const config = findVariant("t7-ordering", "naive")!;
  const producers = businessEvents(config, 5);

  it("are deposits and withdrawals that all succeed in seq order, each key opening with a deposit", () => {
    const byKey = new Map<string, { seq: number; amount: number }[]>();
    for (const e of producers.flat()) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
    let withdrawals = 0;
    for (const [key, events] of byKey) {
      events.sort((a, b) => a.seq - b.seq);
      expect(events[0].amount, key).toBeGreaterThan(0);
      let balance = 0;
      for (const e of events) {
        const p = post(balance, e.amount);
        expect(p.declined, `${key} seq ${e.seq}`).toBe(false);
        balance = p.balance;
        if (e.amount < 0) withdrawals++;
      }
    }
    expect(withdrawals).toBeGreaterThan(10);
  });

  it("include withdrawals that only succeed after the deposit before them", () => {
    const dependent = producers.flat().filter((e, _, all) => {
      if (e.amount >= 0) return false;
      const before = all.filter((x) => x.key === e.key && x.seq < e.seq);
      const withoutLastDeposit = before.filter((x) => x.seq !== Math.max(...before.filter((d) => d.amount > 0).map((d) => d.seq)));
      const balance = withoutLastDeposit.sort((a, b) => a.seq - b.seq).reduce((b, x) => post(b, x.amount).balance, 0);
      return post(balance, e.amount).declined;
    });
    expect(dependent.length).toBeGreaterThan(5);
  });

  it("become available over most of the round, in bursts of one key, in stack order", () => {
    for (const events of producers) {
      for (let i = 1; i < events.length; i++) expect(events[i].availableAt).toBeGreaterThanOrEqual(events[i - 1].availableAt);
      const last = events[events.length - 1].availableAt;
      expect(last).toBeGreaterThan(0.6 * config.roundTicks);
      expect(last).toBeLessThan(config.roundTicks);
      const bursts = new Map<number, Set<string>>();
      for (const e of events) bursts.set(e.availableAt, (bursts.get(e.availableAt) ?? new Set()).add(e.key));
      for (const keys of bursts.values()) expect(keys.size).toBe(1);
    }
  });
});
