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

  it("a timed-out publish never retried stops holding a slot: new publishes go on", () => {
    const h = new Harness(testConfig({ producer: { maxInFlight: 2 }, network: { publish: { latencyTicks: 2, jitterTicks: 0, loss: 1, ordered: true } } }));
    h.step({ seat: "P1", action: "send" }, { seat: "P1", action: "send" });
    expect(h.step({ seat: "P1", action: "send" })[0]).toMatchObject({ reason: { code: "tooManyInFlight" } });
    h.run(25);
    expect(h.of("timedOut")).toHaveLength(2);
    const next = h.step({ seat: "P1", action: "send" }, { seat: "P1", action: "send" });
    expect(next.filter((e) => e.type === "committed")).toHaveLength(2);
    // A retry needs a free slot like any publish.
    expect(h.step({ seat: "P1", action: "retry", msgId: "P1-1" })[0]).toMatchObject({ reason: { code: "tooManyInFlight" } });
  });

  it("a single-threaded producer keeps strict order: nothing new while a publish is unconfirmed; a time-out must be retried first", () => {
    const h = new Harness(testConfig({ producer: { maxInFlight: 1 }, network: { publish: { latencyTicks: 2, jitterTicks: 0, loss: 1, ordered: true } } }));
    h.step({ seat: "P1", action: "send" });
    expect(h.step({ seat: "P1", action: "send" })[0]).toMatchObject({ reason: { code: "tooManyInFlight" } });
    h.run(25);
    expect(h.step({ seat: "P1", action: "send" })[0]).toMatchObject({ reason: { code: "retryFirst" } });
    h.s.links.get("P1>B")!.loss = 0;
    h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    h.run(12);
    expect(h.of("acknowledged")).toHaveLength(1);
    expect(h.step({ seat: "P1", action: "send" }).some((e) => e.type === "committed" && e.msgId === "P1-2")).toBe(true);
  });

  it("events become available over the round: sending one early is refused with the ticks left", () => {
    const h = new Harness(testConfig({ workload: { sendEveryTicks: 10 } }));
    expect(
      h.s.producers[0].stack
        .map((e) => e.availableAt)
        .slice(0, 3)
        .every((t, i, all) => i === 0 || t >= all[i - 1]),
    ).toBe(true);
    h.step({ seat: "P1", action: "send" });
    while (h.s.producers[0].stack[0].availableAt === 0) h.step({ seat: "P1", action: "send" });
    const at = h.s.producers[0].stack[0].availableAt;
    const refused = h.step({ seat: "P1", action: "send" })[0];
    expect(refused).toMatchObject({ type: "commandRefused", reason: { code: "nextEventIn", detail: String(at - refused.tick) } });
    h.run(at - h.s.tick);
    expect(h.step({ seat: "P1", action: "send" }).some((e) => e.type === "committed")).toBe(true);
  });

  it("the pace holds for every way of committing: save to DB and commit with outbox too", () => {
    for (const write of ["dualWrite", "outbox"] as const) {
      const h = new Harness(testConfig({ producer: { write }, workload: { sendEveryTicks: 10, keys: 1 } }));
      const stack = h.s.producers[0].stack;
      for (const e of stack) e.availableAt = 5;
      const action = write === "outbox" ? "commitOutbox" : "saveDb";
      expect(h.step({ seat: "P1", action })[0]).toMatchObject({ reason: { code: "nextEventIn", detail: "5" } });
      h.run(4);
      expect(h.step({ seat: "P1", action }).some((e) => e.type === "committed")).toBe(true);
    }
  });
  it("publish first: the DB write is refused until the publish went, and a crash between them leaves an event only published", () => {
    const h = new Harness(testConfig({ producer: { write: "dualWrite", publishFirst: true } }));
    expect(h.step({ seat: "P1", action: "saveDb" })[0]).toMatchObject({ reason: { code: "notInVariant", detail: "publishFirst" } });
    expect(h.s.producers[0].stack).toHaveLength(10);
    h.step({ seat: "P1", action: "publish" });
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "P1", ticks: 3 } });
    h.run(10);
    expect(h.of("accepted")).toHaveLength(1);
    expect(h.of("dbWritten")).toHaveLength(0);
    expect(h.of("committed")).toHaveLength(0);
    h.step({ seat: "P1", action: "publish" });
    h.step({ seat: "P1", action: "saveDb" });
    expect(h.of("committed").map((e) => e.msgId)).toEqual(["P1-2"]);
  });

  it("a half-done dual write is finished during the drain; a new one is not started", () => {
    const h = new Harness(testConfig({ producer: { write: "dualWrite", publishFirst: true } }));
    h.step({ seat: "P1", action: "publish" });
    h.s.draining = true;
    expect(h.step({ seat: "P1", action: "saveDb" })[0].type).toBe("command");
    expect(h.step({ seat: "P1", action: "publish" })[0]).toMatchObject({ reason: { code: "roundOver" } });
  });
});
