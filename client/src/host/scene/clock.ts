// The room's tick arrives ~10 times a second; tokens must move at 60 fps. The clock turns
// the last tick heard plus the real time since then into a smooth, fractional tick.

/** How far past the last tick heard the clock may run before it waits for the next one. */
const MAX_LEAD_TICKS = 1.5;
/** A gap larger than this (a seek, a pause, a late join) is jumped, not smoothed. */
const SNAP_TICKS = 4;
/** Time over which a small disagreement with the room is absorbed. */
const CONVERGE_MS = 250;

/**
 * Invariants: between two `set` calls the displayed tick never goes backwards and never
 * runs more than MAX_LEAD_TICKS ahead of the room; a jump of more than SNAP_TICKS (either
 * way) is shown at once.
 */
export class TickClock {
  private anchorTick = 0;
  private anchorMs = 0;
  private tickMs = 100;
  private shown = 0;
  private lastMs = 0;
  private started = false;

  set(tick: number, tickMs: number, nowMs: number): void {
    this.anchorTick = tick;
    this.anchorMs = nowMs;
    if (tickMs > 0) this.tickMs = tickMs;
    if (!this.started) {
      this.started = true;
      this.shown = tick;
      this.lastMs = nowMs;
    }
  }

  /** Where the room should be now, from the last tick heard. */
  target(nowMs: number): number {
    const lead = Math.min(Math.max(0, (nowMs - this.anchorMs) / this.tickMs), MAX_LEAD_TICKS);
    return this.anchorTick + lead;
  }

  /** Advances to `nowMs` and returns the fractional tick to draw. */
  advance(nowMs: number): number {
    if (!this.started) return 0;
    const dt = Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;
    const target = this.target(nowMs);
    if (Math.abs(target - this.shown) > SNAP_TICKS) {
      this.shown = target;
      return this.shown;
    }
    const coasted = this.shown + dt / this.tickMs;
    const corrected = coasted + (target - coasted) * Math.min(1, dt / CONVERGE_MS);
    this.shown = Math.max(this.shown, Math.min(corrected, this.anchorTick + MAX_LEAD_TICKS));
    return this.shown;
  }

  get tick(): number {
    return this.shown;
  }
}

/** How far along its link a token is at `tick`: 0 when sent, 1 when it arrives. */
export function flightProgress(sentTick: number, arriveTick: number, tick: number): number {
  if (arriveTick <= sentTick) return tick >= arriveTick ? 1 : 0;
  const t = (tick - sentTick) / (arriveTick - sentTick);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
