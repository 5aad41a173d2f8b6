// Topic 2.6's "same round on every broker": one variant simulated, bots only, on each broker
// profile it runs on, for the projector to show side by side. Computed, not played: a round
// of one team takes tens of milliseconds, so the whole tour fits in about a second.
import type { RoundSummary } from "../checker/checker.js";
import type { ProfileId } from "../engine/config.js";
import { findScenario } from "../scenarios/catalogue.js";
import { simulate } from "./simulate.js";

/** The counts a tour column shows, in this order (the summary's names: docs/anomalies.md). */
export const TOUR_COUNTS = ["committed", "applied", "lost", "duplicated", "misordered", "parked", "wrongFinalState", "raceAnomalies", "inconsistent"] as const;
export type TourCount = (typeof TOUR_COUNTS)[number];

export interface TourColumn {
  profile: ProfileId;
  counts: Record<TourCount, number>;
  /** Simulated ticks until the round was quiet: how long the round and its drain took. */
  ticks: number;
}

export interface Tour {
  scenario: string;
  variant: string;
  seed: number;
  /** One per profile the variant runs on, its own first. */
  columns: TourColumn[];
}

const countsOf = (s: RoundSummary): Record<TourCount, number> => Object.fromEntries(TOUR_COUNTS.map((k) => [k, s[k]])) as Record<TourCount, number>;

/** The profiles a tour of the variant visits (its own first); empty for an unknown variant. */
export function tourProfiles(scenario: string, variant: string): ProfileId[] {
  return findScenario(scenario)?.variants.find((v) => v.id === variant)?.profiles ?? [];
}

/** One column: the variant on one profile, one team of naive bots (as docs/scenarios.md measures). */
export function tourColumn(scenario: string, variant: string, seed: number, profile: ProfileId): TourColumn {
  const { summary } = simulate({ scenario, variant, seed, teams: 1, profile });
  return { profile, counts: countsOf(summary), ticks: summary.ticks };
}

/** The whole tour at once (the projector computes it column by column, to stay responsive). */
export function brokerTour(scenario: string, variant: string, seed: number): Tour {
  return { scenario, variant, seed, columns: tourProfiles(scenario, variant).map((p) => tourColumn(scenario, variant, seed, p)) };
}
