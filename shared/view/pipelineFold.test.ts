import { describe, expect, it } from "vitest";
import { createRound, stepRound } from "../sim/round.js";
import { applyEvent, emptyFold } from "./pipelineFold.js";

describe("pipeline fold", () => {
  it("folded from events alone, it matches the engine's queues, inboxes and node status at every tick", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "fixed", seed: 4, teams: 1 });
    const fold = emptyFold();
    let checked = 0;
    while (round.phase !== "over") {
      for (const e of stepRound(round)) applyEvent(fold, e);
      const s = round.teams[0];
      const t = fold.teams.get(0);
      if (!t) continue;
      for (const sub of s.broker.subscriptions)
        expect(t.queued[sub.name] ?? 0, `tick ${s.tick} ${sub.name}`).toBe(sub.partitions.reduce((n, q) => n + q.length, 0));
      for (const c of s.consumers) {
        expect(t.inbox[c.id] ?? 0, `tick ${s.tick} ${c.id}`).toBe(c.inbox.length);
        expect(c.id in t.down, `tick ${s.tick} ${c.id} down`).toBe(!c.up);
      }
      expect("B" in t.down).toBe(!s.broker.up);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
