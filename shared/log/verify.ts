// What `replay --verify` checks beyond the re-simulation (docs/contracts.md#npm-run-replay):
// the header's teams must be the ones its configuration makes (every team the same
// subscriptions and seats), and the summary line must be what the checker recounts from
// the events. Each returns the disagreements as sentences; none means it agrees.
import type { Report, RoundSummary } from "../checker/checker.js";
import { expectedSubscriptions } from "../engine/team.js";
import { seatsOf } from "../scenarios/catalogue.js";
import type { LogHeader } from "../sim/round.js";
import { isDesign } from "../design/settings.js";

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The header's teams against its own configuration: team numbers 0…n-1, each with the
 * configuration's subscriptions and one player per seat, and a design (if any) the design
 * round offers (a design changes no seat nor subscription).
 */
export function headerDisagreements(header: LogHeader): string[] {
  const out: string[] = [];
  if (!header.config || typeof header.config !== "object") return ["the header has no configuration"];
  let subscriptions: string[];
  let seats: string[];
  try {
    subscriptions = expectedSubscriptions(header.config);
    seats = seatsOf(header.config).map((s) => s.seat);
  } catch {
    return ["the header's configuration is incomplete"];
  }
  header.teams.forEach((team, i) => {
    const t = team as Partial<LogHeader["teams"][number]>;
    if (t.team !== i) out.push(`team ${i} of the header is numbered ${String(t.team)}`);
    const subs = Array.isArray(t.subscriptions) ? t.subscriptions.map(String) : [];
    if (!same(subs, subscriptions)) out.push(`team ${i}: subscriptions [${subs.join(", ")}], the configuration makes [${subscriptions.join(", ")}]`);
    const players = Array.isArray(t.players) ? t.players.map((p) => String((p as { seat?: unknown })?.seat)) : [];
    if (!same(players, seats)) out.push(`team ${i}: players' seats [${players.join(", ")}], the configuration has [${seats.join(", ")}]`);
    if (t.design !== undefined && !isDesign(t.design)) out.push(`team ${i}: its design is not one the design round offers`);
  });
  return out;
}

/** Counts added to the summary after engine 2.0.0 (conflicts in 2.1, parked in 3.0): a line written before lacks them, which agrees with a recount of 0. */
const ADDED_SINCE_2_0 = new Set(["conflicts", "parked"]);

const agrees = (line: Record<string, unknown> | undefined, key: string, value: unknown): boolean =>
  line?.[key] === value || (value === 0 && ADDED_SINCE_2_0.has(key) && line !== undefined && !(key in line));

/** The summary line against a recount: every total of the summary, and every count of every team. */
export function summaryDisagreements(line: Record<string, unknown>, recount: RoundSummary, report: Report): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(recount))
    if (!agrees(line, key, value)) out.push(`summary ${key}: ${JSON.stringify(line[key])}, recounted ${JSON.stringify(value)}`);
  const perTeam = Array.isArray(line.perTeam) ? (line.perTeam as Record<string, unknown>[]) : null;
  if (!perTeam || perTeam.length !== report.teams.length) {
    out.push(`summary perTeam: ${perTeam ? perTeam.length : "no"} teams, recounted ${report.teams.length}`);
    return out;
  }
  report.teams.forEach((team, i) => {
    for (const [key, value] of Object.entries(team))
      if (!agrees(perTeam[i], key, value)) out.push(`summary perTeam[${i}].${key}: ${JSON.stringify(perTeam[i]?.[key])}, recounted ${JSON.stringify(value)}`);
  });
  return out;
}
