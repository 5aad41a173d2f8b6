// Builds a server process: the log store, the Colyseus server (with Redis presence and
// driver when REDIS_URL is set), the class room, and the HTTP routes.
import { matchMaker, Server, type Presence } from "@colyseus/core";
import type { GameMeta } from "./logs/LogStore.js";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { ServerConfig } from "./config.js";
import { setServerContext, type ServerContext } from "./context.js";
import { installRoutes } from "./http/routes.js";
import { createLogStore } from "./logs/createLogStore.js";
import { Metrics } from "./metrics.js";
import { bestJoinBaseUrl } from "./net.js";
import { ClassRoom } from "./rooms/ClassRoom.js";

/** Largest WebSocket frame accepted from a client: actions are tiny, anything bigger is hostile. */
export const MAX_FRAME_BYTES = 8 * 1024;
/** Rooms saved within this window come back after a restart; older ones are from another day's class. */
export const RECOVERY_WINDOW_MS = 12 * 3600_000;

export interface App {
  server: Server;
  context: ServerContext;
  /** Brings back the rooms whose round was running when the server died (call after listen). */
  recover(): Promise<string[]>;
  /** Stops accepting players, disposes rooms, flushes logs. */
  close(): Promise<void>;
}

export async function createApp(config: ServerConfig): Promise<App> {
  const store = await createLogStore({ dataDir: config.dataDir, redisUrl: config.redisUrl ?? undefined });
  const context: ServerContext = { config, store, metrics: new Metrics(), joinBaseUrl: bestJoinBaseUrl(config.port, config.publicUrl) };
  setServerContext(context);
  const presence: Presence | undefined = config.redisUrl ? new RedisPresence(config.redisUrl) : undefined;
  const server = new Server({
    transport: new WebSocketTransport({ maxPayload: MAX_FRAME_BYTES, pingInterval: 5000, pingMaxRetries: 3 }),
    presence,
    driver: config.redisUrl ? new RedisDriver(config.redisUrl) : undefined,
    publicAddress: config.publicAddress ?? undefined,
    gracefullyShutdown: false,
    greet: false,
    express: (app) => installRoutes(app, context),
  });
  server.define("class", ClassRoom);
  return {
    server,
    context,
    /**
     * After a restart: brings back every room saved in the last 12 hours that no process
     * holds — between rounds (lobby, lesson step, debrief) as well as mid-round, whose
     * round is rebuilt from its log (RoomPersistence.restore).
     */
    async recover() {
      const recovered: string[] = [];
      const since = Date.now() - RECOVERY_WINDOW_MS;
      const rooms = new Map<string, string>();
      for (const room of await store.listRooms()) {
        if (Date.parse(room.savedAt ?? room.createdAt) >= since) rooms.set(room.roomCode, room.hostTokenHash);
      }
      // A room whose save was lost still comes back from its running game's log.
      const latest = new Map<string, GameMeta>();
      for (const game of await store.listGames({ limit: 500 })) if (!latest.has(game.roomCode)) latest.set(game.roomCode, game);
      for (const game of latest.values()) {
        if (game.endedAt === null && Date.parse(game.createdAt) >= since && !rooms.has(game.roomCode)) rooms.set(game.roomCode, game.hostTokenHash);
      }
      for (const [roomCode, hostTokenHash] of rooms) {
        if ((await matchMaker.query({ roomId: roomCode })).length > 0) continue;
        try {
          await matchMaker.createRoom("class", { roomCode, hostTokenHash, restore: true });
          recovered.push(roomCode);
        } catch (error) {
          console.error(`cannot bring back room ${roomCode}`, error);
        }
      }
      return recovered;
    },
    async close() {
      await server.gracefullyShutdown(false).catch(() => undefined);
      await store.close();
    },
  };
}
