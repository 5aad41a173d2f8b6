// The LogStore used when REDIS_URL is set: several server processes (or a restarted one)
// share the logs through Redis.
//   <prefix>log:<gameId>    stream; one XADD per append call, field "l" = the lines joined by "\n"
//   <prefix>game:<gameId>   string: the GameMeta as JSON
//   <prefix>room:<code>     string: the RoomMeta as JSON
//   <prefix>rooms           set of the room codes saved
//   <prefix>games           sorted set of gameIds, score = createdAt in ms (newest-first listing)
//   <prefix>host:<hash>     set of the gameIds of one host
// A dropped connection is retried by the client with backoff; commands issued meanwhile
// wait in its offline queue, and a write lost with the connection is sent again without
// ever doubling a log line (see RedisLogStream.ts).
import { createClient } from "redis";
import { KeyedSerialQueue } from "./KeyedSerialQueue.js";
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
import { RedisLogStream, retryingWrite } from "./RedisLogStream.js";

export interface RedisLogStoreOptions {
  /** Namespace of every key, so several deployments (or test runs) can share one Redis. */
  prefix?: string;
  /** Told once each time the connection goes bad (not at every retry). Defaults to a console warning. */
  onError?: (error: Error) => void;
  /** Shown by CLIENT LIST, to tell this store's connection from others. */
  clientName?: string;
  /** How long close() waits for queued writes (e.g. while Redis is down) before dropping them. */
  closeTimeoutMs?: number;
}

/** Attempts before the first connection is declared impossible; afterwards the client retries forever. */
const INITIAL_CONNECT_ATTEMPTS = 4;
const READ_PAGE = 2000;

type Client = ReturnType<typeof createClient>;

export class RedisLogStore implements LogStore {
  private readonly client: Client;
  private readonly prefix: string;
  private readonly where: string;
  private readonly closeTimeoutMs: number;
  private readonly queue = new KeyedSerialQueue();
  /** Games known to exist and not finished, so an append costs one XADD and no lookup. */
  private readonly running = new Set<string>();
  private readonly stream: RedisLogStream;
  private connecting: Promise<void> | null = null;
  private everReady = false;
  private healthy = true;
  private closed = false;

  constructor(url: string, { prefix = "eo:", onError = warn, clientName = "exactly-once-logstore", closeTimeoutMs = 5000 }: RedisLogStoreOptions = {}) {
    this.prefix = prefix;
    this.where = redactUrl(url);
    this.closeTimeoutMs = closeTimeoutMs;
    this.client = createClient({
      url,
      name: clientName,
      socket: {
        reconnectStrategy: (retries) => {
          if (!this.everReady && retries >= INITIAL_CONNECT_ATTEMPTS - 1) return false;
          return Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
        },
      },
    });
    this.stream = new RedisLogStream(this.client);
    // Without a listener an "error" event would crash the process at the first lost connection.
    // Before the first connection, connect() reports failures itself.
    this.client.on("error", (error: Error) => {
      if (!this.everReady || !this.healthy) return;
      this.healthy = false;
      onError(new Error(`RedisLogStore (${this.where}): ${error.message}`));
    });
    this.client.on("ready", () => {
      this.everReady = true;
      this.healthy = true;
    });
  }

  /** Connects once; later calls wait for the same connection. Rejects clearly if Redis cannot be reached at all. */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new Error("RedisLogStore is closed"));
    return this.ensureConnected();
  }

  async saveRoom(meta: RoomMeta): Promise<void> {
    this.assertOpen();
    assertRoomMeta(meta);
    const text = JSON.stringify(meta);
    return this.writeInOrder(`room:${meta.roomCode}`, async () => {
      await this.client.multi().set(this.roomKey(meta.roomCode), text).sAdd(this.key("rooms"), meta.roomCode).exec();
    });
  }

  async getRoom(roomCode: string): Promise<RoomMeta | null> {
    this.assertOpen();
    if (!isRoomCode(roomCode)) return null;
    return this.read(async () => {
      const text = await this.client.get(this.roomKey(roomCode));
      return text === null ? null : parseRoomMeta(text, this.roomKey(roomCode));
    });
  }

  async listRooms(): Promise<RoomMeta[]> {
    this.assertOpen();
    return this.read(async () => {
      const codes = (await this.client.sMembers(this.key("rooms"))).filter(isRoomCode);
      if (codes.length === 0) return [];
      const texts = await this.client.mGet(codes.map((code) => this.roomKey(code)));
      const rooms: RoomMeta[] = [];
      texts.forEach((text, i) => {
        if (text === null) return;
        try {
          rooms.push(parseRoomMeta(text, this.roomKey(codes[i])));
        } catch {
          // A damaged entry must not hide every other room; getRoom still reports it.
        }
      });
      return rooms;
    });
  }

  async createGame(meta: GameMeta, headerLine: string): Promise<void> {
    this.assertOpen();
    assertGameMeta(meta);
    const header = toNdjson([headerLine]).slice(0, -1);
    const stored = JSON.stringify(meta);
    return this.writeInOrder(meta.gameId, async () => {
      // Checked then written in two steps: gameIds are random, so only a caller bug reuses one,
      // and within this process the game's queue already serialises the two steps.
      if ((await this.client.exists(this.gameKey(meta.gameId))) > 0) throw new Error(`game ${meta.gameId} already exists`);
      await this.client
        .multi()
        .xAdd(this.logKey(meta.gameId), RedisLogStream.FIRST_ID, { l: header })
        .set(this.gameKey(meta.gameId), stored)
        .zAdd(this.key("games"), { score: Date.parse(meta.createdAt), value: meta.gameId })
        .sAdd(this.hostKey(meta.hostTokenHash), meta.gameId)
        .exec();
      this.running.add(meta.gameId);
      this.stream.started(this.logKey(meta.gameId));
    });
  }

  async append(gameId: string, lines: string[]): Promise<void> {
    this.assertOpen();
    if (lines.length === 0) return;
    if (!isGameId(gameId)) throw new Error(`append: unknown game ${JSON.stringify(gameId)}`);
    const text = toNdjson(lines).slice(0, -1);
    return this.writeInOrder(gameId, async () => {
      if (!this.running.has(gameId)) await this.requireRunningGame(gameId, "append");
      await this.stream.add(this.logKey(gameId), text);
    });
  }

  async finishGame(gameId: string, summaryLine: string, summary: Record<string, unknown>): Promise<void> {
    this.assertOpen();
    if (!isGameId(gameId)) throw new Error(`finishGame: unknown game ${JSON.stringify(gameId)}`);
    const text = toNdjson([summaryLine]).slice(0, -1);
    return this.writeInOrder(gameId, async () => {
      const meta = await this.requireRunningGame(gameId, "finishGame");
      const finished = JSON.stringify({ ...meta, endedAt: new Date().toISOString(), summary } satisfies GameMeta);
      // The summary line before the metadata, as in FileLogStore: a crash in between leaves the game open, never a finished game without its summary.
      await this.stream.add(this.logKey(gameId), text);
      await retryingWrite(`finishGame ${gameId}`, () => this.client.set(this.gameKey(gameId), finished));
      this.running.delete(gameId);
      this.stream.forget(this.logKey(gameId));
    });
  }

  async getGame(gameId: string): Promise<GameMeta | null> {
    this.assertOpen();
    if (!isGameId(gameId)) return null;
    return this.read(async () => {
      const text = await this.client.get(this.gameKey(gameId));
      return text === null ? null : parseGameMeta(text, this.gameKey(gameId));
    });
  }

  async readLog(gameId: string): Promise<string | null> {
    this.assertOpen();
    if (!isGameId(gameId)) return null;
    return this.read(async () => {
      await this.queue.settled(gameId);
      const key = this.logKey(gameId);
      const parts: string[] = [];
      // Paged, so a long game does not hold Redis in one huge reply.
      for (let start = "-"; ;) {
        const entries = await this.client.xRange(key, start, "+", { COUNT: READ_PAGE });
        for (const entry of entries) parts.push(`${entry.message.l}\n`);
        if (entries.length < READ_PAGE) break;
        start = `(${entries[entries.length - 1].id}`;
      }
      if (parts.length === 0 && (await this.client.exists(this.gameKey(gameId))) === 0) return null;
      return parts.join("");
    });
  }

  async listGames(filter: { hostTokenHash?: string; limit?: number } = {}): Promise<GameMeta[]> {
    this.assertOpen();
    const limit = checkLimit(filter.limit);
    if (limit === 0) return [];
    return this.read(async () => {
      const ids =
        filter.hostTokenHash !== undefined
          ? await this.client.sMembers(this.hostKey(filter.hostTokenHash))
          : await this.client.zRange(this.key("games"), 0, limit === undefined ? -1 : limit - 1, { REV: true });
      if (ids.length === 0) return [];
      const texts = await this.client.mGet(ids.map((id) => this.gameKey(id)));
      const games: GameMeta[] = [];
      texts.forEach((text, i) => {
        if (text === null) return;
        // One damaged entry must not hide every other game from the listing; getGame still reports it.
        try {
          games.push(parseGameMeta(text, this.gameKey(ids[i])));
        } catch {
          // skipped
        }
      });
      games.sort(compareNewestFirst);
      return limit === undefined ? games : games.slice(0, limit);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.connecting === null) return;
    const drained = await withTimeout(
      this.queue.idle().then(() => this.client.close()),
      this.closeTimeoutMs,
    );
    // Redis unreachable for the whole timeout: the queued writes cannot be delivered any more.
    if (!drained && this.client.isOpen) this.client.destroy();
  }

  private ensureConnected(): Promise<void> {
    this.connecting ??= this.client.connect().then(
      () => undefined,
      (error: unknown) => {
        this.connecting = null;
        throw new Error(`RedisLogStore: cannot reach Redis at ${this.where} (REDIS_URL): ${(error as Error).message}`);
      },
    );
    return this.connecting;
  }

  /** Queued synchronously under `key` (a gameId, or "room:<code>"), so the order is the call order and close() waits for it. */
  private writeInOrder<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(key, async () => {
      await this.ensureConnected();
      return task();
    });
  }

  /** Registered synchronously, so close() waits for it. */
  private read<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.runUnordered(async () => {
      await this.ensureConnected();
      return task();
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("RedisLogStore is closed");
  }

  private async requireRunningGame(gameId: string, operation: string): Promise<GameMeta> {
    const text = await this.client.get(this.gameKey(gameId));
    if (text === null) throw new Error(`${operation}: unknown game ${gameId}`);
    const meta = parseGameMeta(text, this.gameKey(gameId));
    if (meta.endedAt !== null) throw new Error(`${operation}: game ${gameId} is already finished; its summary line must stay last`);
    this.running.add(gameId);
    return meta;
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  private logKey(gameId: string): string {
    return this.key(`log:${gameId}`);
  }

  private gameKey(gameId: string): string {
    return this.key(`game:${gameId}`);
  }

  private roomKey(roomCode: string): string {
    return this.key(`room:${roomCode}`);
  }

  private hostKey(hostTokenHash: string): string {
    return this.key(`host:${hostTokenHash}`);
  }
}

function warn(error: Error): void {
  console.warn(error.message);
}

/** The URL without its password, fit for error messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** True if `work` settled within `ms`; its rejection counts as settled. */
async function withTimeout(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
