// Live numbers never contradict the final ones (docs/anomalies.md#live-counts-and-final-counts):
// at every tick of random rounds (any variant, seed, fault plan, either strategy, sometimes a
// person tapping at random), every effect the live rule counts as certainly lost is in the
// final lost set, and every event it counts as certainly inconsistent is in the final
// inconsistent set; the board's live counts are those certain ones. A message parked (in a
// dead-letter queue, or kept in the stream) is counted parked, not lost, and every effect
// ever parked live ends parked or lost, never applied. At the end, certain plus pending plus
// parked is the final lost plus parked count, a quiet drain leaves nothing pending, and after
// `settle` the live score equals the checker's on every count. A failure prints the round.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Strategy } from "../shared/bots/bots.js";
import { CertainAnomalies } from "../shared/checker/certain.js";
import { check } from "../shared/checker/checker.js";
import { copyFacts } from "../shared/checker/copies.js";
import { effectKey, teamFacts, zeroCounts, type Counts } from "../shared/checker/effects.js";
import { LiveScore } from "../shared/checker/liveScore.js";
import { describePlan, playRound, roundPlanArb, type RoundPlan } from "./helpers/randomRound.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const COUNTS = Object.keys(zeroCounts()) as (keyof Counts)[];

function liveAgreesWithFinal(plan: RoundPlan, strategy: Strategy): void {
  const where = describePlan(plan, strategy);
  let live: LiveScore[] = [];
  let certain: CertainAnomalies[] = [];
  /** When each effect (or event) became certain, to hold against the final sets afterwards. */
  const lostAt = new Map<string, number>();
  const inconsistentAt = new Map<string, number>();
  const parkedAt = new Map<string, number>();
  const { round, events } = playRound(plan, strategy, (tick, r) => {
    if (live.length === 0) {
      live = LiveScore.forRound(r.header);
      certain = r.header.teams.map((t) => new CertainAnomalies(copyFacts(r.header, t.team), teamFacts(r.header, t.team).writesToDb));
    }
    for (const e of tick) {
      live[e.team].add(e);
      certain[e.team].add(e);
    }
    for (const [team, c] of certain.entries()) {
      for (const key of c.lostSet) if (!lostAt.has(`${team}|${key}`)) lostAt.set(`${team}|${key}`, r.tick);
      for (const msgId of c.inconsistentSet) if (!inconsistentAt.has(`${team}|${msgId}`)) inconsistentAt.set(`${team}|${msgId}`, r.tick);
      for (const key of c.parkedSet) if (!parkedAt.has(`${team}|${key}`)) parkedAt.set(`${team}|${key}`, r.tick);
      expect([live[team].counts.lost, live[team].counts.inconsistent, live[team].counts.parked, live[team].pending], where).toEqual([
        c.lost,
        c.inconsistent,
        c.parked,
        c.pending,
      ]);
    }
  });
  const report = check(round.header, events);
  const finalLost = new Set(report.anomalies.filter((a) => a.kind === "lost").map((a) => `${a.team}|${effectKey(a.subscription as string, a.msgId)}`));
  const finalInconsistent = new Set(report.anomalies.filter((a) => a.kind === "inconsistent").map((a) => `${a.team}|${a.msgId}`));
  const finalParkedOrLost = new Set(
    report.anomalies.filter((a) => a.kind === "parked" || a.kind === "lost").map((a) => `${a.team}|${effectKey(a.subscription as string, a.msgId)}`),
  );
  for (const [key, tick] of lostAt) expect(finalLost.has(key), `${key} certainly lost at tick ${tick} but applied in the end: ${where}`).toBe(true);
  for (const [key, tick] of parkedAt) expect(finalParkedOrLost.has(key), `${key} parked at tick ${tick} but applied in the end: ${where}`).toBe(true);
  for (const [key, tick] of inconsistentAt)
    expect(finalInconsistent.has(key), `${key} certainly inconsistent at tick ${tick} but not in the end: ${where}`).toBe(true);
  const quiet = events.filter((e) => e.type === "drainEnded").every((e) => e.type === "drainEnded" && e.quiescent);
  for (const t of report.teams) {
    const l = live[t.team];
    expect(l.counts.lost + l.pending + l.counts.parked, `certain + pending + parked = final lost + parked, team ${t.team}: ${where}`).toBe(t.lost + t.parked);
    if (quiet)
      expect([l.counts.lost, l.counts.inconsistent, l.counts.parked, l.pending], `a quiet drain settles everything, team ${t.team}: ${where}`).toEqual([
        t.lost,
        t.inconsistent,
        t.parked,
        0,
      ]);
    l.settle();
    expect(Object.fromEntries(COUNTS.map((k) => [k, l.counts[k]])), `after settle, team ${t.team}: ${where}`).toEqual(
      Object.fromEntries(COUNTS.map((k) => [k, t[k]])),
    );
    expect(l.score).toBe(t.score);
    expect(l.pending).toBe(0);
  }
}

describe("live certain counts never contradict the final ones", () => {
  for (const strategy of ["naive", "careful"] as Strategy[])
    it(`at every tick of random rounds, ${strategy} bots`, () => {
      fc.assert(
        fc.property(roundPlanArb(), (plan) => liveAgreesWithFinal(plan, strategy)),
        { numRuns: RUNS, verbose: true },
      );
    });

  it("at every tick of random rounds with a person tapping one seat", () => {
    fc.assert(
      fc.property(roundPlanArb({ person: true }), fc.constantFrom<Strategy>("naive", "careful"), (plan, strategy) => liveAgreesWithFinal(plan, strategy)),
      { numRuns: RUNS, verbose: true },
    );
  });
});
