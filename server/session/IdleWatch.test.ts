import { describe, expect, it } from "vitest";
import { TICK_MS } from "../../shared/engine/config.js";
import { classroom, holderOf, startRound, tickUntil, type TestRoom } from "./testKit.js";

const LONG_ROUND = { scenario: "t3-lost-messages", variant: "fixed", seed: 7, roundSeconds: 300 };

function playerAt(room: TestRoom, connectionId: string) {
  const player = room.session.roster.bySessionId(connectionId);
  if (!player) throw new Error(`nobody at ${connectionId}`);
  return player;
}

/** Moves the clock tick by tick for `ms`. */
function wait(room: TestRoom, ms: number): void {
  const until = room.clock.now() + ms;
  tickUntil(room, () => room.clock.now() >= until);
}

describe("idle students", () => {
  it("nudges a student whose seat has work at 20 s, lends the seat to a bot at 40 s, and hands it back on their next action", () => {
    const room = classroom(3, LONG_ROUND);
    const { session, transport, mirror, clock } = room;
    startRound(room);
    const phone = holderOf(session, "P1");
    const producer = playerAt(room, phone);
    const human = () => session.play!.round.humanSeats[producer.team].has("P1");
    const started = clock.now();
    tickUntil(room, () => producer.idle === "nudged");
    expect(clock.now() - started).toBeGreaterThanOrEqual(20_000);
    expect(clock.now() - started).toBeLessThanOrEqual(20_000 + 2 * TICK_MS);
    expect(transport.to(phone, "seat").at(-1)!.idle).toBe("nudged");
    expect(mirror.players.get(producer.id)?.idle).toBe("nudged");
    expect(human()).toBe(true);
    tickUntil(room, () => producer.idle === "bot");
    expect(clock.now() - started).toBeLessThanOrEqual(40_000 + 2 * TICK_MS);
    expect(transport.to(phone, "seat").at(-1)!.idle).toBe("bot");
    expect(human()).toBe(false);
    // The consumers had nothing to do all along: nobody nudged them.
    for (const seat of ["C1", "C2"]) expect(playerAt(room, holderOf(session, seat)).idle).toBe("");
    // The bot plays the seat: events go out.
    tickUntil(room, () => session.play!.round.teams[producer.team].producers[0].sent.length > 0);
    session.receive(phone, "act", { action: "retry", msgId: "P1-999" });
    expect(producer.idle).toBe("");
    expect(human()).toBe(true);
    expect(producer.actions).toBe(1);
    expect(transport.to(phone, "seat").at(-1)!.idle).toBe("");
    expect(mirror.players.get(producer.id)?.idle).toBe("");
  });

  it("never counts the time the round is paused, nor a seat without work", () => {
    const room = classroom(3, LONG_ROUND);
    const { session } = room;
    startRound(room);
    const producer = playerAt(room, holderOf(session, "P1"));
    wait(room, 15_000);
    session.receive("host", "host:pause", {});
    wait(room, 60_000);
    session.receive("host", "host:resume", {});
    wait(room, 4_000);
    expect(producer.idle).toBe("");
    wait(room, 1_500);
    expect(producer.idle).toBe("nudged");
    const consumer = playerAt(room, holderOf(session, "C1"));
    expect(consumer.idle).toBe("");
  });

  it("keeps a shared seat human while any of its people is active", () => {
    const room = classroom(4, LONG_ROUND);
    const { session } = room;
    // Four in one team of three seats: two of them share the producer.
    const fourth = [...session.roster.players.values()].find((p) => p.team === 1)!;
    session.receive("host", "host:move", { player: fourth.id, team: 0 });
    startRound(room);
    const sharing = [...session.roster.players.values()].filter((p) => p.seat === "P1");
    expect(sharing).toHaveLength(2);
    const [active, asleep] = sharing;
    const human = () => session.play!.round.humanSeats[0].has("P1");
    for (let i = 0; i < 5; i++) {
      wait(room, 10_000);
      session.receive(active.sessionId!, "act", { action: "retry", msgId: "P1-999" });
    }
    expect(asleep.idle).toBe("nudged");
    expect(active.idle).toBe("");
    expect(human()).toBe(true);
    // Both idle: the bot plays; one of them acts: the seat is human again.
    tickUntil(room, () => active.idle === "bot");
    expect(asleep.idle).toBe("bot");
    expect(human()).toBe(false);
    session.receive(asleep.sessionId!, "act", { action: "retry", msgId: "P1-999" });
    expect(human()).toBe(true);
    expect(asleep.idle).toBe("");
    // The other is no longer lending the seat to anyone: at the next tick, merely nudged.
    wait(room, TICK_MS);
    expect(active.idle).toBe("nudged");
    expect(human()).toBe(true);
  });

  it("clears every idle state when the round drains", () => {
    const room = classroom(3, LONG_ROUND);
    const { session } = room;
    startRound(room);
    const producer = playerAt(room, holderOf(session, "P1"));
    tickUntil(room, () => producer.idle === "bot");
    session.receive("host", "host:end", {});
    tickUntil(room, () => session.phase !== "running");
    expect(producer.idle).toBe("");
  });
});
