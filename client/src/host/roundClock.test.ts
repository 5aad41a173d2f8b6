import { describe, expect, it } from "vitest";
import { clockText, timeLeftMs } from "./roundClock.js";

describe("the round timer", () => {
  it("counts down from the round's length, running on between syncs", () => {
    expect(timeLeftMs({ phase: "countdown", tick: 0, roundTicks: 1200 }, 400, 100)).toBe(120_000);
    expect(timeLeftMs({ phase: "running", tick: 300, roundTicks: 1200 }, 0, 100)).toBe(90_000);
    expect(timeLeftMs({ phase: "running", tick: 300, roundTicks: 1200 }, 450, 100)).toBe(89_550);
    // A late sync does not run the clock away.
    expect(timeLeftMs({ phase: "running", tick: 300, roundTicks: 1200 }, 60_000, 100)).toBe(89_000);
    expect(timeLeftMs({ phase: "running", tick: 1199, roundTicks: 1200 }, 900, 100)).toBe(0);
  });

  it("stands still while paused, and shows no clock in the lobby, the drain or after the round", () => {
    expect(timeLeftMs({ phase: "paused", tick: 600, roundTicks: 1200 }, 5000, 100)).toBe(60_000);
    for (const phase of ["lobby", "draining", "over"]) expect(timeLeftMs({ phase, tick: 1200, roundTicks: 1200 }, 0, 100)).toBeNull();
  });

  it("writes minutes and seconds, rounding up", () => {
    expect(clockText(245_000)).toBe("4:05");
    expect(clockText(59_001)).toBe("1:00");
    expect(clockText(0)).toBe("0:00");
  });
});
