import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { CopyTracker, type CopyFacts } from "./copies.js";

const facts = (o: Partial<CopyFacts> = {}): CopyFacts => ({
  subscriptions: ["billing", "shipping"],
  retries: false,
  manualBroker: false,
  confirms: true,
  exchange: null,
  dualWrite: false,
  durable: false,
  ack: "auto",
  external: null,
  selfSubscription: null,
  ...o,
});

let tick = 0;
const ev = (e: Record<string, unknown>): Emitted => ({ tick: tick++, team: 0, ...e }) as unknown as Emitted;

function feed(f: CopyFacts, events: Emitted[]): CopyTracker {
  const t = new CopyTracker(f);
  for (const e of events) t.add(e);
  return t;
}

const commit = (msgId = "P1-1") => ev({ type: "committed", msgId, key: "ana", seq: 1, producer: "P1" });
const hop = (token: number, origin = "send", msgId = "P1-1") => ev({ type: "hop", kind: "publish", link: "P1>B", token, msgId, arrive: tick + 3, origin });
const drop = (token: number, kind = "publish", link = "P1>B", reason = "loss") => ev({ type: "dropped", kind, link, token, msgId: "P1-1", reason });
const accept = (token: number) => [
  ev({ type: "accepted", token, msgId: "P1-1", dedupId: null }),
  ev({ type: "enqueued", token: token + 1, parent: token, msgId: "P1-1", subscription: "billing", partition: 0 }),
  ev({ type: "enqueued", token: token + 2, parent: token, msgId: "P1-1", subscription: "shipping", partition: 0 }),
];

describe("copies", () => {
  it("a fire-and-forget publish dropped on the wire can reach nobody: the drop decides", () => {
    const t = feed(facts(), [commit(), hop(1), drop(1)]);
    const m = t.messages.get("P1-1")!;
    expect(t.canReach(m, "billing")).toBe(false);
    expect(t.decisiveLoss(m, "billing")?.event.type).toBe("dropped");
  });

  it("a retrying producer keeps the event reachable after a drop, until a crash makes it forget", () => {
    const events = [
      commit(),
      ev({ type: "dropped", kind: "publish", link: "P1>B", token: 1, msgId: "P1-1", reason: "loss" }),
      ev({ type: "timedOut", producer: "P1", msgId: "P1-1", token: 1 }),
    ];
    const t = feed(facts({ retries: true }), events);
    const m = t.messages.get("P1-1")!;
    expect(t.canReach(m, "billing")).toBe(true);
    t.add(ev({ type: "crashed", node: "P1", until: 99 }));
    t.add(ev({ type: "forgotten", producer: "P1", msgId: "P1-1", reason: "crash" }));
    expect(t.canReach(m, "billing")).toBe(false);
    expect(t.decisiveLoss(m, "billing")?.event.type).toBe("forgotten");
  });

  it("a drop on arrival at a crashed broker after the producer forgot it does not revive the producer's record", () => {
    const t = feed(facts({ retries: true }), [
      commit(),
      hop(1),
      ev({ type: "forgotten", producer: "P1", msgId: "P1-1", reason: "crash" }),
      drop(1, "publish", "P1>B", "down"),
    ]);
    expect(t.canReach(t.messages.get("P1-1")!, "billing")).toBe(false);
  });

  it("a broker crash discards one subscription's copy: only that subscription is lost", () => {
    const t = feed(facts(), [
      commit(),
      hop(1),
      ...accept(1),
      ev({ type: "discarded", node: "B", token: 2, msgId: "P1-1", reason: "crash", where: "queue", subscription: "billing" }),
    ]);
    const m = t.messages.get("P1-1")!;
    expect(t.canReach(m, "billing")).toBe(false);
    expect(t.canReach(m, "shipping")).toBe(true);
  });

  it("a manual broker routing to one subscription leaves the others without a copy once the message leaves its intake, routed and confirmed", () => {
    const routed = [
      commit(),
      hop(1),
      ev({ type: "accepted", token: 1, msgId: "P1-1", dedupId: null }),
      ev({ type: "command", command: { seat: "B", action: "route", token: 1, target: "billing" } }),
      ev({ type: "enqueued", token: 2, parent: 1, msgId: "P1-1", subscription: "billing", partition: 0 }),
    ];
    const t = feed(facts({ manualBroker: true }), routed);
    const m = t.messages.get("P1-1")!;
    // Not confirmed yet: it may still be routed to shipping (an exchange's message may match several bindings).
    expect(t.canReach(m, "shipping")).toBe(true);
    t.add(ev({ type: "command", command: { seat: "B", action: "confirm", token: 1 } }));
    expect(t.canReach(m, "billing")).toBe(true);
    expect(t.canReach(m, "shipping")).toBe(false);
    expect(t.decisiveLoss(m, "shipping")?.event.type).toBe("command");
  });

  it("a manual broker may route one message to several queues before confirming it", () => {
    const t = feed(facts({ manualBroker: true }), [
      commit(),
      hop(1),
      ev({ type: "accepted", token: 1, msgId: "P1-1", dedupId: null }),
      ev({ type: "command", command: { seat: "B", action: "route", token: 1, target: "billing" } }),
      ev({ type: "enqueued", token: 2, parent: 1, msgId: "P1-1", subscription: "billing", partition: 0 }),
      ev({ type: "command", command: { seat: "B", action: "route", token: 1, target: "shipping" } }),
      ev({ type: "enqueued", token: 3, parent: 1, msgId: "P1-1", subscription: "shipping", partition: 0 }),
      ev({ type: "command", command: { seat: "B", action: "confirm", token: 1 } }),
    ]);
    const m = t.messages.get("P1-1")!;
    expect(t.canReach(m, "billing")).toBe(true);
    expect(t.canReach(m, "shipping")).toBe(true);
    expect(t.decisiveLoss(m, "shipping")).toBeNull();
  });

  it("a dual write saved and not yet published dies with its producer; one published and not yet saved can never be saved", () => {
    const t = feed(facts({ dualWrite: true, retries: true }), [
      ev({ type: "dbWritten", msgId: "P1-1", producer: "P1", outbox: false }),
      commit(),
      hop(5, "send", "P1-2"),
      ev({ type: "crashed", node: "P1", until: 50 }),
    ]);
    expect(t.canReach(t.messages.get("P1-1")!, "billing")).toBe(false);
    expect(t.messages.get("P1-2")!.saveImpossible).toBe(true);
  });

  it("an unacked copy at the broker stays reachable after its delivery is dropped (it will be redelivered)", () => {
    const t = feed(facts({ ack: "afterProcessing" }), [
      commit(),
      hop(1),
      ...accept(1),
      ev({ type: "delivered", token: 2, msgId: "P1-1", subscription: "billing", consumer: "C1", delivery: 1, redelivered: false, deliveryCount: 1 }),
      drop(2, "deliver", "B>C1"),
    ]);
    expect(t.canReach(t.messages.get("P1-1")!, "billing")).toBe(true);
  });
});
