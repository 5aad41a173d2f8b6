// The DevTools profiler's output, summed the way the benchmarks print it.

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
