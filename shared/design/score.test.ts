import { describe, expect, it } from "vitest";
import { zeroCounts } from "../checker/effects.js";
import { ANOMALY_PENALTY, designScore, SCORE_FORMULA } from "./score.js";
import { namedFixOf } from "./namedFix.js";
import { CAREFUL_DESIGN, NAIVE_DESIGN } from "./settings.js";

const team = (o: Partial<ReturnType<typeof zeroCounts>> & { firstCommitTick?: number; lastAppliedTick?: number } = {}) => ({
  ...zeroCounts(),
  firstCommitTick: 0,
  lastAppliedTick: 1200,
  ...o,
});

describe("designScore", () => {
  it("counts effects applied once per minute of the round, or of the time to finish when longer", () => {
    expect(designScore(team({ applied: 120, committed: 120 }), 1200)).toEqual({ throughputPerMin: 60, anomalies: 0, penalty: 0, score: 60 });
    // Finishing the backlog takes twice as long: half the throughput.
    expect(designScore(team({ applied: 120, lastAppliedTick: 2400 }), 1200).throughputPerMin).toBe(30);
    // Finishing early does not make a team that committed little look fast.
    expect(designScore(team({ applied: 60, lastAppliedTick: 300 }), 1200).throughputPerMin).toBe(30);
    // Extra applications of a duplicated effect are not throughput.
    expect(designScore(team({ applied: 130, extraApplications: 10 }), 1200).throughputPerMin).toBe(60);
    expect(designScore(team({ applied: 0, lastAppliedTick: -1, firstCommitTick: -1 }), 1200)).toMatchObject({ throughputPerMin: 0, score: 0 });
  });

  it("takes a heavy penalty per business anomaly of every kind, and none for refused or parked work", () => {
    const s = designScore(
      team({
        applied: 120,
        lost: 1,
        duplicated: 2,
        misordered: 3,
        inconsistent: 1,
        raceAnomalies: 1,
        wrongFinalState: 2,
        refused: 5,
        parked: 4,
        staleWrites: 3,
        conflicts: 2,
      }),
      1200,
    );
    expect(s.anomalies).toBe(10);
    expect(s.penalty).toBe(10 * ANOMALY_PENALTY);
    expect(s.score).toBe(60 - 10 * ANOMALY_PENALTY);
  });

  it("states its formula in both languages with the penalty it charges", () => {
    for (const text of [SCORE_FORMULA.en, SCORE_FORMULA.pt, SCORE_FORMULA["pt-BR"]]) expect(text).toContain(String(ANOMALY_PENALTY));
    expect(SCORE_FORMULA.pt).toMatch(/por minuto/);
  });
});

describe("namedFixOf", () => {
  it("names the lesson's fixes, the strongest first", () => {
    expect(namedFixOf(CAREFUL_DESIGN)?.id).toBe("exactlyOnceInOrder");
    expect(namedFixOf({ ...CAREFUL_DESIGN, routing: "queue" })?.id).toBe("exactlyOnce");
    expect(namedFixOf({ ...CAREFUL_DESIGN, routing: "queue" })?.pt).toBe("outbox + dedup no broker + inbox transacional = exactly-once processing");
    expect(namedFixOf({ ...CAREFUL_DESIGN, dedup: "off" })?.id).toBe("idempotentConsumer");
    expect(namedFixOf({ ...CAREFUL_DESIGN, idempotency: "none" })?.id).toBe("atLeastOnce");
    expect(namedFixOf(NAIVE_DESIGN)?.id).toBe("atMostOnce");
    expect(namedFixOf({ ...CAREFUL_DESIGN, ack: "beforeProcessing" })?.id).toBe("atMostOnce");
    // Waits for confirms but never resends, or keeps the queue in memory: no named guarantee.
    expect(namedFixOf({ ...CAREFUL_DESIGN, publish: "waitConfirm", write: "dbThenPublish" })).toBeNull();
    expect(namedFixOf({ ...CAREFUL_DESIGN, storage: "memory" })).toBeNull();
    // With an outbox the relay resends, whatever the publish setting.
    expect(namedFixOf({ ...CAREFUL_DESIGN, publish: "fireAndForget", dedup: "off" })?.id).toBe("idempotentConsumer");
  });
});
