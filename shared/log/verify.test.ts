import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { headerDisagreements, summaryDisagreements } from "./verify.js";

const round = simulate({ scenario: "t3-lost-messages", variant: "naive", seed: 4, teams: 2 });
const line = () => JSON.parse(JSON.stringify({ type: "summary", ...round.summary, perTeam: round.report.teams })) as Record<string, unknown>;

describe("verify", () => {
  it("a simulated round's header and summary agree with its configuration and a recount", () => {
    expect(headerDisagreements(round.header)).toEqual([]);
    expect(summaryDisagreements(line(), round.summary, round.report)).toEqual([]);
  });

  it("names a forged total, a forged team count, and a missing perTeam", () => {
    const forged = { ...line(), lost: 0 };
    expect(round.summary.lost).toBeGreaterThan(0);
    expect(summaryDisagreements(forged, round.summary, round.report)).toEqual([`summary lost: 0, recounted ${round.summary.lost}`]);
    const team = line();
    (team.perTeam as Record<string, unknown>[])[1].score = 9999;
    expect(summaryDisagreements(team, round.summary, round.report)[0]).toMatch(/^summary perTeam\[1\]\.score: 9999/);
    const { perTeam: _, ...bare } = line();
    expect(summaryDisagreements(bare, round.summary, round.report)).toEqual(["summary perTeam: no teams, recounted 2"]);
  });

  it("accepts a line written before the conflicts count existed when the recount is 0, and not a forged one", () => {
    const old = line();
    delete old.conflicts;
    for (const t of old.perTeam as Record<string, unknown>[]) delete t.conflicts;
    expect(summaryDisagreements(old, round.summary, round.report)).toEqual([]);
    const conflicted = { ...round.summary, conflicts: 3 };
    expect(summaryDisagreements(old, conflicted, round.report)).toEqual(["summary conflicts: undefined, recounted 3"]);
    expect(summaryDisagreements({ ...line(), conflicts: 2 }, round.summary, round.report)).toEqual(["summary conflicts: 2, recounted 0"]);
  });

  it("accepts a line written before the parked count existed (nor conflicts) when the recount is 0, and not a forged one", () => {
    const old = line();
    for (const l of [old, ...(old.perTeam as Record<string, unknown>[])]) {
      delete l.conflicts;
      delete l.parked;
    }
    expect(summaryDisagreements(old, round.summary, round.report)).toEqual([]);
    expect(summaryDisagreements(old, { ...round.summary, parked: 4 }, round.report)).toEqual(["summary parked: undefined, recounted 4"]);
    expect(summaryDisagreements({ ...line(), parked: 1 }, round.summary, round.report)).toEqual(["summary parked: 1, recounted 0"]);
  });

  it("names a team whose subscriptions or seats are not the configuration's, and a team numbered out of turn", () => {
    const header = structuredClone(round.header);
    header.teams[1].subscriptions = ["billing"];
    header.teams[0].players = header.teams[0].players.slice(1);
    header.teams[1].team = 5;
    const problems = headerDisagreements(header);
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/team 1: subscriptions \[billing\]/);
    expect(problems.join("\n")).toMatch(/team 0: players' seats/);
    expect(problems.join("\n")).toMatch(/team 1 of the header is numbered 5/);
  });
});
