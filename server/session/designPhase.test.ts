import { describe, expect, it } from "vitest";
import { designEndsOf } from "../../shared/view/designEnds.js";
import { CAREFUL_DESIGN, NAIVE_DESIGN, DESIGN_SETTINGS, type DesignEnd } from "../../shared/design/index.js";
import { parseLog } from "../../shared/log/log.js";
import { classroom, enter, HOST_TOKEN, tickUntil, testRoom, type TestRoom } from "./testKit.js";
import { memoryLogData } from "../logs/MemoryLogStore.js";

const DESIGN = { scenario: "t9-end-to-end", variant: "design", seed: 9, roundSeconds: 30 };

/** The connection of the first person whose seat is at this end, in this team. */
function at(room: TestRoom, team: number, end: DesignEnd): string {
  const members = room.session.roster.members(team);
  const ends = designEndsOf(members.flatMap((p) => (p.seat ? [p.seat] : [])));
  const player = members.find((p) => p.seat !== null && ends.get(p.seat) === end && p.sessionId);
  if (!player?.sessionId) throw new Error(`nobody at the ${end} of team ${team + 1}`);
  return player.sessionId;
}

/** A value of the setting other than the naive one. */
function otherValue(setting: string): string {
  const entry = DESIGN_SETTINGS.find((s) => s.setting === setting)!;
  return entry.values.find((v) => v !== (NAIVE_DESIGN as unknown as Record<string, string>)[setting])!;
}

const settingOf = (end: DesignEnd) => DESIGN_SETTINGS.find((s) => s.end === end)!.setting;

describe("the design phase", () => {
  it("opens only for a design round, deals the seats, gives every team the bots' design and runs its clock", () => {
    const room = classroom(3, { scenario: "t9-end-to-end", variant: "chaos", seed: 9 });
    const { session, transport, mirror } = room;
    session.receive("host", "host:design", { seconds: 40 });
    expect(transport.lastRefusal("host")).toBe("notDesignRound");
    session.receive("host", "host:config", DESIGN);
    session.receive("host", "host:design", { seconds: 40 });
    expect(session.phase).toBe("design");
    expect(mirror.settingsSeen).toMatchObject({ phase: "design", designLeft: 40 });
    expect(mirror.designsSeen).toEqual([NAIVE_DESIGN]);
    for (const p of session.roster.players.values()) expect(p.seat).not.toBeNull();
    room.clock.advance(10_500);
    session.tick();
    expect(mirror.settingsSeen?.designLeft).toBe(30);
    // The clock runs out: the round starts with the designs, no host needed.
    tickUntil(room, () => session.phase === "countdown");
    expect(mirror.settingsSeen?.designLeft).toBe(0);
    tickUntil(room, () => session.phase === "running");
    expect(session.play!.round.header.teams.map((t) => t.design)).toEqual([NAIVE_DESIGN]);
  });

  it("applies a student's choice for their own end and refuses the others with a reason, losing nothing", () => {
    const room = classroom(6, DESIGN);
    const { session, transport, mirror } = room;
    session.receive("host", "host:design", {});
    expect(mirror.settingsSeen?.designLeft).toBe(90);
    const producer = at(room, 0, "producer");
    const consumer = at(room, 0, "consumer");
    const publish = otherValue("publish");
    session.receive(producer, "design", { setting: "publish", value: publish });
    expect(transport.lastRefusal(producer)).toBeUndefined();
    expect(mirror.designsSeen[0].publish).toBe(publish);
    const before = JSON.stringify(mirror.designsSeen);
    // Another end's setting, a value that does not exist, a setting that does not exist, a malformed message.
    session.receive(consumer, "design", { setting: "publish", value: "fireAndForget" });
    expect(transport.lastRefusal(consumer)).toBe("wrongEnd");
    session.receive(consumer, "design", { setting: "ack", value: "whenever" });
    expect(transport.lastRefusal(consumer)).toBe("badChoice");
    session.receive(consumer, "design", { setting: "colour", value: "blue" });
    expect(transport.lastRefusal(consumer)).toBe("badChoice");
    session.receive(consumer, "design", { setting: "ack" });
    expect(transport.lastRefusal(consumer)).toBe("badMessage");
    // The projector has no seat.
    session.receive("host", "design", { setting: "ack", value: "afterProcessing" });
    expect(transport.lastRefusal("host")).toBe("noSeat");
    expect(JSON.stringify(mirror.designsSeen)).toBe(before);
    const refusal = transport.refusals.find((r) => r.to === consumer && r.refusal.reason.code === "wrongEnd")!.refusal;
    expect(refusal).toMatchObject({ action: "design", reason: { detail: "publish belongs to the producer, you design the consumer" } });
  });

  it("refuses choices outside the design phase", () => {
    const room = classroom(3, DESIGN);
    const { session, transport } = room;
    const producer = at(room, 0, "producer");
    session.receive(producer, "design", { setting: "publish", value: otherValue("publish") });
    expect(transport.lastRefusal(producer)).toBe("notDesigning");
    session.receive("host", "host:design", { seconds: 30 });
    session.receive("host", "host:start", {});
    expect(session.phase).toBe("countdown");
    session.receive(producer, "design", { setting: "publish", value: otherValue("publish") });
    expect(transport.lastRefusal(producer)).toBe("notDesigning");
    tickUntil(room, () => session.phase === "running");
    session.receive(producer, "design", { setting: "publish", value: otherValue("publish") });
    expect(transport.lastRefusal(producer)).toBe("notDesigning");
    session.receive("host", "host:design", {});
    expect(transport.lastRefusal("host")).toBe("roundActive");
  });

  it("gives the ends nobody holds the bots' design, careful when the host asks, and starts every team on the same seed", () => {
    const room = classroom(2, DESIGN);
    const { session, mirror } = room;
    // A second team of one: its producer is a person, its other ends are bots.
    const [, second] = [...session.roster.players.keys()];
    session.receive("host", "host:move", { player: second, team: 1 });
    session.receive("host", "host:design", { seconds: 30, bots: "careful" });
    expect(mirror.designsSeen).toHaveLength(2);
    for (const design of mirror.designsSeen) {
      for (const { setting, end } of DESIGN_SETTINGS) {
        const held = end === "producer";
        const value = (design as unknown as Record<string, string>)[setting];
        if (!held) expect(value, setting).toBe((CAREFUL_DESIGN as unknown as Record<string, string>)[setting]);
      }
    }
    const producer = at(room, 1, "producer");
    // A held end starts from a newcomer's defaults: the person chooses.
    expect(NAIVE_DESIGN.write).not.toBe(CAREFUL_DESIGN.write);
    expect(mirror.designsSeen[1].write).toBe(NAIVE_DESIGN.write);
    session.receive(producer, "design", { setting: "write", value: CAREFUL_DESIGN.write });
    session.receive("host", "host:start", {});
    tickUntil(room, () => session.phase === "running");
    const header = session.play!.round.header;
    expect(header.teams.map((t) => t.design)).toEqual(mirror.designsSeen);
    expect(header.teams[1].design!.write).toBe(CAREFUL_DESIGN.write);
    expect(header.teams[0].design!.write).toBe(NAIVE_DESIGN.write);
    expect(header.seed).toBe(9);
  });

  it("keeps the designs for the next round and across a restart of the room", async () => {
    const data = memoryLogData();
    const room = testRoom({ data });
    enter(room.session, "host", { hostToken: HOST_TOKEN });
    for (let i = 1; i <= 3; i++) enter(room.session, `s${i}`, { name: `Player ${i}` });
    const { session, mirror } = room;
    session.receive("host", "host:config", DESIGN);
    session.receive("host", "host:design", { seconds: 30 });
    const consumer = at(room, 0, "consumer");
    const setting = settingOf("consumer");
    session.receive(consumer, "design", { setting, value: otherValue(setting) });
    session.receive("host", "host:start", {});
    tickUntil(room, () => session.phase === "running");
    tickUntil(room, () => session.play!.round.tick >= 50);
    session.receive("host", "host:end", {});
    tickUntil(room, () => session.phase === "over");
    // The projector's results carry the designs and each team's causes; the phones' place is by the design score.
    const over = room.transport.hostOver("host").at(-1)!;
    expect(over.design?.designs).toEqual(mirror.designsSeen);
    expect(over.design?.causes).toHaveLength(1);
    expect(over.design!.roundTicks).toBeGreaterThanOrEqual(50);
    expect(over.design!.roundTicks).toBeLessThanOrEqual(session.play!.round.header.roundTicks);
    expect(room.transport.playerOver(consumer).at(-1)).toMatchObject({ rank: 1, teamCount: 1, design: { score: expect.any(Number) } });
    // The same chaos again: the design phase opens on the design the team played.
    session.receive("host", "host:design", { seconds: 30 });
    expect(session.phase).toBe("design");
    expect((mirror.designsSeen[0] as unknown as Record<string, string>)[setting]).toBe(otherValue(setting));
    await room.writer.settled();
    const log = parseLog((await room.store.readLog(session.history.entries()[0].gameId))!);
    expect(log.header?.teams[0].design).toEqual(mirror.designsSeen[0]);
    // A restart brings the designs back.
    room.persistence.save(session.snapshot());
    await room.writer.settled();
    const after = testRoom({ data });
    await after.persistence.restore(after.session);
    expect(after.session.snapshot().designs?.designs).toEqual(mirror.designsSeen);
    expect(after.mirror.designsSeen).toEqual(mirror.designsSeen);
  });

  it("is Topic 9's second round in lesson mode, and the lesson waits while it is designed", () => {
    const room = classroom(3, { scenario: "t3-lost-messages", variant: "naive", seed: 4, roundSeconds: 30 });
    const { session, transport } = room;
    session.receive("host", "host:lesson", { action: "start" });
    session.receive("host", "host:lesson", { action: "goto", topic: 9, step: "round" });
    expect(session.config).toMatchObject({ scenario: "t9-end-to-end", variant: "chaos" });
    session.receive("host", "host:start", {});
    tickUntil(room, () => session.phase === "running");
    session.receive("host", "host:end", {});
    tickUntil(room, () => session.phase === "over");
    expect(session.config).toMatchObject({ scenario: "t9-end-to-end", variant: "design" });
    session.receive("host", "host:design", { seconds: 30 });
    expect(session.phase).toBe("design");
    session.receive("host", "host:lesson", { action: "next" });
    expect(transport.lastRefusal("host")).toBe("roundActive");
    expect(session.lesson.place).toMatchObject({ topic: 9, step: "round" });
  });

  it("continues a design round cut by a crash with every team's design", async () => {
    const data = memoryLogData();
    // Idle students lend their seats to bots at once, so the round has events to come back from.
    const before = testRoom({ data, idle: { nudgeMs: 100, botMs: 200 } });
    enter(before.session, "host", { hostToken: HOST_TOKEN });
    for (let i = 1; i <= 3; i++) enter(before.session, `s${i}`, { name: `Player ${i}` });
    const { session } = before;
    session.receive("host", "host:config", DESIGN);
    session.receive("host", "host:design", { seconds: 30 });
    session.receive(at(before, 0, "broker"), "design", { setting: "storage", value: "replicated" });
    session.receive("host", "host:start", {});
    tickUntil(before, () => session.phase === "running" && session.play!.round.tick >= 80);
    before.persistence.save(session.snapshot());
    await before.writer.settled();
    const designs = session.play!.round.header.teams.map((t) => t.design);
    expect(designs[0]?.storage).toBe("replicated");

    const after = testRoom({ data, clock: before.clock });
    await after.persistence.restore(after.session);
    await after.writer.settled();
    expect(after.session.phase).toBe("paused");
    expect(after.session.play!.round.header.teams.map((t) => t.design)).toEqual(designs);
    expect(after.mirror.designsSeen.map((d) => d.storage)).toEqual(["replicated"]);
    // It plays on to its results, with the design table's data.
    enter(after.session, "host", { hostToken: HOST_TOKEN });
    after.session.receive("host", "host:resume", {});
    after.session.receive("host", "host:end", {});
    tickUntil(after, () => after.session.phase === "over");
    expect(after.transport.hostOver("host").at(-1)?.design?.designs).toEqual(designs);
  });
});
