// Series for the debrief's charts, read off the index's step lists (a count at a tick is a
// binary search), and the anomaly strip drawn along the timeline.
import type { AnomalyKind } from "../checker/checker.js";
import { countUpTo, type ReplayIndex } from "./replayIndex.js";

export const CHART_METRICS = ["committed", "applied", "lost", "duplicated", "misordered"] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

export interface ChartSeries {
  /** The sampled ticks, from 0 to the last tick. */
  ticks: number[];
  values: Record<ChartMetric, number[]>;
  /** The largest value of any series (the y axis' top). */
  max: number;
}

/** Evenly spaced ticks from 0 to `lastTick` (both included), at most `points` of them. */
export function sampleTicks(lastTick: number, points: number): number[] {
  const n = Math.max(2, Math.min(points, lastTick + 1));
  return Array.from({ length: n }, (_, i) => Math.round((i * lastTick) / (n - 1)));
}

/** Cumulative counts over time for one team, or summed over every team ("all"). */
export function teamSeries(index: ReplayIndex, team: number | "all", points = 240): ChartSeries {
  const ticks = sampleTicks(index.lastTick, points);
  const timelines = team === "all" ? [...index.teams.values()] : [index.teams.get(team)].filter((t) => t !== undefined);
  const values = Object.fromEntries(
    CHART_METRICS.map((m) => [m, ticks.map((tick) => timelines.reduce((sum, t) => sum + countUpTo(t.steps[m], tick), 0))]),
  ) as Record<ChartMetric, number[]>;
  let max = 0;
  for (const m of CHART_METRICS) for (const v of values[m]) if (v > max) max = v;
  return { ticks, values, max };
}

export interface StripMark {
  /** The first anomaly's tick in this slot (a click jumps there). */
  tick: number;
  /** 0..1 along the timeline. */
  position: number;
  kinds: Partial<Record<AnomalyKind, number>>;
  count: number;
}

/** The anomalies (of one team, or all) grouped into `slots` slots along the timeline. */
export function anomalyStrip(index: ReplayIndex, team: number | null, slots = 200): StripMark[] {
  const marks = new Map<number, StripMark>();
  const span = Math.max(1, index.lastTick);
  for (const a of index.anomalies) {
    if (team !== null && a.team !== team) continue;
    const slot = Math.min(slots - 1, Math.floor((a.cause.tick / span) * slots));
    let m = marks.get(slot);
    if (!m) marks.set(slot, (m = { tick: a.cause.tick, position: a.cause.tick / span, kinds: {}, count: 0 }));
    m.kinds[a.kind] = (m.kinds[a.kind] ?? 0) + 1;
    m.count++;
  }
  return [...marks.values()].sort((a, b) => a.tick - b.tick);
}
