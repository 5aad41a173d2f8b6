// The DevTools profiler's output and Chrome traces, summed the way the benchmarks print them.

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
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The renderer's main thread per animation frame, from a Chrome trace: its top-level tasks'
 * CPU time and wall time summed, divided by the frames it ran.
 */
export function mainThreadPerFrame(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): { mainCpuPerFrame: number; mainBusyPerFrame: number } {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  let frames = 0;
  let cpu = 0;
  let wall = 0;
  for (const e of events) {
    if (!main.has(`${e.pid}:${e.tid}`)) continue;
    if (e.name === "FireAnimationFrame") frames += 1;
    if (e.ph === "X" && e.name === "ThreadControllerImpl::RunTask") {
      cpu += e.tdur ?? 0;
      wall += e.dur ?? 0;
    }
  }
  const perFrame = (us: number) => Math.round(us / Math.max(1, frames) / 10) / 100;
  return { mainCpuPerFrame: perFrame(cpu), mainBusyPerFrame: perFrame(wall) };
}
