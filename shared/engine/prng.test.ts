import { describe, expect, it } from "vitest";
import { mixSeed, nextInt, nextRandom, partitionOf } from "./prng.js";

describe("prng", () => {
  it("the same seed gives the same sequence, in [0,1)", () => {
    const a = { rngState: 42 };
    const b = { rngState: 42 };
    for (let i = 0; i < 1000; i++) {
      const x = nextRandom(a);
      expect(x).toBe(nextRandom(b));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("nextInt covers its range roughly evenly", () => {
    const r = { rngState: mixSeed(1, "x") };
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[nextInt(r, 4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });

  it("mixSeed separates its inputs and partitionOf is stable", () => {
    expect(mixSeed(1, "a")).not.toBe(mixSeed(1, "b"));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(12));
    expect(partitionOf("ana", 6)).toBe(partitionOf("ana", 6));
    expect(partitionOf("ana", 6)).toBeLessThan(6);
  });
});
