import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { applyPlayerCommand, createRound, requestDrain, stepRound } from "../sim/round.js";
import { simulate } from "../sim/simulate.js";
import { parseLog } from "./log.js";
import { resimulate } from "./resimulate.js";

function logOf(scenario: string, variant: string, seed: number, teams = 2): string {
  const lines: string[] = [];
  simulate({ scenario, variant, seed, teams }, (l) => lines.push(l));
  return lines.join("\n") + "\n";
}

describe("resimulate", () => {
  it.each([
    ["t2-queues-topics", "topic"],
    ["t4-duplicates", "naive"],
    ["t5-dual-writes", "fixed"],
    ["t9-end-to-end", "chaos"],
  ])("re-simulating the logged commands of %s %s reproduces every logged event", (scenario, variant) => {
    const parsed = parseLog(logOf(scenario, variant, 11));
    const result = resimulate(parsed.header!, parsed.events);
    expect(result.divergence).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.eventsCompared).toBe(parsed.events.length);
  });

  it("names the first divergence when a logged outcome was tampered with", () => {
    const parsed = parseLog(logOf("t3-lost-messages", "fixed", 3, 1));
    const at = parsed.events.findIndex((e) => e.type === "applied");
    const events = parsed.events.slice();
    events[at] = { ...(events[at] as Emitted & { balance: number }), balance: 999999 } as Emitted;
    const result = resimulate(parsed.header!, events);
    expect(result.ok).toBe(false);
    expect(result.divergence?.index).toBe(at);
    expect(result.divergence?.expected).toContain("999999");
  });

  it("detects an event that was never produced", () => {
    const parsed = parseLog(logOf("t3-lost-messages", "fixed", 3, 1));
    const extra = [...parsed.events, { ...parsed.events[parsed.events.length - 1], type: "linkHealed", link: "P1>B" } as Emitted];
    expect(resimulate(parsed.header!, extra).ok).toBe(false);
  });

  it("accepts a log cut short mid-tick (a crash): everything it holds matches", () => {
    const parsed = parseLog(logOf("t4-duplicates", "naive", 3, 2));
    const cut = parsed.events.slice(0, Math.floor(parsed.events.length / 2));
    const at = cut.findIndex((e, i) => i > 0 && e.tick === cut[i - 1].tick && e.type !== "command");
    const result = resimulate(parsed.header!, cut.slice(0, at + 1));
    expect(result.ok).toBe(true);
    expect(result.eventsCompared).toBe(at + 1);
  });

  it("says so when the log comes from another engine version", () => {
    const parsed = parseLog(logOf("t3-lost-messages", "naive", 3, 1));
    const result = resimulate({ ...parsed.header!, engineVersion: "0.0.1" }, parsed.events);
    expect(result.versionNote).toMatch(/0\.0\.1/);
  });

  it("replays a live round: people's commands applied between ticks, a host fault, an early end", () => {
    const round = createRound({
      scenario: "t4-duplicates",
      variant: "naive",
      seed: 8,
      teams: 2,
      players: [
        { team: 1, seat: "P1", name: "Ana" },
        { team: 0, seat: "C1", name: "Bia" },
      ],
    });
    const events: Emitted[] = [];
    for (let i = 0; round.phase !== "over"; i++) {
      if (i % 7 === 0) events.push(...applyPlayerCommand(round, 1, { seat: "P1", action: "send" }));
      if (i % 5 === 0) {
        const inbox = round.teams[0].consumers[0].inbox;
        if (inbox[0]) events.push(...applyPlayerCommand(round, 0, { seat: "C1", action: inbox[0].processed ? "ack" : "process", token: inbox[0].token.id }));
      }
      if (i === 300) events.push(...applyPlayerCommand(round, 0, { seat: "host", action: "fault", fault: { kind: "crash", node: "B", ticks: 20 } }));
      if (i === 500) {
        events.push(...applyPlayerCommand(round, 1, { seat: "P1", action: "retry", msgId: "P1-1" }));
        requestDrain(round);
      }
      events.push(...stepRound(round));
    }
    expect(events.some((e) => e.type === "fault" && e.source === "host")).toBe(true);
    const result = resimulate(round.header, events);
    expect(result.divergence).toBeNull();
    expect(result.eventsCompared).toBe(events.length);
  });
});
