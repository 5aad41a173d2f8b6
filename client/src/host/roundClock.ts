// The round's time left, as the projector's `round-timer` shows it. The room syncs its tick
// about twice a second; between syncs the clock runs on from the last one, so the seconds
// tick smoothly, and it never runs past the next sync's value by more than a tick.

export type TimerPhase = "lobby" | "countdown" | "running" | "paused" | "draining" | "over" | string;

export interface ClockReading {
  phase: TimerPhase;
  tick: number;
  roundTicks: number;
}

/** Milliseconds left in the round, or null when no clock runs (lobby, drain, over). */
export function timeLeftMs(room: ClockReading, msSinceTick: number, tickMs: number): number | null {
  if (room.phase !== "running" && room.phase !== "paused" && room.phase !== "countdown") return null;
  const atSync = Math.max(0, room.roundTicks - room.tick) * tickMs;
  if (room.phase !== "running") return atSync;
  // The room moves the tick on every tickMs; runs of the page's own clock stay within one sync.
  return Math.max(0, atSync - Math.min(Math.max(0, msSinceTick), 1000));
}

/** "4:05", rounded up so that "0:00" means the time is really up. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
