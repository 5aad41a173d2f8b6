import { describe, expect, it } from "vitest";
import type { PlayerAction } from "../engine/actions.js";
import { CATALOGUE, seatsOf } from "../scenarios/catalogue.js";
import { createRound, stepRound } from "../sim/round.js";
import { actionTarget } from "./seatActions.js";
import { seatMessage, type BrokerSeat, type ConsumerSeat, type ProducerSeat, type SeatView } from "./seatView.js";
import { SEAT_HINT_KEYS, seatHasWork, seatHint, type SeatHintKey } from "./seatHints.js";

const producer = (over: Partial<ProducerSeat> = {}): ProducerSeat => ({
  role: "producer",
  up: true,
  next: null,
  remaining: 0,
  nextInTicks: null,
  ready: 0,
  sent: [],
  inFlight: 0,
  halfDone: null,
  outbox: 0,
  ...over,
});
const EXCHANGE: BrokerSeat["exchange"] = {
  type: "topic",
  bindings: [
    { queue: "billing", key: "br.*" },
    { queue: "loyalty", key: "*.ana" },
  ],
};
const broker = (over: Partial<BrokerSeat> = {}): BrokerSeat => ({ role: "broker", up: true, intake: [], queues: [], unacked: 0, parked: 0, ...over });
const item = (over: Partial<ConsumerSeat["inbox"][number]> = {}): ConsumerSeat["inbox"][number] => ({
  token: 1,
  msgId: "P1-1",
  key: "ana",
  seq: 1,
  amount: 5,
  redelivered: false,
  deliveryCount: 1,
  acked: false,
  processed: false,
  failed: false,
  checked: null,
  held: false,
  ...over,
});
const consumer = (over: Partial<ConsumerSeat> = {}): ConsumerSeat => ({
  role: "consumer",
  up: true,
  subscription: "q",
  inbox: [],
  processing: null,
  slow: false,
  ...over,
});

describe("seatHasWork", () => {
  it("sees work where the person could act now, and none where they can only wait", () => {
    const event = { msgId: "P1-1", key: "ana", seq: 1, amount: 5 };
    expect(seatHasWork(null)).toBe(false);
    expect(seatHasWork(producer())).toBe(false);
    expect(seatHasWork(producer({ next: event }))).toBe(true);
    expect(seatHasWork(producer({ next: event, up: false }))).toBe(false);
    expect(seatHasWork(producer({ next: event, nextInTicks: 30 }))).toBe(false);
    expect(seatHasWork(producer({ next: event, publishBlocked: "tooManyInFlight" }))).toBe(false);
    expect(seatHasWork(producer({ sent: [{ msgId: "P1-1", key: "ana", seq: 1, status: "pending", attempts: 1 }] }))).toBe(false);
    expect(seatHasWork(producer({ sent: [{ msgId: "P1-1", key: "ana", seq: 1, status: "timedOut", attempts: 1 }] }))).toBe(true);
    expect(seatHasWork(producer({ halfDone: { msgId: "P1-1", saved: true, published: false } }))).toBe(true);
    expect(seatHasWork(broker())).toBe(false);
    expect(seatHasWork(broker({ intake: [{ token: 1, msgId: "P1-1", key: "ana", seq: 1, persisted: false, confirmed: false, routed: false }] }))).toBe(true);
    expect(seatHasWork(consumer())).toBe(false);
    expect(seatHasWork(consumer({ inbox: [item()] }))).toBe(true);
    expect(seatHasWork(consumer({ inbox: [item({ held: true })] }))).toBe(false);
    const busy = { token: 2, msgId: "P1-2", startedAt: 0, doneAt: 5 };
    expect(seatHasWork(consumer({ inbox: [item()], processing: busy }))).toBe(false);
    expect(seatHasWork(consumer({ inbox: [item({ processed: true })], processing: busy }))).toBe(true);
    expect(seatHasWork(consumer({ inbox: [item({ processed: true, acked: true })] }))).toBe(false);
  });
});

describe("seatHint", () => {
  const event = { msgId: "P1-4", key: "ana", seq: 4, amount: 9 };
  const sent = (status: string, msgId = "P1-1") => ({ msgId, key: "ana", seq: 1, status, attempts: 1 });
  const intake = (over: Partial<BrokerSeat["intake"][number]> = {}) => ({
    token: 7,
    msgId: "P1-2",
    key: "ana",
    seq: 2,
    persisted: false,
    confirmed: false,
    routed: false,
    ...over,
  });
  const busy = { token: 9, msgId: "P1-9", startedAt: 0, doneAt: 8 };
  const seat = (view: SeatView, actions: PlayerAction[]) => ({ role: view.role, actions, view });
  const SEND: PlayerAction[] = ["send", "retry"];
  const DUAL: PlayerAction[] = ["saveDb", "publish", "retry"];
  const BROKER: PlayerAction[] = ["route", "confirm", "persist"];
  const CONSUMER: PlayerAction[] = ["process", "ack"];
  const ORDERED: PlayerAction[] = ["process", "ack", "check", "hold", "release"];

  // Every role in every state the hint tells apart: [seat, expected key, suggested button].
  const cases: [string, ReturnType<typeof seat>, SeatHintKey, PlayerAction?, PlayerAction?][] = [
    ["a producer that is down", seat(producer({ up: false, next: event }), SEND), "down"],
    ["a timed-out publish comes before new work", seat(producer({ next: event, sent: [sent("timedOut")] }), SEND), "retry", "retry"],
    ["an event to send", seat(producer({ next: event, sent: [sent("pending")] }), SEND), "send", "send"],
    [
      "Topic 1's direct call waits for its answer",
      seat(producer({ next: event, sent: [sent("pending")], publishBlocked: "waitingForAck" }), ["send"]),
      "waitAck",
    ],
    [
      "as many publishes in flight as allowed",
      seat(producer({ next: event, sent: [sent("pending")], publishBlocked: "tooManyInFlight" }), SEND),
      "waitingAcks",
    ],
    ["fire-and-forget never waits", seat(producer({ next: event, sent: [sent("sent")] }), ["send"]), "send", "send"],
    ["the next event is not there yet", seat({ ...producer({ next: event }), nextInTicks: 30, ready: 0 } as ProducerSeat, SEND), "nextIn"],
    ["ACKs still awaited", seat(producer({ sent: [sent("pending")] }), SEND), "waitingAcks"],
    ["everything sent and acknowledged", seat(producer({ sent: [sent("acknowledged")] }), SEND), "allSent"],
    ["dual write: a new event", seat(producer({ next: event }), DUAL), "saveThenPublish", "saveDb", "publish"],
    [
      "dual write: saved, not published",
      seat(producer({ next: event, halfDone: { msgId: "P1-3", saved: true, published: false } }), DUAL),
      "publishSaved",
      "publish",
    ],
    [
      "dual write: published, not saved",
      seat(producer({ next: event, halfDone: { msgId: "P1-3", saved: false, published: true } }), DUAL),
      "saveDbPublished",
      "saveDb",
    ],
    ["outbox: a new event", seat(producer({ next: event }), ["commitOutbox"]), "commitOutbox", "commitOutbox"],
    ["a broker that is down", seat(broker({ up: false, intake: [intake()] }), BROKER), "down"],
    ["a broker with nothing arrived", seat(broker(), BROKER), "brokerWait"],
    ["a new message to route", seat(broker({ intake: [intake()] }), BROKER), "brokerRoute", "route"],
    ["routed, to persist before confirming", seat(broker({ intake: [intake({ routed: true })] }), BROKER), "brokerPersist", "persist"],
    ["routed, to confirm (no disk in this variant)", seat(broker({ intake: [intake({ routed: true })] }), ["route", "confirm"]), "brokerConfirm", "confirm"],
    [
      "behind an exchange: route by the routing key",
      seat(broker({ exchange: EXCHANGE, intake: [intake({ routingKey: "br.ana", routedTo: [] })] }), ["route", "confirm"]),
      "brokerRouteKey",
      "route",
      "confirm",
    ],
    [
      "behind an exchange: routed once, another binding may match",
      seat(broker({ exchange: EXCHANGE, intake: [intake({ routed: true, routingKey: "br.ana", routedTo: ["billing"] })] }), ["route", "confirm"]),
      "brokerRouteMore",
      "confirm",
      "route",
    ],
    [
      "behind a durable exchange: routed once, persist next unless another binding matches",
      seat(broker({ exchange: EXCHANGE, intake: [intake({ routed: true, routingKey: "br.ana", routedTo: ["billing"] })] }), BROKER),
      "brokerRouteMore",
      "persist",
      "route",
    ],
    ["a consumer that is down", seat(consumer({ up: false, inbox: [item()] }), CONSUMER), "down"],
    ["an empty inbox", seat(consumer(), CONSUMER), "consumerWait"],
    ["a delivery to process", seat(consumer({ inbox: [item()] }), CONSUMER), "process", "process"],
    ["processing", seat(consumer({ inbox: [item({ token: 9 }), item({ token: 2 })], processing: busy }), CONSUMER), "processing"],
    ["processed, to ack", seat(consumer({ inbox: [item({ processed: true }), item({ token: 2 })] }), CONSUMER), "ack", "ack"],
    ["auto-ack has no ack to give", seat(consumer({ inbox: [item({ acked: true })] }), ["process"]), "process", "process"],
    ["a repeat to check first", seat(consumer({ inbox: [item()] }), ORDERED), "check", "check"],
    ["found already processed: ack without processing", seat(consumer({ inbox: [item({ checked: true })] }), ORDERED), "seenAck", "ack"],
    ["checked new, later in its key: hold or process", seat(consumer({ inbox: [item({ checked: false, seq: 3 })] }), ORDERED), "orderCheck", "process", "hold"],
    ["checked new, first of its key", seat(consumer({ inbox: [item({ checked: false })] }), ORDERED), "process", "process"],
    ["everything waiting is held", seat(consumer({ inbox: [item({ held: true, checked: false, seq: 2 })] }), ORDERED), "allHeld", "release"],
    ["ack before processing: ack first, then process", seat(consumer({ inbox: [item()], ackFirst: true }), CONSUMER), "ackFirst", "ack", "process"],
    ["ack before processing: acked, to process", seat(consumer({ inbox: [item({ acked: true })], ackFirst: true }), CONSUMER), "process", "process"],
    ["a failed processing: process it again", seat(consumer({ inbox: [item({ failed: true })] }), CONSUMER), "failed", "process"],
    [
      "a failed processing: again, or nack it back",
      seat(consumer({ inbox: [item({ failed: true })], reject: true }), [...CONSUMER, "nack"]),
      "failedNack",
      "process",
      "nack",
    ],
  ];

  it.each(cases)("%s", (_what, s, key, action, also) => {
    const h = seatHint(s);
    expect(h?.key).toBe(key);
    expect(h?.action).toBe(action);
    expect(h?.also).toBe(also);
    for (const value of Object.values(h?.vars ?? {})) expect(String(value)).not.toBe("");
  });

  it("covers every hint it can give", () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(SEAT_HINT_KEYS));
  });

  it("says nothing for a seat without a role or a view", () => {
    expect(seatHint({ role: null, actions: [], view: null })).toBeNull();
    expect(seatHint({ role: "consumer", actions: ["process"], view: null })).toBeNull();
  });

  it("follows the phone's selected message", () => {
    const s = seat(consumer({ inbox: [item(), item({ token: 2, msgId: "P1-2" })] }), CONSUMER);
    expect(seatHint(s, 2)?.vars.msgId).toBe("P1-2");
    expect(seatHint(s)?.vars.msgId).toBe("P1-1");
  });

  it("in real rounds of every variant, suggests only a button of the seat that can act now", () => {
    let hints = 0;
    for (const scenario of CATALOGUE)
      for (const variant of scenario.variants) {
        const round = createRound({ scenario: scenario.id, variant: variant.id, seed: 5, teams: 1, roundTicks: 400 });
        const config = round.header.config;
        for (let tick = 0; round.phase === "running"; tick++) {
          stepRound(round);
          if (tick % 13 !== 0) continue;
          for (const { seat: id } of seatsOf(config)) {
            const message = seatMessage(config, round.teams[0], 0, id);
            const h = seatHint(message);
            expect(h, `${scenario.id}/${variant.id} ${id}`).not.toBeNull();
            hints++;
            for (const a of [h?.action, h?.also]) if (a) expect(message.actions, `${scenario.id}/${variant.id} ${id} ${h?.key}`).toContain(a);
            if (h?.action && message.view) expect(actionTarget(message.view, h.action).blocked, `${scenario.id}/${variant.id} ${id} ${h.key}`).toBeUndefined();
          }
        }
      }
    expect(hints).toBeGreaterThan(500);
  });
});
