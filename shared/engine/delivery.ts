// Delivering: the broker pushes messages to the consumers that may take them — within each
// consumer's prefetch (not under RabbitMQ's auto-ack, which pushes everything), to the
// owner of a partition, to one consumer of a message group at a time, or only to the single
// active consumer — and settles them as acks arrive.
import type { Delivery, NodeId, QueuedMessage, SubscriptionState, TeamState } from "./types.js";
import { BROKER } from "./types.js";
import { emit, linkId, schedule, transmit, type Out } from "./kernel.js";
import { onDeliveryLost } from "./returns.js";

function consumerUp(s: TeamState, id: NodeId): boolean {
  for (const c of s.consumers) if (c.id === id) return c.up;
  return false;
}

/** A consumer the broker can send to now: up, and its connection not known to be broken. */
function reachable(s: TeamState, id: NodeId): boolean {
  return consumerUp(s, id) && !s.broker.broken.has(id);
}

/** Still in its group: up, or crashed and its session not yet timed out (it keeps its partitions until then). */
function member(s: TeamState, id: NodeId): boolean {
  return consumerUp(s, id) || (s.broker.sessionEnds.get(id) ?? -1) > s.tick;
}

/** The partition's owner: partitions are spread over the group's members (a rebalance follows every join and every session that ends). */
function owner(s: TeamState, sub: SubscriptionState, partition: number): NodeId | null {
  let members = 0;
  for (const id of sub.consumers) if (member(s, id)) members++;
  if (members === 0) return null;
  let index = partition % members;
  for (const id of sub.consumers) {
    if (!member(s, id)) continue;
    if (index === 0) return id;
    index--;
  }
  return null;
}

function hasCredit(s: TeamState, consumer: NodeId): boolean {
  const cfg = s.config.broker;
  // Under RabbitMQ's automatic acknowledgement the prefetch (a cap on unacknowledged
  // deliveries) does not apply: everything is pushed down the socket.
  if (s.config.consumer.ack === "auto" && !cfg.autoAckPrefetch) return true;
  return (s.broker.outstanding.get(consumer) ?? 0) < cfg.prefetch;
}

/** Pushes deliveries to consumers while they may take them. Called once a tick. */
export function dispatch(s: TeamState, out: Out): void {
  const b = s.broker;
  if (!b.up) return;
  const cfg = s.config.broker;
  for (const sub of b.subscriptions) {
    for (let p = 0; p < sub.partitions.length; p++) {
      const queue = sub.partitions[p];
      if (queue.length === 0) continue;
      if (cfg.partitions > 0) {
        const target = owner(s, sub, p);
        if (target === null || !reachable(s, target) || heldElsewhere(s, sub.name, p, target)) continue;
        while (queue.length > 0 && hasCredit(s, target) && s.tick >= (b.fetchAt.get(target) ?? 0) && !b.broken.has(target))
          deliver(s, out, queue.shift() as QueuedMessage, target);
        continue;
      }
      if (cfg.singleActiveConsumer) {
        const active = activeConsumer(s, sub);
        while (active !== null && queue.length > 0 && hasCredit(s, active) && !b.broken.has(active)) deliver(s, out, queue.shift() as QueuedMessage, active);
        continue;
      }
      let i = 0;
      while (i < queue.length) {
        const message = queue[i];
        if (cfg.messageGroups && b.groupsInFlight.has(`${sub.name}/${message.token.key}`)) {
          i++;
          continue;
        }
        const target = nextConsumer(s, sub);
        if (target === null) break;
        queue.splice(i, 1);
        deliver(s, out, message, target);
      }
    }
  }
}

/**
 * Single active consumer: the first registered consumer that is up receives everything; the
 * others wait for it to go. One whose connection broke stays active until the broker notices
 * (its heartbeat times out): meanwhile nobody receives.
 */
function activeConsumer(s: TeamState, sub: SubscriptionState): NodeId | null {
  for (const id of sub.registered) if (consumerUp(s, id)) return s.broker.broken.has(id) ? null : id;
  return null;
}

/** A consumer whose connection closed is no longer registered: single active consumer fails over to the next. */
export function unregister(s: TeamState, consumer: NodeId): void {
  for (const sub of s.broker.subscriptions) {
    const at = sub.registered.indexOf(consumer);
    if (at >= 0) sub.registered.splice(at, 1);
  }
}

/** A consumer (re)connects and registers behind the others: it becomes active only once those before it have gone. */
export function register(s: TeamState, consumer: NodeId): void {
  for (const sub of s.broker.subscriptions) if (sub.consumers.includes(consumer) && !sub.registered.includes(consumer)) sub.registered.push(consumer);
}

/**
 * A partition changes owner only once its previous owner has settled what it was given
 * (a cooperative rebalance): two consumers never work on one partition at once.
 */
function heldElsewhere(s: TeamState, subscription: string, partition: number, target: NodeId): boolean {
  for (const d of s.broker.unacked.values())
    if (d.consumer !== target && d.message.partition === partition && d.message.subscription === subscription) return true;
  return false;
}

function nextConsumer(s: TeamState, sub: SubscriptionState): NodeId | null {
  const n = sub.consumers.length;
  for (let k = 0; k < n; k++) {
    const id = sub.consumers[(sub.nextConsumer + k) % n];
    if (reachable(s, id) && hasCredit(s, id)) {
      sub.nextConsumer = (sub.nextConsumer + k + 1) % n;
      return id;
    }
  }
  return null;
}

function deliver(s: TeamState, out: Out, message: QueuedMessage, consumer: NodeId): void {
  const b = s.broker;
  const cfg = s.config.broker;
  message.deliveryCount++;
  const id = s.nextDeliveryId++;
  const token = message.token;
  b.outstanding.set(consumer, (b.outstanding.get(consumer) ?? 0) + 1);
  emit(s, out, {
    type: "delivered",
    token: token.id,
    msgId: token.msgId,
    subscription: message.subscription,
    consumer,
    delivery: id,
    redelivered: message.redelivered,
    deliveryCount: message.deliveryCount,
  });
  if (s.config.consumer.ack === "auto") {
    emit(s, out, { type: "removed", token: token.id, msgId: token.msgId, subscription: message.subscription, reason: "autoAck" });
  } else {
    const deadline = cfg.redeliveryTicks > 0 ? s.tick + cfg.redeliveryTicks : Number.MAX_SAFE_INTEGER;
    b.unacked.set(id, { id, message, consumer, deadline, onWire: false, orphan: false });
    if (cfg.messageGroups) b.groupsInFlight.add(`${message.subscription}/${token.key}`);
    if (cfg.redeliveryTicks > 0) schedule(s, deadline, { kind: "redeliver", delivery: id });
  }
  const sent = transmit(s, out, linkId(BROKER, consumer), {
    kind: "deliver",
    token,
    delivery: id,
    subscription: message.subscription,
    redelivered: message.redelivered,
    deliveryCount: message.deliveryCount,
  });
  const d = b.unacked.get(id);
  if (d) d.onWire = sent;
  if (!sent) onDeliveryLost(s, out, id);
}

/** A delivery packet reaches its consumer's end; false when it was voided on the way (drop it as stale). */
export function deliveryLeftWire(s: TeamState, delivery: number): boolean {
  if (s.broker.voided.delete(delivery)) return false;
  const d = s.broker.unacked.get(delivery);
  if (d) d.onWire = false;
  return true;
}

/** A consumer's ack arrives. With partitions an ack commits the offset: every earlier delivery of that partition to that consumer is settled too. */
export function onAck(s: TeamState, out: Out, delivery: number): void {
  const b = s.broker;
  const settled = b.unacked.get(delivery);
  if (!settled) return;
  const cumulative = s.config.broker.partitions > 0;
  for (const d of cumulative ? [...b.unacked.values()] : [settled]) {
    if (
      d !== settled &&
      !(
        d.id < settled.id &&
        d.consumer === settled.consumer &&
        d.message.partition === settled.message.partition &&
        d.message.subscription === settled.message.subscription
      )
    )
      continue;
    settle(s, d);
    emit(s, out, { type: "removed", token: d.message.token.id, msgId: d.message.token.msgId, subscription: d.message.subscription, reason: "ack" });
  }
}

/** The delivery is over (acked, returned, parked): it leaves the unacked set, its group and its consumer's prefetch. */
export function settle(s: TeamState, d: Delivery): void {
  const b = s.broker;
  b.unacked.delete(d.id);
  b.groupsInFlight.delete(`${d.message.subscription}/${d.message.token.key}`);
  if (!d.orphan) b.outstanding.set(d.consumer, Math.max(0, (b.outstanding.get(d.consumer) ?? 0) - 1));
}

/** Auto-ack flow control: the consumer finished (or lost) a pushed token, so one more may come. */
export function releaseCredit(s: TeamState, consumer: NodeId): void {
  const b = s.broker;
  b.outstanding.set(consumer, Math.max(0, (b.outstanding.get(consumer) ?? 0) - 1));
}
