// Redis restarted under a two-process deployment: both processes reconnect, the round goes
// on, and its log in the Redis log store loses nothing (it re-simulates exactly). The test
// runs its own redis-server (append-only, on a free port) so it can stop and restart it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLog } from "../shared/log/log.js";
import { resimulate } from "../shared/log/resimulate.js";
import { createRoom, freePort, join, spawnServer, tempDir, until, waitForPort } from "./helpers/servers.js";

const REDIS = "/usr/bin/redis-server";
const available = existsSync(REDIS);
if (!available && process.env.CI) throw new Error("redis-server is missing: .ci/run installs it");

async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(REDIS, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "always", "--save", ""], {
    stdio: "ignore",
  });
  await waitForPort(port);
  return child;
}

describe.skipIf(!available)("Redis restart", () => {
  it("two processes reconnect after Redis restarts, and the round's log loses nothing", async () => {
    const port = await freePort();
    const dir = tempDir("eo-redis-");
    let redis = await startRedis(port, dir);
    const url = `redis://127.0.0.1:${port}`;
    const [pa, pb] = [await freePort(), await freePort()];
    const a = await spawnServer({ REDIS_URL: url, PUBLIC_ADDRESS: `127.0.0.1:${pa}` }, pa);
    const b = await spawnServer({ REDIS_URL: url, PUBLIC_ADDRESS: `127.0.0.1:${pb}` }, pb);
    try {
      const { roomCode, hostToken } = await createRoom(a.url);
      const host = await join(a.url, roomCode, { hostToken });
      const player = await join(b.url, roomCode, { name: "Ana" });
      await player.waitFor("welcome");
      host.room.send("host:config", { scenario: "t4-duplicates", variant: "fixed", seed: 2 });
      host.room.send("host:start", {});
      await until(() => host.room.state.phase === "running" && host.room.state.tick > 20, 15_000, "running");
      redis.kill("SIGTERM");
      await new Promise((r) => redis.once("exit", r));
      // Redis stays down while the round plays on for a second and a half of its ticks.
      const down = host.room.state.tick;
      await until(() => host.room.state.tick > down + 15, 15_000, "the round going on without Redis");
      redis = await startRedis(port, dir);
      const tick = host.room.state.tick;
      await until(() => host.room.state.tick > tick + 20, 15_000, "the round going on");
      host.room.send("host:end", {});
      const over = await host.waitFor("roundOver", () => true, 60_000);
      for (const server of [a, b]) {
        await until(
          async () =>
            (await (await fetch(`${server.url}/api/games/${over.gameId}/log`, { headers: { Authorization: `Bearer ${hostToken}` } })).text()).includes(
              '"summary"',
            ),
          20_000,
          "the summary in Redis",
        );
      }
      const parsed = parseLog(await (await fetch(`${b.url}/api/games/${over.gameId}/log`, { headers: { Authorization: `Bearer ${hostToken}` } })).text());
      expect(parsed.errors).toEqual([]);
      expect(resimulate(parsed.header!, parsed.events).divergence).toBeNull();
      expect((await fetch(`${b.url}/health`)).ok).toBe(true);
    } finally {
      await a.kill();
      await b.kill();
      redis.kill("SIGTERM");
    }
  });
});
