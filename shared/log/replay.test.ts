import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { simulate } from "../sim/simulate.js";
import { parseLog } from "./log.js";
import { replay } from "./replay.js";

function logOf(scenario: string, variant: string, seed: number, teams = 2): string {
  const lines: string[] = [];
  simulate({ scenario, variant, seed, teams }, (l) => lines.push(l));
  return lines.join("\n") + "\n";
}

describe("replay", () => {
  it.each([
    ["t2-queues-topics", "topic"],
    ["t4-duplicates", "naive"],
    ["t5-dual-writes", "fixed"],
    ["t9-end-to-end", "chaos"],
  ])("re-simulating the logged commands of %s %s reproduces every logged event", (scenario, variant) => {
    const parsed = parseLog(logOf(scenario, variant, 11));
    const result = replay(parsed.header!, parsed.events);
    expect(result.divergence).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.eventsCompared).toBe(parsed.events.length);
  });

  it("names the first divergence when a logged outcome was tampered with", () => {
    const parsed = parseLog(logOf("t3-lost-messages", "fixed", 3, 1));
    const at = parsed.events.findIndex((e) => e.type === "applied");
    const events = parsed.events.slice();
    events[at] = { ...(events[at] as Emitted & { balance: number }), balance: 999999 } as Emitted;
    const result = replay(parsed.header!, events);
    expect(result.ok).toBe(false);
    expect(result.divergence?.index).toBe(at);
    expect(result.divergence?.expected).toContain("999999");
  });

  it("detects a log cut short and an event that was never produced", () => {
    const parsed = parseLog(logOf("t3-lost-messages", "fixed", 3, 1));
    const extra = [...parsed.events, { ...parsed.events[parsed.events.length - 1], type: "linkHealed", link: "P1>B" } as Emitted];
    expect(replay(parsed.header!, extra).ok).toBe(false);
  });

  it("says so when the log comes from another engine version", () => {
    const parsed = parseLog(logOf("t3-lost-messages", "naive", 3, 1));
    const result = replay({ ...parsed.header!, engineVersion: "0.0.1" }, parsed.events);
    expect(result.versionNote).toMatch(/0\.0\.1/);
  });
});
