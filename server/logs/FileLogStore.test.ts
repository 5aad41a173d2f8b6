import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { FileLogStore } from "./FileLogStore.js";
import { describeLogStore, gameMeta } from "./logStoreContract.js";

const contractDir = mkdtempSync(join(tmpdir(), "eo-logstore-"));
describeLogStore(
  "FileLogStore",
  async () => new FileLogStore(contractDir),
  async () => rmSync(contractDir, { recursive: true, force: true }),
);

describe("FileLogStore files", () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "eo-logstore-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the documented layout, and leaves no temp files", async () => {
    const dir = freshDir();
    const store = new FileLogStore(dir);
    const game = gameMeta();
    await store.saveRoom({ roomCode: game.roomCode, hostTokenHash: game.hostTokenHash, createdAt: game.createdAt });
    await store.createGame(game, '{"type":"header"}');
    await store.finishGame(game.gameId, '{"type":"summary"}', {});
    await store.close();
    expect(readdirSync(join(dir, "rooms"))).toEqual([`${game.roomCode}.json`]);
    expect(readdirSync(join(dir, "games")).sort()).toEqual([`${game.gameId}.json`, `${game.gameId}.ndjson`]);
    expect(JSON.parse(readFileSync(join(dir, "games", `${game.gameId}.json`), "utf8")).gameId).toBe(game.gameId);
  });

  it("returns a torn last line as written, and cuts it off before appending after a restart", async () => {
    const dir = freshDir();
    const game = gameMeta();
    const first = new FileLogStore(dir);
    await first.createGame(game, '{"type":"header"}');
    await first.append(game.gameId, ['{"type":"event","tick":0}']);
    await first.close();
    // What a crash in the middle of a write leaves behind.
    appendFileSync(join(dir, "games", `${game.gameId}.ndjson`), '{"type":"event","ti');

    const second = new FileLogStore(dir);
    expect(await second.readLog(game.gameId)).toBe('{"type":"header"}\n{"type":"event","tick":0}\n{"type":"event","ti');
    await second.append(game.gameId, ['{"type":"event","tick":1}']);
    expect(await second.readLog(game.gameId)).toBe('{"type":"header"}\n{"type":"event","tick":0}\n{"type":"event","tick":1}\n');
    await second.close();
  });

  it("keeps at most maxOpenLogs logs open, and every log intact", async () => {
    const dir = freshDir();
    const store = new FileLogStore(dir, { maxOpenLogs: 2 });
    const games = Array.from({ length: 6 }, () => gameMeta());
    const writes: Promise<void>[] = games.map((game) => store.createGame(game, '{"type":"header"}'));
    let maxOpen = 0;
    for (let tick = 0; tick < 40; tick++) {
      for (const game of games) writes.push(store.append(game.gameId, [`{"tick":${tick}}`]));
      if (tick % 5 === 0) {
        await Promise.all(writes);
        // readLog waits for each game's queue, including the closes of evicted logs.
        await Promise.all(games.map((game) => store.readLog(game.gameId)));
        maxOpen = Math.max(maxOpen, openFilesUnder(dir) ?? 0);
      }
    }
    await Promise.all(writes);
    expect(maxOpen).toBeLessThanOrEqual(2);
    const expected = ['{"type":"header"}', ...Array.from({ length: 40 }, (_, tick) => `{"tick":${tick}}`)].map((l) => `${l}\n`).join("");
    for (const game of games) expect(await store.readLog(game.gameId)).toBe(expected);
    await store.close();
    expect(openFilesUnder(dir) ?? 0).toBe(0);
  });

  it("loses no acknowledged append when the process is killed with SIGKILL", async () => {
    const dir = freshDir();
    const game = gameMeta();
    const acked = await appendUntilKilled(dir, game.gameId, 300);
    const store = new FileLogStore(dir);
    const lines = (await store.readLog(game.gameId))!.split("\n");
    await store.close();
    lines.pop(); // the "" after the last newline, or a torn last line (allowed: it was never acknowledged)
    const ticks = lines.slice(1).map((l) => JSON.parse(l).tick as number);
    expect(ticks.length).toBeGreaterThanOrEqual(acked);
    expect(ticks).toEqual(Array.from({ length: ticks.length }, (_, tick) => tick));
  });
});

/** Open file descriptors of this process inside `dir` (Linux only; null elsewhere). */
function openFilesUnder(dir: string): number | null {
  if (!existsSync("/proc/self/fd")) return null;
  let count = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      if (readlinkSync(join("/proc/self/fd", fd)).startsWith(dir)) count++;
    } catch {
      // closed while listing
    }
  }
  return count;
}

/** Runs a child process that appends one line per tick and prints each acknowledged tick; kills it with SIGKILL after `ticks`. Returns how many were acknowledged. */
function appendUntilKilled(dir: string, gameId: string, ticks: number): Promise<number> {
  const moduleUrl = pathToFileURL(join(fileURLToPath(new URL(".", import.meta.url)), "FileLogStore.ts")).href;
  const meta = gameMeta({ gameId });
  const script = `
    const { FileLogStore } = await import(${JSON.stringify(moduleUrl)});
    const store = new FileLogStore(${JSON.stringify(dir)});
    await store.createGame(${JSON.stringify(meta)}, '{"type":"header"}');
    const pad = "x".repeat(2000);
    for (let tick = 0; ; tick++) {
      await store.append(${JSON.stringify(gameId)}, [JSON.stringify({ tick, pad })]);
      process.stdout.write(tick + "\\n");
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let acked = 0;
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      acked += chunk.split("\n").length - 1;
      if (acked >= ticks) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") resolve(acked);
      else reject(new Error(`the appending child exited by itself (${_code}): ${stderr}`));
    });
  });
}
