import { describe, expect, it } from "vitest";
import { RateLimiter } from "./RateLimiter.js";

describe("RateLimiter", () => {
  it("allows a burst, then the steady rate, per client", () => {
    let now = 0;
    const limiter = new RateLimiter(5, 10, () => now);
    let allowed = 0;
    for (let i = 0; i < 30; i++) if (limiter.take("a")) allowed++;
    expect(allowed).toBe(10);
    expect(limiter.take("b")).toBe(true);
    now += 1000;
    allowed = 0;
    for (let i = 0; i < 30; i++) if (limiter.take("a")) allowed++;
    expect(allowed).toBe(5);
  });
});
