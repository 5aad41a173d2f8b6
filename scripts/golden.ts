// Writes the golden logs test/golden.test.ts compares against: `npm run golden:update`
// after a deliberate change of the engine's behaviour (and say so in the commit).
import { writeFileSync } from "node:fs";
import { simulate } from "../shared/sim/simulate.js";
import { GOLDEN } from "../test/goldenCases.js";

for (const g of GOLDEN) {
  const lines: string[] = [];
  simulate({ scenario: g.scenario, variant: g.variant, seed: g.seed, teams: g.teams }, (l) => lines.push(l));
  writeFileSync(new URL(`../test/golden/${g.file}`, import.meta.url), lines.join("\n") + "\n");
  process.stdout.write(`wrote test/golden/${g.file} (${lines.length} lines)\n`);
}
