// The checker (docs/anomalies.md): recomputes every count from the log alone — the header and
// the events — and explains each anomaly with its cause as data. It never reads engine
// state, so an independent checker can agree or disagree with it line by line.
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";
import { explainDuplicate, explainInconsistent, explainLost, explainMisorder, explainRace, indexTeam, type Cause } from "./causes.js";

export interface Counts {
  committed: number;
  applied: number;
  lost: number;
  duplicated: number;
  /** Applications beyond the first of each duplicated effect. */
  extraApplications: number;
  misordered: number;
  inconsistent: number;
  raceAnomalies: number;
  refused: number;
}

export type AnomalyKind = "lost" | "duplicated" | "misordered" | "inconsistent" | "race";

export interface Anomaly {
  kind: AnomalyKind;
  team: number;
  msgId: string;
  subscription: string | null;
  key: string | null;
  seq: number | null;
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

const zero = (): Counts => ({ committed: 0, applied: 0, lost: 0, duplicated: 0, extraApplications: 0, misordered: 0, inconsistent: 0, raceAnomalies: 0, refused: 0 });

/**
 * The team score: every effect processed exactly once earns 10; each anomaly costs
 * (lost 10, duplicated 6, misordered 4, inconsistent 8, race 6); refused work costs 2.
 * No speed weighting: a slow, correct team beats a fast, sloppy one.
 */
export function scoreOf(c: Counts): number {
  const once = Math.max(0, c.applied - c.extraApplications);
  return once * 10 - c.lost * 10 - c.duplicated * 6 - c.misordered * 4 - c.inconsistent * 8 - c.raceAnomalies * 6 - c.refused * 2;
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
  const totals = zero();
  const writesToDb = header.config?.producer?.write !== undefined && header.config.producer.write !== "publishOnly";
  for (const info of header.teams) {
    const list = byTeam.get(info.team) ?? [];
    const report = checkTeam(info.team, info.subscriptions, list, writesToDb, anomalies);
    teams.push(report);
    for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += report[k];
  }
  return { totals, teams, anomalies, ticks };
}

function checkTeam(team: number, subscriptions: string[], events: Emitted[], writesToDb: boolean, anomalies: Anomaly[]): TeamReport {
  const c = zero();
  const index = indexTeam(events);
  const committed = new Map<string, { key: string; seq: number; tick: number }>();
  const applications = new Map<string, Extract<Emitted, { type: "applied" }>[]>();
  const firstBySubKey = new Map<string, { seq: number; msgId: string; at: number }[]>();
  const dbWritten = new Set<string>();
  const published = new Set<string>();
  let firstCommitTick = -1;
  let lastAppliedTick = -1;
  for (const e of events) {
    switch (e.type) {
      case "committed":
        if (!committed.has(e.msgId)) committed.set(e.msgId, { key: e.key, seq: e.seq, tick: e.tick });
        if (firstCommitTick < 0) firstCommitTick = e.tick;
        break;
      case "refused":
        c.refused++;
        break;
      case "dbWritten":
        dbWritten.add(e.msgId);
        break;
      case "accepted":
      case "deduplicated":
        published.add(e.msgId);
        break;
      case "applied": {
        c.applied++;
        lastAppliedTick = e.tick;
        const id = `${e.subscription}|${e.msgId}`;
        let list = applications.get(id);
        if (!list) {
          applications.set(id, (list = []));
          const sk = `${e.subscription}|${e.key}`;
          let firsts = firstBySubKey.get(sk);
          if (!firsts) firstBySubKey.set(sk, (firsts = []));
          firsts.push({ seq: e.seq, msgId: e.msgId, at: e.tick });
        }
        list.push(e);
        if (e.writeVersion !== e.readVersion + 1) {
          c.raceAnomalies++;
          anomalies.push({ kind: "race", team, msgId: e.msgId, subscription: e.subscription, key: e.key, seq: e.seq, cause: explainRace(index, e) });
        }
        break;
      }
    }
  }
  c.committed = committed.size;
  for (const [msgId, info] of committed) {
    for (const sub of subscriptions) {
      const list = applications.get(`${sub}|${msgId}`);
      if (!list) {
        c.lost++;
        anomalies.push({ kind: "lost", team, msgId, subscription: sub, key: info.key, seq: info.seq, cause: explainLost(index, msgId, sub) });
      } else if (list.length > 1) {
        c.duplicated++;
        c.extraApplications += list.length - 1;
        anomalies.push({ kind: "duplicated", team, msgId, subscription: sub, key: info.key, seq: info.seq, cause: explainDuplicate(index, list) });
      }
    }
  }
  // Misordered: an expected effect first applied after the first application of a higher seq of its key and subscription.
  for (const [sk, firsts] of firstBySubKey) {
    const sub = sk.slice(0, sk.indexOf("|"));
    let highest: { seq: number; msgId: string } | null = null;
    for (const f of firsts) {
      if (highest && f.seq < highest.seq && committed.has(f.msgId)) {
        c.misordered++;
        const info = committed.get(f.msgId) as { key: string; seq: number };
        anomalies.push({ kind: "misordered", team, msgId: f.msgId, subscription: sub, key: info.key, seq: info.seq, cause: explainMisorder(index, f.msgId, highest.msgId, sub) });
      }
      if (!highest || f.seq > highest.seq) highest = f;
    }
  }
  if (writesToDb) {
    for (const msgId of dbWritten)
      if (!published.has(msgId)) {
        c.inconsistent++;
        anomalies.push({ kind: "inconsistent", team, msgId, subscription: null, key: committed.get(msgId)?.key ?? null, seq: committed.get(msgId)?.seq ?? null, cause: explainInconsistent(index, msgId, "dbOnly") });
      }
    for (const msgId of published)
      if (!dbWritten.has(msgId)) {
        c.inconsistent++;
        anomalies.push({ kind: "inconsistent", team, msgId, subscription: null, key: null, seq: null, cause: explainInconsistent(index, msgId, "publishedOnly") });
      }
  }
  return { team, ...c, score: scoreOf(c), firstCommitTick, lastAppliedTick };
}

/** The summary line of the log and the last line of `simulate` (docs/log-format.md#the-summary-line). */
export function summaryOf(header: LogHeader, report: Report): Record<string, unknown> {
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
    refused: t.refused,
    ticks: report.ticks,
    tickMs: header.tickMs,
  };
}
