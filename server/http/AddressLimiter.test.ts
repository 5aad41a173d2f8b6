import { describe, expect, it } from "vitest";
import { AddressLimiter } from "./AddressLimiter.js";

describe("AddressLimiter", () => {
  it("allows perMinute requests per address per sliding minute", () => {
    let now = 0;
    const limiter = new AddressLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.allow("1.2.3.4"))).toEqual([true, true, true, false]);
    expect(limiter.allow("5.6.7.8")).toBe(true);
    now += 61_000;
    expect(limiter.allow("1.2.3.4")).toBe(true);
  });
});
