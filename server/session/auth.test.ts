import { describe, expect, it } from "vitest";
import { hashToken, newHostToken, newResumeToken, tokenMatches } from "./auth.js";

describe("tokens", () => {
  it("match their own hash only, and never outside the accepted lengths", () => {
    const token = newHostToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newResumeToken()).not.toBe(newResumeToken());
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(newHostToken(), hash)).toBe(false);
    expect(tokenMatches(token, "not a hash")).toBe(false);
    for (const bad of [undefined, 42, "", "short", "x".repeat(257)]) expect(tokenMatches(bad, hashToken(String(bad)))).toBe(false);
  });
});
