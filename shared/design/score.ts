// The design round's score (docs/design-round.md#score): effects applied correctly per minute,
// minus a heavy penalty per business anomaly. Computed from the checker's counts alone, so the
// debrief, the log's checks and the property test agree.
import type { Counts } from "../checker/effects.js";

/** Points taken per anomaly of each kind (in effects per minute). */
export const ANOMALY_PENALTY = 5;

/** The anomalies the score charges, in the order the design table shows them. */
export const SCORED_ANOMALIES = ["lost", "duplicated", "misordered", "inconsistent", "raceAnomalies", "wrongFinalState"] as const;

export interface DesignScore {
  /** Effects applied once each (extra applications not counted), per minute from the first commit to the last application. */
  throughputPerMin: number;
  anomalies: number;
  penalty: number;
  score: number;
}

export interface ScoredTeam extends Counts {
  firstCommitTick: number;
  lastAppliedTick: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The team's design score. The minutes run from the first commit to the last application, and
 * at least to the end of the round: a team that finishes its backlog late is slower, and one that
 * committed little is not made fast by finishing early.
 */
export function designScore(team: ScoredTeam, roundTicks: number): DesignScore {
  const correct = Math.max(0, team.applied - team.extraApplications);
  const first = Math.max(0, team.firstCommitTick);
  const span = Math.max(1, team.lastAppliedTick - first, roundTicks - first);
  const throughputPerMin = team.lastAppliedTick < 0 ? 0 : round1((correct * 600) / span);
  const anomalies = SCORED_ANOMALIES.reduce((n, k) => n + team[k], 0);
  const penalty = anomalies * ANOMALY_PENALTY;
  return { throughputPerMin, anomalies, penalty, score: round1(throughputPerMin - penalty) };
}

/** The formula as the projector shows it before the round. */
export const SCORE_FORMULA = {
  en: `score = effects applied correctly per minute − ${ANOMALY_PENALTY} × each anomaly (lost, duplicated, misordered, inconsistent, race, wrong final state)`,
  pt: `pontos = efeitos aplicados corretamente por minuto − ${ANOMALY_PENALTY} × cada anomalia (perdida, duplicada, fora de ordem, inconsistente, race, estado final errado)`,
  "pt-BR": `pontos = efeitos aplicados corretamente por minuto − ${ANOMALY_PENALTY} × cada anomalia (perdida, duplicada, fora de ordem, inconsistente, race, estado final errado)`,
} as const;
