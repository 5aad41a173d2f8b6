import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { CATALOGUE } from "../scenarios/catalogue.js";
import { createRound, RoundError, runRound, stepRound } from "./round.js";

describe("round", () => {
  it.each(CATALOGUE.flatMap((s) => s.variants.map((v) => [s.id, v.id])))("a bots-only round of %s %s plays to its end and drains", (scenario, variant) => {
    const round = runRound({ scenario, variant, seed: 9, teams: 2 });
    expect(round.phase).toBe("over");
    expect(round.tick).toBeGreaterThanOrEqual(round.header.config.roundTicks);
    expect(round.tick).toBeLessThanOrEqual(round.header.config.roundTicks + round.header.config.maxDrainTicks + 1);
  });

  it("bots leave the seats people hold, and take every seat during the drain", () => {
    const round = createRound({
      scenario: "t3-lost-messages",
      variant: "fixed",
      seed: 1,
      teams: 1,
      roundTicks: 50,
      players: [{ team: 0, seat: "P1", name: "Ana" }],
    });
    expect(round.header.teams[0].players.find((p) => p.seat === "P1")?.name).toBe("Ana");
    const during: string[] = [];
    while (round.tick < 50) for (const e of stepRound(round)) if (e.type === "command") during.push(e.command.seat);
    expect(during).not.toContain("P1");
    expect(during.filter((s) => s.startsWith("C")).length).toBe(0); // nothing was sent, so nothing to consume
    const human = new Map([[0, [{ seat: "P1", action: "send" as const }]]]);
    const drain = stepRound(round, human);
    expect(drain[0].type).toBe("drainStarted");
    expect(drain.some((e) => e.type === "committed")).toBe(false);
  });

  it("people's commands are applied at the tick they are given, and refused ones are logged with their reason", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 1, teams: 2, players: [{ team: 1, seat: "C1", name: "Bia" }] });
    const events = stepRound(round, new Map([[1, [{ seat: "C1", action: "ack" as const, token: 1 }]]]));
    const refused = events.find((e) => e.type === "commandRefused");
    expect(refused).toMatchObject({ team: 1, tick: 0, reason: { code: "notInVariant" } });
  });

  it("rejects unknown scenarios and bad team counts with a clear error", () => {
    expect(() => createRound({ scenario: "t0", variant: "naive", seed: 1, teams: 1 })).toThrow(RoundError);
    expect(() => createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 1, teams: 0 })).toThrow(/teams/);
    expect(() => createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 1.5, teams: 1 })).toThrow(/seed/);
  });

  it("every team of a round plays the same business events and the same fault plan", () => {
    const round = createRound({ scenario: "t8-exactly-once", variant: "fixed", seed: 2, teams: 3, strategy: "careful" });
    const stacks = round.teams.map((t) => JSON.stringify(t.producers.map((p) => p.stack)));
    expect(new Set(stacks).size).toBe(1);
    expect(round.teams[0].producers[0].stack).toHaveLength(60);
    const events: Emitted[] = [];
    while (round.phase !== "over") events.push(...stepRound(round));
    const perTeam = (type: "fault" | "committed") =>
      [0, 1, 2].map((team) =>
        events.filter((e) => e.team === team && e.type === type).map((e) => JSON.stringify({ ...e, team: 0, tick: type === "fault" ? e.tick : 0 })),
      );
    const faults = perTeam("fault");
    expect(faults[0]).toHaveLength(round.header.config.faults.length);
    expect(faults[1]).toEqual(faults[0]);
    expect(faults[2]).toEqual(faults[0]);
    const committed = perTeam("committed");
    expect(committed[0]).toHaveLength(60);
    expect(committed[1]).toEqual(committed[0]);
    expect(committed[2]).toEqual(committed[0]);
  });
});
