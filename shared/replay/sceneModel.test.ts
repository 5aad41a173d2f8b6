import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { createRound, stepRound } from "../sim/round.js";
import { simulate } from "../sim/simulate.js";
import { indexLog, seek } from "./replayIndex.js";
import { markersBetween, sceneMarkers, teamModelAt } from "./sceneModel.js";

const log = simulate({ scenario: "t9-end-to-end", variant: "chaos", seed: 4, teams: 3 });

describe("scene model", () => {
  it("matches the engine's nodes (up, queue, inbox, producer stack) at every tick of a round", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 6, teams: 2 });
    const events: Emitted[] = [];
    const states: { tick: number; up: Record<string, boolean>; load: Record<string, number> }[] = [];
    while (round.phase !== "over") {
      events.push(...stepRound(round));
      const s = round.teams[1];
      const up: Record<string, boolean> = { B: s.broker.up };
      const load: Record<string, number> = { B: s.broker.subscriptions.reduce((n, sub) => n + sub.partitions.reduce((m, q) => m + q.length, 0), 0) };
      for (const p of s.producers) {
        up[p.id] = p.up;
        load[p.id] = p.stack.length;
      }
      for (const c of s.consumers) {
        up[c.id] = c.up;
        load[c.id] = c.inbox.length;
      }
      states.push({ tick: s.tick - 1, up, load });
    }
    const idx = indexLog(round.header, events);
    for (const expected of states.filter((_, i) => i % 7 === 0)) {
      const model = teamModelAt(idx, seek(idx, expected.tick), 1);
      for (const node of model.nodes) {
        expect(node.up, `tick ${expected.tick} ${node.id} up`).toBe(expected.up[node.id]);
        expect(node.load, `tick ${expected.tick} ${node.id} load`).toBe(expected.load[node.id]);
      }
    }
  });

  it("flags duplicates and out-of-order applications where they happen", () => {
    const markers = sceneMarkers(log.events);
    const dups = [...markers.values()].flat().filter((m) => m.kind === "dup").length;
    expect(dups).toBe(log.report.totals.extraApplications);
    const team0 = markers.get(0) ?? [];
    const between = markersBetween(team0, 100, 300);
    expect(between.every((m) => m.tick > 100 && m.tick <= 300)).toBe(true);
    expect(between.length).toBe(team0.filter((m) => m.tick > 100 && m.tick <= 300).length);
  });
});
