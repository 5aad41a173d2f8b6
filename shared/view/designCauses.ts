// A team's causes of anomaly by the setting of its design they point at, for the design
// round's debrief (docs/game.md, the design round): the design table marks those settings
// with the sentence of their largest cause. Which settings a cause blames is the design's own
// rule (settingsBlamed, shared/design/blame.ts); a cause may point at more than one.
import type { CauseGroup } from "../checker/groups.js";
import { settingsBlamed, type DesignSetting } from "../design/index.js";

/** A team's cause groups by the setting they point at, largest group first within each. */
export function causesBySetting(groups: readonly CauseGroup[]): Map<DesignSetting, CauseGroup[]> {
  const by = new Map<DesignSetting, CauseGroup[]>();
  for (const g of groups) for (const setting of settingsBlamed(g.code)) by.set(setting, [...(by.get(setting) ?? []), g]);
  for (const list of by.values()) list.sort((a, b) => b.count - a.count);
  return by;
}
