import { describe, expect, it } from "vitest";
import { TICK_MS } from "../engine/config.js";
import { formatTick, formatTickFine } from "./format.js";

describe("round time", () => {
  it("names a tick as m:ss of round time, with the engine's tick length unless told another", () => {
    expect(formatTick(0)).toBe("0:00");
    expect(formatTick(Math.round(75_000 / TICK_MS))).toBe("1:15");
    expect(formatTick(30, 1000)).toBe("0:30");
    expect(formatTick(-5)).toBe("0:00");
  });

  it("adds the tenth of a second where it matters", () => {
    expect(formatTickFine(Math.round(61_300 / TICK_MS))).toBe("1:01.3");
  });
});
