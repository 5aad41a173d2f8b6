import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { build, preview } from "vite";
const root = resolve(import.meta.dirname, "..", "client");
const outDir = await mkdtemp(join(tmpdir(), "exp-"));
await build({ configFile: false, root, logLevel: "warn", build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, rolldownOptions: { input: join(root, "bench", "scene.html") } } });
const server = await preview({ configFile: false, root, logLevel: "warn", build: { outDir }, preview: { host: "127.0.0.1", port: 4199, strictPort: true } });
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
for (const q of process.argv.slice(2)) {
  const ctx = await b.newContext({ viewport: { width: 1920, height: 1080 } });
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:4199/bench/scene.html?seconds=3&${q}`);
  const h = await p.waitForFunction("window.__benchResult || window.__benchError", undefined, { timeout: 120000 });
  const r = await h.jsonValue();
  if (process.env.SHOT) await p.screenshot({ path: process.env.SHOT });
  console.log(q, JSON.stringify(r));
  await ctx.close();
}
await b.close(); await server.close();
