// `npm run replay -- --verify FILE`: re-simulates a game log's commands and confirms its
// outcomes match, or names the first divergence. Exit 0 when it matches, 1 when it
// diverges, 2 for a file that is not a usable log.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { usageError } from "./usage.js";
import { check, summaryOf } from "../../shared/checker/checker.js";
import { parseLog } from "../../shared/log/log.js";
import { resimulate } from "../../shared/log/resimulate.js";

const fail: (message: string) => never = usageError("replay");

const { values, positionals } = (() => {
  try {
    return parseArgs({ options: { verify: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const file = values.verify ?? positionals[0];
if (!file) fail("usage: npm run replay -- --verify FILE");
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
const parsed = parseLog(text);
for (const warning of parsed.warnings) process.stderr.write(`replay: warning: ${warning}\n`);
if (parsed.errors.length || !parsed.header) fail(`${file} is not a usable game log:\n  ${parsed.errors.join("\n  ")}`);
const header = parsed.header;
const result = resimulate(header, parsed.events);
const recount = summaryOf(header, check(header, parsed.events));
const summaryAgrees = parsed.summary ? Object.entries(recount).every(([k, v]) => parsed.summary?.[k] === v) : null;
process.stdout.write(
  `${JSON.stringify({
    gameId: header.gameId,
    scenario: header.scenario,
    variant: header.variant,
    seed: header.seed,
    events: parsed.events.length,
    matches: result.ok,
    eventsCompared: result.eventsCompared,
    divergence: result.divergence,
    engineNote: result.versionNote,
    summaryAgrees,
    torn: parsed.warnings.length > 0,
  })}\n`,
);
if (!result.ok) {
  const d = result.divergence;
  process.stderr.write(`replay: diverges at event ${d?.index} (tick ${d?.tick}, team ${d?.team})\n  logged:   ${d?.expected}\n  replayed: ${d?.actual}\n`);
  process.exit(1);
}
