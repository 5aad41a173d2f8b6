// The end of a round as a table: the leaderboard and the CSV of scores per team and player
// (players from the header's teams[].players; a bot's seat has no name).
import type { TeamReport } from "../checker/checker.js";
import type { ReplayIndex } from "./replayIndex.js";

/** Teams by score, best first; equal scores keep team order. */
export function leaderboard(index: ReplayIndex): TeamReport[] {
  return index.report.teams.slice().sort((a, b) => b.score - a.score || a.team - b.team);
}

const CSV_COLUMNS = [
  "team",
  "seat",
  "player",
  "bot",
  "rank",
  "score",
  "committed",
  "applied",
  "lost",
  "duplicated",
  "extraApplications",
  "misordered",
  "inconsistent",
  "raceAnomalies",
  "refused",
] as const;

/** A CSV field: quoted when it must be, and a leading = + - @ defused so a spreadsheet never runs a name as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, every field through csvField: the one writer every CSV export uses. */
export function csvTable(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

/** One row per seat of each team (teams numbered from 1, as on screen), with the team's counts; `bot` names the strategy of a seat no person played. */
export function scoresCsv(index: ReplayIndex): string {
  const rows = [CSV_COLUMNS.join(",")];
  const ranked = leaderboard(index);
  for (const info of index.header.teams) {
    const report = index.report.teams.find((t) => t.team === info.team);
    if (!report) continue;
    const rank = ranked.indexOf(report) + 1;
    const players = info.players?.length ? info.players : [{ seat: "", name: null, strategy: "" }];
    for (const p of players) {
      const counts = [
        report.score,
        report.committed,
        report.applied,
        report.lost,
        report.duplicated,
        report.extraApplications,
        report.misordered,
        report.inconsistent,
        report.raceAnomalies,
        report.refused,
      ];
      rows.push([info.team + 1, csvField(p.seat ?? ""), csvField(p.name ?? ""), csvField(p.name ? "" : (p.strategy ?? "")), rank, ...counts].join(","));
    }
  }
  return rows.join("\n") + "\n";
}
