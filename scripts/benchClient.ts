// Frame times of the pipeline canvas in headless Chromium.
//
//   npx tsx scripts/benchClient.ts [--tokens 2000] [--teams 40] [--seconds 5] [--repeat 1]
//                                  [--screenshot /tmp/scene.png] [--screenshot-tokens 160]
//                                  [--profile /tmp/load.cpuprofile] [--renderer auto|webgl|canvas] [--trace]
//
// Builds client/bench/scene.html with Vite, serves the build with Vite's preview server,
// opens it in Debian's Chromium through playwright-core and prints one JSON line per run:
// a baseline (0 tokens, 1 team), then the load (2,000 tokens, 40 teams). With --repeat N
// the pair runs N times, interleaved, and two last lines give the median of each figure.
// Headless Chromium renders WebGL with SwiftShader on the CPU, so the figures are the
// CPU's, not a projector laptop's GPU, and on a shared machine they move with its load:
// compare baseline and load of one run, not runs across machines. --profile records the
// last load run's main thread with the DevTools profiler (open the file in Chrome's DevTools)
// and prints the functions with the most self time. --trace records a Chrome trace of each
// run and adds the page's main thread per frame, mean and 95th percentile: CPU time (what a
// frame costs, whatever else the machine runs) and busy wall time (including waits, such as
// a software WebGL frame read back into the compositor). mainP50/mainP95 time only the frame's
// callbacks: with the 2D canvas its drawing is rasterised after them, so the trace's figures
// are the ones to compare across renderers. Every run also gives the CPU time of all the
// browser's processes per recorded frame and as a share of one core (from /proc): the GPU
// process, where SwiftShader rasterises WebGL, included.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { build, preview } from "vite";
import { descendantsCpuMs, mainThreadPerFrame, printTopSelf, type CpuProfile } from "./cpuProfile.js";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const { values: args } = parseArgs({
  options: {
    tokens: { type: "string", default: "2000" },
    teams: { type: "string", default: "40" },
    seconds: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    screenshot: { type: "string" },
    "screenshot-tokens": { type: "string", default: "160" },
    repeat: { type: "string", default: "1" },
    "no-baseline": { type: "boolean", default: false },
    profile: { type: "string" },
    renderer: { type: "string", default: "auto" },
    trace: { type: "boolean", default: false },
  },
});

const root = resolve(import.meta.dirname, "..", "client");

async function main(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), "bench-client-"));
  const port = await freePort();
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let browser: Browser | undefined;
  try {
    await build({
      configFile: false,
      root,
      logLevel: "warn",
      build: {
        outDir,
        emptyOutDir: true,
        chunkSizeWarningLimit: 2000,
        rolldownOptions: { input: join(root, "bench", "scene.html") },
      },
    });
    server = await preview({
      configFile: false,
      root,
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port, strictPort: true, open: false },
    });
    const base = `http://127.0.0.1:${port}/bench/scene.html`;
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const common = { seconds: args.seconds, warmup: args.warmup, renderer: args.renderer };
    const runs = { baseline: [] as Record<string, unknown>[], load: [] as Record<string, unknown>[] };
    const repeat = Math.max(1, Number(args.repeat));
    for (let round = 0; round < repeat; round++) {
      if (!args["no-baseline"]) {
        const baseline = await run(browser, base, { ...common, tokens: "0", teams: "1" });
        runs.baseline.push(baseline);
        console.log(JSON.stringify({ run: "baseline", tokens: 0, teams: 1, ...baseline }));
      }
      const profile = round === repeat - 1 ? args.profile : undefined;
      const load = await run(browser, base, { ...common, tokens: args.tokens, teams: args.teams }, undefined, profile);
      runs.load.push(load);
      console.log(JSON.stringify({ run: "load", tokens: Number(args.tokens), teams: Number(args.teams), ...load }));
    }
    if (repeat > 1) {
      for (const [name, results] of Object.entries(runs)) {
        if (results.length > 0) console.log(JSON.stringify({ run: `${name}-median`, runs: results.length, ...medians(results) }));
      }
    }
    if (args.screenshot) {
      await run(browser, base, { tokens: args["screenshot-tokens"], teams: args.teams, seconds: "2", warmup: "1", renderer: args.renderer }, args.screenshot);
      console.error(`screenshot: ${args.screenshot}`);
    }
  } finally {
    await browser?.close();
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

async function run(
  browser: Browser,
  base: string,
  query: Record<string, string | undefined>,
  screenshot?: string,
  profile?: string,
): Promise<Record<string, unknown>> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
    const cdp = profile ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    }
    await page.goto(`${base}?${search}`);
    if (args.trace) {
      await page.waitForFunction(() => (window as { __pipelineCanvas?: unknown }).__pipelineCanvas !== undefined, undefined, { timeout: 120_000 });
      await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel", "cc"] });
    }
    if (cdp) {
      await page.waitForFunction(() => (window as { __pipelineCanvas?: unknown }).__pipelineCanvas !== undefined, undefined, { timeout: 120_000 });
      await cdp.send("Profiler.start");
    }
    // The browser's CPU over the recorded seconds (after the page's warm-up): all its processes, GPU process included.
    await page.waitForFunction(() => (window as { __pipelineCanvas?: unknown }).__pipelineCanvas !== undefined, undefined, { timeout: 120_000 });
    await page.waitForTimeout(Number(query.warmup ?? 1) * 1000);
    const cpuBefore = descendantsCpuMs();
    const wallBefore = performance.now();
    const handle = await page.waitForFunction(
      () => (window as { __benchResult?: unknown; __benchError?: string }).__benchResult ?? (window as { __benchError?: string }).__benchError,
      undefined,
      { timeout: 120_000, polling: 250 },
    );
    const outcome = (await handle.jsonValue()) as Record<string, unknown> | string;
    if (typeof outcome === "string") throw new Error(`bench page failed: ${outcome}`);
    const browserCpu = descendantsCpuMs() - cpuBefore;
    const browserFigures = {
      browserCpuPerFrame: Math.round((100 * browserCpu) / Math.max(1, Number(outcome.frames))) / 100,
      browserCorePercent: Math.round((1000 * browserCpu) / (performance.now() - wallBefore)) / 10,
    };
    const traced = args.trace ? mainThreadPerFrame(JSON.parse((await browser.stopTracing()).toString("utf8"))) : {};
    if (cdp && profile) {
      const { profile: recorded } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
      await writeFile(profile, JSON.stringify(recorded));
      printTopSelf(recorded);
      console.error(`profile: ${profile}`);
    }
    if (screenshot) await page.screenshot({ path: screenshot });
    return errors.length > 0 ? { ...outcome, ...browserFigures, ...traced, errors } : { ...outcome, ...browserFigures, ...traced };
  } finally {
    await context.close();
  }
}

/** The median of every numeric field over several runs. */
function medians(results: readonly Record<string, unknown>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(results[0] ?? {})) {
    const values = results.map((r) => r[key]).filter((v): v is number => typeof v === "number");
    if (values.length !== results.length) continue;
    values.sort((a, b) => a - b);
    out[key] = values[Math.floor(values.length / 2)]!;
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
