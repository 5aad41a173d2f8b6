// Counts the causes the checker gives, per variant, over seeds 1–15 (two teams, the default
// bots): `npx tsx scripts/causeAudit.ts [--strategy naive|careful] [--seeds N] [--json]`.
// An audit aid: read it beside the logs to see whether each cause is the true one.
import { parseArgs } from "node:util";
import type { Strategy } from "../shared/bots/bots.js";
import { CATALOGUE } from "../shared/scenarios/catalogue.js";
import { simulate } from "../shared/sim/simulate.js";

const { values } = parseArgs({
  options: { strategy: { type: "string", default: "naive" }, seeds: { type: "string", default: "15" }, json: { type: "boolean", default: false } },
});
const seeds = Number(values.seeds);
const table: Record<string, Record<string, number>> = {};
for (const scenario of CATALOGUE)
  for (const variant of scenario.variants) {
    const counts: Record<string, number> = {};
    for (let seed = 1; seed <= seeds; seed++) {
      const { report } = simulate({ scenario: scenario.id, variant: variant.id, seed, teams: 2, strategy: values.strategy as Strategy });
      for (const a of report.anomalies) {
        const key = `${a.kind}:${a.cause.code}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    }
    table[`${scenario.id} ${variant.id}`] = counts;
  }
if (values.json) process.stdout.write(`${JSON.stringify(table)}\n`);
else
  for (const [name, counts] of Object.entries(table))
    process.stdout.write(
      `${name}: ${
        Object.entries(counts)
          .sort()
          .map(([k, n]) => `${k}=${n}`)
          .join(" ") || "—"
      }\n`,
    );
