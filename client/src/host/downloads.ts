// What the instructor downloads: a game's log, and a round's scores per team and player as CSV.
import type { Connection } from "../connection.js";
import { downloadText } from "../dom.js";
import type { HostRoundOver } from "../../../shared/protocol.js";
import type { PlayerStateView, RoomStateView } from "../../../shared/view/roomState.js";

export async function downloadGameLog(connection: Connection, gameId: string, hostToken: string): Promise<void> {
  downloadText(`${gameId}.ndjson`, "application/x-ndjson", await connection.gameLog(gameId, hostToken));
}

/** One row per player (a team without players gets one row), with the team's counts. */
export function downloadScoresCsv(o: HostRoundOver, room: RoomStateView | null): void {
  const rows = [
    ["team", "player", "seat", "score", "committed", "applied", "lost", "duplicated", "misordered", "inconsistent", "raceAnomalies", "refused"].join(","),
  ];
  const quote = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
  for (const team of o.teams ?? []) {
    const members: Pick<PlayerStateView, "name" | "seat">[] = [];
    room?.players?.forEach((p) => p.team === team.team && members.push(p));
    for (const p of members.length ? members : [{ name: "", seat: "" }])
      rows.push(
        [
          team.team + 1,
          quote(p.name),
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
        ].join(","),
      );
  }
  downloadText(`${o.gameId}.csv`, "text/csv", rows.join("\n") + "\n");
}
