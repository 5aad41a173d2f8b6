// Opening a log file in the replay viewer: parseLog reads it, and every problem becomes a
// code with its values, so the page can say it in the reader's language. A torn last line
// (a crash mid-write) and a log of another engine version are warnings: the round still
// draws. Anything else wrong makes the file unusable, and the first problems are named.
import type { Emitted } from "../engine/kernel.js";
import { parseLog } from "../log/log.js";
import { ENGINE_VERSION, type LogHeader } from "../sim/round.js";

export type ImportCode =
  | "empty"
  | "notText"
  | "tooLarge"
  | "firstLineNotJson"
  | "notHeader"
  | "headerMissingField"
  | "headerBadTeams"
  | "headerBadSeed"
  | "badJson"
  | "noType"
  | "noTickTeam"
  | "backInTime"
  | "tickOutOfRange"
  | "noEvents"
  | "moreErrors"
  | "other"
  | "tornLine"
  | "otherEngine"
  | "noSummary";

export interface ImportProblem {
  code: ImportCode;
  line?: number;
  field?: string;
  found?: string;
  expected?: string;
  /** The reader's own words (English), kept for a bug report. */
  text: string;
}

export interface LoadedLog {
  header: LogHeader;
  events: Emitted[];
  summary: Record<string, unknown> | null;
  /** The log as NDJSON, ready to save again (a torn last line is left out). */
  text: string;
}

export interface ImportResult {
  log: LoadedLog | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

/** Larger files are refused before they are read: a class round is a few megabytes. */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;
/** A day of 100 ms ticks: a tick past this is a damaged or forged file, not a round. */
export const MAX_TICK = 864_000;
const MAX_ERRORS_SHOWN = 6;

const PATTERNS: [RegExp, (m: RegExpMatchArray) => Omit<ImportProblem, "text">][] = [
  [/^the file is empty$/, () => ({ code: "empty" })],
  [/^line 1 is not valid JSON$/, () => ({ code: "firstLineNotJson", line: 1 })],
  [/^line (\d+) is not valid JSON$/, (m) => ({ code: "badJson", line: Number(m[1]) })],
  [/^the first line is not/, () => ({ code: "notHeader", line: 1 })],
  [/^the header has no "(\w+)"$/, (m) => ({ code: "headerMissingField", line: 1, field: m[1] })],
  [/^the header's "teams"/, () => ({ code: "headerBadTeams", line: 1 })],
  [/^the header's "seed"/, () => ({ code: "headerBadSeed", line: 1 })],
  [/^line (\d+) has no "type"$/, (m) => ({ code: "noType", line: Number(m[1]) })],
  [/^line (\d+) has no numeric/, (m) => ({ code: "noTickTeam", line: Number(m[1]) })],
  [/^line (\d+) goes back in time/, (m) => ({ code: "backInTime", line: Number(m[1]) })],
  [/^line (\d+) is torn/, (m) => ({ code: "tornLine", line: Number(m[1]) })],
  [/^… and more$/, () => ({ code: "moreErrors" })],
];

function classify(text: string): ImportProblem {
  for (const [pattern, make] of PATTERNS) {
    const m = text.match(pattern);
    if (m) return { ...make(m), text };
  }
  return { code: "other", text };
}

const HEADER_LEVEL = new Set<ImportCode>([
  "empty",
  "notText",
  "tooLarge",
  "firstLineNotJson",
  "notHeader",
  "headerMissingField",
  "headerBadTeams",
  "headerBadSeed",
]);

/** Reads a whole log text for the replay viewer. `log` is null exactly when `errors` is not empty. */
export function importLog(text: string): ImportResult {
  const fail = (problems: ImportProblem[]): ImportResult => {
    // A wrong file yields one error per line; the first header-level one says it all.
    const headerLevel = problems.find((p) => HEADER_LEVEL.has(p.code));
    return { log: null, errors: headerLevel ? [headerLevel] : problems.slice(0, MAX_ERRORS_SHOWN), warnings: [] };
  };
  if (text.length > MAX_LOG_BYTES) return fail([{ code: "tooLarge", text: "the file is too large" }]);
  if (text.trim() === "") return fail([{ code: "empty", text: "the file is empty" }]);
  if (text.slice(0, 4096).includes("\u0000")) return fail([{ code: "notText", text: "the file is not text" }]);
  const parsed = parseLog(text);
  const errors = parsed.errors.map(classify);
  const warnings = parsed.warnings.map(classify);
  if (!parsed.header && errors.length === 0) errors.push({ code: "firstLineNotJson", line: 1, text: "line 1 is not valid JSON" });
  if (errors.length) return fail(errors);
  const header = parsed.header as LogHeader;
  const teamsOk = header.teams.every(
    (t) =>
      typeof t === "object" && t !== null && Number.isInteger(t.team) && Array.isArray(t.subscriptions) && t.subscriptions.every((s) => typeof s === "string"),
  );
  if (!teamsOk) return fail([{ code: "headerBadTeams", line: 1, text: "the header's teams are not well formed" }]);
  const events = parsed.events;
  for (let i = 0; i < events.length; i++) {
    const tick = events[i].tick;
    if (!Number.isInteger(tick) || tick < 0 || tick > MAX_TICK || !Number.isInteger(events[i].team) || events[i].team < 0)
      return fail([{ code: "tickOutOfRange", line: i + 2, found: String(tick), text: `line ${i + 2} has a tick or team out of range` }]);
  }
  if (events.length === 0) return fail([{ code: "noEvents", text: "the log has a header but no events" }]);
  if (header.engineVersion !== ENGINE_VERSION)
    warnings.push({
      code: "otherEngine",
      found: String(header.engineVersion),
      expected: ENGINE_VERSION,
      text: `written by engine ${header.engineVersion}, this viewer is ${ENGINE_VERSION}`,
    });
  if (!parsed.summary) warnings.push({ code: "noSummary", text: "the log has no summary line" });
  const torn = warnings.some((w) => w.code === "tornLine");
  const clean = torn ? text.slice(0, text.lastIndexOf("\n") + 1) : text.endsWith("\n") ? text : `${text}\n`;
  return { log: { header, events, summary: parsed.summary, text: clean }, errors: [], warnings };
}
