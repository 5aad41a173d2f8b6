// `npx tsx scripts/cpuProfileTop.ts FILE.cpuprofile [N] [FROM_MS TO_MS]`: the functions where a V8 CPU
// profile (node --cpu-prof) spent its samples, by self time, and the same time grouped by
// package or source folder; idle time left out. Used by `npm run bench:server -- --cpu-prof DIR`.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileTop {
  /** Milliseconds sampled outside the idle and program roots. */
  busyMs: number;
  functions: { name: string; ms: number; share: number }[];
  groups: { name: string; ms: number; share: number }[];
}

/** Where a frame's code lives: a package (node_modules), a source folder of this project, or V8/node itself. */
function groupOf(url: string): string {
  if (!url) return "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(shared\/[^/]+|server\/[^/]+|scripts)\//.exec(url);
  if (own) return own[1];
  if (url.startsWith("node:")) return "node:internal";
  return basename(url);
}

/** `window`: only the samples taken between these milliseconds after the profile began (a benchmark's steady window). */
export function profileTop(file: string, count = 15, window?: [number, number]): ProfileTop {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    at += delta;
    if (!window || (at >= window[0] && at <= window[1])) selfMs.set(id, (selfMs.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const groups = new Map<string, number>();
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)" || frame.functionName === "(program)" || frame.functionName === "(root)") continue;
    busyMs += ms;
    const where = frame.url ? `${basename(frame.url)}:${frame.lineNumber + 1}` : "native";
    const name = `${frame.functionName || "(anonymous)"} ${where}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const group = frame.functionName === "(garbage collector)" ? "(garbage collector)" : groupOf(frame.url);
    groups.set(group, (groups.get(group) ?? 0) + ms);
  }
  const ranked = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / Math.max(1, busyMs)) * 1000) / 10 }));
  return { busyMs: Math.round(busyMs), functions: ranked(functions, count), groups: ranked(groups, 12) };
}

export function formatTop(top: ProfileTop): string {
  const lines = [`busy ${top.busyMs} ms sampled (idle left out)`, "self time by package or folder:"];
  for (const g of top.groups) lines.push(`  ${String(g.share).padStart(5)} %  ${g.name}`);
  lines.push("self time by function:");
  for (const f of top.functions) lines.push(`  ${String(f.share).padStart(5)} %  ${f.name}`);
  return lines.join("\n");
}

if (process.argv[1] && basename(process.argv[1]).startsWith("cpuProfileTop")) {
  const [file, n, from, to] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: npx tsx scripts/cpuProfileTop.ts FILE.cpuprofile [N] [FROM_MS TO_MS]\n");
    process.exit(2);
  }
  process.stdout.write(`${formatTop(profileTop(file, n ? Number(n) : 15, from && to ? [Number(from), Number(to)] : undefined))}\n`);
}
