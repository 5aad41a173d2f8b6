import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

const send = { seat: "P1", action: "send" } as const;
const crash = (node: string, ticks = 5) => ({ seat: "host", action: "fault", fault: { kind: "crash", node, ticks } }) as const;
const process = (h: Harness, seat: string) => h.step({ seat, action: "process", token: h.inboxToken(seat) });

describe("the side effect", () => {
  it("compare-and-set: a write whose version moved is a conflict, read again and redone; no update is lost", () => {
    const h = new Harness(
      testConfig({ topology: { consumers: 2 }, broker: { prefetch: 1 }, workload: { keys: 1 }, consumer: { optimistic: true, processTicks: 6 } }),
    );
    h.step(send, send);
    h.run(5);
    process(h, "C1");
    process(h, "C2");
    h.run(20);
    const conflicts = h.of("conflict");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ consumer: "C2", readVersion: 0, version: 1 });
    const applied = h.of("applied");
    expect(applied.map((e) => [e.readVersion, e.writeVersion])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    const [a, b] = h.of("committed").map((e) => e.amount);
    expect(applied[1].balance).toBe(a + b);
  });

  it("a processed-ids table written apart: the consumer looks it up by itself; a crash between effect and record duplicates", () => {
    const config = testConfig({ consumer: { idempotency: "separate", autoCheck: true, recordTicks: 5, processTicks: 3 } });
    const h = new Harness(config);
    h.step(send);
    h.run(5);
    process(h, "C1");
    h.run(4); // the effect is written; its id is not yet
    expect(h.of("applied")).toHaveLength(1);
    h.step(crash("C1"));
    h.run(8);
    process(h, "C1");
    expect(h.of("checked").at(-1)).toMatchObject({ found: false });
    h.run(10);
    expect(h.of("applied")).toHaveLength(2);
  });

  it("a processed-ids table written apart: once recorded, a redelivered copy is found and not applied again", () => {
    const h = new Harness(testConfig({ consumer: { idempotency: "separate", autoCheck: true, recordTicks: 5, processTicks: 3 } }));
    h.step({ seat: "host", action: "fault", fault: { kind: "dropNextAck", link: "C1>B" } }, send);
    h.run(5);
    process(h, "C1");
    h.run(10);
    expect(h.of("recorded")).toHaveLength(1);
    h.step({ seat: "C1", action: "ack", token: h.of("applied")[0].token });
    h.run(400);
    expect(h.of("requeued")).toHaveLength(1);
    process(h, "C1");
    expect(h.of("checked").at(-1)).toMatchObject({ found: true });
    expect(h.of("applied")).toHaveLength(1);
  });

  it("outside the transaction: the external call happens at the start, and a crash before the commit makes it happen twice", () => {
    const h = new Harness(
      testConfig({ consumer: { idempotency: "transactional", autoCheck: true, ackWithEffect: true, externalEffect: "bank", processTicks: 6 } }),
    );
    h.step(send);
    h.run(5);
    process(h, "C1");
    expect(h.of("applied").map((e) => e.subscription)).toEqual(["bank"]);
    h.step(crash("C1"));
    h.run(8);
    process(h, "C1");
    h.run(10);
    expect(h.of("applied").map((e) => e.subscription)).toEqual(["bank", "bank", "orders"]);
    // The offset went with the transaction: no Ack of its own, and the broker forgot the message.
    expect(h.of("ackSent")).toHaveLength(1);
    expect(h.of("removed").filter((e) => e.reason === "ack")).toHaveLength(1);
    expect(h.step({ seat: "C1", action: "ack", token: 1 })[0]).toMatchObject({ reason: { code: "notInVariant" } });
  });

  it("outside the transaction: a redelivery of a committed message is found processed and acked, with no second call", () => {
    const h = new Harness(
      testConfig({ consumer: { idempotency: "transactional", autoCheck: true, ackWithEffect: true, externalEffect: "bank", processTicks: 3 } }),
    );
    h.step({ seat: "host", action: "fault", fault: { kind: "dropNextAck", link: "C1>B" } }, send);
    h.run(5);
    process(h, "C1");
    h.run(400);
    expect(h.of("requeued")).toHaveLength(1);
    process(h, "C1");
    expect(h.of("checked").at(-1)).toMatchObject({ found: true });
    expect(h.of("applied").map((e) => e.subscription)).toEqual(["bank", "orders"]);
    expect(h.s.consumers[0].inbox).toHaveLength(0);
  });

  it("listen to yourself: the service's DB row is written when its own subscription applies the event", () => {
    const h = new Harness(
      testConfig({
        topology: { consumers: 2 },
        broker: { channel: "topic" },
        producer: { write: "listenToYourself" },
        consumer: { idempotency: "transactional" },
      }),
    );
    h.step(send);
    h.run(6);
    expect(h.of("committed")).toHaveLength(1);
    expect(h.of("dbWritten")).toHaveLength(0);
    expect(h.of("enqueued").map((e) => e.subscription)).toEqual(["self", "billing"]);
    process(h, "C1");
    h.run(4);
    expect(h.of("dbWritten")).toEqual([expect.objectContaining({ msgId: "P1-1", producer: "P1", outbox: false })]);
  });

  it("a resequencer whose buffer is full lets an early token go on, and says so", () => {
    const h = new Harness(testConfig({ workload: { keys: 1 }, consumer: { autoHold: true, holdCapacity: 1 } }));
    h.step({ seat: "host", action: "fault", fault: { kind: "dropNextToken", link: "P1>B" } }, send);
    h.step(send);
    h.step(send);
    h.run(6);
    expect(h.of("held")).toHaveLength(1);
    expect(h.of("holdFull")).toEqual([expect.objectContaining({ seq: 3, consumer: "C1" })]);
  });
});
