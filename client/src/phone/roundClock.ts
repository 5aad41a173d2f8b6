// The round's time left, as the phone's `round-timer` shows it. The room syncs its tick about
// twice a second; between two syncs the phone counts on by itself from when the last one
// came, but never more than a second past it (a stalled connection freezes the clock instead
// of inventing time).
import { TICK_MS } from "../../../shared/engine/config.js";

export interface ClockSync {
  phase: string;
  tick: number;
  roundTicks: number;
  /** The page's clock (ms) when this tick arrived. */
  at: number;
}

const MAX_GUESS_MS = 1000;

/** Whole seconds left at page time `now`; null when the phase has no clock (lobby, drain, over). */
export function secondsLeft(sync: ClockSync, now: number): number | null {
  if (sync.phase === "countdown") return Math.ceil((sync.roundTicks * TICK_MS) / 1000);
  if (sync.phase !== "running" && sync.phase !== "paused") return null;
  const guessed = sync.phase === "running" ? Math.min(Math.max(0, now - sync.at), MAX_GUESS_MS) : 0;
  const leftMs = (sync.roundTicks - sync.tick) * TICK_MS - guessed;
  return Math.max(0, Math.ceil(leftMs / 1000));
}

/** "1:05", "0:09". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
