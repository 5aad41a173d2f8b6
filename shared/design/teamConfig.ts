// The configuration one team plays: the header's, with the team's design applied when the
// round is a design round (docs/log-format.md#the-header, teams[].design). Everything that
// reads a team's semantics from a log (the checker, re-simulation, replay) goes through here.
import type { VariantConfig } from "../engine/config.js";
import type { LogHeader } from "../sim/round.js";
import { applyDesign } from "./apply.js";
import { isDesign } from "./settings.js";

export function teamConfig(header: Pick<LogHeader, "config" | "teams">, team: number): VariantConfig {
  const design = header.teams?.find((t) => t.team === team)?.design;
  return design !== undefined && isDesign(design) && header.config ? applyDesign(header.config, design) : header.config;
}
