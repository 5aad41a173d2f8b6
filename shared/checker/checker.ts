// The checker (docs/anomalies.md): recomputes every count from the log alone — the header and
// the events — and explains each anomaly with its cause as data. It never reads engine
// state, so an independent checker can agree or disagree with it line by line.
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";
import {
  causeFacts,
  explainDuplicate,
  explainInconsistent,
  explainLost,
  explainMisorder,
  explainParked,
  explainRace,
  indexTeam,
  type Cause,
  type CauseFacts,
} from "./causes.js";
import { EffectLedger, teamFacts, zeroCounts, type Counts, type WrongFinalState } from "./effects.js";

export type { Counts };

export type AnomalyKind = "lost" | "duplicated" | "misordered" | "inconsistent" | "race" | "wrongFinalState" | "parked";

export interface Anomaly {
  kind: AnomalyKind;
  team: number;
  /** A race: the first stale application's event; a wrong final state: the last application's (or ""). */
  msgId: string;
  subscription: string | null;
  key: string | null;
  seq: number | null;
  /** Wrong final state only: the key's final balance and the one its committed events give in seq order. */
  final?: number;
  expected?: number;
  cause: Cause;
}

export interface TeamReport extends Counts {
  team: number;
  score: number;
  /** Ticks from the first commit to the last application: throughput = applied / span. */
  firstCommitTick: number;
  lastAppliedTick: number;
}

export interface Report {
  totals: Counts;
  teams: TeamReport[];
  anomalies: Anomaly[];
  ticks: number;
}

/**
 * The team score: every effect processed exactly once earns 10; each anomaly costs
 * (lost 10, duplicated 6, misordered 4, inconsistent 8, race 6 per key); refused work costs
 * 2; a parked message costs 5 (not lost, but waiting for a person to handle it). A wrong final state costs nothing more: it is what the anomalies already charged did
 * to the customer, shown, not charged twice; nor do stale writes, counted in the race.
 * No speed weighting: a slow, correct team beats a fast, sloppy one.
 */
export function scoreOf(c: Counts): number {
  const once = Math.max(0, c.applied - c.extraApplications);
  return once * 10 - c.lost * 10 - c.duplicated * 6 - c.misordered * 4 - c.inconsistent * 8 - c.raceAnomalies * 6 - c.refused * 2 - c.parked * 5;
}

export function check(header: LogHeader, events: readonly Emitted[]): Report {
  const byTeam = new Map<number, Emitted[]>();
  for (const t of header.teams) byTeam.set(t.team, []);
  let ticks = 0;
  for (const e of events) {
    let list = byTeam.get(e.team);
    if (!list) byTeam.set(e.team, (list = []));
    list.push(e);
    if (e.tick + 1 > ticks) ticks = e.tick + 1;
  }
  const teams: TeamReport[] = [];
  const anomalies: Anomaly[] = [];
  const totals = zeroCounts();
  for (const info of header.teams) {
    const list = byTeam.get(info.team) ?? [];
    const report = checkTeam(info.team, new EffectLedger(teamFacts(header, info.team)), list, anomalies, causeFacts(header, info.team));
    teams.push(report);
    for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += report[k];
  }
  return { totals, teams, anomalies, ticks };
}

/** Folds a team's events through the anomaly rules, then explains each anomaly from the log. */
function checkTeam(team: number, ledger: EffectLedger, events: Emitted[], anomalies: Anomaly[], facts: CauseFacts): TeamReport {
  let firstCommitTick = -1;
  let lastAppliedTick = -1;
  for (const e of events) {
    ledger.add(e);
    if (e.type === "committed" && firstCommitTick < 0) firstCommitTick = e.tick;
    if (e.type === "applied") lastAppliedTick = e.tick;
  }
  const c = { ...ledger.settle() };
  const index = indexTeam(events, facts);
  const start = anomalies.length;
  for (const r of ledger.raceKeys())
    anomalies.push({
      kind: "race",
      team,
      msgId: r.first.msgId,
      subscription: r.subscription,
      key: r.key,
      seq: r.first.seq,
      cause: explainRace(index, r.first),
    });
  for (const x of ledger.expectedEffects()) {
    if (x.applications.length === 0) {
      if (ledger.isParked(x))
        anomalies.push({
          kind: "parked",
          team,
          msgId: x.msgId,
          subscription: x.subscription,
          key: x.key,
          seq: x.seq,
          cause: explainParked(index, x.msgId, x.subscription),
        });
      else
        anomalies.push({
          kind: "lost",
          team,
          msgId: x.msgId,
          subscription: x.subscription,
          key: x.key,
          seq: x.seq,
          cause: explainLost(index, x.msgId, x.subscription),
        });
    } else if (x.applications.length > 1)
      anomalies.push({
        kind: "duplicated",
        team,
        msgId: x.msgId,
        subscription: x.subscription,
        key: x.key,
        seq: x.seq,
        cause: explainDuplicate(index, x.applications),
      });
  }
  for (const m of ledger.misordered())
    anomalies.push({
      kind: "misordered",
      team,
      msgId: m.msgId,
      subscription: m.subscription,
      key: m.key,
      seq: m.seq,
      cause: explainMisorder(index, m.msgId, m.overtakenBy.msgId, m.subscription),
    });
  for (const x of ledger.inconsistencies())
    anomalies.push({
      kind: "inconsistent",
      team,
      msgId: x.msgId,
      subscription: null,
      key: x.key,
      seq: x.seq,
      cause: explainInconsistent(index, x.msgId, x.side),
    });
  const before = anomalies.length;
  for (const w of ledger.wrongFinalStates()) {
    const cause = wrongFinalStateCause(w, events, anomalies.slice(start, before));
    anomalies.push({
      kind: "wrongFinalState",
      team,
      msgId: w.last?.msgId ?? "",
      subscription: w.subscription,
      key: w.key,
      seq: null,
      final: w.final,
      expected: w.expected,
      cause,
    });
  }
  return { team, ...c, score: scoreOf(c), firstCommitTick, lastAppliedTick };
}

/**
 * The customer's view of a wrong balance: the key's applications at that subscription are
 * its chain, the last one (the balance that stayed) its tick. The end is the one that could
 * have prevented the first anomaly that touched the key there (a loss, a duplicate, a
 * misordering, a lost update); the debrief's sentence says the key, the final and the
 * expected balance.
 */
function wrongFinalStateCause(w: WrongFinalState, events: readonly Emitted[], teamAnomalies: readonly Anomaly[]): Cause {
  const chain: Cause["chain"] = [];
  for (const e of events)
    if (e.type === "applied" && e.subscription === w.subscription && e.key === w.key && chain.length < 60)
      chain.push({ tick: e.tick, type: e.type, node: e.consumer, token: e.token });
  let first: Anomaly | null = null;
  for (const a of teamAnomalies) if (a.subscription === w.subscription && a.key === w.key && (!first || a.cause.tick < first.cause.tick)) first = a;
  const cause: Cause = {
    code: "wrongFinalState",
    tick: w.last?.tick ?? first?.cause.tick ?? 0,
    end: first?.cause.end ?? "producer",
    key: w.key,
    final: w.final,
    expected: w.expected,
    chain,
  };
  if (w.last) cause.consumer = w.last.consumer;
  return cause;
}

/** A round's totals as the log's summary line and `simulate` print them (docs/log-format.md#the-summary-line). A type, not an interface: it is a plain JSON record. */
export type RoundSummary = {
  scenario: string;
  variant: string;
  seed: number;
  teams: number;
  committed: number;
  applied: number;
  lost: number;
  duplicated: number;
  misordered: number;
  inconsistent: number;
  raceAnomalies: number;
  wrongFinalState: number;
  refused: number;
  ticks: number;
  tickMs: number;
  /** Not in the contract's list (docs/contracts.md#npm-run-simulate): after it. */
  staleWrites: number;
  conflicts: number;
  parked: number;
};

/** The summary line of the log and the last line of `simulate` (docs/log-format.md#the-summary-line). */
export function summaryOf(header: LogHeader, report: Report): RoundSummary {
  const t = report.totals;
  return {
    scenario: header.scenario,
    variant: header.variant,
    seed: header.seed,
    teams: header.teams.length,
    committed: t.committed,
    applied: t.applied,
    lost: t.lost,
    duplicated: t.duplicated,
    misordered: t.misordered,
    inconsistent: t.inconsistent,
    raceAnomalies: t.raceAnomalies,
    wrongFinalState: t.wrongFinalState,
    refused: t.refused,
    ticks: report.ticks,
    tickMs: header.tickMs,
    staleWrites: t.staleWrites,
    conflicts: t.conflicts,
    parked: t.parked,
  };
}
