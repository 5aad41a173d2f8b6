import { describe, expect, it } from "vitest";
import { LiveScore } from "../../shared/checker/liveScore.js";
import { createRound, stepRound } from "../../shared/sim/round.js";
import { TeamState } from "./schema.js";
import { syncCounts } from "./syncState.js";

/** Plays a bots-only round until the drain and syncs team 0's live score to a schema team after every tick; returns what the board showed at its most. */
function boardDuringPlay(scenario: string, variant: string, seed: number): { lost: number; raceAnomalies: number; pending: number; scoreSeen: number[] } {
  const round = createRound({ scenario, variant, seed, teams: 1 });
  const [live] = LiveScore.forRound(round.header);
  const team = new TeamState();
  const most = { lost: 0, raceAnomalies: 0, pending: 0, scoreSeen: [] as number[] };
  while (round.phase === "running") {
    for (const e of stepRound(round)) live.add(e);
    syncCounts(team, live.counts, live.pending);
    most.lost = Math.max(most.lost, team.lost);
    most.raceAnomalies = Math.max(most.raceAnomalies, team.raceAnomalies);
    most.pending = Math.max(most.pending, team.pending);
    expect(team.score).toBe(live.score);
  }
  return most;
}

describe("the board's live counts", () => {
  it("show topic 6's lost updates while the round runs", () => {
    expect(boardDuringPlay("t6-competing-consumers", "naive", 1).raceAnomalies).toBeGreaterThan(0);
  });

  it("show t3 naive's certain losses during play, and the effects still on their way as pending", () => {
    const board = boardDuringPlay("t3-lost-messages", "naive", 1);
    expect(board.lost).toBeGreaterThan(0);
    expect(board.pending).toBeGreaterThan(0);
  });

  it("clear pending once the checker's final counts are in", () => {
    const team = new TeamState();
    syncCounts(
      team,
      {
        committed: 3,
        applied: 2,
        lost: 1,
        duplicated: 0,
        extraApplications: 0,
        misordered: 0,
        inconsistent: 0,
        raceAnomalies: 0,
        wrongFinalState: 0,
        staleWrites: 0,
        refused: 0,
        conflicts: 0,
        parked: 0,
      },
      4,
    );
    expect(team.pending).toBe(4);
    syncCounts(team, {
      committed: 3,
      applied: 2,
      lost: 1,
      duplicated: 0,
      extraApplications: 0,
      misordered: 0,
      inconsistent: 0,
      raceAnomalies: 0,
      wrongFinalState: 0,
      staleWrites: 0,
      refused: 0,
      conflicts: 0,
      parked: 0,
    });
    expect(team.pending).toBe(0);
  });
});
