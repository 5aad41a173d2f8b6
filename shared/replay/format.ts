// How every page names a moment of a round: minutes and seconds of round time (m:ss), from
// the tick and the tick length (the engine's, or what a log's header gives).
import { TICK_MS } from "../engine/config.js";

/** "m:ss" of round time at `tick`; ticks of `tickMs` milliseconds. */
export function formatTick(tick: number, tickMs = TICK_MS): string {
  const seconds = Math.max(0, Math.floor((tick * tickMs) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "m:ss.d" for places where a tenth of a second matters (the step list, the sequence diagram). */
export function formatTickFine(tick: number, tickMs = TICK_MS): string {
  const tenths = Math.max(0, Math.floor((tick * tickMs) / 100));
  const seconds = Math.floor(tenths / 10);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}.${tenths % 10}`;
}
