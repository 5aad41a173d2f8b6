import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

const send = { seat: "P1", action: "send" } as const;
const sharedDb = (o: Parameters<typeof testConfig>[0] = {}) =>
  testConfig({
    ...o,
    broker: { sharedDb: true, persistTicks: 2, redeliveryTicks: 0, dedupWindowTicks: 36000, ...o.broker },
    producer: { publish: "ackRetryDedup", ...o.producer },
  });

describe("a table in one ACID database as the queue", () => {
  it("commits the row when the insert's transaction does, and shows it to consumers only then", () => {
    const h = new Harness(sharedDb());
    h.step(send);
    expect(h.of("committed")).toHaveLength(0);
    h.run(3);
    expect(h.of("accepted")).toHaveLength(1);
    expect(h.of("enqueued")).toHaveLength(0);
    h.run(3);
    const committed = h.of("committed")[0];
    expect(committed).toMatchObject({ msgId: "P1-1", producer: "P1" });
    expect(h.of("enqueued")[0].tick).toBe(committed.tick);
    expect(h.of("persisted")[0].tick).toBe(committed.tick);
  });

  it("an insert that never reached the database was never committed; a retried one commits once", () => {
    const h = new Harness(sharedDb({ network: { confirm: { latencyTicks: 2, jitterTicks: 0, loss: 1, ordered: true } } }));
    h.step(send);
    h.run(25);
    h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    h.run(10);
    expect(h.of("committed")).toHaveLength(1);
    expect(h.of("deduplicated")).toHaveLength(1);
  });

  it("the effect and the row's deletion are one transaction: no ack, and the row is gone when the effect commits", () => {
    const h = new Harness(sharedDb());
    h.step(send);
    h.run(8);
    expect(h.step({ seat: "C1", action: "ack", token: h.inboxToken() })[0]).toMatchObject({ reason: { code: "notInVariant" } });
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    h.run(4);
    const applied = h.of("applied")[0];
    const removed = h.of("removed")[0];
    expect(removed).toMatchObject({ reason: "ack", tick: applied.tick });
    expect(h.of("ackSent")).toHaveLength(0);
    expect(h.s.consumers[0].inbox).toHaveLength(0);
  });

  it("a database crash during the processing rolls the transaction back: no effect, and the row is claimed again", () => {
    const h = new Harness(sharedDb({ consumer: { processTicks: 6 } }));
    h.step(send);
    h.run(8);
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "B", ticks: 3 } });
    h.run(8);
    expect(h.of("rolledBack")).toHaveLength(1);
    expect(h.of("applied")).toHaveLength(0);
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    h.run(8);
    expect(h.of("applied")).toHaveLength(1);
    expect(h.s.broker.unacked.size).toBe(0);
  });

  it("a claim whose result never reached the consumer is rolled back, and the row claimed again", () => {
    const h = new Harness(sharedDb());
    h.step({ seat: "host", action: "fault", fault: { kind: "dropNextToken", link: "B>C1" } }, send);
    h.run(30);
    expect(h.of("requeued")).toEqual([expect.objectContaining({ reason: "rollback" })]);
    expect(h.of("received")).toHaveLength(1);
  });
});
