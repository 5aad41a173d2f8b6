// Seeking in the replay viewer, in headless Chromium: from the timeline's input event to the
// end of the frame that drew the new moment (the animation frame's callbacks, Phaser's
// render among them, and the page's rendering steps after them).
//
//   npx tsx scripts/benchReplay.ts [--teams 40] [--minutes 10] [--seeks 60] [--repeat 1]
//                                  [--scenario t9-end-to-end --variant chaos --seed 1]
//                                  [--profile /tmp/seek.cpuprofile] [--screenshot /tmp/replay.png] [--trace]
//
// Simulates a bots-only round of that length (the catalogue's round stretched, its
// producers given work for the whole of it), builds the client with Vite into a temporary
// directory, serves it with Vite's preview server, opens the log as a file in
// /replay.html at 1920×1080 and prints one JSON line per kind of move, each repeated:
//   step  (the baseline): one tick forward, what playing and the arrow keys do;
//   seek: a jump to a pseudo-random tick anywhere in the round, what a click on the
//         timeline, an anomaly or a search does.
// Each line gives p50, p95 and worst in milliseconds. With --repeat N the pair runs N times
// and two last lines give the medians. On a shared machine compare seek with step of one
// run, not runs across machines. --profile records the last run's seeks with the DevTools
// profiler (the client built unminified) and prints the functions with the most self time.
// --trace adds the page main thread's CPU time per move, from a Chrome trace of the moves
// (what a move costs, whatever else the machine runs; it includes the frame waited for).

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { build, preview } from "vite";
import { simulate } from "../shared/sim/simulate.js";
import { launch } from "../test/helpers/browser.js";
import { mainThreadTotals, printTopSelf, type CpuProfile } from "./cpuProfile.js";

const { values: args } = parseArgs({
  options: {
    teams: { type: "string", default: "40" },
    minutes: { type: "string", default: "10" },
    seeks: { type: "string", default: "60" },
    repeat: { type: "string", default: "1" },
    scenario: { type: "string", default: "t9-end-to-end" },
    variant: { type: "string", default: "chaos" },
    seed: { type: "string", default: "1" },
    profile: { type: "string" },
    screenshot: { type: "string" },
    trace: { type: "boolean", default: false },
  },
});

const root = resolve(import.meta.dirname, "..");

interface Figures {
  moves: number;
  p50: number;
  p95: number;
  worst: number;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "bench-replay-"));
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  const browser = await launch();
  try {
    const ticks = Math.round(Number(args.minutes) * 600);
    const lines: string[] = [];
    const started = performance.now();
    const result = simulate(
      {
        scenario: args.scenario,
        variant: args.variant,
        seed: Number(args.seed),
        teams: Number(args.teams),
        roundTicks: ticks,
        workload: { eventsPerProducer: Math.round(ticks / 17) },
      },
      (line) => lines.push(line),
    );
    const logPath = join(dir, "round.ndjson");
    const text = lines.join("\n") + "\n";
    await writeFile(logPath, text);
    console.error(
      `log: ${result.events.length} events, ${result.report.ticks} ticks, ${(text.length / 1e6).toFixed(1)} MB, simulated in ${Math.round(performance.now() - started)} ms`,
    );

    const outDir = join(dir, "client");
    await build({
      configFile: resolve(root, "vite.config.ts"),
      root: resolve(root, "client"),
      logLevel: "warn",
      build: { outDir, emptyOutDir: true, manifest: false, minify: !args.profile },
    });
    server = await preview({
      configFile: false,
      root: resolve(root, "client"),
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port: 0, open: false },
    });
    const base = server.resolvedUrls?.local[0] ?? "";

    const runs: Record<string, (Figures & { mainCpuPerMove?: number })[]> = { step: [], seek: [] };
    for (let round = 0; round < Math.max(1, Number(args.repeat)); round++) {
      const page = await openReplay(browser, base, logPath);
      const last = result.report.ticks - 1;
      // Warm-up: the first moves pay for lazy work (fonts, Phaser's first texts).
      await moves(page, [10, 20, Math.floor(last / 2), 30, Math.floor(last / 3) - 1]);
      const count = Number(args.seeks);
      const step = await traced(browser, page, () =>
        moves(
          page,
          Array.from({ length: count }, (_, i) => Math.floor(last / 3) + i),
        ),
      );
      const profiling = args.profile && round === Math.max(1, Number(args.repeat)) - 1;
      const cdp = profiling ? await page.context().newCDPSession(page) : undefined;
      await cdp?.send("Profiler.enable");
      await cdp?.send("Profiler.start");
      const seek = await traced(browser, page, () => moves(page, pseudoRandomTicks(count, last, round + 1)));
      if (cdp && args.profile) {
        const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
        await writeFile(args.profile, JSON.stringify(profile));
        printTopSelf(profile);
        console.error(`profile: ${args.profile}`);
      }
      for (const [name, figures] of [
        ["step", step],
        ["seek", seek],
      ] as const) {
        runs[name]!.push(figures);
        console.log(JSON.stringify({ run: name, teams: Number(args.teams), minutes: Number(args.minutes), events: result.events.length, ...figures }));
      }
      if (args.screenshot) {
        await page.waitForTimeout(500);
        await page.screenshot({ path: args.screenshot });
        console.error(`screenshot: ${args.screenshot}`);
      }
      await page.context().close();
    }
    if (runs.seek!.length > 1) {
      for (const [name, list] of Object.entries(runs)) console.log(JSON.stringify({ run: `${name}-median`, runs: list.length, ...medians(list) }));
    }
  } finally {
    await browser.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function openReplay(browser: Browser, base: string, logPath: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${base}replay.html`);
  const opened = performance.now();
  await page.getByTestId("replay-open-file").setInputFiles(logPath);
  await page.locator("#scene canvas").first().waitFor({ timeout: 300_000 });
  console.error(`opened in ${Math.round(performance.now() - opened)} ms`);
  return page;
}

/** Moves the timeline to each tick in turn; milliseconds from each input event to the end of the frame that drew it. */
async function moves(page: Page, ticks: readonly number[]): Promise<Figures> {
  // A string, not a function: the page must not see the helpers tsx adds to compiled functions.
  const times = (await page.evaluate(`(async (list) => {
    const timeline = document.querySelector('[data-testid="replay-timeline"]');
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const out = [];
    for (const tick of list) {
      await frame();
      const start = performance.now();
      timeline.value = String(tick);
      timeline.dispatchEvent(new Event("input", { bubbles: true }));
      await frame();
      out.push(performance.now() - start);
    }
    return out;
  })(${JSON.stringify(ticks)})`)) as number[];
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0);
  return { moves: times.length, p50: at(50), p95: at(95), worst: round(sorted[sorted.length - 1] ?? 0) };
}

/** With --trace, the moves' figures plus the main thread's CPU time per move. */
async function traced(browser: Browser, page: Page, run: () => Promise<Figures>): Promise<Figures & { mainCpuPerMove?: number }> {
  if (!args.trace) return run();
  await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel"] });
  const figures = await run();
  const { cpu } = mainThreadTotals(JSON.parse((await browser.stopTracing()).toString("utf8")));
  return { ...figures, mainCpuPerMove: round(cpu / Math.max(1, figures.moves)) };
}

/** The same ticks every run of a seed: spread over the whole round. */
function pseudoRandomTicks(count: number, last: number, seed: number): number[] {
  let state = seed * 2654435761;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state % (last + 1);
  });
}

function medians(list: readonly (Figures & { mainCpuPerMove?: number })[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ["moves", "p50", "p95", "worst", "mainCpuPerMove"] as const) {
    const values = list.map((f) => f[key]).filter((v): v is number => typeof v === "number");
    if (values.length === list.length) out[key] = values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
