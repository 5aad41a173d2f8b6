import { describe, expect, it } from "vitest";
import { createRound, stepRound } from "../sim/round.js";
import { actionsFor } from "../scenarios/catalogue.js";
import { seatView } from "../view/seatView.js";
import { seatBotAction } from "./seatBot.js";
import type { Command } from "../engine/types.js";
import type { ConsumerSeat, ProducerSeat } from "../view/seatView.js";

describe("seat bot", () => {
  it("plays a round from seat views alone: every action it chooses is accepted or refused with a reason, and work gets done", () => {
    const round = createRound({
      scenario: "t4-duplicates",
      variant: "fixed",
      seed: 3,
      teams: 1,
      players: ["P1", "C1", "C2"].map((seat) => ({ team: 0, seat, name: seat })),
    });
    const config = round.header.config;
    const seats = { P1: "producer", C1: "consumer", C2: "consumer" } as const;
    let applied = 0;
    for (let tick = 0; tick < 900; tick++) {
      const commands: Command[] = [];
      for (const [seat, role] of Object.entries(seats)) {
        const act = seatBotAction({ seat, role, actions: actionsFor(config, role), view: seatView(round.teams[0], seat) }, "careful", tick % 14 === 0);
        if (act) commands.push({ seat, ...act } as never);
      }
      for (const e of stepRound(round, new Map([[0, commands]]))) if (e.type === "applied") applied++;
    }
    expect(applied).toBeGreaterThan(60);
  });

  it("waits while its node is down and never starts new work when not allowed to", () => {
    const view: ProducerSeat = {
      role: "producer",
      up: false,
      next: { msgId: "P1-1", key: "ana", seq: 1, amount: 5 },
      remaining: 1,
      nextInTicks: 0,
      ready: 1,
      sent: [],
      inFlight: 0,
      halfDone: null,
      outbox: 0,
    };
    expect(seatBotAction({ seat: "P1", role: "producer", actions: ["send"], view }, "careful", true)).toBeNull();
    expect(seatBotAction({ seat: "P1", role: "producer", actions: ["send"], view: { ...view, up: true } }, "careful", false)).toBeNull();
    expect(seatBotAction({ seat: "P1", role: "producer", actions: ["send"], view: { ...view, up: true } }, "careful", true)).toEqual({ action: "send" });
    expect(
      seatBotAction({ seat: "P1", role: "producer", actions: ["send"], view: { ...view, up: true, nextInTicks: 3, ready: 0 } }, "careful", true),
    ).toBeNull();
  });

  it("retries what timed out, the newcomer the newest first (the top of the phone's list), the careful one the oldest", () => {
    const sent = ["P1-3", "P1-2", "P1-1"].map((msgId) => ({
      msgId,
      key: "ana",
      seq: Number(msgId.slice(3)),
      status: msgId === "P1-3" ? "pending" : "timedOut",
      attempts: 1,
    }));
    const view: ProducerSeat = {
      role: "producer",
      up: true,
      next: null,
      remaining: 0,
      nextInTicks: null,
      ready: 0,
      sent,
      inFlight: 1,
      halfDone: null,
      outbox: 0,
    };
    const detail = { seat: "P1", role: "producer" as const, actions: ["send" as const, "retry" as const], view };
    expect(seatBotAction(detail, "naive", true)).toEqual({ action: "retry", msgId: "P1-2" });
    expect(seatBotAction(detail, "careful", true)).toEqual({ action: "retry", msgId: "P1-1" });
  });

  it("hands a failed processing back with a nack and requeue where it may (the newcomer), or processes it again (the careful one)", () => {
    const item = {
      token: 4,
      msgId: "P1-1",
      key: "ana",
      seq: 1,
      amount: 5,
      redelivered: false,
      deliveryCount: 1,
      acked: false,
      processed: false,
      failed: true,
      checked: null,
      held: false,
    };
    const view: ConsumerSeat = { role: "consumer", up: true, subscription: "orders", inbox: [item], processing: null, slow: false };
    const detail = { seat: "C1", role: "consumer" as const, actions: ["process" as const, "ack" as const, "nack" as const], view };
    expect(seatBotAction(detail, "naive", true)).toEqual({ action: "nack", token: 4, requeue: true });
    expect(seatBotAction(detail, "careful", true)).toEqual({ action: "process", token: 4 });
    expect(seatBotAction({ ...detail, actions: ["process", "ack"] }, "naive", true)).toEqual({ action: "process", token: 4 });
  });

  it("acks a delivery on receipt where the ack comes first, then processes it", () => {
    const item = {
      token: 4,
      msgId: "P1-1",
      key: "ana",
      seq: 1,
      amount: 5,
      redelivered: false,
      deliveryCount: 1,
      acked: false,
      processed: false,
      failed: false,
      checked: null,
      held: false,
    };
    const view: ConsumerSeat = { role: "consumer", up: true, subscription: "orders", inbox: [item], processing: null, slow: false, ackFirst: true };
    const detail = { seat: "C1", role: "consumer" as const, actions: ["process" as const, "ack" as const], view };
    expect(seatBotAction(detail, "naive", true)).toEqual({ action: "ack", token: 4 });
    expect(seatBotAction({ ...detail, view: { ...view, inbox: [{ ...item, acked: true }] } }, "naive", true)).toEqual({ action: "process", token: 4 });
  });
});
