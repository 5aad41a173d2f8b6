import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { findMessage, followMessage, messageIds } from "./follow.js";
import { indexLog } from "./replayIndex.js";
import { messageSequence, windowSequence } from "./sequence.js";

const log = simulate({ scenario: "t4-duplicates", variant: "naive", seed: 3, teams: 2 });
const index = indexLog(log.header, log.events);
const duplicate = index.anomalies.find((a) => a.kind === "duplicated" && a.cause.code === "dupProducerRetry");

describe("follow a message", () => {
  it("lists every log line of the business event in its team, in order, except inbox bookkeeping", () => {
    const team = 1;
    const msgId = messageIds(index, team)[5];
    const expected = log.events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.team === team && (e as { msgId?: string }).msgId === msgId && e.type !== "inboxLeft");
    const result = followMessage(index, team, msgId);
    expect(result.steps.map((s) => s.index)).toEqual(expected.map(({ i }) => i));
    expect(result.steps.map((s) => s.tick)).toEqual(expected.map(({ e }) => e.tick));
    expect(result.steps[0].kind).toBe("committed");
  });

  it("shows a producer retry's duplicate: the retry hop, two applications in one subscription, the tokens that carried it", () => {
    expect(duplicate, "t4 naive seed 3 has a duplicate from a retry").toBeDefined();
    const a = duplicate!;
    const result = followMessage(index, a.team, a.msgId);
    const kinds = result.steps.map((s) => s.kind);
    expect(kinds).toContain("retry");
    expect(kinds).toContain("duplicate");
    expect(result.retries).toBeGreaterThanOrEqual(1);
    const inSub = result.steps.filter((s) => (s.kind === "applied" || s.kind === "duplicate") && s.subscription === a.subscription);
    expect(inSub.map((s) => s.kind)).toEqual(["applied", ...inSub.slice(1).map(() => "duplicate")]);
    expect(inSub.length).toBeGreaterThanOrEqual(2);
    expect(inSub[1].harmful).toBe(true);
    expect(inSub[1].tick).toBeGreaterThanOrEqual(a.cause.tick); // the cause's tick is the lost confirm, before the second application
    const publishes = result.steps.filter((s) => s.kind === "hop" || s.kind === "retry").filter((s) => s.packet === "publish");
    expect(publishes.length).toBeGreaterThanOrEqual(2);
    for (const p of publishes) expect(result.tokens).toContain(p.token);
    for (const s of result.steps.filter((s) => s.kind === "hop" || s.kind === "retry")) {
      expect(s.from && s.to && s.link).toBeTruthy();
      expect(s.arrive!).toBeGreaterThanOrEqual(s.tick);
    }
  });

  it("finds a typed msgId whatever its case, and nothing for an unknown one", () => {
    const id = messageIds(index, 0)[0];
    expect(findMessage(index, 0, ` ${id.toLowerCase()} `)).toBe(id);
    expect(findMessage(index, 0, "Z9-999")).toBeNull();
    expect(followMessage(index, 0, "Z9-999").steps).toEqual([]);
  });
});

describe("sequence diagram", () => {
  it("draws one arrow per hop and per drop of the followed message, in lanes left to right", () => {
    const a = duplicate!;
    const result = followMessage(index, a.team, a.msgId);
    const diagram = messageSequence(index, a.team, a.msgId);
    expect(diagram.lanes).toEqual(["P1", "B", "C1", "C2"]);
    const hops = result.steps.filter((s) => s.kind === "hop" || s.kind === "retry").length;
    const drops = result.steps.filter((s) => s.kind === "dropped").length;
    const droppedOnArrival = diagram.arrows.filter((x) => x.dropped === "arrival").length;
    expect(diagram.arrows.length).toBe(hops + drops - droppedOnArrival);
    expect(diagram.arrows.filter((x) => x.dropped !== "no").length).toBe(drops);
    expect(diagram.marks.filter((m) => m.kind === "duplicate").length).toBeGreaterThanOrEqual(1);
    for (const arrow of diagram.arrows) {
      expect(diagram.rows).toContain(arrow.sent);
      expect(diagram.rows).toContain(arrow.arrive);
    }
    expect([...diagram.rows].sort((x, y) => x - y)).toEqual(diagram.rows);
  });

  it("draws a time window of a team, capped", () => {
    const all = windowSequence(index, 0, 0, 100, 1000);
    expect(all.truncated).toBe(false);
    expect(all.arrows.length).toBe(
      log.events.filter((e) => e.team === 0 && e.tick <= 100 && e.type === "hop").length + all.arrows.filter((x) => x.dropped === "sending").length,
    );
    const capped = windowSequence(index, 0, 0, index.lastTick, 10);
    expect(capped.arrows.length).toBe(10);
    expect(capped.truncated).toBe(true);
  });
});
