import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { simulate } from "../sim/simulate.js";
import { createRound } from "../sim/round.js";
import { botCommand, createBot, NOTICE_TICKS } from "./bots.js";

const SEEDS = [1, 2, 3, 4, 5];

function round(scenario: string, variant: string, seed: number, strategy: "naive" | "careful" = "naive") {
  const result = simulate({ scenario, variant, seed, teams: 1, strategy });
  const drainAt = result.events.find((e) => e.type === "drainStarted")!.tick;
  return { ...result, drainAt };
}

const commands = (events: Emitted[], action: string) =>
  events.filter((e): e is Extract<Emitted, { type: "command" }> => e.type === "command" && e.command.action === action);

describe("bots", () => {
  it("a naive producer retries during the round, once it has noticed the time-out, the newest first; a careful one the oldest at once", () => {
    const r = createRound({ scenario: "t4-duplicates", variant: "naive", seed: 1, teams: 1 });
    const s = r.teams[0];
    const p = s.producers[0];
    const timeout = s.config.producer.ackTimeoutTicks;
    p.sent = p.stack.splice(0, 2).map((e, i) => ({ ...e, status: "timedOut" as const, token: i + 1, sentAt: 2 * i, attempts: 1 }));
    p.timedOut = 2;
    const decide = (strategy: "naive" | "careful", tick: number) => {
      s.tick = tick;
      return botCommand(s, createBot("P1", strategy, 1, 0));
    };
    expect(decide("naive", timeout + NOTICE_TICKS - 1)).toEqual({ seat: "P1", action: "send" }); // nothing noticed yet: new work goes on
    expect(decide("naive", 2 + timeout + NOTICE_TICKS - 1)).toEqual({ seat: "P1", action: "retry", msgId: "P1-1" });
    expect(decide("naive", 2 + timeout + NOTICE_TICKS)).toEqual({ seat: "P1", action: "retry", msgId: "P1-2" });
    expect(decide("careful", timeout)).toEqual({ seat: "P1", action: "retry", msgId: "P1-1" });
  });

  it("a naive producer retries during the round in a real one", () => {
    const { events, drainAt } = round("t4-duplicates", "naive", 2);
    expect(commands(events, "retry").filter((e) => e.tick < drainAt).length).toBeGreaterThan(3);
  });

  it("anomalies happen during play, where the class sees them, not in the drain", () => {
    const during = { t4: 0, t3: 0, t7: 0 };
    const all = { t4: 0, t3: 0, t7: 0 };
    for (const seed of SEEDS) {
      const t4 = round("t4-duplicates", "naive", seed);
      for (const a of t4.report.anomalies.filter((x) => x.kind === "duplicated")) {
        all.t4++;
        if (a.cause.tick < t4.drainAt) during.t4++;
      }
      const t3 = round("t3-lost-messages", "fixed", seed);
      for (const a of t3.report.anomalies.filter((x) => x.kind === "misordered" && x.cause.code === "misorderProducer")) {
        all.t3++;
        if (a.cause.tick < t3.drainAt) during.t3++;
      }
      const t7 = round("t7-ordering", "naive", seed);
      for (const a of t7.report.anomalies.filter((x) => x.kind === "misordered")) {
        all.t7++;
        if (a.cause.tick < t7.drainAt) during.t7++;
      }
    }
    for (const k of ["t4", "t3", "t7"] as const) {
      expect(all[k], k).toBeGreaterThan(0);
      expect(during[k] / all[k], k).toBeGreaterThan(0.9);
    }
  });

  it("send business events only once they are available", () => {
    for (const strategy of ["naive", "careful"] as const) {
      const { events } = round("t7-ordering", "naive", 1, strategy);
      expect(events.filter((e) => e.type === "commandRefused" && e.reason.code === "nextEventIn")).toHaveLength(0);
      expect(events.filter((e) => e.type === "committed")).toHaveLength(120);
    }
  });

  it("a careful consumer holds early tokens where Hold is allowed; a naive one does not", () => {
    const careful = round("t9-end-to-end", "chaos", 1, "careful");
    expect(
      commands(
        careful.events.filter((e) => e.tick < careful.drainAt),
        "hold",
      ).length,
    ).toBeGreaterThan(0);
    expect(careful.events.some((e) => e.type === "released" && e.reason === "gapClosed")).toBe(true);
    const naive = round("t9-end-to-end", "chaos", 1, "naive");
    expect(
      commands(
        naive.events.filter((e) => e.tick < naive.drainAt),
        "hold",
      ),
    ).toHaveLength(0);
  });

  it("a consumer picks only the inbox item its command reaches: a redelivered copy shares its token id with the first", () => {
    const r = createRound({ scenario: "t9-end-to-end", variant: "chaos", seed: 1, teams: 1, strategy: "careful" });
    const s = r.teams[0];
    const c = s.consumers[0];
    const token = { id: 7, msgId: "P1-3", key: "ana", seq: 3, amount: 10, dedupId: null, origin: "copy" as const, parent: 1 };
    const item = {
      token,
      delivery: 1,
      subscription: c.subscription,
      redelivered: false,
      receivedAt: 0,
      held: true,
      heldAt: 0,
      acked: false,
      deliveryCount: 1,
      failed: false,
      checked: null,
      processed: false,
    };
    c.inbox = [item, { ...item, delivery: 2, redelivered: true, held: false, heldAt: -1 }];
    for (const strategy of ["naive", "careful"] as const) expect(botCommand(s, createBot("C1", strategy, 1, 0)), strategy).toBeNull();
  });
});
