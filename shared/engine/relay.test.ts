import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

const commit = { seat: "P1", action: "commitOutbox" } as const;
const relayPublishes = (h: Harness) =>
  h
    .of("hop")
    .filter((e) => e.kind === "publish")
    .map((e) => ({ tick: e.tick, msgId: e.msgId }));

describe("outbox relay", () => {
  it("polling: a row committed after a poll waits for the next one", () => {
    const h = new Harness(testConfig({ producer: { write: "outbox", relayPollTicks: 5 } }));
    h.step(commit);
    h.step(commit);
    h.run(10);
    const sent = relayPublishes(h);
    expect(sent).toEqual([
      { tick: 0, msgId: "P1-1" },
      { tick: 5, msgId: "P1-2" },
    ]);
  });

  it("CDC: a row goes out the tick it commits, the next only once the previous is confirmed", () => {
    const h = new Harness(testConfig({ producer: { write: "outbox", relay: "cdc", relayPollTicks: 5 } }));
    h.run(1);
    h.step(commit, commit);
    const sent = relayPublishes(h);
    expect(sent).toEqual([{ tick: 1, msgId: "P1-1" }]);
    h.run(20);
    const confirmed = h.of("acknowledged").find((e) => e.msgId === "P1-1")!;
    const second = relayPublishes(h).find((x) => x.msgId === "P1-2")!;
    expect(second.tick).toBeGreaterThanOrEqual(confirmed.tick);
    expect(second.tick).toBeLessThanOrEqual(confirmed.tick + 1);
  });

  it("CDC keeps commit order when a publish is lost: the lost row goes again before any later one", () => {
    const h = new Harness(testConfig({ producer: { write: "outbox", relay: "cdc", ackTimeoutTicks: 10 } }));
    h.run(1);
    h.step({ seat: "host", action: "fault", fault: { kind: "dropNextToken", link: "P1>B" } }, commit, commit, commit);
    h.run(60);
    const accepted = h.of("accepted").map((e) => e.msgId);
    expect(accepted).toEqual(["P1-1", "P1-2", "P1-3"]);
    expect(h.of("dropped").filter((e) => e.kind === "publish")).toHaveLength(1);
    expect(h.s.producers[0].outbox).toHaveLength(0);
  });

  it("CDC after a producer crash: the log is read again from its oldest unconfirmed row", () => {
    const h = new Harness(
      testConfig({ producer: { write: "outbox", relay: "cdc" }, network: { confirm: { latencyTicks: 30, jitterTicks: 0, loss: 0, ordered: true } } }),
    );
    h.run(1);
    h.step(commit, commit);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "P1", ticks: 3 } });
    h.run(120);
    const accepted = h.of("accepted").map((e) => e.msgId);
    expect(accepted.length).toBeGreaterThan(2);
    expect(accepted).toEqual([...accepted].sort());
    expect(h.s.producers[0].outbox).toHaveLength(0);
  });
});
