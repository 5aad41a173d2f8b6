import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { resimulate } from "../log/resimulate.js";
import { createRound, stepRound } from "./round.js";
import { restoreRound } from "./restore.js";

describe("restoreRound", () => {
  it("rebuilds a crashed round from its log; the continued log (old events + new) replays exactly", () => {
    const round = createRound({ scenario: "t8-exactly-once", variant: "fixed", seed: 4, teams: 2, gameId: "G1" });
    const events: Emitted[] = [];
    while (round.tick < 400) events.push(...stepRound(round));
    // The crash tore the last tick: only part of its events reached the log.
    const lastTick = events[events.length - 1].tick;
    const cut = events.slice(0, events.findIndex((e) => e.tick === lastTick) + 1);
    const restored = restoreRound(round.header, cut, "G2");
    expect(restored).not.toBeNull();
    const r = restored!.round;
    expect(r.header).toMatchObject({ gameId: "G2", restoredFrom: "G1" });
    expect(r.tick).toBe(lastTick);
    const continued = [...restored!.kept];
    while (r.phase !== "over") continued.push(...stepRound(r));
    expect(resimulate(r.header, continued).divergence).toBeNull();
  });

  it("refuses a finished round, an empty log and another engine's log", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 1, teams: 1, roundTicks: 30 });
    const events: Emitted[] = [];
    while (round.phase !== "over") events.push(...stepRound(round));
    expect(restoreRound(round.header, events, "X")).toBeNull();
    expect(restoreRound(round.header, [], "X")).toBeNull();
    expect(restoreRound({ ...round.header, engineVersion: "0.1" }, events.slice(0, 10), "X")).toBeNull();
  });
});
