import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { build, preview } from "vite";
const root = resolve(import.meta.dirname, "..", "client");
const outDir = await mkdtemp(join(tmpdir(), "exp-"));
await build({ configFile: false, root, logLevel: "warn", build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, rolldownOptions: { input: [join(root, "bench", "scene.html"), join(root, "bench", "_bare.html")] } } });
const server = await preview({ configFile: false, root, logLevel: "warn", build: { outDir }, preview: { host: "127.0.0.1", port: 4199, strictPort: true } });
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
const reps = Number(process.env.REPS ?? 1);
const agg = new Map<string, number[]>();
for (let rep = 0; rep < reps; rep++) for (const q of process.argv.slice(2)) {
  const ctx = await b.newContext({ viewport: { width: 1920, height: 1080 } });
  const p = await ctx.newPage();
  p.on("console", (m) => { if (process.env.CLICK || m.type() === "error") console.log("console:", m.type(), m.text()); });
  p.on("pageerror", (e) => console.log("pageerror:", e.message));
  await p.goto(`http://127.0.0.1:4199/bench/${process.env.PAGE ?? "scene"}.html?seconds=3&${q}`);
  let cdp: any;
  if (process.env.PROFILE) { cdp = await ctx.newCDPSession(p); await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 200 }); await new Promise(r => setTimeout(r, 1500)); await cdp.send("Profiler.start"); }
  if (process.env.TRACE) { await new Promise(r => setTimeout(r, 1500)); await b.startTracing(p, { path: process.env.TRACE, categories: ["toplevel", "disabled-by-default-devtools.timeline", "gpu", "viz", "cc", "benchmark"] }); }
  const h = await p.waitForFunction("window.__benchResult || window.__benchError", undefined, { timeout: 120000 });
  if (process.env.TRACE) await b.stopTracing();
  if (cdp) {
    const { profile } = await cdp.send("Profiler.stop");
    const self = new Map<string, number>(); const total = profile.samples.length;
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    const counts = new Map<number, number>(); for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
    for (const [id, c] of counts) { const n: any = byId.get(id); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c); }
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join("\n"));
  }
  const r = await h.jsonValue();
  if (process.env.CLICK) { for (const xy of process.env.CLICK.split(";")) { const [x, y] = xy.split(",").map(Number); await p.mouse.click(x!, y!); } await new Promise((r) => setTimeout(r, 500)); }
  if (process.env.SHOT) await p.screenshot({ path: process.env.SHOT });
  if (process.env.CLIP) { const [x, y, width, height] = process.env.CLIP.split(",").map(Number); await p.screenshot({ path: process.env.CLIPSHOT ?? "/tmp/exp/clip.png", clip: { x: x!, y: y!, width: width!, height: height! } }); }
  if (reps === 1) console.log(q, JSON.stringify(r));
  agg.set(q, [...(agg.get(q) ?? []), (r as any).fps]);
  await ctx.close();
}
if (reps > 1) for (const [q, v] of agg) { v.sort((a, b) => a - b); console.log(q, "fps median", v[v.length >> 1].toFixed(1), "all", v.map((x) => x.toFixed(1)).join(" ")); }
await b.close(); await server.close();
