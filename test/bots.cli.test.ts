// `npm run bots` (docs/contracts.md#npm-run-bots) against a real server process, as an outside check would run it.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLog } from "../shared/log/log.js";
import { spawnServer, tempDir, type Child } from "./helpers/servers.js";

let server: Child;
beforeAll(async () => {
  server = await spawnServer({ DATA_DIR: tempDir() });
});
afterAll(async () => {
  await server.kill();
});

function bots(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["server/cli/bots.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("npm run bots", () => {
  it("creates a room as its host, plays N players through the SDK, and prints the started line then the result line", async () => {
    const { code, stdout, stderr } = await bots([
      "--url",
      server.url,
      "--scenario",
      "t4-duplicates",
      "--variant",
      "naive",
      "--players",
      "4",
      "--seconds",
      "4",
      "--seed",
      "9",
    ]);
    expect(code, stderr).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(Object.keys(lines[0])).toEqual(["event", "gameId", "roomCode", "hostToken"]);
    expect(lines[0].event).toBe("started");
    const last = lines.at(-1);
    expect(Object.keys(last)).toEqual(["gameId", "roomCode", "hostToken", "players", "latencyMs", "summary"]);
    expect(Object.keys(last.latencyMs)).toEqual(["p50", "p95", "p99", "max"]);
    expect(Object.keys(last.summary)).toEqual([
      "scenario",
      "variant",
      "seed",
      "teams",
      "committed",
      "applied",
      "lost",
      "duplicated",
      "misordered",
      "inconsistent",
      "raceAnomalies",
      "wrongFinalState",
      "refused",
      "ticks",
      "tickMs",
      "staleWrites",
      "conflicts",
      "parked",
    ]);
    expect(last).toMatchObject({ players: 4, gameId: lines[0].gameId, summary: { scenario: "t4-duplicates", variant: "naive", seed: 9 } });
    expect(last.latencyMs.p50).toBeGreaterThan(0);
    const log = await fetch(`${server.url}/api/games/${last.gameId}/log`, { headers: { Authorization: `Bearer ${last.hostToken}` } });
    const parsed = parseLog(await log.text());
    expect(parsed.header?.teams.flatMap((t) => t.players).filter((p) => p.name !== null)).toHaveLength(4);
  });

  it("refuses bad arguments with exit code 2", async () => {
    const { code, stderr } = await bots(["--url", server.url, "--scenario", "t0", "--variant", "x", "--players", "1"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown scenario/);
  });
});
