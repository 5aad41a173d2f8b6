import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

describe("producer", () => {
  it("commits and publishes on send; the broker's confirm acknowledges it", () => {
    const h = new Harness(testConfig());
    h.step({ seat: "P1", action: "send" });
    h.run(10);
    expect(h.of("committed")).toHaveLength(1);
    expect(h.of("hop").filter((e) => e.kind === "publish")).toHaveLength(1);
    expect(h.of("acknowledged")).toHaveLength(1);
    expect(h.s.producers[0].sent[0].status).toBe("acknowledged");
  });

  it("times out without a confirm and retries only a timed-out publish", () => {
    const h = new Harness(testConfig({ network: { publish: { latencyTicks: 2, jitterTicks: 0, loss: 1, ordered: true } } }));
    h.step({ seat: "P1", action: "send" });
    const early = h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    expect(early.find((e) => e.type === "commandRefused")).toMatchObject({ reason: { code: "notTimedOut" } });
    h.run(25);
    expect(h.of("timedOut")).toHaveLength(1);
    h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    const hops = h.events.filter((e) => e.type === "dropped" && e.kind === "publish");
    expect(hops).toHaveLength(2);
    expect(h.of("committed")).toHaveLength(1);
  });

  it("refuses a retry in a variant without retries, and a send past maxInFlight", () => {
    const ff = new Harness(testConfig({ producer: { publish: "fireAndForget" } }));
    ff.step({ seat: "P1", action: "send" });
    expect(ff.step({ seat: "P1", action: "retry", msgId: "P1-1" })[0]).toMatchObject({ type: "commandRefused", reason: { code: "notInVariant" } });
    const h = new Harness(testConfig({ producer: { maxInFlight: 2 } }));
    h.step({ seat: "P1", action: "send" }, { seat: "P1", action: "send" });
    const third = h.step({ seat: "P1", action: "send" });
    expect(third[0]).toMatchObject({ type: "commandRefused", reason: { code: "tooManyInFlight" } });
  });

  it("wait-for-ack mode allows one publish at a time", () => {
    const h = new Harness(testConfig({ producer: { publish: "waitAck" } }));
    h.step({ seat: "P1", action: "send" });
    expect(h.step({ seat: "P1", action: "send" })[0]).toMatchObject({ reason: { code: "waitingForAck" } });
    h.run(8);
    expect(h.step({ seat: "P1", action: "send" })[0].type).toBe("command");
  });

  it("a crash forgets pending publishes and refuses actions while down", () => {
    const h = new Harness(testConfig({ network: { confirm: { latencyTicks: 50, jitterTicks: 0, loss: 0, ordered: true } } }));
    h.step({ seat: "P1", action: "send" });
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "P1", ticks: 5 } });
    expect(h.of("forgotten")).toHaveLength(1);
    expect(h.step({ seat: "P1", action: "send" })[0]).toMatchObject({ reason: { code: "nodeDown" } });
    h.run(6);
    expect(h.of("restarted")).toHaveLength(1);
    expect(h.s.producers[0].sent).toHaveLength(0);
  });

  it("dual write: save then publish are two commands, a crash between them leaves the DB alone", () => {
    const h = new Harness(testConfig({ producer: { write: "dualWrite" } }));
    expect(h.step({ seat: "P1", action: "send" })[0]).toMatchObject({ reason: { code: "notInVariant" } });
    h.step({ seat: "P1", action: "saveDb" });
    expect(h.of("dbWritten")).toHaveLength(1);
    expect(h.of("committed")).toHaveLength(1);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "P1", ticks: 2 } });
    h.run(3);
    expect(h.s.producers[0].dualWrite).toBeNull();
    h.step({ seat: "P1", action: "publish" });
    // The publish after the restart takes the NEXT event: P1-1 was saved and never published.
    expect(h.of("hop").map((e) => e.msgId)).toEqual(["P1-2"]);
  });

  it("outbox: the commit writes the row, the relay publishes it and clears it on confirm, and survives a crash", () => {
    const h = new Harness(testConfig({ producer: { write: "outbox" }, network: { confirm: { latencyTicks: 2, jitterTicks: 0, loss: 1, ordered: true } } }));
    h.step({ seat: "P1", action: "commitOutbox" });
    h.run(5);
    expect(h.of("hop").filter((e) => e.kind === "publish" && e.origin === "relay")).toHaveLength(1);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "P1", ticks: 3 } });
    h.run(4);
    expect(h.s.producers[0].outbox).toHaveLength(1);
    h.s.links.get("B>P1")!.loss = 0;
    h.run(30);
    expect(h.of("outboxCleared")).toHaveLength(1);
    expect(h.of("hop").filter((e) => e.kind === "publish").length).toBeGreaterThanOrEqual(2);
  });

  it("direct RPC: refuses the work while the consumer is down (counted as refused, not committed)", () => {
    const h = new Harness(testConfig({ producer: { directRpc: true, publish: "waitAck" }, consumer: { ack: "auto" } }));
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 10 } });
    h.step({ seat: "P1", action: "send" });
    expect(h.of("refused")).toHaveLength(1);
    expect(h.of("committed")).toHaveLength(0);
    h.run(10);
    h.step({ seat: "P1", action: "send" });
    h.run(3);
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    h.run(10);
    expect(h.of("applied")).toHaveLength(1);
    expect(h.of("acknowledged")).toHaveLength(1);
  });
});
