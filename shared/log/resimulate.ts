// Re-simulation (`npm run replay -- --verify`, and rebuilding a room after a crash): re-runs
// a log's commands through the engine and compares, event by event, what it produces with
// what was logged. Every re-simulation is also a determinism test.
import type { Emitted } from "../engine/kernel.js";
import { advanceTeam, applyCommand, createTeam, endDrain, startDrain } from "../engine/team.js";
import type { TeamState } from "../engine/types.js";
import { ENGINE_VERSION, type LogHeader } from "../sim/round.js";
import { eventLine } from "./log.js";
import { teamConfig } from "../design/teamConfig.js";

export interface Divergence {
  /** Index of the event in the log's event list (0 = the line after the header). */
  index: number;
  tick: number;
  team: number;
  expected: string | null;
  actual: string | null;
}

export interface Resimulation {
  ok: boolean;
  eventsCompared: number;
  divergence: Divergence | null;
  /** Set when the log was written by another engine version: the re-simulation may legitimately differ. */
  versionNote: string | null;
  /** The teams' states after the last re-simulated tick (what a crashed room is rebuilt from). */
  teams: TeamState[];
}

/**
 * Re-simulates the round of `header` from the logged commands and reports the first
 * divergence. At each tick the log holds every command first (and the drain's start
 * among them), then each team's advance: the re-simulation applies them in that order.
 */
export function resimulate(header: LogHeader, events: readonly Emitted[]): Resimulation {
  const versionNote = header.engineVersion === ENGINE_VERSION ? null : `log written by engine ${header.engineVersion}, replayed by ${ENGINE_VERSION}`;
  const teams = new Map<number, TeamState>(header.teams.map((t) => [t.team, createTeam(teamConfig(header, t.team), header.seed, t.team)]));
  const lastTick = events.length ? events[events.length - 1].tick : -1;
  let compared = 0;
  let next = 0;
  const produced: Emitted[] = [];
  const compare = (): Divergence | null => {
    for (const e of produced) {
      // A log cut short (a crash, a torn last line) simply ends: what it holds must match.
      if (compared >= events.length) break;
      const expected = eventLine(events[compared]);
      const actual = eventLine(e);
      if (expected !== actual) return { index: compared, tick: e.tick, team: e.team, expected, actual };
      compared++;
    }
    produced.length = 0;
    return null;
  };
  for (let tick = 0; tick <= lastTick; tick++) {
    while (next < events.length && events[next].tick < tick) next++;
    for (let i = next; i < events.length && events[i].tick === tick; i++) {
      const e = events[i];
      const s = teams.get(e.team);
      if (!s) continue;
      if (e.type === "command" || e.type === "commandRefused") {
        const at = produced.length;
        applyCommand(s, produced, e.command);
        // Who played it is the room's note, not the engine's: it is carried over as logged.
        const made = produced[at];
        if (e.by !== undefined && (made?.type === "command" || made?.type === "commandRefused")) made.by = e.by;
      } else if (e.type === "drainStarted") startDrain(s, produced);
    }
    for (const s of teams.values()) advanceTeam(s, produced);
    if (tick === lastTick) for (const s of teams.values()) if (events.some((e) => e.type === "drainEnded" && e.team === s.team)) endDrain(s, produced);
    const divergence = compare();
    if (divergence) return { ok: false, eventsCompared: compared, divergence, versionNote, teams: [...teams.values()] };
  }
  if (compared < events.length) {
    const e = events[compared];
    return {
      ok: false,
      eventsCompared: compared,
      divergence: { index: compared, tick: e.tick, team: e.team, expected: eventLine(e), actual: null },
      versionNote,
      teams: [...teams.values()],
    };
  }
  return { ok: true, eventsCompared: compared, divergence: null, versionNote, teams: [...teams.values()] };
}
