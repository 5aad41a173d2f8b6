// Replay: re-runs a log's commands through the engine and compares, event by event, what
// it produces with what was logged. Every replay is also a determinism test.
import type { Emitted } from "../engine/kernel.js";
import { emit } from "../engine/kernel.js";
import { createTeam, isQuiescent, stepTeam } from "../engine/team.js";
import type { Command, TeamState } from "../engine/types.js";
import { ENGINE_VERSION, type LogHeader } from "../sim/round.js";
import { eventLine } from "./log.js";

export interface Divergence {
  /** Index of the event in the log's event list (0 = the line after the header). */
  index: number;
  tick: number;
  team: number;
  expected: string | null;
  actual: string | null;
}

export interface ReplayResult {
  ok: boolean;
  eventsCompared: number;
  divergence: Divergence | null;
  /** Set when the log was written by another engine version: the replay may legitimately differ. */
  versionNote: string | null;
}

/** The commands a log applied, by tick and team, in their logged order (accepted and refused alike). */
function commandsByTick(events: readonly Emitted[]): Map<number, Map<number, Command[]>> {
  const byTick = new Map<number, Map<number, Command[]>>();
  for (const e of events) {
    if (e.type !== "command" && e.type !== "commandRefused") continue;
    let teams = byTick.get(e.tick);
    if (!teams) byTick.set(e.tick, (teams = new Map()));
    let list = teams.get(e.team);
    if (!list) teams.set(e.team, (list = []));
    list.push(e.command);
  }
  return byTick;
}

/** Re-simulates the round of `header` from the logged commands and reports the first divergence. */
export function replay(header: LogHeader, events: readonly Emitted[]): ReplayResult {
  const versionNote = header.engineVersion === ENGINE_VERSION ? null : `log written by engine ${header.engineVersion}, replayed by ${ENGINE_VERSION}`;
  const teams: TeamState[] = header.teams.map((t) => createTeam(header.config, header.seed, t.team));
  const commands = commandsByTick(events);
  const drainAt = events.find((e) => e.type === "drainStarted")?.tick ?? Infinity;
  const lastTick = events.length ? events[events.length - 1].tick : -1;
  let compared = 0;
  for (let tick = 0; tick <= lastTick; tick++) {
    const produced: Emitted[] = [];
    for (const s of teams) {
      if (tick === drainAt) {
        s.draining = true;
        emit(s, produced, { type: "drainStarted" });
      }
      stepTeam(s, commands.get(tick)?.get(s.team) ?? [], produced);
    }
    if (tick === lastTick) {
      for (const s of teams) {
        s.tick--;
        if (events.some((e) => e.type === "drainEnded" && e.team === s.team)) emit(s, produced, { type: "drainEnded", quiescent: isQuiescent(s) });
        s.tick++;
      }
    }
    for (const e of produced) {
      const expected = compared < events.length ? eventLine(events[compared]) : null;
      const actual = eventLine(e);
      if (expected !== actual) return { ok: false, eventsCompared: compared, divergence: { index: compared, tick: e.tick, team: e.team, expected, actual }, versionNote };
      compared++;
    }
  }
  if (compared < events.length) {
    const e = events[compared];
    return { ok: false, eventsCompared: compared, divergence: { index: compared, tick: e.tick, team: e.team, expected: eventLine(e), actual: null }, versionNote };
  }
  return { ok: true, eventsCompared: compared, divergence: null, versionNote };
}
