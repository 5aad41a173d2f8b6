// The room's tick reaches the page a few times a second (every tick, or every few ticks
// to save bandwidth); tokens must move at 60 fps. The clock turns the last tick heard
// plus the real time since it was first heard into a smooth, fractional tick.

import { TICK_MS } from "../../../shared/engine/config.js";

/** Time over which a small disagreement with the room is absorbed. */
const CONVERGE_MS = 250;

/**
 * Invariants: the shown tick never runs more than about one update interval past the last
 * new tick heard (so a paused room stops its tokens), it never goes backwards while the
 * room moves forwards, a backward tick (a seek) is shown at once, and so is a forward
 * jump much larger than the usual step. Hearing the same tick again is no news: it does
 * not restart the extrapolation, since a page re-renders for other reasons between ticks.
 */
export class TickClock {
  private anchorTick = 0;
  private anchorMs = 0;
  private tickMs = TICK_MS;
  /** Smoothed number of ticks between two new ticks heard (NaN until two were heard). */
  private step = Number.NaN;
  private shown = 0;
  private lastMs = 0;
  private started = false;

  set(tick: number, tickMs: number, nowMs: number): void {
    const newTickMs = tickMs > 0 ? tickMs : this.tickMs;
    if (!this.started) {
      this.started = true;
      this.shown = tick;
      this.lastMs = nowMs;
    } else if (tick === this.anchorTick && newTickMs === this.tickMs) {
      return;
    } else if (tick < this.anchorTick) {
      this.shown = tick;
    } else if (tick > this.anchorTick) {
      const sample = Math.min(50, tick - this.anchorTick);
      this.step = Number.isNaN(this.step) ? sample : this.step * 0.7 + sample * 0.3;
    }
    this.anchorTick = tick;
    this.anchorMs = nowMs;
    this.tickMs = newTickMs;
  }

  /** How far past the last tick heard the clock may run before it waits for the next one. */
  get maxLead(): number {
    return Number.isNaN(this.step) ? 1.5 : Math.max(1, this.step * 1.25);
  }

  /** Where the room should be now, from the last tick heard. */
  target(nowMs: number): number {
    const lead = Math.min(Math.max(0, (nowMs - this.anchorMs) / this.tickMs), this.maxLead);
    return this.anchorTick + lead;
  }

  /** Advances to `nowMs` and returns the fractional tick to draw. */
  advance(nowMs: number): number {
    if (!this.started) return 0;
    const dt = Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;
    const target = this.target(nowMs);
    if (Math.abs(target - this.shown) > Math.max(4, this.maxLead * 2)) {
      this.shown = target;
      return this.shown;
    }
    const coasted = this.shown + dt / this.tickMs;
    const corrected = coasted + (target - coasted) * Math.min(1, dt / CONVERGE_MS);
    this.shown = Math.max(this.shown, Math.min(corrected, this.anchorTick + this.maxLead));
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
