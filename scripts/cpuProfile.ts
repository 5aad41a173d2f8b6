// The DevTools profiler's output, Chrome traces and the browser's CPU time, summed the way
// the benchmarks print them.

import { readFileSync, readdirSync } from "node:fs";

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time in a profile, as a share of the recorded time. */
export function printTopSelf(profile: CpuProfile, count = 15): void {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    if (!frame) return;
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop() ?? ""}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + delta);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  for (const [name, us] of top) console.error(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadFigures {
  /** Mean CPU and busy wall time of the main thread per frame, in ms. */
  mainCpuPerFrame: number;
  mainBusyPerFrame: number;
  /** 95th percentile over frames of the main thread's busy wall time and CPU time from one frame's start to the next's. */
  mainBusyP95: number;
  mainCpuP95: number;
  /** The main thread's CPU time over the traced time: the share of a core the page takes. */
  mainCorePercent: number;
}

/**
 * The renderer's main thread per frame, from a Chrome trace: its top-level tasks' CPU and
 * wall time, bucketed by the frame (BeginMainFrame) they started in.
 */
export function mainThreadPerFrame(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): MainThreadFigures {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === "X");
  const frameStarts = onMain
    .filter((e) => e.name === "ProxyMain::BeginMainFrame")
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = onMain.filter((e) => e.name === "ThreadControllerImpl::RunTask").sort((a, b) => a.ts - b.ts);
  const busy = new Array<number>(Math.max(0, frameStarts.length - 1)).fill(0);
  const cpu = new Array<number>(busy.length).fill(0);
  let frame = 0;
  for (const task of tasks) {
    while (frame < frameStarts.length - 1 && task.ts >= frameStarts[frame + 1]!) frame += 1;
    if (task.ts < (frameStarts[0] ?? 0) || frame >= busy.length) continue;
    busy[frame]! += task.dur ?? 0;
    cpu[frame]! += task.tdur ?? 0;
  }
  const ms = (us: number) => Math.round(us / 10) / 100;
  const mean = (values: number[]) => ms(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
  const p95 = (values: number[]) => ms([...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? 0);
  const span = frameStarts.length > 1 ? frameStarts[frameStarts.length - 1]! - frameStarts[0]! : 0;
  const corePercent = span > 0 ? Math.round((1000 * cpu.reduce((a, b) => a + b, 0)) / span) / 10 : 0;
  return { mainCpuPerFrame: mean(cpu), mainBusyPerFrame: mean(busy), mainBusyP95: p95(busy), mainCpuP95: p95(cpu), mainCorePercent: corePercent };
}

/** The renderer main thread's CPU and busy wall time over a whole trace, in ms. */
export function mainThreadTotals(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): { cpu: number; busy: number } {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  let cpu = 0;
  let busy = 0;
  for (const e of events) {
    if (e.ph !== "X" || e.name !== "ThreadControllerImpl::RunTask" || !main.has(`${e.pid}:${e.tid}`)) continue;
    cpu += e.tdur ?? 0;
    busy += e.dur ?? 0;
  }
  return { cpu: cpu / 1000, busy: busy / 1000 };
}

/**
 * CPU time (user + system, ms) used so far by every process descended from this one: the
 * browser the benchmark launched, its GPU process (where SwiftShader rasterises WebGL) and
 * its renderers. Linux only (/proc); 0 elsewhere.
 */
export function descendantsCpuMs(root = process.pid): number {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const pid of entries) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command's closing parenthesis: state ppid … utime(14) stime(15).
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(pid), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;
