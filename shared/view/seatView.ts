// What a player's phone shows of its seat: the tokens it holds, what happened to what it
// sent, and whether it is up. Derived from the engine state, small, plain JSON.
import type { VariantConfig } from "../engine/config.js";
import type { SeatMessage } from "../protocol.js";
import { actionsFor } from "../scenarios/catalogue.js";
import type { Role, TeamState } from "../engine/types.js";
import { BROKER } from "../engine/types.js";
import { canPublish } from "../engine/producer.js";
import { routingKeyOf, type Binding, type ExchangeType } from "../engine/exchange.js";

export interface EventCard {
  msgId: string;
  key: string;
  seq: number;
  amount: number;
}

export interface ProducerSeat {
  role: "producer";
  up: boolean;
  /** The next business event to commit, if any, and how many remain. */
  next: EventCard | null;
  remaining: number;
  /** Ticks until the next event becomes available (0: it is; null: none left): "next event in 3 s". */
  nextInTicks: number | null;
  /** Events available now, waiting to be sent. */
  ready: number;
  /** The latest publishes, newest first: pending, acknowledged, timedOut, sent (no confirm asked). */
  sent: { msgId: string; key: string; seq: number; status: string; attempts: number }[];
  inFlight: number;
  /** Topic 5: the event half-written (saved or published, not both). */
  halfDone: { msgId: string; saved: boolean; published: boolean } | null;
  outbox: number;
  /**
   * Why a new publish, or a retry, would be refused now by the in-flight rule (the engine's
   * own canPublish: "waitingForAck", "tooManyInFlight"…), null when it would not. Always set
   * by seatView; absent from views built by hand.
   */
  publishBlocked?: string | null;
  retryBlocked?: string | null;
}

export interface BrokerSeat {
  role: "broker";
  up: boolean;
  /**
   * What waits to be routed. Behind an exchange each message shows its routing key and the
   * queues a person routed it to so far (it may go to several before it is confirmed).
   */
  intake: {
    token: number;
    msgId: string;
    key: string;
    seq: number;
    persisted: boolean;
    confirmed: boolean;
    routed: boolean;
    routingKey?: string;
    routedTo?: string[];
  }[];
  /** A RabbitMQ exchange in front of the queues: its type and each queue's binding key (Topic 2). */
  exchange?: { type: ExchangeType; bindings: Binding[] };
  queues: { subscription: string; depth: number }[];
  unacked: number;
  /** Messages in the dead-letter queue (or kept in the stream past their delivery limit). */
  parked: number;
}

export interface ConsumerSeat {
  role: "consumer";
  up: boolean;
  subscription: string;
  inbox: {
    token: number;
    msgId: string;
    key: string;
    seq: number;
    amount: number;
    redelivered: boolean;
    deliveryCount: number;
    acked: boolean;
    processed: boolean;
    failed: boolean;
    checked: boolean | null;
    held: boolean;
  }[];
  /** The token being processed, from tick to tick (constant while it runs: the phone animates it). */
  processing: { token: number; msgId: string; startedAt: number; doneAt: number } | null;
  slow: boolean;
  /**
   * The variant's rules a button depends on: the ack comes before processing (ack-before),
   * and a nack may reject as well as requeue (not on SQS, whose nack only makes the message
   * visible again). Always set by seatView; absent from views built by hand.
   */
  ackFirst?: boolean;
  reject?: boolean;
}

export type SeatView = ProducerSeat | BrokerSeat | ConsumerSeat;

const MAX_ROWS = 12;

export function seatView(s: TeamState, seat: string): SeatView | null {
  if (seat === BROKER) {
    const b = s.broker;
    const unacked = b.unacked.size;
    const exchange = s.config.broker.exchange;
    const routing = (i: (typeof b.intake)[number]) => (exchange ? { routingKey: routingKeyOf(exchange, i.token.key), routedTo: [...i.routedTo] } : {});
    return {
      role: "broker",
      up: b.up,
      intake: b.intake.slice(0, MAX_ROWS).map((i) => ({
        token: i.token.id,
        msgId: i.token.msgId,
        key: i.token.key,
        seq: i.token.seq,
        persisted: i.persisted,
        confirmed: i.confirmed,
        routed: i.routed,
        ...routing(i),
      })),
      ...(exchange ? { exchange: { type: exchange.type, bindings: exchange.bindings.map((x) => ({ ...x })) } } : {}),
      queues: b.subscriptions.map((sub) => ({ subscription: sub.name, depth: sub.partitions.reduce((n, q) => n + q.length, 0) })),
      unacked,
      parked: b.parked.length,
    };
  }
  const p = s.producers.find((x) => x.id === seat);
  if (p) {
    const next = p.stack[0];
    let ready = 0;
    while (ready < p.stack.length && p.stack[ready].availableAt <= s.tick) ready++;
    return {
      role: "producer",
      up: p.up,
      next: next ? { msgId: next.msgId, key: next.key, seq: next.seq, amount: next.amount } : null,
      remaining: p.stack.length,
      nextInTicks: next ? Math.max(0, next.availableAt - s.tick) : null,
      ready,
      sent: p.sent
        .slice(-MAX_ROWS)
        .reverse()
        .map((r) => ({ msgId: r.msgId, key: r.key, seq: r.seq, status: r.status, attempts: r.attempts })),
      inFlight: p.inFlight,
      halfDone: p.dualWrite ? { msgId: p.dualWrite.event.msgId, saved: p.dualWrite.saved, published: p.dualWrite.published } : null,
      outbox: p.outbox.length,
      publishBlocked: canPublish(s, p)?.code ?? null,
      retryBlocked: canPublish(s, p, true)?.code ?? null,
    };
  }
  const c = s.consumers.find((x) => x.id === seat);
  if (!c) return null;
  const job = c.processing;
  return {
    role: "consumer",
    up: c.up,
    subscription: c.subscription,
    inbox: c.inbox.slice(0, MAX_ROWS).map((i) => ({
      token: i.token.id,
      msgId: i.token.msgId,
      key: i.token.key,
      seq: i.token.seq,
      amount: i.token.amount,
      redelivered: i.redelivered,
      deliveryCount: i.deliveryCount,
      acked: i.acked,
      processed: i.processed,
      failed: i.failed,
      checked: i.checked,
      held: i.held,
    })),
    processing: job ? { token: job.token, msgId: job.msgId, startedAt: job.startedAt, doneAt: job.doneAt } : null,
    slow: s.tick < c.slowUntil,
    ackFirst: s.config.consumer.ack === "beforeProcessing",
    reject: s.config.broker.nack === "both",
  };
}

/** What the room sends a person about their seat: its role, the role's actions in this variant, and the phone's view. */
/**
 * Whether a seat view of this team may read differently at tick `to` than at tick `from`
 * through the clock alone, nothing having happened to the team: a producer's next event
 * counting down (nextInTicks) or becoming available (ready), a consumer's slowness ending.
 * Everything else in a seat view changes only with an event or a command (the room
 * recomputes seat views only then, or when this says so; seatView.test.ts checks it).
 */
export function seatViewsMoveWithClock(s: TeamState, from: number, to: number): boolean {
  for (const p of s.producers) {
    // A producer's work is ordered by when it becomes available (seatView counts the ready ones so).
    if (p.stack.length && p.stack[0].availableAt > from) return true;
    for (const e of p.stack) {
      if (e.availableAt <= from) continue;
      if (e.availableAt <= to) return true;
      break;
    }
  }
  for (const c of s.consumers) if (c.slowUntil > from && c.slowUntil <= to) return true;
  return false;
}

export function seatMessage(config: VariantConfig, s: TeamState, team: number, seat: string): SeatMessage {
  const role = roleOfSeat(config, seat);
  return { seat, team, role, actions: role ? actionsFor(config, role) : [], view: seatView(s, seat) };
}

/** The role of a seat id in a variant. */
export function roleOfSeat(config: VariantConfig, seat: string): Role | null {
  if (seat === BROKER) return config.broker.manual ? "broker" : null;
  if (/^P\d+$/.test(seat) && Number(seat.slice(1)) <= config.topology.producers) return "producer";
  if (/^C\d+$/.test(seat) && Number(seat.slice(1)) <= config.topology.consumers) return "consumer";
  return null;
}
