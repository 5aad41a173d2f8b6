// Each broker profile behaves as its real broker does (docs/brokers.md), one describe per
// preset; the contradictions issue 12 listed each have a test here. Pipelines are small and
// driven by hand: one producer, one or two consumers, every event at hand.
import { describe, expect, it } from "vitest";
import type { ProfileId, VariantConfig } from "./config.js";
import { BROKER_PROFILES, brokerConfigErrors, FIFO_DEDUP_TICKS, rabbitQueue, sqsQueue, timeoutTicks } from "./profiles.js";
import { Harness, testConfig, type Overrides } from "./testing.js";
import type { Command } from "./types.js";

const send: Command = { seat: "P1", action: "send" };
const fault = (f: Extract<Command, { action: "fault" }>["fault"]): Command => ({ seat: "host", action: "fault", fault: f });
const crash = (node: string, ticks = 500): Command => fault({ kind: "crash", node, ticks });

function on(profile: ProfileId, o: Overrides = {}): VariantConfig {
  return testConfig({
    ...o,
    producer: { maxInFlight: 50, ...o.producer },
    broker: { ...BROKER_PROFILES[profile], ...o.broker },
    workload: { keys: 1, ...o.workload },
  });
}

/** Seqs of the messages a consumer received, in order (redeliveries included). */
function received(h: Harness, consumer = "C1"): number[] {
  return h
    .of("received")
    .filter((e) => e.consumer === consumer)
    .map((e) => Number(e.msgId.split("-")[1]));
}

/** Sends n messages while C1 is away, then lets C1 receive up to its prefetch. */
function holding(profile: ProfileId, n: number, o: Overrides = {}): Harness {
  const h = new Harness(on(profile, { topology: { consumers: 2 }, ...o }));
  h.step(crash("C2", 40), ...Array.from({ length: n }, () => send));
  h.run(12);
  return h;
}

describe("every preset", () => {
  it.each(Object.keys(BROKER_PROFILES) as ProfileId[])("%s is a sound configuration of its own broker", (profile) => {
    expect(brokerConfigErrors({ ...BROKER_PROFILES[profile], channel: "queue", manual: false })).toEqual([]);
  });
});

describe("rabbitmq", () => {
  it("auto-ack: the prefetch does not apply, everything queued is pushed, and a crash loses all of it", () => {
    const h = new Harness(on("rabbitmq", { consumer: { ack: "auto", processTicks: 50 }, broker: { prefetch: 5 } }));
    h.step(crash("C1", 5), ...Array.from({ length: 10 }, () => send));
    h.run(12);
    expect(received(h)).toHaveLength(10);
    h.step(crash("C1"));
    expect(h.s.broker.subscriptions[0].partitions[0]).toHaveLength(0);
    expect(h.of("discarded").filter((e) => e.where === "inbox")).toHaveLength(10);
  });

  it("never redelivers on a timer while the consumer lives, however long it holds the message", () => {
    const h = holding("rabbitmq", 1);
    h.run(timeoutTicks(30 * 60) / 10);
    expect(h.of("requeued")).toEqual([]);
    expect(h.of("delivered")).toHaveLength(1);
  });

  it("a crash closes the connection: what it held goes back at once, to the head, in order, flagged redelivered", () => {
    const h = holding("rabbitmq", 8, { broker: { prefetch: 3 } });
    h.step(crash("C1"));
    expect(h.of("requeued").map((e) => e.reason)).toEqual(["crash", "crash", "crash"]);
    expect(h.s.broker.subscriptions[0].partitions[0].map((m) => Number(m.token.msgId.split("-")[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    h.run(60);
    expect(received(h, "C2")).toEqual([1, 2, 3]);
    expect(
      h
        .of("delivered")
        .filter((e) => e.consumer === "C2")
        .map((e) => e.redelivered),
    ).toEqual([true, true, true]);
  });

  it("a lost delivery breaks the connection: nothing more goes over it, and its unacked messages come back only when the heartbeat times out", () => {
    const h = new Harness(on("rabbitmq", { broker: { prefetch: 2 } }));
    h.step(fault({ kind: "dropNextToken", link: "B>C1" }), send, send);
    h.run(5);
    const lost = h.of("connectionLost")[0];
    expect(lost).toMatchObject({ consumer: "C1", until: lost.tick + BROKER_PROFILES.rabbitmq.heartbeatTicks });
    h.run(BROKER_PROFILES.rabbitmq.heartbeatTicks - 10);
    expect(h.of("requeued")).toEqual([]);
    expect(h.of("delivered").map((e) => e.msgId)).toEqual(["P1-1"]);
    h.run(30);
    expect(h.of("requeued").map((e) => [e.reason, e.msgId])).toEqual([["connection", "P1-1"]]);
    expect(received(h)).toEqual([1, 2]);
  });

  it("nack with requeue: a classic queue puts it back in its place; a quorum queue at the tail, in nack order, counting x-delivery-count", () => {
    for (const [type, order] of [
      ["classic", [1, 2, 1, 2, 3, 4]],
      ["quorum", [1, 2, 3, 4, 2, 1]],
    ] as const) {
      const h = new Harness(
        on("rabbitmq", {
          broker: { ...rabbitQueue(type), prefetch: 2 },
          consumer: { ack: "beforeProcessing", allowNack: true },
          workload: { eventsPerProducer: 4 },
        }),
      );
      h.step(crash("C1", 3), send, send, send, send);
      h.run(8);
      const [one, two] = h.s.consumers[0].inbox.map((i) => i.token.id);
      h.step({ seat: "C1", action: "nack", token: two, requeue: true }, { seat: "C1", action: "nack", token: one, requeue: true });
      for (let i = 0; i < 40; i++)
        h.step(...h.s.consumers[0].inbox.filter((x) => !x.acked).map((x): Command => ({ seat: "C1", action: "ack", token: x.token.id })));
      expect(received(h), type).toEqual(order);
      expect(
        h
          .of("delivered")
          .filter((e) => e.redelivered)
          .map((e) => e.deliveryCount),
        type,
      ).toEqual([2, 2]);
    }
  });

  it("reject (requeue=false): dropped without a dead-letter exchange, parked in it with one", () => {
    for (const deadLetter of ["drop", "queue"] as const) {
      const h = new Harness(on("rabbitmq", { broker: { deadLetter }, consumer: { allowNack: true }, workload: { eventsPerProducer: 1 } }));
      h.step(send);
      h.run(8);
      h.step({ seat: "C1", action: "nack", token: h.inboxToken(), requeue: false });
      h.run(4);
      if (deadLetter === "drop") expect(h.of("removed").map((e) => e.reason)).toEqual(["rejected"]);
      else expect(h.of("parked")).toMatchObject([{ reason: "rejected", where: "deadLetterQueue", consumer: "C1" }]);
      expect(h.s.broker.parked).toHaveLength(deadLetter === "queue" ? 1 : 0);
    }
  });

  it("a restart keeps a durable queue's persistent messages, loses its transient ones, and a quorum queue keeps both", () => {
    const left = (o: Overrides) => {
      const h = new Harness(on("rabbitmq", { ...o, workload: { eventsPerProducer: 5 } }));
      h.step(crash("C1"), ...Array.from({ length: 5 }, () => send));
      h.run(10);
      h.step(crash("B", 5));
      h.run(10);
      return h.s.broker.subscriptions[0].partitions[0].length;
    };
    expect(left({})).toBe(5);
    expect(left({ broker: { persistent: false } })).toBe(0);
    expect(left({ broker: { ...rabbitQueue("quorum"), persistent: false } })).toBe(5);
    expect(left({ broker: { durable: false } })).toBe(0);
  });

  it("publisher confirms are batched: one frame (multiple=true) covers every publish written together", () => {
    const h = new Harness(on("rabbitmq", { producer: { maxInFlight: 20 }, workload: { eventsPerProducer: 12 } }));
    h.step(...Array.from({ length: 12 }, () => send));
    h.run(12);
    const frames = h.of("hop").filter((e) => e.kind === "confirm");
    expect(frames).toHaveLength(1);
    expect(frames[0].covers).toHaveLength(11);
    expect(h.of("acknowledged")).toHaveLength(12);
  });

  it("single active consumer: one consumer receives at a time; the next takes over only when it goes", () => {
    const h = new Harness(
      on("rabbitmq", { topology: { consumers: 2 }, broker: { singleActiveConsumer: true, prefetch: 2 }, workload: { eventsPerProducer: 4 } }),
    );
    h.step(send, send, send, send);
    h.run(12);
    expect(h.of("delivered").map((e) => e.consumer)).toEqual(["C1", "C1"]);
    h.step(crash("C1", 5));
    h.run(12);
    expect(
      h
        .of("delivered")
        .slice(2)
        .map((e) => e.consumer),
    ).toEqual(["C2", "C2"]);
    expect(received(h, "C2")).toEqual([1, 2]);
  });
});

describe("kafka", () => {
  it("the idempotent producer: a resend after a lost confirm is not written twice within a session; after a producer crash it is", () => {
    const h = new Harness(on("kafka", { topology: { consumers: 1 }, workload: { eventsPerProducer: 2 } }));
    h.step(crash("C1"), fault({ kind: "dropNextAck", link: "B>P1" }), send);
    h.run(30);
    h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    h.run(10);
    expect(h.of("deduplicated").map((e) => e.msgId)).toEqual(["P1-1"]);
    expect(h.of("enqueued")).toHaveLength(1);
    h.step(fault({ kind: "dropNextAck", link: "B>P1" }), send);
    h.run(25);
    h.step(crash("P1", 2));
    h.run(3);
    // The restarted producer forgot its publish; the broker forgot its session: a new send of P1-2 would be a new message.
    expect(h.s.broker.sequences.has("P1-2")).toBe(false);
  });

  it("a crashed member keeps its partitions until its session times out; then the group rebalances and the other member reads from the last commit", () => {
    const session = BROKER_PROFILES.kafka.heartbeatTicks;
    const h = new Harness(on("kafka", { topology: { consumers: 2 }, broker: { partitions: 1 }, workload: { eventsPerProducer: 3 } }));
    h.step(send, send, send);
    h.run(10);
    const owner = h.of("delivered")[0].consumer;
    const other = owner === "C1" ? "C2" : "C1";
    h.step(crash(owner, 1000));
    h.run(session - 5);
    expect(h.of("requeued")).toEqual([]);
    expect(h.of("delivered").some((e) => e.consumer === other)).toBe(false);
    h.run(20);
    expect(h.of("requeued").map((e) => e.reason)).toEqual(["rebalance", "rebalance", "rebalance"]);
    expect(received(h, other)).toEqual([1, 2, 3]);
  });

  it("a live owner never gets its own records again, however long it holds them; a lost commit is sent again", () => {
    const h = new Harness(on("kafka", { topology: { consumers: 1 }, workload: { eventsPerProducer: 2 } }));
    h.step(send);
    h.run(2000);
    expect(h.of("delivered")).toHaveLength(1);
    processOne(h);
    h.step(fault({ kind: "dropNextAck", link: "C1>B" }), { seat: "C1", action: "ack", token: h.inboxToken() });
    h.run(20);
    expect(h.of("ackSent")).toHaveLength(2);
    expect(h.of("removed").map((e) => e.reason)).toEqual(["ack"]);
    expect(h.s.broker.unacked.size).toBe(0);
  });

  it("has no nack", () => {
    const h = new Harness(on("kafka", { topology: { consumers: 1 }, consumer: { allowNack: true }, workload: { eventsPerProducer: 1 } }));
    h.step(send);
    h.run(8);
    expect(h.step({ seat: "C1", action: "nack", token: h.inboxToken(), requeue: true }).find((e) => e.type === "commandRefused")).toMatchObject({
      reason: { code: "notInVariant", detail: "noNack" },
    });
  });
});

describe("sqs", () => {
  it("a crashed consumer's messages become visible again only when their visibility timeout runs out, in their order", () => {
    const visibility = BROKER_PROFILES.sqs.redeliveryTicks;
    const h = holding("sqs", 3, { broker: { prefetch: 3 } });
    const deliveredAt = h.of("delivered")[0].tick;
    h.step(crash("C1"));
    h.run(visibility - 20);
    expect(h.of("requeued")).toEqual([]);
    h.run(40);
    expect(h.of("requeued").map((e) => [e.reason, e.tick - deliveredAt])).toEqual([
      ["timeout", visibility],
      ["timeout", visibility],
      ["timeout", visibility],
    ]);
    h.run(20);
    expect(received(h, "C2")).toEqual([1, 2, 3]);
  });

  it("a standard queue does not de-duplicate; a FIFO queue drops a repeated MessageDeduplicationId within its fixed 5 minutes", () => {
    for (const type of ["standard", "fifo"] as const) {
      const h = new Harness(
        on("sqs", { broker: sqsQueue(type), producer: { publish: "ackRetryDedup", ackTimeoutTicks: 10 }, workload: { eventsPerProducer: 1 } }),
      );
      h.step(crash("C1"), fault({ kind: "dropNextAck", link: "B>P1" }), send);
      h.run(15);
      h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
      h.run(10);
      expect(h.of("enqueued"), type).toHaveLength(type === "fifo" ? 1 : 2);
    }
    expect(sqsQueue("fifo")).toMatchObject({ messageGroups: true, dedupWindowTicks: FIFO_DEDUP_TICKS });
    expect(FIFO_DEDUP_TICKS).toBe(3000);
  });

  it("ChangeMessageVisibility 0 is its nack: requeue yes, reject no; a redrive policy parks a message after maxReceiveCount", () => {
    const h = new Harness(on("sqs", { consumer: { allowNack: true }, broker: { maxDeliveries: 2, redeliveryTicks: 10 }, workload: { eventsPerProducer: 1 } }));
    h.step(send);
    h.run(6);
    const refused = h.step({ seat: "C1", action: "nack", token: h.inboxToken(), requeue: false }).find((e) => e.type === "commandRefused");
    expect(refused).toMatchObject({ reason: { detail: "noReject" } });
    h.step({ seat: "C1", action: "nack", token: h.inboxToken(), requeue: true });
    h.run(40);
    expect(h.of("parked")).toMatchObject([{ reason: "maxDeliveries", where: "deadLetterQueue", deliveryCount: 2 }]);
  });
});

describe("activemq", () => {
  it("redelivers what a crashed consumer held at once, never on a timer, and sends a message past its redeliveries to ActiveMQ.DLQ", () => {
    const h = holding("activemq", 1);
    h.run(1000);
    expect(h.of("requeued")).toEqual([]);
    // Six redeliveries (seven deliveries) on crashes, then the dead-letter queue.
    for (let i = 0; i < 7; i++) {
      const holder = h.of("delivered").at(-1)!.consumer;
      h.step(crash(holder, 3));
      h.run(10);
    }
    expect(h.of("requeued").map((e) => e.reason)).toEqual(Array(6).fill("crash"));
    expect(h.of("parked")).toMatchObject([{ reason: "maxDeliveries", where: "deadLetterQueue", deliveryCount: 7 }]);
  });
});

describe("nats", () => {
  it("a crashed consumer's message is redelivered only when its AckWait runs out", () => {
    const ackWait = BROKER_PROFILES.nats.redeliveryTicks;
    const h = holding("nats", 2, { broker: { prefetch: 2 } });
    const deliveredAt = h.of("delivered")[0].tick;
    h.step(crash("C1"));
    h.run(ackWait - 20);
    expect(h.of("requeued")).toEqual([]);
    h.run(60);
    expect(h.of("requeued")[0].tick - deliveredAt).toBe(ackWait);
    expect(received(h, "C2")).toEqual([1, 2]);
    expect(
      h
        .of("delivered")
        .filter((e) => e.consumer === "C2")
        .map((e) => e.deliveryCount),
    ).toEqual([2, 2]);
  });

  it("a broker restart redelivers what was unacked in delivery order, not reversed", () => {
    const h = holding("nats", 3, { broker: { prefetch: 3 } });
    h.step(crash("B", 5));
    h.run(30);
    expect(h.of("requeued").map((e) => [e.reason, e.msgId])).toEqual([
      ["restart", "P1-1"],
      ["restart", "P1-2"],
      ["restart", "P1-3"],
    ]);
  });

  it("at MaxDeliver the message stays in the stream, announced (parked), neither delivered again nor lost", () => {
    const h = new Harness(on("nats", { broker: { maxDeliveries: 3, redeliveryTicks: 10 }, workload: { eventsPerProducer: 1 } }));
    h.step(send);
    h.run(100);
    expect(h.of("delivered").map((e) => e.deliveryCount)).toEqual([1, 2, 3]);
    expect(h.of("parked")).toMatchObject([{ reason: "maxDeliveries", where: "stream", deliveryCount: 3 }]);
    expect(h.of("removed")).toEqual([]);
    expect(h.s.broker.parked).toHaveLength(1);
  });

  it("-NAK redelivers at once, +TERM stops redelivery and keeps the message in the stream; a repeated Nats-Msg-Id inside the window is dropped", () => {
    const h = new Harness(
      on("nats", { consumer: { allowNack: true }, producer: { publish: "ackRetryDedup", ackTimeoutTicks: 10 }, workload: { eventsPerProducer: 1 } }),
    );
    h.step(fault({ kind: "dropNextAck", link: "B>P1" }), send);
    h.run(8);
    h.step({ seat: "C1", action: "nack", token: h.inboxToken(), requeue: true });
    h.run(8);
    expect(h.of("requeued").map((e) => e.reason)).toEqual(["nack"]);
    h.step({ seat: "C1", action: "nack", token: h.inboxToken(), requeue: false });
    h.run(8);
    expect(h.of("parked")).toMatchObject([{ reason: "rejected", where: "stream" }]);
    h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    h.run(8);
    expect(h.of("deduplicated")).toHaveLength(1);
  });
});

function processOne(h: Harness): void {
  h.step({ seat: "C1", action: "process", token: h.inboxToken() });
  h.run(5);
}
