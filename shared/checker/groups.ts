// A round's anomalies gathered by cause over every team, for the debrief: one sentence per
// cause with its count and the teams it hit, instead of one line per anomaly.
import type { CauseCode } from "../scenarios/texts.js";
import type { Anomaly, AnomalyKind } from "./checker.js";
import type { Cause } from "./causes.js";

export interface CauseGroup {
  code: CauseCode;
  kind: AnomalyKind;
  /** Anomalies with this cause, over every team. */
  count: number;
  /** The teams it hit (0-based, like Anomaly.team), ascending. */
  teams: number[];
  /** The group's earliest anomaly (by the tick its cause became inevitable): the replay's "jump to". */
  first: { team: number; tick: number; msgId: string };
  /** That anomaly's cause, whose values fill the group's sentence. */
  sample: Cause;
}

const earlier = (a: { tick: number; team: number }, b: { tick: number; team: number }): boolean => a.tick < b.tick || (a.tick === b.tick && a.team < b.team);

/** Every anomaly in exactly one group, by cause code; largest group first, then by code. */
export function groupAnomalies(anomalies: readonly Anomaly[]): CauseGroup[] {
  const groups = new Map<CauseCode, CauseGroup & { teamSet: Set<number> }>();
  for (const a of anomalies) {
    const first = { team: a.team, tick: a.cause.tick, msgId: a.msgId };
    const group = groups.get(a.cause.code);
    if (!group) {
      groups.set(a.cause.code, { code: a.cause.code, kind: a.kind, count: 1, teams: [], first, sample: a.cause, teamSet: new Set([a.team]) });
      continue;
    }
    group.count++;
    group.teamSet.add(a.team);
    if (earlier(first, group.first)) [group.first, group.sample] = [first, a.cause];
  }
  return [...groups.values()]
    .map(({ teamSet, ...group }) => ({ ...group, teams: [...teamSet].sort((x, y) => x - y) }))
    .sort((x, y) => y.count - x.count || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}
