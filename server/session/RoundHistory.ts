// The rounds a room has played (the last HISTORY_LENGTH), saved with its snapshot: a
// reloaded projector gets them back, a debrief finds the previous round of the same
// scenario, the lesson summary lists each topic's rounds.
import type { CauseGroup } from "../../shared/checker/groups.js";
import type { HistoryEntry, PreviousRound } from "../../shared/protocol.js";

export const HISTORY_LENGTH = 40;
/** Cause groups kept per round: the lesson summary shows the top three. */
export const GROUPS_KEPT = 3;

/** A played round as the room remembers it: its entry and its largest cause groups (their sample without the event chain). */
export interface PlayedRound extends HistoryEntry {
  groups: CauseGroup[];
}

export class RoundHistory {
  private rounds: PlayedRound[] = [];

  /** Remembers a round; the oldest goes past HISTORY_LENGTH. */
  add(entry: HistoryEntry, groups: readonly CauseGroup[]): void {
    const kept = groups.slice(0, GROUPS_KEPT).map((g) => ({ ...g, sample: { ...g.sample, chain: [] } }));
    this.rounds.push({ ...entry, groups: kept });
    if (this.rounds.length > HISTORY_LENGTH) this.rounds.splice(0, this.rounds.length - HISTORY_LENGTH);
  }

  /** The latest round of `scenario` remembered so far. */
  previous(scenario: string): PreviousRound | null {
    const found = this.rounds.findLast((r) => r.scenario === scenario);
    return found ? { gameId: found.gameId, variant: found.variant, summary: found.summary } : null;
  }

  entries(): HistoryEntry[] {
    return this.rounds.map(({ groups: _groups, ...entry }) => entry);
  }

  ofTopic(topic: number): PlayedRound[] {
    return this.rounds.filter((r) => r.topic === topic);
  }

  snapshot(): PlayedRound[] {
    return this.rounds.map((r) => ({ ...r }));
  }

  restore(rounds: readonly PlayedRound[] | undefined): void {
    this.rounds = (rounds ?? []).slice(-HISTORY_LENGTH).map((r) => ({ ...r }));
  }
}
