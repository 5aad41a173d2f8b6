// `npm run bench:server -- [--rooms R] [--players N] [--seconds S] [--scenario ID --variant V]`
// One server process (or two on Redis with --redis), R rooms x N network bots for S
// seconds, each room driven by its own `npm run bots` process. Prints action-to-patch
// latency (p50/p95/p99), the server's CPU and memory, and bytes per second received per
// phone and per projector; first a baseline of one room of 10 players in the same run.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "5" },
    players: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    scenario: { type: "string", default: "t6-competing-consumers" },
    variant: { type: "string", default: "naive" },
    redis: { type: "string" },
    "no-baseline": { type: "boolean", default: false },
    /** Connected players to reach one after the other, e.g. "1000,2000" (200 per room). */
    ramp: { type: "string" },
  },
});
const ROOT = process.cwd();
const BIN = join(ROOT, "node_modules", ".bin");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
    probe.on("error", reject);
  });
}

interface ServerProcess {
  url: string;
  pid: number;
  stop(): void;
}

async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  // On one small machine the load generator competes with the server for the CPU; the
  // server runs at a higher priority (as a dedicated server would have its cores) when allowed.
  const priority = process.getuid?.() === 0 ? ["nice", "-n", "-10"] : [];
  const command = [...priority, join(BIN, "node"), "--import", "tsx", "server/main.ts"];
  const child = spawn(command[0], command.slice(1), { env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), "eo-bench-")), ...env }, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, pid: serverPid(child.pid as number), stop: () => child.kill("SIGTERM") };
    } catch {
      /* starting */
    }
    await sleep(100);
  }
  throw new Error("server did not start");
}

/** `nice` execs the server in place, so the child's pid is the server's. */
function serverPid(pid: number): number {
  return pid;
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssMB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMB: Math.round(rss / 1024) };
}

function runBots(url: string, joinUrl: string, players: number, seconds: number): Promise<any> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", "server/cli/bots.ts", "--url", url, "--join-url", joinUrl, "--scenario", values.scenario as string, "--variant", values.variant as string, "--players", String(players), "--seconds", String(seconds), "--strategy", "careful", "--metrics", "--round-seconds", String(Math.min(900, Math.max(30, seconds + 30)))];
    const child = spawn(join(BIN, "node"), args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop() as string)) : reject(new Error(`bots exited ${code}`))));
  });
}

/** p50/p95/p99 upper bucket bounds of the server's action-to-patch histogram (cumulative since start). */
function parseActionHistogram(text: string): { p50: number; p95: number; p99: number; count: number } {
  const buckets = [...text.matchAll(/exactly_once_action_to_patch_ms_bucket\{le="([^"]+)"\} (\d+)/g)].map((m) => [m[1] === "+Inf" ? Infinity : Number(m[1]), Number(m[2])] as const);
  const count = buckets.at(-1)?.[1] ?? 0;
  const at = (p: number) => buckets.find(([, c]) => c >= (p / 100) * count && c > 0)?.[0] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), count };
}

async function scenario(label: string, servers: ServerProcess[], rooms: number, players: number, seconds: number) {
  const before = servers.map((s) => usage(s.pid));
  const t0 = Date.now();
  let peakRss = 0;
  const rssOverTime: number[] = [];
  let sampleNo = 0;
  const sampler = setInterval(() => {
    const rss = servers.reduce((n, s) => n + usage(s.pid).rssMB, 0);
    peakRss = Math.max(peakRss, rss);
    if (sampleNo++ % 30 === 0) rssOverTime.push(rss);
  }, 1000);
  const results = await Promise.all(Array.from({ length: rooms }, (_, r) => runBots(servers[r % servers.length].url, servers[(r + 1) % servers.length].url, players, seconds)));
  clearInterval(sampler);
  const wall = (Date.now() - t0) / 1000;
  const after = servers.map((s) => usage(s.pid));
  const serverSide = await Promise.all(servers.map(async (s) => parseActionHistogram(await (await fetch(`${s.url}/metrics`)).text())));
  const weighted = (k: "p50" | "p95" | "p99" | "max") => Math.max(...results.map((r) => r.latencyMs[k]));
  process.stdout.write(
    `${JSON.stringify({
      label,
      rooms,
      playersPerRoom: players,
      connected: rooms * players,
      seconds,
      latencyMs: { p50: weighted("p50"), p95: weighted("p95"), p99: weighted("p99"), max: weighted("max") },
      serverActionToPatchMs: serverSide,
      serverCpuPercent: Math.round((after.reduce((n, u, i) => n + u.cpuSeconds - before[i].cpuSeconds, 0) / wall) * 100),
      serverRssMB: { start: before.map((u) => u.rssMB), end: after.map((u) => u.rssMB), peak: peakRss, every30s: rssOverTime },
      bytesPerSecond: { phoneMean: Math.round(results.reduce((n, r) => n + r.bytesPerSecond.phone, 0) / results.length), projector: Math.round(results.reduce((n, r) => n + r.bytesPerSecond.projector, 0) / results.length) },
      actions: results.reduce((n, r) => n + r.actions, 0),
      refusals: results.reduce((n, r) => n + r.refusals, 0),
    })}\n`,
  );
}

async function main(): Promise<void> {
  const redis = values.redis;
  const ports = await Promise.all((redis ? [0, 1] : [0]).map(() => freePort()));
  const servers = await Promise.all(ports.map((p) => startServer(p, redis ? { REDIS_URL: redis, PUBLIC_ADDRESS: `127.0.0.1:${p}` } : {})));
  try {
    if (!values["no-baseline"]) await scenario("baseline", servers, 1, 10, 20);
    const targets = values.ramp ? values.ramp.split(",").map(Number) : [Number(values.rooms) * Number(values.players)];
    for (const target of targets) {
      const rooms = values.ramp ? Math.max(1, Math.round(target / Number(values.players))) : Number(values.rooms);
      await scenario(`load ${rooms * Number(values.players)}`, servers, rooms, Number(values.players), Number(values.seconds));
    }
  } finally {
    for (const s of servers) s.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:server: ${String(error)}\n`);
  process.exit(1);
});
