import { describe, expect, it } from "vitest";
import { TickClock, flightProgress } from "./clock.js";

const FRAME_MS = 1000 / 60;

/**
 * Simulates a page: frames at 60 fps for `durationMs`, the room's tick sent by `tickAt`
 * (the tick the page hears at a time, or undefined for no message), re-sent on every
 * `resendMs` as a page re-rendering for other reasons would. Returns the ticks shown.
 */
function simulate(clock: TickClock, durationMs: number, tickAt: (ms: number) => number | undefined, resendMs = 0): number[] {
  const shown: number[] = [];
  let lastHeard: number | undefined;
  let nextResend = resendMs;
  for (let ms = 0; ms <= durationMs; ms += FRAME_MS) {
    const heard = tickAt(ms);
    if (heard !== undefined && heard !== lastHeard) {
      lastHeard = heard;
      clock.set(heard, 100, ms);
    } else if (resendMs > 0 && ms >= nextResend && lastHeard !== undefined) {
      nextResend += resendMs;
      clock.set(lastHeard, 100, ms);
    }
    shown.push(clock.advance(ms));
  }
  return shown;
}

function steps(shown: readonly number[]): number[] {
  return shown.slice(1).map((value, i) => value - shown[i]!);
}

describe("TickClock", () => {
  it("moves between the room's ticks at the tick rate", () => {
    const clock = new TickClock();
    clock.set(10, 100, 0);
    expect(clock.advance(0)).toBe(10);
    expect(clock.advance(50)).toBeCloseTo(10.5, 5);
  });

  it("never goes backwards when ticks arrive late or early", () => {
    const clock = new TickClock();
    // A tick every 100 ms, delivered 30 ms early or late in turn.
    const shown = simulate(clock, 3000, (ms) => {
      const tick = Math.floor(ms / 100);
      return ms - tick * 100 >= (tick % 2 ? 30 : 0) ? tick : tick - 1;
    });
    for (const step of steps(shown)) expect(step).toBeGreaterThanOrEqual(0);
    expect(shown[shown.length - 1]!).toBeGreaterThan(28);
  });

  it("moves smoothly when the room sends its tick only twice a second", () => {
    const clock = new TickClock();
    // Ticks of 100 ms, heard every 5 ticks, and the same tick re-sent 5 times a second.
    const shown = simulate(clock, 6000, (ms) => Math.floor(ms / 500) * 5, 200);
    const late = steps(shown).slice(120);
    // Once the clock has learned the cadence: no stall, no jump (a frame is 1/6 tick).
    for (const step of late) {
      expect(step).toBeGreaterThan(0.05);
      expect(step).toBeLessThan(0.5);
    }
  });

  it("stops about one update past the last tick heard when the room goes quiet", () => {
    const clock = new TickClock();
    const shown = simulate(clock, 3000, (ms) => (ms < 1000 ? Math.floor(ms / 100) : 10));
    expect(shown[shown.length - 1]!).toBeLessThanOrEqual(10 + 1.25 + 1e-9);
  });

  it("shows a seek at once, backwards or far forwards", () => {
    const clock = new TickClock();
    clock.set(50, 100, 0);
    clock.advance(10);
    clock.set(48, 100, 20);
    const back = clock.advance(20);
    expect(back).toBeGreaterThanOrEqual(48);
    expect(back).toBeLessThan(48.2);
    clock.set(300, 100, 30);
    expect(clock.advance(30)).toBe(300);
  });

  it("shows tick 0 before the room's first tick", () => {
    expect(new TickClock().advance(1234)).toBe(0);
  });
});

describe("flightProgress", () => {
  it("is 0 at send, 1 at arrival, linear between, clamped outside", () => {
    expect(flightProgress(10, 20, 10)).toBe(0);
    expect(flightProgress(10, 20, 15)).toBe(0.5);
    expect(flightProgress(10, 20, 20)).toBe(1);
    expect(flightProgress(10, 20, 5)).toBe(0);
    expect(flightProgress(10, 20, 25)).toBe(1);
  });

  it("handles a zero-latency hop", () => {
    expect(flightProgress(10, 10, 9.5)).toBe(0);
    expect(flightProgress(10, 10, 10)).toBe(1);
  });
});
