// Every cause names events that exist in the log (docs/anomalies.md#causes): over random
// seeds, variants and fault plans, with either bot strategy (and, in a third run, a person
// tapping one seat at random), each anomaly's cause is read against the log by an
// independent reading (test/helpers/causeEvidence.ts): a crash cause names a node that
// crashed then, a link-loss cause a dropped copy of that message on that link, a retry
// duplicate a retry publish, a Hold cause a variant with Hold, and so on; and a round whose
// drain went quiet has no loss left "still in the pipeline". A failure prints the round.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Strategy } from "../shared/bots/bots.js";
import { check } from "../shared/checker/checker.js";
import { causeEvidence, teamLog } from "./helpers/causeEvidence.js";
import { describePlan, playRound, roundPlanArb, type RoundPlan } from "./helpers/randomRound.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

function causesHold(plan: RoundPlan, strategy: Strategy): void {
  const { round, events } = playRound(plan, strategy);
  const report = check(round.header, events);
  const logs = round.header.teams.map((t) => teamLog(round.header, events, t.team));
  const unsupported = report.anomalies.map((a) => causeEvidence(logs[a.team], a)).filter((why) => why !== null);
  expect(unsupported.slice(0, 5), describePlan(plan, strategy)).toEqual([]);
}

describe("every cause names events that exist in the log", () => {
  for (const strategy of ["naive", "careful"] as Strategy[])
    it(`with ${strategy} bots, over random seeds, variants and fault plans`, () => {
      fc.assert(
        fc.property(roundPlanArb(), (plan) => causesHold(plan, strategy)),
        { numRuns: RUNS, verbose: true },
      );
    });

  it("with a person tapping one seat at random", () => {
    fc.assert(
      fc.property(roundPlanArb({ person: true }), fc.constantFrom<Strategy>("naive", "careful"), (plan, strategy) => causesHold(plan, strategy)),
      { numRuns: RUNS, verbose: true },
    );
  });
});
