// The default LogStore: plain files under one data directory.
//   <dataDir>/rooms/<roomCode>.json   room metadata
//   <dataDir>/games/<gameId>.json     game metadata (replaced atomically: temp file + rename)
//   <dataDir>/games/<gameId>.ndjson   the log, appended
// Durability: every append is handed to the OS before its promise resolves, so a crash of
// the process (even kill -9) loses nothing acknowledged; only a power loss could, as
// nothing is fsynced. One process owns a data directory: the metadata cache assumes no
// other writer.
import { mkdir, open, readdir, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { KeyedSerialQueue } from "./KeyedSerialQueue.js";
import { errorCode, openForAppend, readIfExists, writeAtomically } from "./logFiles.js";
import {
  assertGameMeta,
  assertRoomMeta,
  checkLimit,
  compareNewestFirst,
  isGameId,
  isRoomCode,
  parseGameMeta,
  parseRoomMeta,
  toNdjson,
  type GameMeta,
  type LogStore,
  type RoomMeta,
} from "./LogStore.js";

export interface FileLogStoreOptions {
  /** At most this many logs are kept open for appending (plus closes still in flight); the least recently used is closed first. */
  maxOpenLogs?: number;
}

export class FileLogStore implements LogStore {
  private readonly roomsDir: string;
  private readonly gamesDir: string;
  private readonly maxOpenLogs: number;
  /** Every write and every close of a game's files goes through its key, so a game's lines stay in call order. */
  private readonly queue = new KeyedSerialQueue();
  /** Open append handles, least recently used first (Map keeps insertion order; a use re-inserts). */
  private readonly openLogs = new Map<string, FileHandle>();
  /** Game metadata read or written so far; always the newest version this process knows. */
  private readonly games = new Map<string, GameMeta>();
  private allGamesLoaded = false;
  private directories: Promise<void> | null = null;
  private closed = false;

  constructor(dataDir: string, { maxOpenLogs = 64 }: FileLogStoreOptions = {}) {
    if (!Number.isSafeInteger(maxOpenLogs) || maxOpenLogs < 1) throw new Error(`FileLogStore: maxOpenLogs must be a positive integer, got ${maxOpenLogs}`);
    this.roomsDir = join(dataDir, "rooms");
    this.gamesDir = join(dataDir, "games");
    this.maxOpenLogs = maxOpenLogs;
  }

  async saveRoom(meta: RoomMeta): Promise<void> {
    this.assertOpen();
    assertRoomMeta(meta);
    const text = JSON.stringify(meta);
    // Queued so that two saves of one room land in call order and close() waits for them.
    return this.queue.run(`room:${meta.roomCode}`, async () => {
      await this.ensureDirectories();
      await writeAtomically(this.roomPath(meta.roomCode), text);
    });
  }

  async getRoom(roomCode: string): Promise<RoomMeta | null> {
    this.assertOpen();
    if (!isRoomCode(roomCode)) return null;
    const path = this.roomPath(roomCode);
    const text = await readIfExists(path);
    return text === null ? null : parseRoomMeta(text, path);
  }

  async listRooms(): Promise<RoomMeta[]> {
    this.assertOpen();
    let names: string[];
    try {
      names = await readdir(this.roomsDir);
    } catch (error) {
      if (errorCode(error) === "ENOENT") return [];
      throw error;
    }
    const rooms: RoomMeta[] = [];
    for (const name of names) {
      const code = name.endsWith(".json") ? name.slice(0, -".json".length) : "";
      if (!isRoomCode(code)) continue;
      try {
        const room = await this.getRoom(code);
        if (room) rooms.push(room);
      } catch {
        // A damaged file must not hide every other room; getRoom still reports it.
      }
    }
    return rooms;
  }

  async createGame(meta: GameMeta, headerLine: string): Promise<void> {
    this.assertOpen();
    assertGameMeta(meta);
    const text = toNdjson([headerLine]);
    const stored: GameMeta = structuredClone(meta);
    return this.queue.run(meta.gameId, async () => {
      await this.ensureDirectories();
      // "wx" refuses an existing log, so a reused gameId can never mix two games' lines.
      let handle: FileHandle;
      try {
        handle = await open(this.logPath(meta.gameId), "wx");
      } catch (error) {
        if (errorCode(error) === "EEXIST") throw new Error(`game ${meta.gameId} already exists`, { cause: error });
        throw error;
      }
      this.remember(meta.gameId, handle);
      await this.write(meta.gameId, handle, text);
      // The log is written before the metadata: a crash in between leaves a readable log, never metadata without one.
      await writeAtomically(this.metaPath(meta.gameId), JSON.stringify(stored));
      this.games.set(meta.gameId, stored);
    });
  }

  async append(gameId: string, lines: string[]): Promise<void> {
    this.assertOpen();
    if (lines.length === 0) return;
    if (!isGameId(gameId)) throw new Error(`append: unknown game ${JSON.stringify(gameId)}`);
    const text = toNdjson(lines);
    return this.queue.run(gameId, async () => {
      await this.requireRunningGame(gameId, "append");
      await this.write(gameId, await this.handleFor(gameId), text);
    });
  }

  async finishGame(gameId: string, summaryLine: string, summary: Record<string, unknown>): Promise<void> {
    this.assertOpen();
    if (!isGameId(gameId)) throw new Error(`finishGame: unknown game ${JSON.stringify(gameId)}`);
    const text = toNdjson([summaryLine]);
    const storedSummary = structuredClone(summary);
    return this.queue.run(gameId, async () => {
      const meta = await this.requireRunningGame(gameId, "finishGame");
      await this.write(gameId, await this.handleFor(gameId), text);
      await this.closeLog(gameId);
      const finished: GameMeta = { ...meta, endedAt: new Date().toISOString(), summary: storedSummary };
      await writeAtomically(this.metaPath(gameId), JSON.stringify(finished));
      this.games.set(gameId, finished);
    });
  }

  async getGame(gameId: string): Promise<GameMeta | null> {
    this.assertOpen();
    if (!isGameId(gameId)) return null;
    const meta = await this.loadGame(gameId);
    return meta === null ? null : structuredClone(meta);
  }

  async readLog(gameId: string): Promise<string | null> {
    this.assertOpen();
    if (!isGameId(gameId)) return null;
    // Waiting for the game's queued writes makes a read see every append issued before it.
    await this.queue.settled(gameId);
    return readIfExists(this.logPath(gameId));
  }

  async listGames(filter: { hostTokenHash?: string; limit?: number } = {}): Promise<GameMeta[]> {
    this.assertOpen();
    const limit = checkLimit(filter.limit);
    await this.loadAllGames();
    let games = [...this.games.values()];
    if (filter.hostTokenHash !== undefined) games = games.filter((game) => game.hostTokenHash === filter.hostTokenHash);
    games.sort(compareNewestFirst);
    if (limit !== undefined) games = games.slice(0, limit);
    return games.map((game) => structuredClone(game));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.idle();
    const handles = [...this.openLogs.values()];
    this.openLogs.clear();
    await Promise.all(handles.map((handle) => handle.close()));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("FileLogStore is closed");
  }

  private roomPath(roomCode: string): string {
    return join(this.roomsDir, `${roomCode}.json`);
  }

  private metaPath(gameId: string): string {
    return join(this.gamesDir, `${gameId}.json`);
  }

  private logPath(gameId: string): string {
    return join(this.gamesDir, `${gameId}.ndjson`);
  }

  private ensureDirectories(): Promise<void> {
    this.directories ??= Promise.all([mkdir(this.roomsDir, { recursive: true }), mkdir(this.gamesDir, { recursive: true })]).then(
      () => undefined,
      (error: unknown) => {
        this.directories = null;
        throw error;
      },
    );
    return this.directories;
  }

  private async loadGame(gameId: string): Promise<GameMeta | null> {
    const cached = this.games.get(gameId);
    if (cached || this.allGamesLoaded) return cached ?? null;
    const path = this.metaPath(gameId);
    const text = await readIfExists(path);
    if (text === null) return null;
    const meta = parseGameMeta(text, path);
    // A write that finished while we were reading is newer than what we read: keep it.
    if (!this.games.has(gameId)) this.games.set(gameId, meta);
    return this.games.get(gameId)!;
  }

  private async loadAllGames(): Promise<void> {
    if (this.allGamesLoaded) return;
    let names: string[];
    try {
      names = await readdir(this.gamesDir);
    } catch (error) {
      if (errorCode(error) !== "ENOENT") throw error;
      names = [];
    }
    const ids = names
      .filter((name) => name.endsWith(".json"))
      .map((name) => name.slice(0, -".json".length))
      .filter(isGameId);
    await Promise.all(
      ids.map(async (gameId) => {
        // One unreadable file must not hide every other game from the listing; getGame still reports it.
        await this.loadGame(gameId).catch(() => null);
      }),
    );
    this.allGamesLoaded = true;
  }

  private async requireRunningGame(gameId: string, operation: string): Promise<GameMeta> {
    const meta = await this.loadGame(gameId);
    if (meta === null) throw new Error(`${operation}: unknown game ${gameId}`);
    if (meta.endedAt !== null) throw new Error(`${operation}: game ${gameId} is already finished; its summary line must stay last`);
    return meta;
  }

  /** The game's append handle, opened on demand. Runs inside the game's queue. */
  private async handleFor(gameId: string): Promise<FileHandle> {
    const existing = this.openLogs.get(gameId);
    if (existing) {
      this.remember(gameId, existing);
      return existing;
    }
    const handle = await openForAppend(this.logPath(gameId));
    this.remember(gameId, handle);
    return handle;
  }

  /** Marks the handle most recently used and closes the least recently used one beyond the limit. */
  private remember(gameId: string, handle: FileHandle): void {
    this.openLogs.delete(gameId);
    this.openLogs.set(gameId, handle);
    if (this.openLogs.size <= this.maxOpenLogs) return;
    const [oldestId, oldest] = this.openLogs.entries().next().value!;
    this.openLogs.delete(oldestId);
    // Closed through the oldest game's own queue, so it never closes under a write of that game.
    void this.queue.run(oldestId, () => oldest.close()).catch(() => {});
  }

  private async write(gameId: string, handle: FileHandle, text: string): Promise<void> {
    try {
      await handle.appendFile(text, "utf8");
    } catch (error) {
      // A failed write may have left a partial line; reopening trims it before the next append.
      if (this.openLogs.get(gameId) === handle) this.openLogs.delete(gameId);
      await handle.close().catch(() => {});
      throw new Error(`could not append to the log of game ${gameId}: ${(error as Error).message}`, { cause: error });
    }
  }

  private async closeLog(gameId: string): Promise<void> {
    const handle = this.openLogs.get(gameId);
    if (handle) this.openLogs.delete(gameId);
    await handle?.close();
  }
}
