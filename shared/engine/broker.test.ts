import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

const send = { seat: "P1", action: "send" } as const;

describe("broker", () => {
  it("a queue gives each message to one consumer; a topic copies it to every subscription", () => {
    const q = new Harness(testConfig({ topology: { consumers: 2 } }));
    q.step(send);
    q.run(10);
    expect(q.of("enqueued")).toHaveLength(1);
    expect(q.of("delivered")).toHaveLength(1);
    const t = new Harness(testConfig({ topology: { consumers: 2 }, broker: { channel: "topic" } }));
    t.step(send);
    t.run(10);
    expect(
      t
        .of("enqueued")
        .map((e) => e.subscription)
        .sort(),
    ).toEqual(["billing", "shipping"]);
    expect(new Set(t.of("delivered").map((e) => e.consumer))).toEqual(new Set(["C1", "C2"]));
  });

  it("competing consumers take turns (round-robin within prefetch)", () => {
    const h = new Harness(testConfig({ topology: { consumers: 2 }, broker: { prefetch: 1 } }));
    h.step(send);
    h.step(send);
    h.run(10);
    expect(
      h
        .of("delivered")
        .map((e) => e.consumer)
        .sort(),
    ).toEqual(["C1", "C2"]);
  });

  it("an in-memory broker loses what it holds in a crash; a durable one keeps persisted messages", () => {
    for (const durable of [false, true]) {
      const h = new Harness(testConfig({ broker: { durable }, consumer: { ack: "afterProcessing" } }));
      h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 50 } });
      h.step(send);
      h.run(10);
      h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "B", ticks: 5 } });
      const discarded = h.of("discarded").filter((e) => e.node === "B");
      expect(discarded.length).toBe(durable ? 0 : 1);
      h.run(6);
      expect(h.s.broker.subscriptions[0].partitions[0].length).toBe(durable ? 1 : 0);
    }
  });

  it("confirms a durable publish only after it is persisted", () => {
    const h = new Harness(testConfig({ broker: { durable: true, persistTicks: 4 } }));
    h.step(send);
    h.run(3);
    const acceptedAt = h.of("accepted")[0].tick;
    h.run(10);
    const persisted = h.of("persisted")[0];
    const confirm = h.of("hop").find((e) => e.kind === "confirm")!;
    expect(persisted.tick).toBe(acceptedAt + 4);
    expect(confirm.tick).toBe(persisted.tick);
  });

  it("redelivers an unacked message after the redelivery timeout, flagged redelivered", () => {
    const h = new Harness(testConfig({ broker: { redeliveryTicks: 10 } }));
    h.step(send);
    h.run(30);
    const requeued = h.of("requeued");
    expect(requeued[0]).toMatchObject({ reason: "timeout" });
    expect(h.of("delivered").some((e) => e.redelivered && e.deliveryCount === 2)).toBe(true);
  });

  it("requeues at once what a crashed consumer held unacked", () => {
    const h = new Harness(testConfig({ topology: { consumers: 2 }, broker: { prefetch: 1 } }));
    h.step(send);
    h.run(6);
    const first = h.of("delivered")[0].consumer;
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: first, ticks: 50 } });
    expect(h.of("requeued")[0]).toMatchObject({ reason: "crash", consumer: first });
    h.run(2);
    expect(h.of("delivered")[1].consumer).not.toBe(first);
  });

  it("de-duplicates a publish whose id it saw inside the window, and confirms it as a duplicate", () => {
    const h = new Harness(
      testConfig({
        producer: { publish: "ackRetryDedup" },
        broker: { dedupWindowTicks: 100 },
        network: { confirm: { latencyTicks: 2, jitterTicks: 0, loss: 1, ordered: true } },
      }),
    );
    h.step(send);
    h.run(25);
    h.s.links.get("B>P1")!.loss = 0;
    h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    h.run(10);
    expect(h.of("deduplicated")).toHaveLength(1);
    expect(h.of("enqueued")).toHaveLength(1);
    expect(h.of("acknowledged")[0]).toMatchObject({ duplicate: true });
  });

  it("without a de-dup id a retry enqueues a second copy", () => {
    const h = new Harness(testConfig({ broker: { dedupWindowTicks: 100 }, network: { confirm: { latencyTicks: 2, jitterTicks: 0, loss: 1, ordered: true } } }));
    h.step(send);
    h.run(25);
    h.step({ seat: "P1", action: "retry", msgId: "P1-1" });
    h.run(5);
    expect(h.of("enqueued")).toHaveLength(2);
  });

  it("partitions by key: every message of a key goes to the same consumer; acks commit offsets cumulatively", () => {
    const h = new Harness(
      testConfig({
        topology: { consumers: 2 },
        producer: { publish: "fireAndForget" },
        broker: { partitions: 4, prefetch: 20 },
        workload: { keys: 4, eventsPerProducer: 12 },
      }),
    );
    for (let i = 0; i < 12; i++) h.step(send);
    h.run(10);
    expect(h.of("delivered")).toHaveLength(12);
    const owner = new Map<string, string>();
    for (const c of h.s.consumers)
      for (const item of c.inbox) {
        expect(owner.get(item.token.key) ?? c.id).toBe(c.id);
        owner.set(item.token.key, c.id);
      }
    const c = h.s.consumers.find((x) => new Set(x.inbox.map((i) => i.token.key)).size < x.inbox.length)!;
    const key = c.inbox.find((i, n) => c.inbox.findIndex((j) => j.token.key === i.token.key) !== n)!.token.key;
    const sameKey = c.inbox.filter((i) => i.token.key === key);
    const last = sameKey[sameKey.length - 1];
    h.step({ seat: c.id, action: "process", token: last.token.id });
    h.run(4);
    h.step({ seat: c.id, action: "ack", token: last.token.id });
    h.run(4);
    const settled = new Set(
      h
        .of("removed")
        .filter((e) => e.reason === "ack")
        .map((e) => e.token),
    );
    for (const item of sameKey) expect(settled.has(item.token.id)).toBe(true);
  });

  it("partitions: a delivery lost on the way rewinds the consumer's stream, so no later record of it is read first or acked past it", () => {
    const h = new Harness(
      testConfig({ producer: { publish: "fireAndForget" }, broker: { partitions: 1, prefetch: 10 }, workload: { keys: 1, eventsPerProducer: 4 } }),
    );
    h.step({ seat: "host", action: "fault", fault: { kind: "dropNextToken", link: "B>C1" } });
    for (let i = 0; i < 4; i++) h.step(send);
    h.run(3);
    expect(h.of("dropped").filter((e) => e.kind === "deliver")).toHaveLength(1);
    expect(h.of("requeued").filter((e) => e.reason === "rewind").length).toBeGreaterThanOrEqual(1);
    h.run(20);
    // Whatever arrived after the lost one was voided with the stream: the inbox holds seq 1, 2, 3, 4 in order, each once.
    expect(h.s.consumers[0].inbox.map((i) => i.token.seq)).toEqual([1, 2, 3, 4]);
    const last = h.s.consumers[0].inbox[3].token.id;
    h.step({ seat: "C1", action: "process", token: last });
    h.run(4);
    h.step({ seat: "C1", action: "ack", token: last });
    h.run(4);
    expect(h.s.broker.unacked.size).toBe(0);
  });

  it("partitions: a partition changes owner only once its previous owner has settled what it was given", () => {
    const h = new Harness(
      testConfig({
        topology: { consumers: 2 },
        producer: { publish: "fireAndForget" },
        broker: { partitions: 1, prefetch: 10 },
        workload: { keys: 1, eventsPerProducer: 6 },
      }),
    );
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 10 } });
    h.step(send, send);
    h.run(6);
    expect(h.s.consumers[1].inbox).toHaveLength(2); // C2 owns the partition while C1 is down
    h.run(6); // C1 is back: the partition is C1's again, but C2 still holds two deliveries of it
    h.step(send, send);
    h.run(6);
    expect(h.s.consumers[0].inbox).toHaveLength(0);
    for (const item of [...h.s.consumers[1].inbox]) {
      h.step({ seat: "C2", action: "process", token: item.token.id });
      h.run(4);
      h.step({ seat: "C2", action: "ack", token: item.token.id });
    }
    h.run(6);
    expect(h.s.consumers[0].inbox.map((i) => i.token.seq)).toEqual([3, 4]);
  });

  it("a delivery whose consumer crashed while it travelled is dropped as stale when it arrives: it was requeued already", () => {
    const h = new Harness(testConfig({ network: { deliver: { latencyTicks: 4, jitterTicks: 0, loss: 0, ordered: true } } }));
    h.step(send);
    h.run(3);
    expect(h.of("delivered")).toHaveLength(1);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 1 } });
    h.run(3);
    expect(
      h
        .of("dropped")
        .filter((e) => e.kind === "deliver")
        .map((e) => e.reason),
    ).toEqual(["stale"]);
    h.run(10);
    expect(h.of("received")).toHaveLength(1);
    expect(h.s.consumers[0].inbox).toHaveLength(1);
  });

  it("message groups: one message of a key in flight at a time", () => {
    const h = new Harness(testConfig({ topology: { consumers: 2 }, broker: { messageGroups: true, prefetch: 5 }, workload: { keys: 1 } }));
    h.step(send);
    h.step(send);
    h.run(10);
    expect(h.of("delivered")).toHaveLength(1);
    const t = h.inboxToken(h.of("delivered")[0].consumer);
    const c = h.of("delivered")[0].consumer;
    h.step({ seat: c, action: "process", token: t });
    h.run(4);
    h.step({ seat: c, action: "ack", token: t });
    h.run(6);
    expect(h.of("delivered")).toHaveLength(2);
  });

  it("retention deletes old messages, consumed or not; a delivery limit drops a message", () => {
    const r = new Harness(testConfig({ broker: { retentionTicks: 5 } }));
    r.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 40 } });
    r.step(send);
    r.run(20);
    expect(r.of("removed").filter((e) => e.reason === "expired")).toHaveLength(1);
    const m = new Harness(testConfig({ broker: { maxDeliveries: 2, redeliveryTicks: 5 } }));
    m.step(send);
    m.run(40);
    expect(m.of("removed").filter((e) => e.reason === "maxDeliveries")).toHaveLength(1);
  });

  it("a person in the broker seat routes, persists and confirms; a wrong target is refused", () => {
    const h = new Harness(testConfig({ topology: { consumers: 2 }, broker: { channel: "topic", manual: true } }));
    h.step(send);
    h.run(4);
    const token = h.s.broker.intake[0].token.id;
    expect(h.step({ seat: "B", action: "route", token, target: "nowhere" })[0]).toMatchObject({ reason: { code: "unknownTarget" } });
    expect(h.step({ seat: "C1", action: "route", token, target: "all" })[0]).toMatchObject({ reason: { code: "notYourAction" } });
    h.step({ seat: "B", action: "persist", token });
    h.step({ seat: "B", action: "route", token, target: "billing" });
    h.step({ seat: "B", action: "confirm", token });
    expect(h.of("enqueued").map((e) => e.subscription)).toEqual(["billing"]);
    expect(h.s.broker.intake).toHaveLength(0);
    h.run(6);
    expect(h.of("acknowledged")).toHaveLength(1);
  });

  it("behind an exchange, a person routes one message to each queue its binding matches before confirming it", () => {
    const exchange = {
      type: "direct" as const,
      bindings: [
        { queue: "billing", key: "br" },
        { queue: "shipping", key: "pt" },
      ],
      routingKeys: { ana: "br" },
    };
    const h = new Harness(testConfig({ topology: { consumers: 2 }, broker: { channel: "topic", manual: true, exchange } }));
    h.step(send);
    h.run(4);
    const token = h.s.broker.intake[0].token.id;
    h.step({ seat: "B", action: "route", token, target: "billing" });
    expect(h.step({ seat: "B", action: "route", token, target: "billing" })[0]).toMatchObject({ reason: { code: "alreadyDone" } });
    expect(h.s.broker.intake[0].routedTo).toEqual(["billing"]);
    h.step({ seat: "B", action: "route", token, target: "shipping" });
    h.step({ seat: "B", action: "confirm", token });
    expect(h.of("enqueued").map((e) => e.subscription)).toEqual(["billing", "shipping"]);
    expect(h.s.broker.intake).toHaveLength(0);
  });

  it("an automatic broker behind an exchange routes each message to the queues its routing key's bindings match", () => {
    const exchange = {
      type: "topic" as const,
      bindings: [
        { queue: "billing", key: "pt.*" },
        { queue: "shipping", key: "#" },
      ],
      routingKeys: { ana: "br.ana" },
    };
    const h = new Harness(testConfig({ topology: { consumers: 2 }, broker: { channel: "topic", exchange } }));
    h.step(send);
    h.run(10);
    expect(h.of("enqueued").map((e) => e.subscription)).toEqual(["shipping"]);
  });

  it("an automatic broker refuses manual commands", () => {
    const h = new Harness(testConfig());
    expect(h.step({ seat: "B", action: "confirm", token: 1 })[0]).toMatchObject({ reason: { code: "notInVariant" } });
  });
});
