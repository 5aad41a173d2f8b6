// `npm run bench:server -- [--rooms R] [--players N] [--seconds S] [--ramp 1000,2000]
//   [--redis URL] [--before DIR] [--repeat K] [--decode-every N] [--pin] [--rt] [--cpu-prof DIR]
//   [--no-baseline] [--scenario ID --variant V]`
// Server processes (one, or two on Redis with --redis), R rooms x N network bots for S
// seconds, each room driven by its own `npm run bots` process. A fresh server is started
// for every measurement. Measured over the steady window (every room's round running, its
// bots acting): the server's CPU (per 1,000 players too), its own action-to-patch latency
// (p50/p95/p99), the latency the measuring phones see, and bytes per second per phone and
// per projector, and CPU per 1,000 actions a second (the bots act as fast as the machine
// lets them: compare builds at the same action rate).
// - `--before DIR`: a checkout of another commit (with node_modules), measured in the same
//   run, alternating with this one, `--repeat` times; the medians are printed side by side.
//   Otherwise a 10-player room is measured first as the run's baseline.
// - `--decode-every N`: only every Nth phone decodes the state (and measures latency); the
//   others count its bytes and skip it, so the load generator starves the server less (10).
// - `--pin`: the servers on CPU 0, the load generator on the other CPUs (taskset).
// - `--rt`: the servers in the lowest real-time scheduling class (chrt --rr 1), so other work on
//   the machine does not delay them (as on a dedicated core); the figures say what the server
//   needs, not what a crowded machine leaves it.
// - `--cpu-prof DIR`: the servers run under node's --cpu-prof; each profile's top entries are printed.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatTop, profileTop } from "./cpuProfileTop.js";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "5" },
    players: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    scenario: { type: "string", default: "t6-competing-consumers" },
    variant: { type: "string", default: "naive" },
    redis: { type: "string" },
    "no-baseline": { type: "boolean", default: false },
    /** Connected players to measure one after the other, e.g. "1000,2000" (--players per room). */
    ramp: { type: "string" },
    before: { type: "string" },
    repeat: { type: "string", default: "1" },
    "decode-every": { type: "string", default: "10" },
    pin: { type: "boolean", default: false },
    rt: { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
  },
});
const ROOT = process.cwd();
/** The countdown before a round runs (server/session/RoomRounds.ts COUNTDOWN_MS). */
const COUNTDOWN_MS = 3000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const perRoom = Number(values.players);
const decodeEvery = Math.max(1, Number(values["decode-every"]));
const lastCpu = cpus().length - 1;
const pin = (cpuList: string): string[] => (values.pin && lastCpu > 0 ? ["taskset", "-c", cpuList] : []);

interface Build {
  label: string;
  dir: string;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => ok(typeof address === "object" && address ? address.port : 0));
    });
    probe.on("error", fail);
  });
}

interface ServerProcess {
  url: string;
  pid: number;
  /** Wall time of the spawn: a profile's clock starts about then. */
  spawnedAt: number;
  stop(): Promise<void>;
}

async function startServer(build: Build, port: number, env: Record<string, string>, profileName: string | null): Promise<ServerProcess> {
  // On one small machine the load generator competes with the server for the CPU; the
  // server runs at a higher priority (as a dedicated server would have its cores) when allowed.
  // With --rt the servers run in the lowest real-time class (chrt --rr 1): on a machine shared
  // with other work they then get a CPU whenever they are ready, as on a dedicated core.
  const priority = process.getuid?.() !== 0 ? [] : values.rt ? ["chrt", "--rr", "1"] : ["nice", "-n", "-10"];
  const profile = profileName && values["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", resolve(values["cpu-prof"]), "--cpu-prof-name", profileName] : [];
  // taskset and nice exec the server in place: the child's pid is the server's.
  const command = [...pin("0"), ...priority, join(build.dir, "node_modules", ".bin", "node"), ...profile, "--import", "tsx", "server/main.ts"];
  const data = mkdtempSync(join(tmpdir(), "eo-bench-"));
  const spawnedAt = Date.now();
  const child = spawn(command[0], command.slice(1), { cwd: build.dir, env: { ...process.env, PORT: String(port), DATA_DIR: data, ...env }, stdio: "ignore" });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, pid: child.pid as number, spawnedAt, stop: () => stopChild(child, exited) };
    } catch {
      /* starting */
    }
    await sleep(100);
  }
  throw new Error("server did not start");
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  child.kill("SIGTERM");
  const timeout = sleep(15_000).then(() => child.kill("SIGKILL"));
  await Promise.race([exited, timeout]);
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssMB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMB: Math.round(rss / 1024) };
}

/** One `npm run bots` process (the load generator, from this checkout): `onJoined` once its players are connected, then it waits for `go()`. */
function runBots(url: string, joinUrl: string, players: number, seconds: number, onJoined: () => void): { done: Promise<any>; go(): void } {
  const args = [
    "--import",
    "tsx",
    "server/cli/bots.ts",
    "--url",
    url,
    "--join-url",
    joinUrl,
    "--scenario",
    values.scenario as string,
    "--variant",
    values.variant as string,
  ];
  args.push(
    "--players",
    String(players),
    "--seconds",
    String(seconds),
    "--strategy",
    "careful",
    "--metrics",
    "--decode-every",
    String(decodeEvery),
    "--wait-for-go",
  );
  args.push("--round-seconds", String(Math.min(900, Math.max(30, seconds + 30))));
  const command = [...pin(`1-${lastCpu}`), join(ROOT, "node_modules", ".bin", "node"), ...args];
  const child = spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "ignore"] });
  const done = new Promise<any>((ok, fail) => {
    let out = "";
    let seen = false;
    child.stdout.on("data", (d) => {
      out += String(d);
      if (!seen && out.includes('"event":"joined"')) {
        seen = true;
        onJoined();
      }
    });
    child.on("exit", (code) => (code === 0 ? ok(JSON.parse(out.trim().split("\n").pop() as string)) : fail(new Error(`bots exited ${code}`))));
  });
  return { done, go: () => child.stdin.end("go\n") };
}

/** Cumulative bucket counts of the server's action-to-patch histogram. */
function actionHistogram(text: string): [number, number][] {
  return [...text.matchAll(/exactly_once_action_to_patch_ms_bucket\{le="([^"]+)"\} (\d+)/g)].map((m) => [
    m[1] === "+Inf" ? Infinity : Number(m[1]),
    Number(m[2]),
  ]);
}

/** p50/p95/p99 (upper bucket bounds) of the actions counted between two readings of the histograms of every server. */
function percentiles(before: [number, number][][], after: [number, number][][]): { p50: number; p95: number; p99: number; count: number } {
  const merged = new Map<number, number>();
  after.forEach((h, s) => h.forEach(([le, c], i) => merged.set(le, (merged.get(le) ?? 0) + c - (before[s]?.[i]?.[1] ?? 0))));
  const buckets = [...merged].sort((a, b) => a[0] - b[0]);
  const count = buckets.at(-1)?.[1] ?? 0;
  const at = (p: number) => buckets.find(([, c]) => c >= (p / 100) * count && c > 0)?.[0] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), count };
}

export interface Measurement {
  build: string;
  connected: number;
  /** The bots' play time (their actions are counted over it). */
  seconds: number;
  /** Seconds of the steady window: every room running, every bot acting. */
  window: number;
  /** The steady window in milliseconds after the first server's spawn (to cut its profile). */
  profileWindow: [number, number];
  profileFiles: string[];
  serverActionToPatchMs: { p50: number; p95: number; p99: number; count: number };
  clientMs: { p50: number; p95: number; p99: number; max: number };
  cpuPercent: number;
  cpuPer1000: number;
  rssMB: number;
  phoneBps: number;
  projectorBps: number;
  /** WebSocket messages a second per phone (patches and messages), and the patches among them. */
  phoneFrames: number;
  phonePatches: number;
  actions: number;
  refusals: number;
}

async function measure(build: Build, rooms: number, players: number, seconds: number, profileName: string | null): Promise<Measurement> {
  const redis = values.redis;
  const ports = await Promise.all((redis ? [0, 1] : [0]).map(() => freePort()));
  const servers = await Promise.all(
    ports.map((p, i) =>
      startServer(build, p, redis ? { REDIS_URL: redis, PUBLIC_ADDRESS: `127.0.0.1:${p}` } : {}, profileName && `${profileName}-${i}.cpuprofile`),
    ),
  );
  const histograms = async () => Promise.all(servers.map(async (s) => actionHistogram(await (await fetch(`${s.url}/metrics`)).text())));
  try {
    type Steady = { cpu: number; wall: number; histogram: ReturnType<typeof percentiles>; rss: number; from: number };
    // Every room's players join first; then all rounds start together and the steady window
    // opens once they run (a few seconds for the countdown) and closes a second before the bots stop.
    let joined = 0;
    let release: () => void = () => undefined;
    const allJoined = new Promise<void>((r) => (release = r));
    const bots = Array.from({ length: rooms }, (_, r) =>
      runBots(servers[r % servers.length].url, servers[(r + 1) % servers.length].url, players, seconds, () => ++joined === rooms && release()),
    );
    const results = Promise.all(bots.map((b) => b.done));
    results.catch(() => release());
    await allJoined;
    const goAt = Date.now();
    for (const b of bots) b.go();
    await sleep(COUNTDOWN_MS + 1000);
    const h0 = await histograms();
    const u0 = servers.map((s) => usage(s.pid));
    const t0 = Date.now();
    await sleep(Math.max(3000, goAt + seconds * 1000 - 1000 - t0));
    const u1 = servers.map((s) => usage(s.pid));
    const wall = (Date.now() - t0) / 1000;
    const steady: Steady = {
      cpu: u1.reduce((n, u, i) => n + u.cpuSeconds - u0[i].cpuSeconds, 0),
      wall,
      histogram: percentiles(h0, await histograms()),
      rss: u1.reduce((n, u) => n + u.rssMB, 0),
      from: t0,
    };
    const resultsOf = await results;
    const cpuPercent = Math.round((steady.cpu / steady.wall) * 1000) / 10;
    const connected = rooms * players;
    const worst = (k: "p50" | "p95" | "p99" | "max") => Math.max(...resultsOf.map((r) => r.latencyMs[k]));
    return {
      build: build.label,
      connected,
      seconds,
      window: Math.round(steady.wall),
      profileWindow: [steady.from - servers[0].spawnedAt, steady.from - servers[0].spawnedAt + steady.wall * 1000],
      profileFiles:
        profileName && values["cpu-prof"] ? servers.map((_, i) => join(resolve(values["cpu-prof"] as string), `${profileName}-${i}.cpuprofile`)) : [],
      serverActionToPatchMs: steady.histogram,
      clientMs: { p50: worst("p50"), p95: worst("p95"), p99: worst("p99"), max: worst("max") },
      cpuPercent,
      cpuPer1000: Math.round((steady.cpu / steady.wall) * 100 * (1000 / connected)),
      rssMB: steady.rss,
      phoneBps: Math.round(resultsOf.reduce((n, r) => n + r.bytesPerSecond.phone, 0) / resultsOf.length),
      projectorBps: Math.round(resultsOf.reduce((n, r) => n + r.bytesPerSecond.projector, 0) / resultsOf.length),
      phoneFrames: Math.round((resultsOf.reduce((n, r) => n + (r.framesPerSecond?.phone ?? 0), 0) / resultsOf.length) * 10) / 10,
      phonePatches: Math.round((resultsOf.reduce((n, r) => n + (r.framesPerSecond?.phonePatches ?? 0), 0) / resultsOf.length) * 10) / 10,
      actions: resultsOf.reduce((n, r) => n + r.actions, 0),
      refusals: resultsOf.reduce((n, r) => n + r.refusals, 0),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** The medians of the repeats, one row per build and load. */
function table(all: Measurement[]): string {
  const rows = [
    "| build | players | server p50 / p95 / p99 (ms) | CPU (% of a core) | CPU per 1,000 players | per phone | messages a second per phone (patches) | per projector | measuring phones p99 | actions a second per player | CPU per 1,000 actions a second | runs |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  const keys = [...new Set(all.map((m) => `${m.connected}\u0000${m.build}`))];
  for (const key of keys) {
    const [connected, build] = key.split("\u0000");
    const ms = all.filter((m) => m.build === build && m.connected === Number(connected));
    const pick = (f: (m: Measurement) => number) => median(ms.map(f));
    const server = `≤${pick((m) => m.serverActionToPatchMs.p50)} / ≤${pick((m) => m.serverActionToPatchMs.p95)} / ≤${pick((m) => m.serverActionToPatchMs.p99)}`;
    const kb = (b: number) => `${(b / 1000).toFixed(2)} KB/s`;
    rows.push(
      `| ${build} | ${connected} | ${server} | ${pick((m) => m.cpuPercent)} % | ${pick((m) => m.cpuPer1000)} % | ${kb(pick((m) => m.phoneBps))} | ${pick((m) => m.phoneFrames)} (${pick((m) => m.phonePatches)}) | ${kb(pick((m) => m.projectorBps))} | ${pick((m) => m.clientMs.p99)} ms | ${pick((m) => Math.round((m.actions / m.connected / m.seconds) * 100) / 100)} | ${pick((m) => Math.round(m.cpuPercent / (m.actions / m.seconds / 1000)))} % | ${ms.length} |`,
    );
  }
  return rows.join("\n");
}

async function main(): Promise<void> {
  const builds: Build[] = values.before
    ? [
        { label: "before", dir: resolve(values.before) },
        { label: "after", dir: ROOT },
      ]
    : [{ label: "this", dir: ROOT }];
  const targets = values.ramp ? values.ramp.split(",").map(Number) : [Number(values.rooms) * perRoom];
  const repeat = Math.max(1, Number(values.repeat));
  const all: Measurement[] = [];
  const report = (m: Measurement) => process.stdout.write(`${JSON.stringify(m)}\n`);
  if (!values.before && !values["no-baseline"]) report(await measure(builds[0], 1, 10, 20, null));
  for (let run = 0; run < repeat; run++) {
    for (const target of targets) {
      const rooms = Math.max(1, Math.round(target / perRoom));
      // Alternate which build goes first, so neither always meets the same neighbours' load.
      const order = run % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        const m = await measure(build, rooms, perRoom, Number(values.seconds), values["cpu-prof"] ? `${build.label}-${rooms * perRoom}-${run + 1}` : null);
        all.push(m);
        report(m);
      }
    }
  }
  process.stdout.write(`\n${table(all)}\n`);
  for (const m of all) {
    for (const file of m.profileFiles) {
      try {
        process.stdout.write(
          `\n${file} (steady window ${m.profileWindow.map((x) => Math.round(x)).join("-")} ms)\n${formatTop(profileTop(file, 15, m.profileWindow))}\n`,
        );
      } catch (error) {
        process.stdout.write(`\n${file}: ${String(error)}\n`);
      }
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:server: ${String(error)}\n`);
  process.exit(1);
});
