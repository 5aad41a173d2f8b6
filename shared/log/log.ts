// The game log (docs/log-format.md): NDJSON, a header line, the events in order (each with tick
// and team), a summary line last. Writing is a pure function of the objects; reading
// tolerates a torn last line (a crash mid-write) and reports every other defect.
import type { RoundSummary, TeamReport } from "../checker/checker.js";
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";

export const MAX_LOG_LINE = 64 * 1024;

/** One event as one line, `type`, `tick` and `team` first. */
export function eventLine(event: Emitted): string {
  const { type, tick, team, ...rest } = event as Emitted & Record<string, unknown>;
  return JSON.stringify({ type, tick, team, ...rest });
}

export function headerLine(header: LogHeader): string {
  return JSON.stringify(header);
}

/** The last line of a finished round: its summary, then every team's report. */
export function summaryLine(summary: RoundSummary, perTeam: readonly TeamReport[]): string {
  return JSON.stringify({ type: "summary", ...summary, perTeam });
}

/** The last line of a round cut short by a crash of the server, naming the game that continues it. */
export function interruptedSummaryLine(continuedIn: string | null): string {
  return JSON.stringify({ type: "summary", interrupted: true, continuedIn });
}

export interface ParsedLog {
  header: LogHeader | null;
  events: Emitted[];
  summary: Record<string, unknown> | null;
  /** Problems that do not stop a reader: a torn last line. */
  warnings: string[];
  /** Problems that make the file not a usable log. */
  errors: string[];
}

const HEADER_FIELDS = ["gameId", "scenario", "variant", "seed", "engineVersion", "teams"] as const;

export function validateHeader(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "the first line is not a JSON object";
  const h = value as Record<string, unknown>;
  if (h.type !== "header") return 'the first line is not a header ({"type":"header",…})';
  for (const field of HEADER_FIELDS) if (!(field in h)) return `the header has no "${field}"`;
  if (!Array.isArray(h.teams)) return 'the header\'s "teams" is not a list';
  if (typeof h.seed !== "number") return 'the header\'s "seed" is not a number';
  return null;
}

/** Parses a whole log text. A last line that does not parse (and has no newline after it) is a torn write: dropped with a warning. */
export function parseLog(text: string): ParsedLog {
  const result: ParsedLog = { header: null, events: [], summary: null, warnings: [], errors: [] };
  const endsClean = text.endsWith("\n");
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) {
    result.errors.push("the file is empty");
    return result;
  }
  let lastTick = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const isLast = i === lines.length - 1;
    let value: unknown;
    try {
      if (line.length > MAX_LOG_LINE) throw new Error("line too long");
      value = JSON.parse(line);
    } catch {
      if (isLast && !endsClean) result.warnings.push(`line ${i + 1} is torn (an interrupted write); it was ignored`);
      else result.errors.push(`line ${i + 1} is not valid JSON`);
      continue;
    }
    if (i === 0) {
      const problem = validateHeader(value);
      if (problem) {
        result.errors.push(problem);
        return result;
      }
      result.header = value as LogHeader;
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record !== "object" || record === null || typeof record.type !== "string") {
      result.errors.push(`line ${i + 1} has no "type"`);
      continue;
    }
    if (record.type === "summary") {
      result.summary = record;
      continue;
    }
    if (typeof record.tick !== "number" || typeof record.team !== "number") {
      result.errors.push(`line ${i + 1} has no numeric "tick" and "team"`);
      continue;
    }
    if (record.tick < lastTick) result.errors.push(`line ${i + 1} goes back in time (tick ${record.tick} after ${lastTick})`);
    lastTick = record.tick;
    result.events.push(record as unknown as Emitted);
  }
  if (result.errors.length > 20) result.errors.splice(20, result.errors.length - 20, "… and more");
  return result;
}
