// kill -9 of a real server process mid-round: the game's metadata and its log survive,
// the host token still opens the log after a restart, and at most the last second is lost.
import { describe, expect, it } from "vitest";
import { parseLog } from "../shared/log/log.js";
import { createRoom, join, spawnServer, tempDir, until } from "./helpers/servers.js";

describe("durability", () => {
  it("after kill -9 and a restart, the log is fetchable with the host token, missing at most the last second", async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    const { roomCode, hostToken } = await createRoom(first.url);
    const host = await join(first.url, roomCode, { hostToken });
    await host.waitFor("welcome");
    host.room.send("host:config", { scenario: "t3-lost-messages", variant: "naive", seed: 3 });
    host.room.send("host:start", {});
    await until(() => host.room.state.phase === "running" && host.room.state.tick > 40, 15_000, "round running");
    const gameId = host.room.state.gameId as string;
    // Let the round run a while past its start, so the log has many appended ticks.
    await until(() => host.room.state.tick > 55, 15_000, "the round going on");
    const tickAtKill = host.room.state.tick as number;
    await first.kill("SIGKILL");
    const second = await spawnServer({ DATA_DIR: dataDir }, first.port);
    try {
      const res = await fetch(`${second.url}/api/games/${gameId}/log`, { headers: { Authorization: `Bearer ${hostToken}` } });
      expect(res.status).toBe(200);
      const parsed = parseLog(await res.text());
      expect(parsed.errors).toEqual([]);
      expect(parsed.header?.gameId).toBe(gameId);
      const lastTick = parsed.events.at(-1)?.tick ?? -1;
      // The projector saw tickAtKill a moment before the kill; the log may lack at most ~1 s (10 ticks) before that.
      expect(lastTick).toBeGreaterThanOrEqual(tickAtKill - 10);
      const list = (await (await fetch(`${second.url}/api/games`, { headers: { Authorization: `Bearer ${hostToken}` } })).json()) as { gameId: string }[];
      expect(list.map((g) => g.gameId)).toContain(gameId);
    } finally {
      await second.kill();
    }
  });
});
