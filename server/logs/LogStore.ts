// The `LogStore` role: where rooms, games and their NDJSON logs are kept, so that a host
// can read back every round after the server restarts. FileLogStore is the default,
// RedisLogStore is used when REDIS_URL is set (see createLogStore.ts).

export interface RoomMeta {
  roomCode: string;
  /** SHA-256 hex of the host's secret token; the token itself is never stored. */
  hostTokenHash: string;
  /** ISO 8601. */
  createdAt: string;
  /** What the room needs to come back after a restart (roster, settings); opaque to the store. */
  snapshot?: unknown;
  /** ISO 8601 time of the last save: a restarted server brings back the rooms saved recently. */
  savedAt?: string;
}

export interface GameMeta {
  gameId: string;
  roomCode: string;
  hostTokenHash: string;
  scenario: string;
  variant: string;
  seed: number;
  teams: number;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, set by finishGame; null while the game runs (or if it never finished). */
  endedAt: string | null;
  summary: Record<string, unknown> | null;
}

/** Where rooms, games and their logs are kept. FileLogStore by default, RedisLogStore when REDIS_URL is set. */
export interface LogStore {
  saveRoom(meta: RoomMeta): Promise<void>;
  getRoom(roomCode: string): Promise<RoomMeta | null>;
  /** Every saved room, in no particular order; a damaged entry is left out (getRoom still reports it). */
  listRooms(): Promise<RoomMeta[]>;
  /** Registers a game and writes its header line first. Rejects if the gameId is invalid or already used. */
  createGame(meta: GameMeta, headerLine: string): Promise<void>;
  /** Appends lines (no trailing newline in each) to the game's log, in call order. Called every tick; an empty array is a no-op. Rejects for an unknown or finished game. */
  append(gameId: string, lines: string[]): Promise<void>;
  /** Appends the summary line and records endedAt + summary in the metadata. Nothing may be appended afterwards. */
  finishGame(gameId: string, summaryLine: string, summary: Record<string, unknown>): Promise<void>;
  getGame(gameId: string): Promise<GameMeta | null>;
  /** The whole NDJSON text written so far (each line ending with "\n"), or null for an unknown or invalid id. */
  readLog(gameId: string): Promise<string | null>;
  /** Newest first. With hostTokenHash: only that host's games. */
  listGames(filter?: { hostTokenHash?: string; limit?: number }): Promise<GameMeta[]>;
  /** Waits for pending writes and releases files/connections. The store is unusable afterwards. */
  close(): Promise<void>;
}

/** Ids failing it are unknown: they never reach a file name or a key (no path traversal). */
export const GAME_ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
export const ROOM_CODE_PATTERN = /^[A-Z0-9]{6}$/;

export function isGameId(value: unknown): value is string {
  return typeof value === "string" && GAME_ID_PATTERN.test(value);
}

export function isRoomCode(value: unknown): value is string {
  return typeof value === "string" && ROOM_CODE_PATTERN.test(value);
}

/** Throws a clear error for metadata that would corrupt the store (bad ids, unparsable dates). */
export function assertGameMeta(meta: GameMeta): void {
  if (!isGameId(meta.gameId)) throw new Error(`invalid gameId ${JSON.stringify(meta.gameId)}: it must match ${GAME_ID_PATTERN}`);
  if (!isRoomCode(meta.roomCode))
    throw new Error(`invalid roomCode ${JSON.stringify(meta.roomCode)} for game ${meta.gameId}: it must match ${ROOM_CODE_PATTERN}`);
  if (Number.isNaN(Date.parse(meta.createdAt)))
    throw new Error(`invalid createdAt ${JSON.stringify(meta.createdAt)} for game ${meta.gameId}: it must be an ISO date`);
}

export function assertRoomMeta(meta: RoomMeta): void {
  if (!isRoomCode(meta.roomCode)) throw new Error(`invalid roomCode ${JSON.stringify(meta.roomCode)}: it must match ${ROOM_CODE_PATTERN}`);
}

/**
 * Lines joined into NDJSON text, each ending with "\n". A line holding a newline would
 * split into two records and shift every later line, so it is refused.
 */
export function toNdjson(lines: readonly string[]): string {
  for (const line of lines) {
    if (line.includes("\n")) throw new Error(`a log line must not contain a newline: ${JSON.stringify(line.slice(0, 80))}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Newest first; ties broken by gameId (descending) so that listings are stable. */
export function compareNewestFirst(a: GameMeta, b: GameMeta): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0) return byTime;
  return a.gameId < b.gameId ? 1 : a.gameId > b.gameId ? -1 : 0;
}

/** The limit of a listGames filter, checked: undefined means no limit. */
export function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`listGames: limit must be a non-negative integer, got ${limit}`);
  return limit;
}

/** Parses stored game metadata, naming where it came from when it is not a game. */
export function parseGameMeta(text: string, source: string): GameMeta {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: game metadata is not JSON (${(error as Error).message})`, { cause: error });
  }
  const meta = value as Partial<GameMeta> | null;
  if (typeof meta !== "object" || meta === null || !isGameId(meta.gameId) || typeof meta.createdAt !== "string") {
    throw new Error(`${source}: game metadata has no valid gameId or createdAt`);
  }
  return meta as GameMeta;
}

export function parseRoomMeta(text: string, source: string): RoomMeta {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: room metadata is not JSON (${(error as Error).message})`, { cause: error });
  }
  const meta = value as Partial<RoomMeta> | null;
  if (typeof meta !== "object" || meta === null || !isRoomCode(meta.roomCode) || typeof meta.hostTokenHash !== "string") {
    throw new Error(`${source}: room metadata has no valid roomCode or hostTokenHash`);
  }
  return meta as RoomMeta;
}
