import { describe, expect, it } from "vitest";
import { Metrics } from "./metrics.js";

describe("metrics", () => {
  it("counts messages per second over the last ten whole seconds, and forgets older ones", () => {
    const m = new Metrics();
    const t0 = 1_000_000_000_000;
    for (let s = 0; s < 15; s++) for (let i = 0; i < 3; i++) m.message(t0 + s * 1000 + i);
    expect(m.messagesPerSecond(t0 + 15_000)).toBe(3);
    expect(m.messagesPerSecond(t0 + 20_000)).toBe(1.5);
    expect(m.messagesPerSecond(t0 + 60_000)).toBe(0);
    expect(m.render()).toMatch(/exactly_once_messages_total 45/);
  });

  it("puts action-to-patch times in their buckets", () => {
    const m = new Metrics();
    for (let i = 0; i < 99; i++) m.actionToPatch(3);
    m.actionToPatch(120);
    expect(m.actionPercentile(50)).toBe(5);
    expect(m.actionPercentile(100)).toBe(150);
  });
});
