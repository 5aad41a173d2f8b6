import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { runRound } from "../sim/round.js";
import { check, type Anomaly } from "./checker.js";
import type { Cause } from "./causes.js";
import { groupAnomalies } from "./groups.js";

const cause = (code: Cause["code"], tick: number): Cause => ({ code, tick, end: "producer", chain: [] });
const anomaly = (team: number, msgId: string, code: Cause["code"], tick: number): Anomaly => ({
  kind: "lost",
  team,
  msgId,
  subscription: "q",
  key: "k",
  seq: 1,
  cause: cause(code, tick),
});

describe("groupAnomalies", () => {
  it("puts each anomaly in the group of its cause, largest first, with its teams and its earliest anomaly", () => {
    const groups = groupAnomalies([
      anomaly(2, "P1-1", "linkLoss", 40),
      anomaly(0, "P1-2", "neverRetried", 30),
      anomaly(1, "P1-3", "linkLoss", 12),
      anomaly(2, "P1-4", "linkLoss", 12),
      anomaly(1, "P1-5", "neverRetried", 50),
      anomaly(0, "P1-6", "brokerCrashNotDurable", 5),
    ]);
    expect(groups.map((g) => [g.code, g.count, g.teams])).toEqual([
      ["linkLoss", 3, [1, 2]],
      ["neverRetried", 2, [0, 1]],
      ["brokerCrashNotDurable", 1, [0]],
    ]);
    expect(groups[0].first).toEqual({ team: 1, tick: 12, msgId: "P1-3" });
    expect(groups[0].sample.tick).toBe(12);
    expect(groupAnomalies([])).toEqual([]);
  });

  it("counts every anomaly of a real round once: the groups add up to the total", () => {
    const events: Emitted[] = [];
    const round = runRound({ scenario: "t9-end-to-end", variant: "chaos", seed: 3, teams: 3 }, (tick) => events.push(...tick));
    const report = check(round.header, events);
    const groups = groupAnomalies(report.anomalies);
    expect(report.anomalies.length).toBeGreaterThan(10);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(report.anomalies.length);
    expect(new Set(groups.map((g) => g.code)).size).toBe(groups.length);
    for (let i = 1; i < groups.length; i++) expect(groups[i - 1].count).toBeGreaterThanOrEqual(groups[i].count);
    for (const g of groups) {
      const members = report.anomalies.filter((a) => a.cause.code === g.code);
      expect(g.first.tick).toBe(Math.min(...members.map((a) => a.cause.tick)));
      expect(g.teams).toEqual([...new Set(members.map((a) => a.team))].sort());
    }
  });
});
