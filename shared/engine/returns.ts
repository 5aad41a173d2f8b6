// What comes back to the broker: deliveries returned to the queue (an ack deadline run out,
// a crashed consumer, a closed connection, a nack, a rewound partition, a group session
// ended, a shared DB's claim rolled back), where they go in the queue, and the messages
// that are no longer delivered — past their delivery limit, or rejected — dropped or parked
// for someone to look at.
import type { Delivery, NodeId, Packet, QueuedMessage, RequeueReason, SubscriptionState, TeamState } from "./types.js";
import { BROKER } from "./types.js";
import { emit, linkId, schedule, transmit, type Out } from "./kernel.js";
import { nackPosition } from "./profiles.js";
import { register, settle, unregister } from "./delivery.js";

/** A consumer of a partitioned log whose fetch failed, or whose commit was lost, tries again this many ticks later. */
export const REFETCH_TICKS = 10;

/**
 * Puts a returned message back in its queue: at the head — in its original place, before
 * the messages published after it, so returns in any order keep publish order — or at the
 * tail, in the order they come back. Past its delivery limit it is no longer delivered.
 */
export function requeue(s: TeamState, out: Out, d: Delivery, reason: RequeueReason, position?: "head" | "tail"): void {
  const cfg = s.config.broker;
  settle(s, d);
  // The connection it was sent on is gone: a packet of it still on the wire is void.
  if (reason !== "timeout" && reason !== "nack" && d.onWire) s.broker.voided.add(d.id);
  const m = d.message;
  m.redelivered = true;
  if (cfg.maxDeliveries > 0 && m.deliveryCount >= cfg.maxDeliveries) return pastLimit(s, out, m, "maxDeliveries", d.consumer);
  emit(s, out, { type: "requeued", token: m.token.id, msgId: m.token.msgId, subscription: m.subscription, consumer: d.consumer, reason });
  const queue = (s.broker.subscriptions.find((x) => x.name === m.subscription) as SubscriptionState).partitions[m.partition];
  const head = cfg.partitions > 0 || cfg.messageGroups || (position ?? cfg.requeue) === "head";
  if (!head) {
    queue.push(m);
    return;
  }
  let at = 0;
  while (at < queue.length && queue[at].token.id < m.token.id) at++;
  queue.splice(at, 0, m);
}

/** A message that will not be delivered again: dropped (lost), or parked in the dead-letter queue or the stream, by the broker's setting. */
function pastLimit(s: TeamState, out: Out, m: QueuedMessage, reason: "maxDeliveries" | "rejected", consumer: NodeId): void {
  const where = s.config.broker.deadLetter;
  if (where === "drop") {
    emit(s, out, { type: "removed", token: m.token.id, msgId: m.token.msgId, subscription: m.subscription, reason });
    return;
  }
  s.broker.parked.push(m);
  emit(s, out, {
    type: "parked",
    token: m.token.id,
    msgId: m.token.msgId,
    subscription: m.subscription,
    reason,
    where: where === "queue" ? "deadLetterQueue" : "stream",
    deliveryCount: m.deliveryCount,
    consumer,
  });
}

/** An ack deadline ran out (visibility timeout, AckWait), or a shared DB rolled back a broken claim: the delivery goes back. */
export function onRedeliveryDue(s: TeamState, out: Out, delivery: number): void {
  const d = s.broker.unacked.get(delivery);
  if (!d || !s.broker.up || s.tick < d.deadline) return;
  requeue(s, out, d, s.config.broker.sharedDb ? "rollback" : "timeout");
}

/** Shared DB: the claim's transaction is over without a commit: the row is free for another claim. */
export function rollBackClaim(s: TeamState, out: Out, delivery: number): void {
  const d = s.broker.unacked.get(delivery);
  if (d && s.broker.up) requeue(s, out, d, "rollback");
}

/** Shared DB: the consumer's claim on the row is still open (the database is up and the row still claimed by it). */
export function claimOpen(s: TeamState, delivery: number, consumer: NodeId): boolean {
  return s.broker.up && s.broker.unacked.get(delivery)?.consumer === consumer;
}

/** A consumer's nack arrives: back to the queue (a quorum queue: at the tail), or rejected (dead-lettered or dropped). */
export function onNack(s: TeamState, out: Out, delivery: number, requeueIt: boolean): void {
  const d = s.broker.unacked.get(delivery);
  if (!d) return;
  if (requeueIt) return requeue(s, out, d, "nack", nackPosition(s.config.broker));
  settle(s, d);
  pastLimit(s, out, d.message, "rejected", d.consumer);
}

function deliveriesOf(s: TeamState, consumer: NodeId): Delivery[] {
  const mine: Delivery[] = [];
  for (const d of s.broker.unacked.values()) if (d.consumer === consumer) mine.push(d);
  return mine;
}

/** The deliveries of a consumer that is gone wait to be returned; they no longer hold its prefetch, and a packet of theirs on the wire is void. */
function orphan(s: TeamState, consumer: NodeId): void {
  for (const d of deliveriesOf(s, consumer)) {
    d.orphan = true;
    if (d.onWire) {
      s.broker.voided.add(d.id);
      d.onWire = false;
    }
  }
  s.broker.outstanding.set(consumer, 0);
}

/**
 * A consumer crashed. RabbitMQ and ActiveMQ see its connection close and return its unacked
 * deliveries at once; Kafka keeps its partitions until its session times out; SQS and
 * JetStream notice nothing: each delivery comes back when its own deadline runs out.
 */
export function requeueFor(s: TeamState, out: Out, consumer: NodeId): void {
  const b = s.broker;
  unregister(s, consumer);
  if (!b.up) return;
  const cfg = s.config.broker;
  if (cfg.consumerLoss === "connection") {
    b.broken.delete(consumer);
    for (const d of deliveriesOf(s, consumer)) requeue(s, out, d, "crash");
    b.outstanding.set(consumer, 0);
    return;
  }
  orphan(s, consumer);
  if (cfg.consumerLoss === "session" && cfg.heartbeatTicks > 0) {
    b.sessionEnds.set(consumer, s.tick + cfg.heartbeatTicks);
    schedule(s, s.tick + cfg.heartbeatTicks, { kind: "sessionTimeout", consumer });
  }
}

/** A crashed consumer's group session timed out: the group rebalances, and its partitions' new owners re-read from the last commit. */
export function onSessionTimeout(s: TeamState, out: Out, consumer: NodeId): void {
  const b = s.broker;
  const ends = b.sessionEnds.get(consumer);
  if (ends === undefined || s.tick < ends || !b.up) return;
  b.sessionEnds.delete(consumer);
  for (const d of deliveriesOf(s, consumer)) requeue(s, out, d, "rebalance");
}

/** A crashed consumer is back: it registers again (behind the others); a Kafka member rejoins its group and reads its partitions again from the last commit. */
export function consumerRejoined(s: TeamState, out: Out, consumer: NodeId): void {
  const b = s.broker;
  register(s, consumer);
  if (!b.up || s.config.broker.consumerLoss !== "session") return;
  b.sessionEnds.delete(consumer);
  for (const d of deliveriesOf(s, consumer)) if (d.orphan) requeue(s, out, d, "rebalance");
}

/** Whether acks from this consumer are void: its connection broke, and nothing it sends arrives until it reconnects. */
export function connectionBroken(s: TeamState, consumer: NodeId): boolean {
  return s.broker.broken.has(consumer);
}

/**
 * A packet between the broker and a consumer was lost. Where deliveries ride a connection
 * (RabbitMQ, ActiveMQ), that connection is broken: nothing more goes over it, what was on
 * the wire is void, and once the heartbeat times out the broker returns what the consumer
 * held unacked and the consumer connects again.
 */
function breakConnection(s: TeamState, out: Out, consumer: NodeId): void {
  const b = s.broker;
  if (!b.up || b.broken.has(consumer) || !s.consumers.some((c) => c.id === consumer && c.up)) return;
  const until = s.tick + Math.max(1, s.config.broker.heartbeatTicks);
  b.broken.set(consumer, until);
  emit(s, out, { type: "connectionLost", consumer, until });
  for (const d of deliveriesOf(s, consumer))
    if (d.onWire) {
      b.voided.add(d.id);
      d.onWire = false;
    }
  schedule(s, until, { kind: "heartbeat", consumer, epoch: b.epoch });
}

/** The heartbeat of a broken connection timed out: its unacked deliveries go back, in place, and the consumer registers again. */
export function onHeartbeatTimeout(s: TeamState, out: Out, consumer: NodeId, epoch: number): void {
  const b = s.broker;
  const until = b.broken.get(consumer);
  if (until === undefined || s.tick < until || b.epoch !== epoch || !b.up) return;
  b.broken.delete(consumer);
  for (const d of deliveriesOf(s, consumer)) requeue(s, out, d, "connection");
  b.outstanding.set(consumer, 0);
  unregister(s, consumer);
  register(s, consumer);
}

/**
 * A delivery never reached its consumer. On a partitioned log the consumer reads each
 * partition as one ordered stream and cannot skip a record, so the stream is rewound: the
 * lost delivery and every later unacked one of its partition to that consumer go back to
 * the partition's head, to be read again in order, once the consumer fetches again after
 * REFETCH_TICKS. On a connection, the connection is broken. A shared DB rolls the claim
 * back. Elsewhere the ack deadline brings it back.
 */
export function onDeliveryLost(s: TeamState, out: Out, delivery: number): void {
  const b = s.broker;
  const lost = b.unacked.get(delivery);
  if (!lost || !b.up) return;
  const cfg = s.config.broker;
  if (cfg.sharedDb) {
    // The claim's connection broke: the database rolls its transaction back a moment later.
    lost.deadline = s.tick + REFETCH_TICKS;
    schedule(s, lost.deadline, { kind: "redeliver", delivery });
    return;
  }
  if (cfg.partitions > 0) {
    const { subscription, partition } = lost.message;
    for (const d of deliveriesOf(s, lost.consumer))
      if (d.id >= delivery && d.message.partition === partition && d.message.subscription === subscription) requeue(s, out, d, "rewind");
    b.fetchAt.set(lost.consumer, s.tick + REFETCH_TICKS);
    return;
  }
  if (cfg.consumerLoss !== "ackDeadline") breakConnection(s, out, lost.consumer);
}

/**
 * A consumer's ack or nack was lost on its way. On a connection, the connection is broken. A
 * Kafka consumer's commit that failed is sent again by its client. Elsewhere the ack
 * deadline redelivers the message.
 */
export function onAckLost(s: TeamState, out: Out, packet: Extract<Packet, { kind: "ack" | "nack" }>): void {
  const cfg = s.config.broker;
  if (cfg.partitions > 0) {
    if (packet.kind === "ack")
      schedule(s, s.tick + REFETCH_TICKS, {
        kind: "recommit",
        consumer: packet.from,
        token: packet.token,
        msgId: packet.msgId,
        delivery: packet.delivery,
        since: s.tick,
      });
    return;
  }
  if (cfg.consumerLoss !== "ackDeadline") breakConnection(s, out, packet.from);
}

/** The client sends a lost commit again, if its process still lives (it has not crashed since the commit failed). */
export function onRecommit(s: TeamState, out: Out, consumer: NodeId, token: number, msgId: string, delivery: number, since: number): void {
  if (!s.consumers.some((c) => c.id === consumer && c.up && c.restartAt <= since)) return;
  emit(s, out, { type: "ackSent", consumer, token, msgId, delivery });
  const packet = { kind: "ack" as const, token, msgId, delivery, from: consumer };
  if (!transmit(s, out, linkId(consumer, BROKER), packet)) onAckLost(s, out, packet);
}

export function expireRetention(s: TeamState, out: Out): void {
  const cfg = s.config.broker;
  if (cfg.retentionTicks <= 0 || !s.broker.up) return;
  for (const sub of s.broker.subscriptions)
    for (const queue of sub.partitions) {
      while (queue.length > 0 && s.tick - queue[0].enqueuedAt >= cfg.retentionTicks) {
        const m = queue.shift() as QueuedMessage;
        emit(s, out, { type: "removed", token: m.token.id, msgId: m.token.msgId, subscription: m.subscription, reason: "expired" });
      }
    }
}
