// The behaviour every LogStore must have, as one suite each implementation runs.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GameMeta, LogStore } from "./LogStore.js";

/**
 * Defines the shared tests. `make` opens a store on the suite's backend location: every
 * call must see what earlier (closed) instances wrote, which is how restart survival is
 * tested. Tests use fresh random ids, so they share the location; `cleanup` runs once at
 * the end to remove it.
 */
export function describeLogStore(name: string, make: () => Promise<LogStore>, cleanup?: () => Promise<void>): void {
  describe(`${name} (LogStore contract)`, () => {
    let store: LogStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });
    if (cleanup) afterAll(cleanup);

    it("saves and gets a room; an unknown room is null", async () => {
      const room = { roomCode: roomCode(), hostTokenHash: hostHash(), createdAt: "2030-01-02T03:04:05.000Z" };
      await store.saveRoom(room);
      expect(await store.getRoom(room.roomCode)).toEqual(room);
      expect(await store.getRoom(roomCode())).toBeNull();
      await expect(store.saveRoom({ ...room, roomCode: "../abc" })).rejects.toThrow(/roomCode/);
    });

    it("lists every saved room once, with its latest save", async () => {
      const first = { roomCode: roomCode(), hostTokenHash: hostHash(), createdAt: "2030-01-02T03:04:05.000Z", savedAt: "2030-01-02T03:04:06.000Z" };
      const second = { roomCode: roomCode(), hostTokenHash: hostHash(), createdAt: "2030-01-02T03:05:05.000Z" };
      await store.saveRoom(first);
      await store.saveRoom(second);
      const later = { ...first, savedAt: "2030-01-02T03:09:00.000Z", snapshot: { step: 3 } };
      await store.saveRoom(later);
      const listed = (await store.listRooms()).filter((r) => r.roomCode === first.roomCode || r.roomCode === second.roomCode);
      expect(listed.sort((a, b) => a.createdAt.localeCompare(b.createdAt))).toEqual([later, second]);
    });

    it("reads back the header then every appended line in call order, over 500 appends not awaited one by one", async () => {
      const game = gameMeta();
      const other = gameMeta();
      const created = [
        store.createGame(game, line({ type: "header", gameId: game.gameId })),
        store.createGame(other, line({ type: "header", gameId: other.gameId })),
      ];
      const appends: Promise<void>[] = [];
      const expected = [line({ type: "header", gameId: game.gameId })];
      for (let tick = 0; tick < 500; tick++) {
        const lines = tick % 7 === 0 ? [] : Array.from({ length: (tick % 3) + 1 }, (_, i) => line({ type: "event", tick, i }));
        expected.push(...lines);
        appends.push(store.append(game.gameId, lines));
        appends.push(store.append(other.gameId, [line({ type: "event", tick })]));
      }
      await Promise.all([...created, ...appends]);
      expect(await store.readLog(game.gameId)).toBe(expected.map((l) => `${l}\n`).join(""));
      const otherLines = (await store.readLog(other.gameId))!.trimEnd().split("\n");
      expect(otherLines).toHaveLength(501);
      expect(otherLines.slice(1).map((l) => JSON.parse(l).tick)).toEqual(Array.from({ length: 500 }, (_, tick) => tick));
    });

    it("refuses a reused gameId, appends to an unknown game, a line holding a newline", async () => {
      const game = gameMeta();
      await store.createGame(game, line({ type: "header" }));
      await expect(store.createGame(game, line({ type: "header" }))).rejects.toThrow(/already exists/);
      await expect(store.append(gameId(), [line({ type: "event" })])).rejects.toThrow(/unknown game/);
      await expect(store.append(game.gameId, ["{}\n{}"])).rejects.toThrow(/newline/);
      await expect(store.createGame({ ...gameMeta(), gameId: "../x" }, "{}")).rejects.toThrow(/gameId/);
      expect(await store.readLog(game.gameId)).toBe(`${line({ type: "header" })}\n`);
    });

    it("finishGame appends the summary line last and records endedAt and summary; later appends are refused", async () => {
      const game = gameMeta();
      await store.createGame(game, line({ type: "header" }));
      void store.append(game.gameId, [line({ type: "event", tick: 1 })]);
      await store.finishGame(game.gameId, line({ type: "summary", lost: 2 }), { lost: 2 });
      expect(await store.readLog(game.gameId)).toBe(
        [line({ type: "header" }), line({ type: "event", tick: 1 }), line({ type: "summary", lost: 2 })].map((l) => `${l}\n`).join(""),
      );
      const meta = await store.getGame(game.gameId);
      expect(meta).toEqual({ ...game, endedAt: expect.any(String), summary: { lost: 2 } });
      expect(Number.isNaN(Date.parse(meta!.endedAt!))).toBe(false);
      await expect(store.append(game.gameId, [line({ type: "late" })])).rejects.toThrow(/finished/);
      await expect(store.finishGame(game.gameId, line({ type: "summary" }), {})).rejects.toThrow(/finished/);
    });

    it("lists games newest first, filtered by host, with a limit", async () => {
      const host = hostHash();
      const games = [3, 1, 4, 2].map((minute) => gameMeta({ hostTokenHash: host, createdAt: `2031-01-01T00:0${minute}:00.000Z` }));
      const stranger = gameMeta({ createdAt: "2031-01-01T00:05:00.000Z" });
      await Promise.all([...games, stranger].map((game) => store.createGame(game, line({ type: "header" }))));
      const newestFirst = [...games].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      expect(await store.listGames({ hostTokenHash: host })).toEqual(newestFirst);
      expect(await store.listGames({ hostTokenHash: host, limit: 2 })).toEqual(newestFirst.slice(0, 2));
      expect(await store.listGames({ hostTokenHash: host, limit: 0 })).toEqual([]);
      expect(await store.listGames({ hostTokenHash: hostHash() })).toEqual([]);
      const all = await store.listGames();
      expect(all.map((g) => g.gameId)).toEqual(expect.arrayContaining([stranger.gameId, ...games.map((g) => g.gameId)]));
      const times = all.map((g) => Date.parse(g.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(await store.listGames({ limit: 3 })).toEqual(all.slice(0, 3));
    });

    it("treats unknown and traversal-like ids as unknown, without throwing", async () => {
      for (const id of ["../x", "a/b", "..", "", "x".repeat(200), "a\\b", "a b", "%2e%2e", gameId()]) {
        expect(await store.getGame(id), id).toBeNull();
        expect(await store.readLog(id), id).toBeNull();
      }
      for (const code of ["../ABC", "ABC", "abcdef", "", "ABCDEFG"]) expect(await store.getRoom(code), code).toBeNull();
    });

    it("still reads everything after close() and a new instance (a restart)", async () => {
      const room = { roomCode: roomCode(), hostTokenHash: hostHash(), createdAt: "2030-05-06T07:08:09.000Z" };
      const finished = gameMeta({ hostTokenHash: room.hostTokenHash, roomCode: room.roomCode });
      const running = gameMeta({ hostTokenHash: room.hostTokenHash, roomCode: room.roomCode, createdAt: "2040-01-01T00:00:00.000Z" });
      await store.saveRoom(room);
      await store.createGame(finished, line({ type: "header", n: 1 }));
      await store.createGame(running, line({ type: "header", n: 2 }));
      void store.append(finished.gameId, [line({ type: "event", tick: 0 })]);
      void store.finishGame(finished.gameId, line({ type: "summary" }), { ok: true });
      void store.append(running.gameId, [line({ type: "event", tick: 0 })]);
      await store.close();

      store = await make();
      expect(await store.getRoom(room.roomCode)).toEqual(room);
      expect(await store.readLog(finished.gameId)).toBe(
        [line({ type: "header", n: 1 }), line({ type: "event", tick: 0 }), line({ type: "summary" })].map((l) => `${l}\n`).join(""),
      );
      expect((await store.getGame(finished.gameId))?.summary).toEqual({ ok: true });
      expect((await store.listGames({ hostTokenHash: room.hostTokenHash })).map((g) => g.gameId)).toEqual([running.gameId, finished.gameId]);
      // A game left running by the old instance can go on.
      await store.append(running.gameId, [line({ type: "event", tick: 1 })]);
      expect(await store.readLog(running.gameId)).toBe(
        [line({ type: "header", n: 2 }), line({ type: "event", tick: 0 }), line({ type: "event", tick: 1 })].map((l) => `${l}\n`).join(""),
      );
      await expect(store.append(finished.gameId, [line({ type: "late" })])).rejects.toThrow(/finished/);
    });

    it("rejects every call after close()", async () => {
      await store.close();
      await expect(store.getGame(gameId())).rejects.toThrow(/closed/);
      await expect(store.append(gameId(), [line({})])).rejects.toThrow(/closed/);
      store = await make();
    });
  });
}

export function gameId(): string {
  return `g-${randomBytes(8).toString("hex")}`;
}

export function roomCode(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(randomBytes(6), (byte) => alphabet[byte % alphabet.length]).join("");
}

export function hostHash(): string {
  return createHash("sha256").update(randomBytes(16)).digest("hex");
}

export function gameMeta(overrides: Partial<GameMeta> = {}): GameMeta {
  return {
    gameId: gameId(),
    roomCode: roomCode(),
    hostTokenHash: hostHash(),
    scenario: "t3-lost-messages",
    variant: "naive",
    seed: 7,
    teams: 3,
    createdAt: "2030-01-01T00:00:00.000Z",
    endedAt: null,
    summary: null,
    ...overrides,
  };
}

function line(value: Record<string, unknown>): string {
  return JSON.stringify(value);
}
