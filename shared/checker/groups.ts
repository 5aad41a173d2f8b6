// A round's anomalies gathered by cause over every team, for the debrief: one sentence per
// cause with its count and the teams it hit, instead of one line per anomaly.
import type { CauseCode } from "../scenarios/texts.js";
import type { AnomalyKind } from "./checker.js";
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
