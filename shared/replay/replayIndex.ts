// The replay's index of a log, built in one pass: where each tick starts in the event list,
// periodic snapshots of the folded pipeline (so any tick is a snapshot plus a short
// fold away), each team's counts as sorted lists of the ticks they went up at (so a count
// at any tick is a binary search), every business event's log lines, and the checker's
// report with each anomaly's cause. The viewer draws from the outcome events only.
import { check, type Anomaly, type AnomalyKind, type Counts, type Report } from "../checker/checker.js";
import { EffectLedger, teamFacts } from "../checker/effects.js";
import { TICK_MS } from "../engine/config.js";
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";
import { advanceTo, applyEvent, emptyFold, type PipelineFold } from "../view/pipelineFold.js";
import { topologyOf, type TeamTopology } from "./topology.js";

export type CountName = keyof Counts;
export const COUNT_NAMES: readonly CountName[] = [
  "committed",
  "applied",
  "lost",
  "duplicated",
  "extraApplications",
  "misordered",
  "inconsistent",
  "raceAnomalies",
  "wrongFinalState",
  "refused",
  "staleWrites",
  "conflicts",
  "parked",
];

const COUNT_OF_KIND: Record<AnomalyKind, CountName> = {
  lost: "lost",
  duplicated: "duplicated",
  misordered: "misordered",
  inconsistent: "inconsistent",
  race: "raceAnomalies",
  wrongFinalState: "wrongFinalState",
  parked: "parked",
};

export interface TeamTimeline {
  team: number;
  /** For each count, the sorted ticks at which it went up by one: its value at T is how many are <= T. */
  steps: Record<CountName, Int32Array>;
  /** Per producer, the sorted ticks at which it took a business event off its stack. */
  taken: Record<string, Int32Array>;
  /** Each business event's log lines, as indices into `events`, in log order; keys in order of first appearance. */
  messages: Map<string, number[]>;
}

/** The fold of every event before `tick` (events[0..next)); never mutated once built. */
export interface Snapshot {
  tick: number;
  next: number;
  fold: PipelineFold;
}

export interface ReplayIndex {
  header: LogHeader;
  events: readonly Emitted[];
  /** The timeline runs from tick 0 to lastTick. */
  lastTick: number;
  tickMs: number;
  /** firstEventAt[t] is the index of the first event with tick >= t (length lastTick + 2). */
  firstEventAt: Uint32Array;
  snapshotEvery: number;
  /** snapshots[k].tick === k * snapshotEvery. */
  snapshots: Snapshot[];
  report: Report;
  /** The report's anomalies ordered by the tick of their cause, then team. */
  anomalies: Anomaly[];
  teamIds: number[];
  teams: Map<number, TeamTimeline>;
  topology: Map<number, TeamTopology>;
}

/** The pipeline at one tick: every event with tick <= `tick` folded, the clock at `tick`. */
export interface ReplayState {
  tick: number;
  fold: PipelineFold;
}

/** About 2,000 events between snapshots: a seek folds at most that many, whatever the log's size. */
export function chooseSnapshotEvery(eventCount: number, ticks: number): number {
  if (eventCount === 0) return 100;
  return Math.max(10, Math.min(300, Math.floor((2000 * ticks) / eventCount)));
}

export function cloneFold(fold: PipelineFold): PipelineFold {
  return structuredClone(fold);
}

interface TeamBuild {
  steps: Record<CountName, number[]>;
  taken: Record<string, number[]>;
  messages: Map<string, number[]>;
  committed: Set<string>;
  takenIds: Set<string>;
  /** The anomaly rules, to know which applications were extra. */
  ledger: EffectLedger;
}

function newBuild(header: LogHeader, team: number): TeamBuild {
  const steps = Object.fromEntries(COUNT_NAMES.map((k) => [k, [] as number[]])) as Record<CountName, number[]>;
  return { steps, taken: {}, messages: new Map(), committed: new Set(), takenIds: new Set(), ledger: new EffectLedger(teamFacts(header, team)) };
}

function take(b: TeamBuild, msgId: string, producer: string, tick: number): void {
  if (b.takenIds.has(msgId)) return;
  b.takenIds.add(msgId);
  (b.taken[producer] ??= []).push(tick);
}

function record(b: TeamBuild, e: Emitted, i: number): void {
  const msgId = (e as { msgId?: unknown }).msgId;
  if (typeof msgId === "string") {
    let list = b.messages.get(msgId);
    if (!list) b.messages.set(msgId, (list = []));
    list.push(i);
  }
  switch (e.type) {
    case "committed":
      if (!b.committed.has(e.msgId)) {
        b.committed.add(e.msgId);
        b.steps.committed.push(e.tick);
      }
      take(b, e.msgId, e.producer, e.tick);
      break;
    case "refused":
      b.steps.refused.push(e.tick);
      take(b, e.msgId, e.producer, e.tick);
      break;
    case "hop":
      if ((e.kind === "publish" || e.kind === "rpc") && e.origin === "send") take(b, e.msgId, e.link.split(">")[0], e.tick);
      break;
    case "applied":
      b.steps.applied.push(e.tick);
      break;
    case "conflict":
      b.steps.conflicts.push(e.tick);
      break;
  }
  if (b.ledger.add(e)?.lostUpdate) b.steps.staleWrites.push(e.tick);
}

const sorted = (ticks: number[]): Int32Array => Int32Array.from(ticks).sort();

/** Indexes a parsed log once. `snapshotEvery` overrides the interval (tests). */
export function indexLog(header: LogHeader, events: readonly Emitted[], options: { snapshotEvery?: number } = {}): ReplayIndex {
  const report = check(header, events);
  const lastTick = Math.max(0, events.length ? events[events.length - 1].tick : 0, report.ticks - 1);
  const every = Math.max(1, Math.floor(options.snapshotEvery ?? chooseSnapshotEvery(events.length, lastTick + 1)));
  const firstEventAt = new Uint32Array(lastTick + 2);
  const snapshots: Snapshot[] = [];
  const builds = new Map<number, TeamBuild>(header.teams.map((t) => [t.team, newBuild(header, t.team)]));
  const fold = emptyFold();
  let tick = 0;
  for (let i = 0; i <= events.length; i++) {
    const e = events[i];
    const until = e ? e.tick : lastTick + 1;
    // Every tick from `tick` up to this event's starts here; a snapshot boundary among them captures the fold so far.
    for (; tick <= until; tick++) {
      firstEventAt[tick] = i;
      if (tick % every === 0 && tick <= lastTick) snapshots.push({ tick, next: i, fold: cloneFold(fold) });
    }
    if (!e) break;
    applyEvent(fold, e);
    let b = builds.get(e.team);
    if (!b) builds.set(e.team, (b = newBuild(header, e.team)));
    record(b, e, i);
  }
  const teams = new Map<number, TeamTimeline>();
  for (const [team, b] of builds) {
    for (const x of b.ledger.expectedEffects()) for (const extra of x.applications.slice(1)) b.steps.extraApplications.push(extra.tick);
    for (const anomaly of report.anomalies)
      if (anomaly.team === team) b.steps[COUNT_OF_KIND[anomaly.kind]].push(Math.min(lastTick, Math.max(0, anomaly.cause.tick)));
    teams.set(team, {
      team,
      steps: Object.fromEntries(COUNT_NAMES.map((k) => [k, sorted(b.steps[k])])) as Record<CountName, Int32Array>,
      taken: Object.fromEntries(Object.entries(b.taken).map(([p, ticks]) => [p, sorted(ticks)])),
      messages: b.messages,
    });
  }
  const anomalies = report.anomalies.slice().sort((a, b) => a.cause.tick - b.cause.tick || a.team - b.team);
  const teamIds = [...teams.keys()].sort((a, b) => a - b);
  return {
    header,
    events,
    lastTick,
    tickMs: header.tickMs > 0 ? header.tickMs : TICK_MS,
    firstEventAt,
    snapshotEvery: every,
    snapshots,
    report,
    anomalies,
    teamIds,
    teams,
    topology: topologyOf(header, events),
  };
}

export function clampTick(index: ReplayIndex, tick: number): number {
  return Math.max(0, Math.min(index.lastTick, Math.round(Number.isFinite(tick) ? tick : 0)));
}

/** The pipeline at `tick`: the nearest snapshot at or before it, copied, plus the fold of the ticks since. */
export function seek(index: ReplayIndex, tick: number): ReplayState {
  const target = clampTick(index, tick);
  const snapshot = index.snapshots[Math.min(index.snapshots.length - 1, Math.floor(target / index.snapshotEvery))];
  const fold = cloneFold(snapshot.fold);
  const end = index.firstEventAt[target + 1];
  for (let i = snapshot.next; i < end; i++) applyEvent(fold, index.events[i]);
  advanceTo(fold, target);
  return { tick: target, fold };
}

/**
 * Moves a state to `tick`: forward by folding the ticks in between (playing), or through
 * `seek` when going back or further than a snapshot interval. Returns the state to use.
 */
export function advance(index: ReplayIndex, state: ReplayState, tick: number): ReplayState {
  const target = clampTick(index, tick);
  if (target < state.tick || target - state.tick > index.snapshotEvery) return seek(index, target);
  const end = index.firstEventAt[target + 1];
  for (let i = index.firstEventAt[state.tick + 1]; i < end; i++) applyEvent(state.fold, index.events[i]);
  advanceTo(state.fold, target);
  state.tick = target;
  return state;
}

/** Events with `from < tick <= to`, as a half-open range of indices into `events`. */
export function eventRange(index: ReplayIndex, from: number, to: number): [number, number] {
  const a = clampTick(index, from);
  const b = clampTick(index, to);
  return b <= a ? [0, 0] : [index.firstEventAt[a + 1], index.firstEventAt[b + 1]];
}

/** How many of the sorted `ticks` are <= `tick`. */
export function countUpTo(ticks: Int32Array, tick: number): number {
  let lo = 0;
  let hi = ticks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ticks[mid] <= tick) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A team's counts as they stood at `tick` (anomalies counted from the tick they became inevitable). */
export function countsAt(index: ReplayIndex, team: number, tick: number): Counts {
  const timeline = index.teams.get(team);
  const counts = Object.fromEntries(COUNT_NAMES.map((k) => [k, timeline ? countUpTo(timeline.steps[k], tick) : 0])) as unknown as Counts;
  return counts;
}

/** The first anomaly whose cause comes strictly after (or, backwards, before) `tick`, optionally of one team. */
export function nearestAnomaly(index: ReplayIndex, tick: number, direction: 1 | -1, team: number | null = null): Anomaly | null {
  const list = index.anomalies;
  if (direction > 0) {
    for (const a of list) if (a.cause.tick > tick && (team === null || a.team === team)) return a;
  } else {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].cause.tick < tick && (team === null || list[i].team === team)) return list[i];
  }
  return null;
}
