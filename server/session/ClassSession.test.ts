import { describe, expect, it } from "vitest";
import { parseLog } from "../../shared/log/log.js";
import { resimulate } from "../../shared/log/resimulate.js";
import type { ProducerSeat } from "../../shared/view/seatView.js";
import { COUNTDOWN_MS } from "./ClassSession.js";
import { classroom, endRound, enter, holderOf, startRound, tickUntil } from "./testKit.js";

describe("ClassSession phases", () => {
  it("goes lobby → countdown → running → paused → running → draining → over, and the mirror follows", () => {
    const room = classroom(3);
    const { session, clock, mirror, transport } = room;
    expect(session.phase).toBe("lobby");
    session.receive("host", "host:start", {});
    expect(session.phase).toBe("countdown");
    expect(mirror.settingsSeen).toMatchObject({ phase: "countdown", countdown: 3, round: 1 });
    clock.advance(COUNTDOWN_MS - 1);
    expect(session.tick()).toBe(false);
    expect(session.phase).toBe("countdown");
    clock.advance(1);
    session.tick();
    expect(session.phase).toBe("running");
    expect(session.tick()).toBe(true);
    session.receive("host", "host:pause", {});
    expect(mirror.settingsSeen?.phase).toBe("paused");
    const frozen = session.play!.round.tick;
    expect(session.tick()).toBe(false);
    expect(session.play!.round.tick).toBe(frozen);
    session.receive("host", "host:resume", {});
    session.tick();
    expect(session.play!.round.tick).toBe(frozen + 1);
    tickUntil(room, () => session.play!.round.tick >= 50);
    // With the broker down for a while, the drain takes more than one clock tick.
    session.receive("host", "host:fault", { team: 0, fault: { kind: "crash", node: "B", ticks: 100 } });
    session.receive("host", "host:end", {});
    tickUntil(room, () => session.phase === "over");
    expect(mirror.phases).toEqual(["lobby", "countdown", "running", "paused", "running", "draining", "over"]);
    expect(mirror.settled).toBe(1);
    expect(transport.to("host", "roundOver")).toHaveLength(1);
    for (const id of ["s1", "s2", "s3"]) expect(transport.to(id, "roundOver")[0]).toMatchObject({ team: { team: 0 }, you: { actions: 0 } });
    expect(transport.refusals).toEqual([]);
  });

  it("plays three rounds of different topics in one room, with the same people and no rejoin", async () => {
    const room = classroom(3);
    const { session, transport } = room;
    const topics: [string, string][] = [
      ["t3-lost-messages", "naive"],
      ["t3-lost-messages", "fixed"],
      ["t4-duplicates", "naive"],
    ];
    const players = [...session.roster.players.keys()];
    const gameIds: string[] = [];
    for (const [i, [scenario, variant]] of topics.entries()) {
      session.receive("host", "host:config", { scenario, variant, seed: 11, roundSeconds: 30 });
      expect(session.phase).toBe("lobby");
      startRound(room);
      expect(session.settings).toMatchObject({ round: i + 1, scenario, variant });
      const producer = holderOf(session, "P1");
      session.receive(producer, "act", { action: "send", n: 100 + i });
      expect((transport.to(producer, "seat").at(-1)!.view as ProducerSeat).sent.length).toBe(1);
      endRound(room);
      const over = transport.to("host", "roundOver")[i];
      expect(over.summary).toMatchObject({ scenario, variant, seed: 11 });
      gameIds.push(over.gameId);
      for (const id of ["s1", "s2", "s3"]) expect(transport.to(id, "roundOver")[i].gameId).toBe(over.gameId);
    }
    expect(new Set(gameIds).size).toBe(3);
    expect([...session.roster.players.keys()]).toEqual(players);
    expect(transport.refusals).toEqual([]);
    // Start straight from "over" plays the same topic again.
    session.receive("host", "host:start", {});
    expect(session.settings).toMatchObject({ round: 4, scenario: "t4-duplicates", phase: "countdown" });
    // Every round's log was written, header first and summary last.
    await room.writer.settled();
    for (const gameId of gameIds) {
      const lines = (await room.store.readLog(gameId))!.trimEnd().split("\n");
      expect(JSON.parse(lines[0]).type).toBe("header");
      expect(JSON.parse(lines.at(-1)!).type).toBe("summary");
    }
  });
});

describe("ClassSession bot takeover", () => {
  it("gives a dropped player's seat to a bot after the grace period, and back on return", () => {
    const room = classroom(3, undefined, 500);
    const { session, clock } = room;
    startRound(room);
    const phone = holderOf(session, "P1");
    const human = () => session.play!.round.humanSeats[0].has("P1");
    session.tick();
    expect(human()).toBe(true);
    session.drop(phone);
    clock.advance(400);
    session.tick();
    expect(human()).toBe(true);
    clock.advance(100);
    session.tick();
    expect(human()).toBe(false);
    session.reconnect(phone);
    session.tick();
    expect(human()).toBe(true);
    // Gone for good, then back through the resume token on a new connection: the same seat.
    const token = room.transport.to(phone, "welcome")[0].resumeToken;
    session.leave(phone);
    clock.advance(500);
    session.tick();
    expect(human()).toBe(false);
    enter(session, "s9", { resumeToken: token });
    session.tick();
    expect(human()).toBe(true);
    expect(room.transport.to("s9", "seat")[0].seat).toBe("P1");
  });
});

describe("ClassSession refusals", () => {
  it("refuses host commands from players, out of phase, or naming what does not exist", () => {
    const room = classroom(2);
    const { session, transport } = room;
    const refusedAs = (from: string, type: string, payload: unknown = {}) => {
      session.receive(from, type, payload);
      return transport.lastRefusal(from);
    };
    expect(refusedAs("s1", "host:start")).toBe("notHost");
    expect(refusedAs("host", "host:pause")).toBe("notRunning");
    expect(refusedAs("host", "host:end")).toBe("notRunning");
    expect(refusedAs("host", "host:fault", { team: 0, fault: { kind: "crash", node: "B", ticks: 5 } })).toBe("notRunning");
    expect(refusedAs("host", "host:focus", { team: 0 })).toBe("unknownTeam");
    expect(refusedAs("host", "host:move", { player: "nobody", team: 0 })).toBe("unknownPlayer");
    expect(refusedAs("host", "host:config", { scenario: "t0-nothing", variant: "x" })).toBe("unknownScenario");
    expect(refusedAs("host", "host:config", { scenario: "t3-lost-messages", variant: "naive", seed: 1.5 })).toBe("badSeed");
    expect(refusedAs("host", "host:config", { scenario: "t3-lost-messages", variant: "x".repeat(3000) })).toBe("tooLarge");
    expect(refusedAs("host", "host:explode")).toBe("badMessage");
    expect(refusedAs("host", "whatever")).toBe("badMessage");
    startRound(room);
    expect(refusedAs("host", "host:config", { scenario: "t4-duplicates", variant: "naive" })).toBe("roundActive");
    expect(refusedAs("host", "host:start")).toBe("roundActive");
    expect(refusedAs("host", "host:move", { player: [...session.roster.players.keys()][0], team: 0 })).toBe("roundActive");
    expect(refusedAs("host", "host:focus", { team: 5 })).toBe("unknownTeam");
    expect(refusedAs("host", "host:fault", { team: 3, fault: { kind: "crash", node: "B", ticks: 5 } })).toBe("unknownTeam");
    expect(refusedAs("host", "host:fault", { team: 0, fault: { kind: "crash", node: "Z9", ticks: 5 } })).toBe("badFault");
    expect(refusedAs("host", "host:resume")).toBe("notRunning");
    const count = transport.refusals.length;
    session.receive("host", "host:focus", { team: 0 });
    session.receive("host", "host:lock", { locked: true });
    expect(transport.refusals).toHaveLength(count);
    expect(transport.joinable).toBe(false);
    expect(session.settings.locked).toBe(true);
  });

  it("refuses actions without a seat, while paused or counting down, out of role, or malformed, echoing the sequence number", () => {
    const room = classroom(3);
    const { session, transport } = room;
    session.receive("s1", "act", { action: "send", n: 1 });
    expect(transport.refusals.at(-1)?.refusal).toEqual({ action: "send", n: 1, reason: { code: "noSeat" } });
    session.receive("stranger", "act", { action: "send" });
    expect(transport.lastRefusal("stranger")).toBe("unknownPlayer");
    session.receive("host", "act", { action: "send" });
    expect(transport.lastRefusal("host")).toBe("noSeat");
    session.receive("host", "host:start", {});
    session.receive("s1", "act", { action: "send" });
    expect(transport.lastRefusal("s1")).toBe("notRunning");
    tickUntil(room, () => session.phase === "running");
    const consumer = holderOf(session, "C1");
    session.receive(consumer, "act", { action: "send", n: 2 });
    expect(transport.refusals.at(-1)?.refusal).toMatchObject({ action: "send", n: 2, reason: { code: "notYourAction" } });
    session.receive(consumer, "act", { action: "explode" });
    expect(transport.refusals.at(-1)?.refusal).toMatchObject({ action: "act", reason: { code: "badMessage" } });
    session.receive("host", "host:pause", {});
    session.receive(consumer, "act", { action: "ack", token: 1, n: 3 });
    expect(transport.lastRefusal(consumer)).toBe("paused");
  });

  it("answers a flood with rateLimited until the bucket refills", () => {
    const room = classroom(1);
    const { session, transport, clock } = room;
    for (let i = 0; i < 16; i++) session.receive("s1", "act", { action: "send" });
    expect(transport.refusals.filter((r) => r.refusal.reason.code === "rateLimited")).toHaveLength(0);
    session.receive("s1", "act", { action: "send" });
    expect(transport.lastRefusal("s1")).toBe("rateLimited");
    clock.advance(1000);
    session.receive("s1", "act", { action: "send" });
    expect(transport.lastRefusal("s1")).toBe("noSeat");
  });

  it("refuses and reports a message that breaks the code, and keeps going", () => {
    const room = classroom(3);
    startRound(room);
    room.mirror.playerChanged = () => {
      throw new Error("broken mirror");
    };
    const producer = holderOf(room.session, "P1");
    expect(() => room.session.receive(producer, "act", { action: "send" })).not.toThrow();
    expect(room.transport.lastRefusal(producer)).toBe("badMessage");
    expect(room.reports).toHaveLength(1);
    expect(room.session.tick()).toBe(true);
  });
});

describe("ClassSession admission", () => {
  it("lets in the host token, resume tokens and new names; refuses the rest with a close code", () => {
    const room = classroom(1);
    const { session } = room;
    expect(session.admit({ hostToken: "x".repeat(43) })).toMatchObject({ ok: false, code: 4401, reason: "notHost" });
    expect(session.admit({ name: "   " })).toMatchObject({ ok: false, code: 4400 });
    expect(session.admit({ name: 42 })).toMatchObject({ ok: false, code: 4400 });
    expect(session.admit(null)).toMatchObject({ ok: false, code: 4400 });
    const token = room.transport.to("s1", "welcome")[0].resumeToken;
    session.receive("host", "host:lock", { locked: true });
    expect(session.admit({ name: "Late" })).toMatchObject({ ok: false, code: 4403, reason: "roomLocked" });
    expect(session.admit({ resumeToken: token })).toMatchObject({ ok: true, kind: "player" });
    session.receive("host", "host:lock", { locked: false });
    for (let i = 2; i <= 200; i++) enter(session, `s${i}`, { name: `P${i}` });
    expect(session.admit({ name: "One too many" })).toMatchObject({ ok: false, code: 4409, reason: "roomFull" });
  });

  it("makes a student who joins during a round a spectator, and a player from the next round", () => {
    const room = classroom(2);
    startRound(room);
    enter(room.session, "late", { name: "Bia" });
    expect(room.transport.to("late", "welcome")[0].role).toBe("spectator");
    endRound(room);
    startRound(room);
    expect(room.transport.to("late", "seat").at(-1)!.seat).toMatch(/^[PC]\d$/);
  });
});

describe("ClassSession log", () => {
  it("names the person who played each command, never a bot or the host, and the log still replays", async () => {
    const room = classroom(3, { scenario: "t3-lost-messages", variant: "naive", seed: 4, roundSeconds: 30 });
    const { session } = room;
    startRound(room);
    const producer = holderOf(session, "P1");
    const name = session.roster.bySessionId(producer)!.name;
    session.receive(producer, "act", { action: "send" });
    session.receive(holderOf(session, "C1"), "act", { action: "process", token: 999 });
    session.receive("host", "host:fault", { team: 0, fault: { kind: "crash", node: "B", ticks: 5 } });
    // The producer's phone goes away: its bot plays on.
    session.drop(producer);
    room.clock.advance(10_000);
    const resumed = session.play!.round.tick + 30;
    tickUntil(room, () => session.play!.round.tick >= resumed);
    endRound(room);
    await room.writer.settled();
    const log = parseLog((await room.store.readLog(session.play!.gameId))!);
    const played = log.events.filter((e) => e.type === "command" || e.type === "commandRefused");
    const byPeople = played.filter((e) => e.by !== undefined);
    expect(byPeople.map((e) => [e.type, e.command.seat, e.by])).toEqual([
      ["command", "P1", name],
      ["commandRefused", "C1", session.roster.bySessionId(holderOf(session, "C1"))!.name],
    ]);
    expect(played.some((e) => e.by === undefined && e.command.seat === "P1")).toBe(true);
    expect(played.some((e) => e.by === undefined && e.command.seat === "host")).toBe(true);
    expect(resimulate(log.header!, log.events).ok).toBe(true);
  });
});
