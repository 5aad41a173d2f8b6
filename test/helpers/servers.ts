// Real servers for cross-layer tests: in this process (through createApp), or as child
// processes exactly as `npm start` runs (for kill -9 and two-process Redis tests).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { createApp, type App } from "../../server/app.js";
import { readConfig } from "../../server/config.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

const madeDirs: string[] = [];
// Each test file runs in its own process: its temporary folders go when it exits.
process.once("exit", () => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test process exits. */
export function tempDir(prefix = "eo-test-"): string {
  const dir = mkdtempSync(joinPath(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/** A game's log as its host sees it over HTTP (null while the server does not have it). */
export async function fetchLog(url: string, gameId: string, hostToken: string): Promise<string | null> {
  const res = await fetch(`${url}/api/games/${gameId}/log`, { headers: { Authorization: `Bearer ${hostToken}` } });
  return res.ok ? res.text() : null;
}

/** Waits until something accepts TCP connections on the port (a server that is starting). */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const { connect } = await import("node:net");
  await until(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        socket.once("connect", () => (socket.destroy(), resolve(true)));
        socket.once("error", () => resolve(false));
      }),
    timeoutMs,
    `port ${port}`,
  );
}

export interface Running {
  url: string;
  port: number;
  app: App;
  close(): Promise<void>;
}

export async function startInProcess(env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const config = readConfig({ PORT: String(port), DATA_DIR: tempDir(), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env });
  const app = await createApp(config);
  await app.server.listen(port);
  return { url: `http://127.0.0.1:${port}`, port, app, close: () => app.close() };
}

export interface Child {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `node --import tsx server/main.ts` with the given environment, resolved once /health
 * answers. One process (not the tsx wrapper, which forks a child), so kill -9 kills the server.
 */
export async function spawnServer(env: Record<string, string>, port?: number): Promise<Child> {
  const p = port ?? (await freePort());
  const child = spawn(joinPath(process.cwd(), "node_modules", ".bin", "node"), ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: String(p), PUBLIC_URL: `http://127.0.0.1:${p}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (d) => (text += String(d)));
  child.stderr?.on("data", (d) => (text += String(d)));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 30_000 * SLACK;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${text}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  return {
    url,
    port: p,
    process: child,
    output: () => text,
    kill: (signal: NodeJS.Signals = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits are deadlines, not durations: a condition met early returns at once. On a machine
 * busy with other work everything is slower, so every deadline is stretched by this factor
 * (TEST_SLACK, default 3); a passing test costs no more time.
 */
export const SLACK = Math.max(1, Number(process.env.TEST_SLACK ?? 3) || 3);

export async function createRoom(url: string): Promise<{ roomCode: string; hostToken: string; joinUrl: string }> {
  const res = await fetch(`${url}/api/rooms`, { method: "POST" });
  if (res.status !== 201) throw new Error(`create room: ${res.status} ${await res.text()}`);
  return (await res.json()) as { roomCode: string; hostToken: string; joinUrl: string };
}

/** A client that records every message it receives, by type. */
export interface Recorder {
  room: Room;
  messages: Map<string, unknown[]>;
  last<T = any>(type: string): T | undefined;
  waitFor<T = any>(type: string, predicate?: (m: T) => boolean, timeoutMs?: number): Promise<T>;
}

export function record(room: Room): Recorder {
  const messages = new Map<string, unknown[]>();
  const waiters: { type: string; predicate: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  room.onMessage("*", (type, payload) => {
    const key = String(type);
    if (!messages.has(key)) messages.set(key, []);
    messages.get(key)!.push(payload);
    for (const w of [...waiters])
      if (w.type === key && w.predicate(payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(payload);
      }
  });
  return {
    room,
    messages,
    last: (type) => messages.get(type)?.at(-1) as any,
    waitFor: (type, predicate = () => true, timeoutMs = 10_000) => {
      const seen = (messages.get(type) ?? []).find(predicate as (m: unknown) => boolean);
      if (seen !== undefined) return Promise.resolve(seen as any);
      return new Promise((resolve, reject) => {
        const w = { type, predicate, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`timed out waiting for ${type}`));
          }
        }, timeoutMs * SLACK);
      });
    },
  };
}

export async function join(url: string, code: string, options: Record<string, unknown>): Promise<Recorder> {
  const client = new Client(url);
  const room = await client.joinById(code, options);
  return record(room);
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs * SLACK;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}
