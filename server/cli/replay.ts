// `npm run replay -- --verify FILE` (or `npm run replay -- FILE`): re-simulates a game log's
// commands and confirms its outcomes match, that its summary line is what the checker
// recounts, and that the header's teams are the ones its configuration makes. Exit 0 when
// all agree, 1 when anything disagrees, 2 for bad usage or a file that is not a usable log.
// `npm run replay -- --anomalies FILE [--lang en|pt-BR]`: one JSON line per anomaly the
// checker finds, with its cause and the debrief's sentence (docs/contracts.md#npm-run-replay).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { usageError } from "./usage.js";
import { causeSentence } from "../../shared/checker/causeSentence.js";
import type { ProfileId } from "../../shared/engine/config.js";
import { isProfileId } from "../../shared/engine/profiles.js";
import { check, summaryOf, type Anomaly } from "../../shared/checker/checker.js";
import { parseLog, type ParsedLog } from "../../shared/log/log.js";
import { resimulate } from "../../shared/log/resimulate.js";
import { headerDisagreements, summaryDisagreements } from "../../shared/log/verify.js";
import type { Locale } from "../../shared/scenarios/texts.js";
import type { LogHeader } from "../../shared/sim/round.js";

const USAGE = "usage: npm run replay -- --verify FILE | npm run replay -- --anomalies FILE [--lang en|pt-BR]";
const LOCALES: Locale[] = ["en", "pt-BR"];
const fail: (message: string) => never = usageError("replay");

const { values, positionals } = (() => {
  try {
    return parseArgs({
      options: { verify: { type: "string" }, anomalies: { type: "string" }, lang: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
if (values.verify !== undefined && values.anomalies !== undefined) fail(`--verify and --anomalies are two different commands\n${USAGE}`);
if (positionals.length > (values.verify === undefined && values.anomalies === undefined ? 1 : 0)) fail(`unexpected argument ${positionals.at(-1)}\n${USAGE}`);
if (values.lang !== undefined && values.anomalies === undefined) fail(`--lang goes with --anomalies\n${USAGE}`);
const lang = (values.lang ?? "en") as Locale;
if (!LOCALES.includes(lang)) fail(`--lang must be en or pt-BR, got ${values.lang}`);
const file = values.anomalies ?? values.verify ?? positionals[0];
if (!file) fail(USAGE);

function read(path: string): ParsedLog & { header: LogHeader } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const parsed = parseLog(text);
  for (const warning of parsed.warnings) process.stderr.write(`replay: warning: ${warning}\n`);
  if (parsed.errors.length || !parsed.header) fail(`${path} is not a usable game log:\n  ${parsed.errors.join("\n  ")}`);
  if (!parsed.header.config || typeof parsed.header.config !== "object") fail(`${path} is not a usable game log:\n  the header has no "config"`);
  return parsed as ParsedLog & { header: LogHeader };
}

/** The anomaly as `--anomalies` prints it: the cause's code, tick, node, link and end, and its sentence. */
function anomalyLine(a: Anomaly, tickMs: number, profile: ProfileId | null): string {
  const c = a.cause;
  return JSON.stringify({
    team: a.team,
    kind: a.kind,
    msgId: a.msgId ?? null,
    key: a.key ?? null,
    subscription: a.subscription ?? null,
    cause: { code: c.code, tick: c.tick, node: c.node ?? null, link: c.link ?? null, end: c.end },
    text: causeSentence(c, lang, tickMs, profile),
  });
}

function anomalies(path: string): void {
  const { header, events } = read(path);
  const report = check(header, events);
  const ordered = report.anomalies.map((a, i) => ({ a, i })).sort((x, y) => x.a.team - y.a.team || x.a.cause.tick - y.a.cause.tick || x.i - y.i);
  // The sentences name the round's broker's words (a log from before profiles: any broker's).
  const profile = isProfileId(header.config?.broker?.profile) ? header.config.broker.profile : null;
  process.stdout.write(ordered.map(({ a }) => `${anomalyLine(a, header.tickMs, profile)}\n`).join(""));
}

function verify(path: string): void {
  const parsed = read(path);
  const header = parsed.header;
  const result = resimulate(header, parsed.events);
  const report = check(header, parsed.events);
  const recount = summaryOf(header, report);
  // A round cut short by a server crash closes with an interrupted line that holds no counts.
  const counted = parsed.summary !== null && parsed.summary.interrupted !== true;
  const summaryProblems = counted ? summaryDisagreements(parsed.summary as Record<string, unknown>, recount, report) : [];
  const headerProblems = headerDisagreements(header);
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
      summaryAgrees: counted ? summaryProblems.length === 0 : null,
      headerAgrees: headerProblems.length === 0,
      torn: parsed.warnings.length > 0,
    })}\n`,
  );
  if (!result.ok) {
    const d = result.divergence;
    process.stderr.write(`replay: diverges at event ${d?.index} (tick ${d?.tick}, team ${d?.team})\n  logged:   ${d?.expected}\n  replayed: ${d?.actual}\n`);
  }
  for (const problem of headerProblems) process.stderr.write(`replay: the header disagrees with its configuration: ${problem}\n`);
  for (const problem of summaryProblems) process.stderr.write(`replay: the summary line disagrees with a recount of the log: ${problem}\n`);
  if (!result.ok || headerProblems.length || summaryProblems.length) process.exit(1);
}

if (values.anomalies !== undefined) anomalies(file);
else verify(file);
