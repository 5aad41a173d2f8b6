// The predictions are answered by real rounds: each topic's first round, played by bots,
// gives an answer, and (except for Topic 2's queue, whose point is that nothing repeats)
// not the "nothing happens" one — otherwise the question would have a trivial answer.
import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { LESSON, predictionResult } from "./plan.js";

const SEEDS = [1, 2, 3];

describe("each prediction, answered by its round", () => {
  it.each(LESSON.map((t) => [t.topic, t] as const))("topic %i", (_, t) => {
    const p = t.prediction;
    const expectNothing = t.scenario === "t2-queues-topics";
    for (const seed of SEEDS) {
      const { report } = simulate({ scenario: t.scenario, variant: p.answeredBy, seed, teams: 2 });
      const ends: Record<string, number> = {};
      // A wrong final state sums up the anomalies of its key: counting its end again would count them twice.
      for (const a of report.anomalies) if (a.kind !== "wrongFinalState") ends[a.cause.end] = (ends[a.cause.end] ?? 0) + 1;
      const answer = predictionResult(p, report.teams, ends);
      const at = `topic ${t.topic}, ${t.scenario} ${p.answeredBy}, seed ${seed}: ${JSON.stringify(p.metric === "end" ? ends : report.teams.map((x) => x[p.metric as "lost"]))}`;
      expect(answer, at).not.toBeNull();
      if (expectNothing) expect(answer, at).toBe("none");
      else expect(answer, at).not.toBe("none");
    }
  });
});
