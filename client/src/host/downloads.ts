// What the instructor downloads: a game's log, and a round's scores per team and player as
// CSV, written by the one CSV writer (shared/replay/scores.ts), which defuses a name a
// spreadsheet would run as a formula.
import type { Connection } from "../connection.js";
import { downloadText } from "../dom.js";
import type { HostRoundOver } from "../../../shared/protocol.js";
import { csvTable } from "../../../shared/replay/scores.js";

export async function downloadGameLog(connection: Connection, gameId: string, hostToken: string): Promise<void> {
  downloadText(`${gameId}.ndjson`, "application/x-ndjson", await connection.gameLog(gameId, hostToken));
}

export interface RosterEntry {
  name: string;
  seat: string;
  team: number;
}

const COLUMNS = ["team", "player", "seat", "score", "committed", "applied", "lost", "duplicated", "misordered", "inconsistent", "raceAnomalies", "refused"];

/** One row per player (a team without players gets one row), with the team's counts; teams numbered from 1. */
export function roundScoresCsv(o: Pick<HostRoundOver, "teams">, players: readonly RosterEntry[]): string {
  const rows: (string | number)[][] = [COLUMNS];
  for (const team of o.teams ?? []) {
    const members = players.filter((p) => p.team === team.team);
    for (const p of members.length ? members : [{ name: "", seat: "" }])
      rows.push([
        team.team + 1,
        p.name,
        p.seat,
        team.score,
        team.committed,
        team.applied,
        team.lost,
        team.duplicated,
        team.misordered,
        team.inconsistent,
        team.raceAnomalies,
        team.refused,
      ]);
  }
  return csvTable(rows);
}

export function downloadScoresCsv(o: HostRoundOver, players: readonly RosterEntry[]): void {
  downloadText(`${o.gameId}.csv`, "text/csv", roundScoresCsv(o, players));
}
