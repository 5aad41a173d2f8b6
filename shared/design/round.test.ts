import { describe, expect, it } from "vitest";
import { check } from "../checker/checker.js";
import { headerDisagreements } from "../log/verify.js";
import { resimulate } from "../log/resimulate.js";
import { createRound, RoundError } from "../sim/round.js";
import { simulate } from "../sim/simulate.js";
import { applyDesign } from "./apply.js";
import { CAREFUL_DESIGN, NAIVE_DESIGN, parseDesign } from "./settings.js";
import { teamConfig } from "./teamConfig.js";

const options = { scenario: "t9-end-to-end", variant: "design", seed: 5, teams: 3 };

describe("a design round", () => {
  it("plays each team's design, writes it in the header, and gives the others their bots' design", () => {
    const durable = { ...CAREFUL_DESIGN, storage: "durable" as const };
    const round = createRound({ ...options, designs: [durable, undefined] });
    expect(round.header.teams.map((t) => t.design)).toEqual([durable, NAIVE_DESIGN, NAIVE_DESIGN]);
    expect(round.teams[0].config).toEqual(applyDesign(round.header.config, durable));
    expect(teamConfig(round.header, 0)).toEqual(round.teams[0].config);
    expect(teamConfig(round.header, 2)).toEqual(round.teams[2].config);
    expect(createRound({ ...options, strategy: "careful" }).header.teams.map((t) => t.design)).toEqual([CAREFUL_DESIGN, CAREFUL_DESIGN, CAREFUL_DESIGN]);
    // Other rounds carry no design.
    expect(createRound({ ...options, variant: "chaos" }).header.teams[0].design).toBeUndefined();
  });

  it("refuses designs elsewhere, malformed ones, and more designs than teams", () => {
    expect(() => createRound({ ...options, variant: "chaos", designs: [CAREFUL_DESIGN] })).toThrow(RoundError);
    expect(() => createRound({ ...options, designs: [{ ...CAREFUL_DESIGN, ack: "never" } as never] })).toThrow(/not a design/);
    expect(() => createRound({ ...options, teams: 1, designs: [CAREFUL_DESIGN, CAREFUL_DESIGN] })).toThrow(/2 designs for 1 teams/);
  });

  it("re-simulates exactly, and the checks agree with its header", () => {
    const r = simulate({ ...options, designs: [CAREFUL_DESIGN, { ...CAREFUL_DESIGN, routing: "queue", keyLock: "off" }], roundTicks: 800 });
    expect(resimulate(r.header, r.events)).toMatchObject({ ok: true, divergence: null });
    expect(headerDisagreements(r.header)).toEqual([]);
    expect(check(r.header, r.events).totals).toEqual(r.report.totals);
    const forged = { ...r.header, teams: r.header.teams.map((t, i) => (i === 1 ? { ...t, design: { ...CAREFUL_DESIGN, storage: "tape" } as never } : t)) };
    expect(headerDisagreements(forged)).toEqual(["team 1: its design is not one the design round offers"]);
    // A log whose design was changed no longer re-simulates.
    const swapped = { ...r.header, teams: r.header.teams.map((t, i) => (i === 0 ? { ...t, design: NAIVE_DESIGN } : t)) };
    expect(resimulate(swapped, r.events).ok).toBe(false);
  });

  it("reads designs from their compact form", () => {
    expect(parseDesign("naive")).toEqual(NAIVE_DESIGN);
    expect(parseDesign("careful")).toEqual(CAREFUL_DESIGN);
    expect(parseDesign("careful,storage=durable")).toEqual({ ...CAREFUL_DESIGN, storage: "durable" });
    expect(parseDesign("ack=afterProcessing, keyLock=on")).toEqual({ ...NAIVE_DESIGN, ack: "afterProcessing", keyLock: "on" });
    expect(parseDesign("storage=paper")).toMatch(/no value paper/);
    expect(parseDesign("colour=red")).toMatch(/not setting=value/);
  });
});
