import { afterEach, describe, expect, it, vi } from "vitest";
import { parseLog } from "../../shared/log/log.js";
import { resimulate } from "../../shared/log/resimulate.js";
import { memoryLogData } from "../logs/MemoryLogStore.js";
import { SAVE_DELAY_MS } from "./RoomPersistence.js";
import { enter, holderOf, HOST_TOKEN, ROOM_CODE, testRoom, tickUntil } from "./testKit.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("RoomPersistence", () => {
  it("brings back a crashed room: roster, settings, and its running round rebuilt from the log, paused", async () => {
    const data = memoryLogData();
    const before = testRoom({ data });
    const { session } = before;
    enter(session, "host", { hostToken: HOST_TOKEN });
    for (let i = 1; i <= 3; i++) enter(session, `s${i}`, { name: `Player ${i}` });
    session.receive("host", "host:config", { scenario: "t3-lost-messages", variant: "naive", seed: 5 });
    session.receive("host", "host:start", {});
    tickUntil(before, () => session.phase === "running");
    const producer = holderOf(session, "P1");
    const token = before.transport.to(producer, "welcome")[0].resumeToken;
    for (let i = 0; i < 8; i++) {
      session.receive(producer, "act", { action: "send" });
      const until = session.play!.round.tick + 5;
      tickUntil(before, () => session.play!.round.tick >= until);
    }
    before.persistence.save(session.snapshot());
    await before.writer.settled();
    const oldGame = session.play!.gameId;
    const logged = parseLog((await before.store.readLog(oldGame))!).events;
    // The last logged tick may be cut short by a crash: the round resumes right after the tick before it.
    const lastTick = logged.at(-1)!.tick;
    const resumesAt = logged.filter((e) => e.tick < lastTick).at(-1)!.tick + 1;
    expect(resumesAt).toBeGreaterThan(30);
    const players = [...session.roster.players.values()].map(({ id, name, team, seat }) => ({ id, name, team, seat }));

    // The process dies here; a new room on the same store is created with `restore`.
    const after = testRoom({ data, clock: before.clock });
    await after.persistence.restore(after.session);
    await after.writer.settled();
    const back = after.session;
    expect(back.phase).toBe("paused");
    expect(back.settings).toMatchObject({ phase: "paused", round: 1, scenario: "t3-lost-messages", variant: "naive", locked: false, playerCount: 3 });
    expect([...back.roster.players.values()].map(({ id, name, team, seat }) => ({ id, name, team, seat }))).toEqual(players);
    const round = back.play!.round;
    expect(round.header.restoredFrom).toBe(oldGame);
    expect(round.tick).toBe(resumesAt);

    const oldLog = parseLog((await after.store.readLog(oldGame))!);
    expect(oldLog.summary).toMatchObject({ interrupted: true, continuedIn: round.header.gameId });
    const newLog = parseLog((await after.store.readLog(round.header.gameId))!);
    expect(newLog.events.length).toBeGreaterThan(0);
    expect(newLog.events).toHaveLength(logged.filter((e) => e.tick < lastTick).length);

    // The player comes back with the token, the host resumes, the round plays to its end.
    enter(back, "s1-again", { resumeToken: token });
    expect(after.transport.to("s1-again", "seat")[0].seat).toBe("P1");
    enter(back, "host", { hostToken: HOST_TOKEN });
    back.receive("host", "host:resume", {});
    back.receive("host", "host:end", {});
    tickUntil(after, () => back.phase === "over");
    await after.writer.settled();
    const finished = parseLog((await after.store.readLog(round.header.gameId))!);
    expect(finished.summary?.type).toBe("summary");
    expect(resimulate(finished.header!, finished.events).ok).toBe(true);
    expect(after.reports).toEqual([]);
  });

  it("comes back without a round when the last one had ended, and not at all without a snapshot", async () => {
    const data = memoryLogData();
    const empty = testRoom({ data });
    await empty.persistence.restore(empty.session);
    expect(empty.session.roster.size).toBe(0);

    const before = testRoom({ data });
    enter(before.session, "host", { hostToken: HOST_TOKEN });
    enter(before.session, "s1", { name: "Ana" });
    before.session.receive("host", "host:config", { scenario: "t3-lost-messages", variant: "naive", seed: 5, profile: "kafka" });
    before.session.receive("host", "host:start", {});
    before.session.receive("host", "host:end", {});
    tickUntil(before, () => before.session.phase === "over");
    before.persistence.save(before.session.snapshot());
    await before.writer.settled();

    const after = testRoom({ data });
    await after.persistence.restore(after.session);
    expect(after.session.phase).toBe("lobby");
    expect(after.session.play).toBeNull();
    expect(after.session.settings).toMatchObject({ round: 1, playerCount: 1, profile: "kafka" });
    // The broker the host chose is kept with the room: the next round runs on it.
    expect(after.session.config.profile).toBe("kafka");
  });

  it("saves once for every change made within the delay, through the writer's queue", async () => {
    vi.useFakeTimers();
    const room = testRoom();
    const saveRoom = vi.spyOn(room.store, "saveRoom");
    for (let i = 0; i < 5; i++) room.persistence.saveSoon(() => room.session.snapshot());
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    await room.writer.settled();
    expect(saveRoom).toHaveBeenCalledTimes(1);
    expect(saveRoom.mock.calls[0][0]).toMatchObject({ roomCode: ROOM_CODE, snapshot: { round: 0, locked: false } });
    room.persistence.saveSoon(() => room.session.snapshot());
    room.persistence.cancel();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saveRoom).toHaveBeenCalledTimes(1);
  });
});
