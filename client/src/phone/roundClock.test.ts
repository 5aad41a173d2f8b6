import { describe, expect, it } from "vitest";
import { formatClock, secondsLeft } from "./roundClock.js";

describe("the round's clock", () => {
  const sync = { phase: "running", tick: 200, roundTicks: 1200, at: 1000 };

  it("counts down from the last synced tick, guessing at most a second past it", () => {
    expect(secondsLeft(sync, 1000)).toBe(100);
    expect(secondsLeft(sync, 1450)).toBe(100);
    expect(secondsLeft(sync, 1950)).toBe(100);
    expect(secondsLeft(sync, 2000)).toBe(99);
    expect(secondsLeft(sync, 60_000)).toBe(99);
  });

  it("stands still while paused, shows the whole round during the countdown, nothing otherwise", () => {
    expect(secondsLeft({ ...sync, phase: "paused" }, 60_000)).toBe(100);
    expect(secondsLeft({ ...sync, phase: "countdown", tick: 0 }, 0)).toBe(120);
    for (const phase of ["lobby", "draining", "over"]) expect(secondsLeft({ ...sync, phase }, 1000)).toBeNull();
    expect(secondsLeft({ ...sync, tick: 1300 }, 1000)).toBe(0);
  });

  it("reads as minutes and seconds", () => {
    expect([0, 9, 65, 600].map(formatClock)).toEqual(["0:00", "0:09", "1:05", "10:00"]);
  });
});
