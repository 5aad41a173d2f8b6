// A LogStore in memory, for tests of the rooms and sessions that should not touch a disk.
// It keeps the contract (logStoreContract.ts): call order, refusals, copies out, and what
// a "restart" sees — instances made on one MemoryLogData share it, as files share a directory.
import { assertGameMeta, assertRoomMeta, checkLimit, compareNewestFirst, isGameId, isRoomCode, toNdjson } from "./LogStore.js";
import type { GameMeta, LogStore, RoomMeta } from "./LogStore.js";

/** What several MemoryLogStore instances share: the "disk". */
export interface MemoryLogData {
  rooms: Map<string, RoomMeta>;
  games: Map<string, { meta: GameMeta; text: string }>;
}

export function memoryLogData(): MemoryLogData {
  return { rooms: new Map(), games: new Map() };
}

export class MemoryLogStore implements LogStore {
  private closed = false;

  constructor(private readonly data: MemoryLogData = memoryLogData()) {}

  async saveRoom(meta: RoomMeta): Promise<void> {
    this.assertOpen();
    assertRoomMeta(meta);
    this.data.rooms.set(meta.roomCode, structuredClone(meta));
  }

  async getRoom(roomCode: string): Promise<RoomMeta | null> {
    this.assertOpen();
    const room = isRoomCode(roomCode) ? this.data.rooms.get(roomCode) : undefined;
    return room ? structuredClone(room) : null;
  }

  async listRooms(): Promise<RoomMeta[]> {
    this.assertOpen();
    return [...this.data.rooms.values()].map((room) => structuredClone(room));
  }

  async createGame(meta: GameMeta, headerLine: string): Promise<void> {
    this.assertOpen();
    assertGameMeta(meta);
    const text = toNdjson([headerLine]);
    if (this.data.games.has(meta.gameId)) throw new Error(`game ${meta.gameId} already exists`);
    this.data.games.set(meta.gameId, { meta: structuredClone(meta), text });
  }

  async append(gameId: string, lines: string[]): Promise<void> {
    this.assertOpen();
    if (lines.length === 0) return;
    const text = toNdjson(lines);
    this.running(gameId, "append").text += text;
  }

  async finishGame(gameId: string, summaryLine: string, summary: Record<string, unknown>): Promise<void> {
    this.assertOpen();
    const text = toNdjson([summaryLine]);
    const game = this.running(gameId, "finishGame");
    game.text += text;
    game.meta = { ...game.meta, endedAt: new Date().toISOString(), summary: structuredClone(summary) };
  }

  async getGame(gameId: string): Promise<GameMeta | null> {
    this.assertOpen();
    const game = isGameId(gameId) ? this.data.games.get(gameId) : undefined;
    return game ? structuredClone(game.meta) : null;
  }

  async readLog(gameId: string): Promise<string | null> {
    this.assertOpen();
    return (isGameId(gameId) ? this.data.games.get(gameId)?.text : undefined) ?? null;
  }

  async listGames(filter: { hostTokenHash?: string; limit?: number } = {}): Promise<GameMeta[]> {
    this.assertOpen();
    const limit = checkLimit(filter.limit);
    let games = [...this.data.games.values()].map((game) => game.meta);
    if (filter.hostTokenHash !== undefined) games = games.filter((game) => game.hostTokenHash === filter.hostTokenHash);
    games.sort(compareNewestFirst);
    return games.slice(0, limit).map((game) => structuredClone(game));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("MemoryLogStore is closed");
  }

  private running(gameId: string, operation: string): { meta: GameMeta; text: string } {
    const game = isGameId(gameId) ? this.data.games.get(gameId) : undefined;
    if (!game) throw new Error(`${operation}: unknown game ${gameId}`);
    if (game.meta.endedAt !== null) throw new Error(`${operation}: game ${gameId} is already finished; its summary line must stay last`);
    return game;
  }
}
