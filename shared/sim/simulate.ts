// A bots-only round from options to log lines and summary: what `npm run simulate` runs.
import { check, summaryOf, type Report, type RoundSummary } from "../checker/checker.js";
import type { Emitted } from "../engine/kernel.js";
import { eventLine, headerLine, summaryLine } from "../log/log.js";
import { createRound, stepRound, type LogHeader, type RoundOptions } from "./round.js";

export interface SimulationResult {
  header: LogHeader;
  report: Report;
  summary: RoundSummary;
  events: Emitted[];
}

/** Runs the round; every log line (header, events, summary) goes to `onLine` in order. */
export function simulate(options: RoundOptions, onLine?: (line: string) => void): SimulationResult {
  const round = createRound(options);
  onLine?.(headerLine(round.header));
  const events: Emitted[] = [];
  while (round.phase !== "over") {
    const tickEvents = stepRound(round);
    for (const e of tickEvents) {
      events.push(e);
      if (onLine) onLine(eventLine(e));
    }
  }
  const report = check(round.header, events);
  const summary = summaryOf(round.header, report);
  onLine?.(summaryLine(summary, report.teams));
  return { header: round.header, report, summary, events };
}
