import { describe, expect, it } from "vitest";
import { TickClock, flightProgress } from "./clock.js";

/** Feeds the clock 60 fps frames from `fromMs` to `toMs`, returning the ticks shown. */
function frames(clock: TickClock, fromMs: number, toMs: number): number[] {
  const shown: number[] = [];
  for (let t = fromMs; t <= toMs; t += 1000 / 60) shown.push(clock.advance(t));
  return shown;
}

describe("TickClock", () => {
  it("moves between the room's ticks at the tick rate", () => {
    const clock = new TickClock();
    clock.set(10, 100, 0);
    expect(clock.advance(0)).toBe(10);
    expect(clock.advance(50)).toBeCloseTo(10.5, 5);
  });

  it("never goes backwards when a tick arrives late or early", () => {
    const clock = new TickClock();
    let shown: number[] = [];
    clock.set(0, 100, 0);
    for (let tick = 1; tick < 30; tick++) {
      // Jittery delivery: ticks arrive 70 to 130 ms apart.
      const at = tick * 100 + (tick % 2 ? 30 : -30);
      shown = shown.concat(frames(clock, (tick - 1) * 100 + 1, at - 1));
      clock.set(tick, 100, at);
    }
    for (let i = 1; i < shown.length; i++) expect(shown[i]!).toBeGreaterThanOrEqual(shown[i - 1]!);
    expect(shown[shown.length - 1]!).toBeGreaterThan(27);
  });

  it("stops ahead of the last tick heard when the room goes quiet", () => {
    const clock = new TickClock();
    clock.set(5, 100, 0);
    const shown = frames(clock, 0, 2000);
    expect(shown[shown.length - 1]!).toBeLessThanOrEqual(6.5);
  });

  it("jumps at once to a far tick (a seek or a late join)", () => {
    const clock = new TickClock();
    clock.set(5, 100, 0);
    clock.advance(10);
    clock.set(200, 100, 20);
    expect(clock.advance(20)).toBe(200);
    clock.set(50, 100, 30);
    expect(clock.advance(30)).toBe(50);
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
