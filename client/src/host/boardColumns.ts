// Which counts the live board and the canvas's tiles show, and how a live count reads while
// the round can still change it. Every round shows what was recorded and what went lost,
// duplicated or out of order; Topic 5 adds inconsistent writes, Topic 6 lost updates (and
// any round where they happen shows them too, and balances a race left wrong). During play, `lost` counts only what is
// already certain; what only the drain can settle is `pending`, shown beside it.
import type { CountKind } from "../scene/model.js";

/** `pending`: what the drain will settle (effects not applied yet, not certainly lost), beside `lost` while the round runs. */
export type BoardColumn = "committed" | "pending" | CountKind;

type Counts = Record<CountKind, number>;

const TOPIC_COUNTS: Record<string, CountKind> = { "t5-dual-writes": "inconsistent", "t6-competing-consumers": "staleWrites" };

/** The anomaly counts worth a column: the usual three, plus the topic's own and any that happened. */
export function countKinds(scenario: string, teams: Iterable<Counts>): CountKind[] {
  const kinds: CountKind[] = ["lost", "duplicated", "misordered"];
  const list = [...teams];
  for (const extra of ["staleWrites", "raceAnomalies", "inconsistent"] as const)
    if (TOPIC_COUNTS[scenario] === extra || list.some((t) => t[extra] > 0)) kinds.push(extra);
  // Four fit a tile: counts nobody has make room for the topic's own, out of order first.
  for (const spare of ["misordered", "duplicated"] as const) if (kinds.length > 4 && list.every((t) => t[spare] === 0)) kinds.splice(kinds.indexOf(spare), 1);
  return kinds.slice(0, 4);
}

export function boardColumns(scenario: string, teams: Iterable<Counts>, provisional = false): BoardColumn[] {
  const columns: BoardColumn[] = ["committed", ...countKinds(scenario, teams)];
  if (provisional) columns.splice(columns.indexOf("lost") + 1, 0, "pending");
  return columns;
}

/** While these phases last, the board's numbers can still change (the drain settles them). */
export function isProvisional(phase: string): boolean {
  return phase === "countdown" || phase === "running" || phase === "paused" || phase === "draining";
}

/** The pending count a team carries (the room sends it once the live board knows what is certain; 0 before). */
export function pendingOf(team: object): number {
  const pending = (team as { pending?: unknown }).pending;
  return typeof pending === "number" && pending > 0 ? pending : 0;
}
