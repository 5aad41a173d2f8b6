// How the replay names a moment of a round: minutes and seconds of round time (m:ss), from
// the tick and the tick length the log's header gives.

/** "m:ss" of round time at `tick`; ticks of `tickMs` milliseconds (100 unless the header says otherwise). */
export function formatTick(tick: number, tickMs = 100): string {
  const seconds = Math.max(0, Math.floor((tick * tickMs) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "m:ss.d" for places where a tenth of a second matters (the step list, the sequence diagram). */
export function formatTickFine(tick: number, tickMs = 100): string {
  const tenths = Math.max(0, Math.floor((tick * tickMs) / 100));
  const seconds = Math.floor(tenths / 10);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}.${tenths % 10}`;
}
