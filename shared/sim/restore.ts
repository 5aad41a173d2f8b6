// A round rebuilt from its log after the server crashed: every complete tick is
// re-simulated from the logged commands (and checked against the logged outcomes), the
// last logged tick — perhaps cut short by the crash — is dropped and will run again.
import { createBot } from "../bots/bots.js";
import type { Emitted } from "../engine/kernel.js";
import { resimulate } from "../log/resimulate.js";
import { seatsOf } from "../scenarios/catalogue.js";
import { ENGINE_VERSION, type LogHeader, type Round } from "./round.js";

export interface Restored {
  round: Round;
  /** The logged events the rebuilt round has lived through (the complete ticks). */
  kept: Emitted[];
}

/** Null when the round cannot be rebuilt: it ended, another engine wrote it, or it does not re-simulate. */
export function restoreRound(header: LogHeader, events: readonly Emitted[], gameId: string): Restored | null {
  if (header.engineVersion !== ENGINE_VERSION || events.length === 0) return null;
  if (events.some((e) => e.type === "drainEnded")) return null;
  const lastTick = events[events.length - 1].tick;
  const kept = events.filter((e) => e.tick < lastTick);
  const result = resimulate(header, kept);
  if (!result.ok) return null;
  const drain = kept.find((e) => e.type === "drainStarted");
  const strategy = header.teams[0]?.players[0]?.strategy ?? "careful";
  const seats = seatsOf(header.config);
  const teams = result.teams.sort((a, b) => a.team - b.team);
  const tick = teams[0]?.tick ?? 0;
  const round: Round = {
    header: { ...header, gameId, restoredFrom: header.gameId },
    teams,
    bots: teams.map((s) => seats.map((x) => createBot(x.seat, strategy, header.seed + tick, s.team))),
    humanSeats: header.teams.map((t) => new Set(t.players.filter((p) => p.name !== null).map((p) => p.seat))),
    phase: drain ? "draining" : "running",
    drainRequested: false,
    drainStartedAt: drain ? drain.tick : -1,
    tick,
  };
  return { round, kept };
}
