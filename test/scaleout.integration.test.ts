// Two server processes on one Redis (Colyseus's RedisPresence and RedisDriver): a room
// created through one is joined by code through the other, a round is played across
// both, and its log (in the Redis log store) is served by either process.
import { randomBytes } from "node:crypto";
import { createClient } from "redis";
import { describe, expect, it } from "vitest";
import { parseLog } from "../shared/log/log.js";
import { createRoom, freePort, join, spawnServer, until } from "./helpers/servers.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisAnswers(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.quit();
    return true;
  } catch {
    return false;
  }
}

describe("scale-out on Redis", async () => {
  const available = await redisAnswers();
  if (!available && process.env.CI) throw new Error(`Redis does not answer at ${REDIS_URL}: CI must start it (see .ci/run)`);

  it.skipIf(!available)("a host on one process and players on another play one round", async () => {
    const db = `/${1 + (randomBytes(1)[0] % 14)}`;
    const url = REDIS_URL.replace(/\/\d*$/, "") + db;
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await spawnServer({ REDIS_URL: url, PUBLIC_ADDRESS: `127.0.0.1:${portA}`, DATA_DIR: "/nonexistent-unused" }, portA);
    const b = await spawnServer({ REDIS_URL: url, PUBLIC_ADDRESS: `127.0.0.1:${portB}`, DATA_DIR: "/nonexistent-unused" }, portB);
    try {
      const { roomCode, hostToken } = await createRoom(a.url);
      const host = await join(a.url, roomCode, { hostToken });
      await host.waitFor("welcome");
      const players = [];
      for (let i = 0; i < 3; i++) players.push(await join(b.url, roomCode, { name: `B${i}` }));
      for (const p of players) await p.waitFor("welcome");
      await until(() => host.room.state.playerCount === 3, 5000, "players seen by the host");
      host.room.send("host:config", { scenario: "t3-lost-messages", variant: "fixed", seed: 5 });
      host.room.send("host:start", {});
      const seats = await Promise.all(players.map((p) => p.waitFor("seat", () => true, 15_000)));
      const producer = players[seats.findIndex((s) => s.seat === "P1")];
      await until(() => host.room.state.phase === "running", 10_000, "running");
      producer.room.send("act", { action: "send", n: 1 });
      await producer.waitFor("seat", (s) => s.view.sent.length > 0);
      host.room.send("host:end", {});
      const over = await host.waitFor("roundOver", () => true, 30_000);
      for (const server of [a, b]) {
        await until(
          async () =>
            (await (await fetch(`${server.url}/api/games/${over.gameId}/log`, { headers: { Authorization: `Bearer ${hostToken}` } })).text()).includes(
              '"summary"',
            ),
          5000,
          "log on both",
        );
        const parsed = parseLog(
          await (await fetch(`${server.url}/api/games/${over.gameId}/log`, { headers: { Authorization: `Bearer ${hostToken}` } })).text(),
        );
        expect(parsed.errors).toEqual([]);
        expect(parsed.events.some((e) => e.type === "command" && e.command.seat === "P1" && e.command.action === "send")).toBe(true);
      }
    } finally {
      await a.kill();
      await b.kill();
      const client = createClient({ url });
      await client.connect();
      await client.flushDb();
      await client.quit();
    }
  });
});
