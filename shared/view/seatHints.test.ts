import { describe, expect, it } from "vitest";
import type { BrokerSeat, ConsumerSeat, ProducerSeat } from "./seatView.js";
import { seatHasWork } from "./seatHints.js";

const producer = (over: Partial<ProducerSeat> = {}): ProducerSeat => ({ role: "producer", up: true, next: null, remaining: 0, nextInTicks: null, ready: 0, sent: [], inFlight: 0, halfDone: null, outbox: 0, ...over });
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
const consumer = (over: Partial<ConsumerSeat> = {}): ConsumerSeat => ({ role: "consumer", up: true, subscription: "q", inbox: [], processing: null, slow: false, ...over });

describe("seatHasWork", () => {
  it("sees work where the person could act now, and none where they can only wait", () => {
    const event = { msgId: "P1-1", key: "ana", seq: 1, amount: 5 };
    expect(seatHasWork(null)).toBe(false);
    expect(seatHasWork(producer())).toBe(false);
    expect(seatHasWork(producer({ next: event }))).toBe(true);
    expect(seatHasWork(producer({ next: event, up: false }))).toBe(false);
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
