// The broker: accepts publishes (de-duplicating inside a window), routes a copy to every
// subscription that should get one, persists them if durable, delivers within each
// consumer's prefetch window, and redelivers what is not acked in time or whose consumer
// crashed. What it holds in memory dies with it; persisted messages come back.
import type { Command, Delivery, NodeId, QueuedMessage, RefusalReason, SubscriptionState, TeamState, Token } from "./types.js";
import { BROKER } from "./types.js";
import { isActionOf } from "./actions.js";
import { emit, linkId, newToken, schedule, transmit, type Out } from "./kernel.js";
import { partitionOf } from "./prng.js";

/** A consumer of a partitioned log whose fetch failed tries again this many ticks later. */
export const REFETCH_TICKS = 10;

const refuse = (code: RefusalReason["code"], detail?: string): RefusalReason => (detail ? { code, detail } : { code });

function sendConfirm(s: TeamState, out: Out, to: NodeId, token: Token, duplicate: boolean): void {
  transmit(s, out, linkId(BROKER, to), { kind: "confirm", token: token.id, msgId: token.msgId, to, duplicate });
}

/** A publish arrives. Returns without effect if the de-duplication window has seen its id. */
export function onPublish(s: TeamState, out: Out, token: Token, from: NodeId, confirm: boolean): void {
  const b = s.broker;
  const cfg = s.config.broker;
  if (cfg.dedupWindowTicks > 0 && token.dedupId !== null) {
    const seen = b.dedup.get(token.dedupId);
    if (seen !== undefined && s.tick - seen < cfg.dedupWindowTicks) {
      emit(s, out, { type: "deduplicated", token: token.id, msgId: token.msgId });
      if (confirm) sendConfirm(s, out, from, token, true);
      return;
    }
    b.dedup.set(token.dedupId, s.tick);
    if (cfg.durable) b.dedupUnpersisted.set(token.id, token.dedupId);
  }
  emit(s, out, { type: "accepted", token: token.id, msgId: token.msgId, dedupId: token.dedupId });
  if (cfg.manual) {
    b.intake.push({ token, from, arrivedAt: s.tick, persisted: false, confirmed: !confirm, routed: false });
    return;
  }
  // A shared DB's row is visible only once its transaction commits (onPersisted).
  if (!cfg.sharedDb) route(s, out, token, null);
  if (cfg.durable || cfg.sharedDb) schedule(s, s.tick + cfg.persistTicks, { kind: "persisted", token, from, confirm, epoch: b.epoch });
  else if (confirm) sendConfirm(s, out, from, token, false);
}

/** Puts a copy of the token in one subscription (target) or in every subscription (null). */
function route(s: TeamState, out: Out, token: Token, target: string | null): void {
  const cfg = s.config.broker;
  for (const sub of s.broker.subscriptions) {
    if (target !== null && sub.name !== target) continue;
    const partition = cfg.partitions > 0 ? partitionOf(token.key, cfg.partitions) : 0;
    const copy = newToken(s, { msgId: token.msgId, key: token.key, seq: token.seq, amount: token.amount, dedupId: token.dedupId, origin: "copy", parent: token.id });
    sub.partitions[partition].push({ token: copy, subscription: sub.name, partition, enqueuedAt: s.tick, deliveryCount: 0, redelivered: false, persisted: false });
    emit(s, out, { type: "enqueued", token: copy.id, parent: token.id, msgId: token.msgId, subscription: sub.name, partition });
  }
}

/** The durable write of a publish finished: its copies survive a crash from now on, and the confirm goes out. */
export function onPersisted(s: TeamState, out: Out, token: Token, from: NodeId, confirm: boolean, epoch: number): void {
  const b = s.broker;
  if (!b.up || b.epoch !== epoch) return;
  if (s.config.broker.sharedDb) {
    // The insert's transaction commits: the row exists, and the producer's work is committed.
    route(s, out, token, null);
    emit(s, out, { type: "committed", msgId: token.msgId, key: token.key, seq: token.seq, amount: token.amount, producer: from });
  }
  markPersisted(s, token.id);
  emit(s, out, { type: "persisted", token: token.id, msgId: token.msgId });
  if (confirm) sendConfirm(s, out, from, token, false);
}

function markPersisted(s: TeamState, parent: number): void {
  s.broker.dedupUnpersisted.delete(parent);
  for (const sub of s.broker.subscriptions)
    for (const queue of sub.partitions) for (const m of queue) if (m.token.parent === parent) m.persisted = true;
  for (const d of s.broker.unacked.values()) if (d.message.token.parent === parent) d.message.persisted = true;
}

/** The human broker's actions (Topic 2): route, confirm, persist a token from the intake. */
export function brokerCommand(s: TeamState, out: Out, command: Command): RefusalReason | null {
  const b = s.broker;
  const cfg = s.config.broker;
  if (!isActionOf(command, "broker")) return refuse("notYourAction", command.action);
  if (!cfg.manual) return refuse("notInVariant", "automaticBroker");
  if (!b.up) return refuse("nodeDown", BROKER);
  const item = b.intake.find((i) => i.token.id === command.token);
  if (!item) return refuse("unknownToken", String(command.token));
  if (command.action === "route") {
    if (item.routed) return refuse("alreadyDone");
    const target = command.target === "all" ? null : command.target;
    if (target !== null && !b.subscriptions.some((sub) => sub.name === target)) return refuse("unknownTarget", command.target);
    item.routed = true;
    route(s, out, item.token, target);
    if (item.persisted) markPersisted(s, item.token.id);
  } else if (command.action === "confirm") {
    if (item.confirmed) return refuse("alreadyDone");
    item.confirmed = true;
    sendConfirm(s, out, item.from, item.token, false);
  } else {
    if (!cfg.durable) return refuse("notInVariant", "inMemoryBroker");
    if (item.persisted) return refuse("alreadyDone");
    item.persisted = true;
    markPersisted(s, item.token.id);
    emit(s, out, { type: "persisted", token: item.token.id, msgId: item.token.msgId });
  }
  if (item.routed && item.confirmed) b.intake.splice(b.intake.indexOf(item), 1);
  return null;
}

function owner(s: TeamState, sub: SubscriptionState, partition: number): NodeId | null {
  // Partitions are spread over the consumers that are up (a rebalance follows every crash and restart).
  let up = 0;
  for (const id of sub.consumers) if (consumerUp(s, id)) up++;
  if (up === 0) return null;
  let index = partition % up;
  for (const id of sub.consumers) {
    if (!consumerUp(s, id)) continue;
    if (index === 0) return id;
    index--;
  }
  return null;
}

function consumerUp(s: TeamState, id: NodeId): boolean {
  for (const c of s.consumers) if (c.id === id) return c.up;
  return false;
}

function hasCredit(s: TeamState, consumer: NodeId): boolean {
  return (s.broker.outstanding.get(consumer) ?? 0) < s.config.broker.prefetch;
}

/** Pushes deliveries to consumers while they have prefetch credit. Called once a tick. */
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
        if (target === null || heldElsewhere(s, sub.name, p, target)) continue;
        while (queue.length > 0 && hasCredit(s, target) && s.tick >= (b.fetchAt.get(target) ?? 0)) deliver(s, out, queue.shift() as QueuedMessage, target);
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
 * A partition changes owner only once its previous owner has settled what it was given
 * (a cooperative rebalance): two consumers never work on one partition at once.
 */
function heldElsewhere(s: TeamState, subscription: string, partition: number, target: NodeId): boolean {
  for (const d of s.broker.unacked.values()) if (d.consumer !== target && d.message.partition === partition && d.message.subscription === subscription) return true;
  return false;
}

function nextConsumer(s: TeamState, sub: SubscriptionState): NodeId | null {
  const n = sub.consumers.length;
  for (let k = 0; k < n; k++) {
    const id = sub.consumers[(sub.nextConsumer + k) % n];
    if (consumerUp(s, id) && hasCredit(s, id)) {
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
  emit(s, out, { type: "delivered", token: token.id, msgId: token.msgId, subscription: message.subscription, consumer, delivery: id, redelivered: message.redelivered, deliveryCount: message.deliveryCount });
  if (s.config.consumer.ack === "auto") {
    emit(s, out, { type: "removed", token: token.id, msgId: token.msgId, subscription: message.subscription, reason: "autoAck" });
  } else {
    const deadline = cfg.redeliveryTicks > 0 ? s.tick + cfg.redeliveryTicks : Number.MAX_SAFE_INTEGER;
    b.unacked.set(id, { id, message, consumer, deadline, onWire: false });
    if (cfg.messageGroups) b.groupsInFlight.add(`${message.subscription}/${token.key}`);
    if (cfg.redeliveryTicks > 0) schedule(s, deadline, { kind: "redeliver", delivery: id });
  }
  const sent = transmit(s, out, linkId(BROKER, consumer), { kind: "deliver", token, delivery: id, subscription: message.subscription, redelivered: message.redelivered, deliveryCount: message.deliveryCount });
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

/**
 * A delivery never reached its consumer. On a partitioned log the consumer reads each
 * partition as one ordered stream and cannot skip a record, so the stream is rewound: the
 * lost delivery and every later unacked one of its partition to that consumer go back to
 * the partition's head, to be read again in order, once the consumer fetches again after
 * REFETCH_TICKS. Elsewhere the redelivery timeout brings it back.
 */
export function onDeliveryLost(s: TeamState, out: Out, delivery: number): void {
  const b = s.broker;
  const lost = b.unacked.get(delivery);
  if (lost && s.config.broker.sharedDb && b.up) {
    // The claim's connection broke: the database rolls its transaction back a moment later.
    lost.deadline = s.tick + REFETCH_TICKS;
    schedule(s, lost.deadline, { kind: "redeliver", delivery });
    return;
  }
  if (!lost || s.config.broker.partitions === 0 || !b.up) return;
  const { subscription, partition } = lost.message;
  const rewound = [...b.unacked.values()].filter((d) => d.consumer === lost.consumer && d.id >= delivery && d.message.partition === partition && d.message.subscription === subscription);
  for (const d of rewound.sort((x, y) => y.id - x.id)) requeue(s, out, d, "rewind");
  b.fetchAt.set(lost.consumer, s.tick + REFETCH_TICKS);
}

/** A consumer's ack arrives. With partitions an ack commits the offset: every earlier delivery of that partition to that consumer is settled too. */
export function onAck(s: TeamState, out: Out, delivery: number): void {
  const b = s.broker;
  const settled = b.unacked.get(delivery);
  if (!settled) return;
  const cumulative = s.config.broker.partitions > 0;
  for (const d of cumulative ? [...b.unacked.values()] : [settled]) {
    if (d !== settled && !(d.id < settled.id && d.consumer === settled.consumer && d.message.partition === settled.message.partition && d.message.subscription === settled.message.subscription)) continue;
    settle(s, d);
    emit(s, out, { type: "removed", token: d.message.token.id, msgId: d.message.token.msgId, subscription: d.message.subscription, reason: "ack" });
  }
}

function settle(s: TeamState, d: Delivery): void {
  const b = s.broker;
  b.unacked.delete(d.id);
  b.groupsInFlight.delete(`${d.message.subscription}/${d.message.token.key}`);
  b.outstanding.set(d.consumer, Math.max(0, (b.outstanding.get(d.consumer) ?? 0) - 1));
}

/** Auto-ack flow control: the consumer finished (or lost) a pushed token, so one more may come. */
export function releaseCredit(s: TeamState, consumer: NodeId): void {
  const b = s.broker;
  b.outstanding.set(consumer, Math.max(0, (b.outstanding.get(consumer) ?? 0) - 1));
}

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

function requeue(s: TeamState, out: Out, d: Delivery, reason: "timeout" | "crash" | "restart" | "rewind" | "rollback"): void {
  const cfg = s.config.broker;
  settle(s, d);
  // The connection it was sent on is gone: a packet of it still on the wire is void.
  if (reason !== "timeout" && d.onWire) s.broker.voided.add(d.id);
  const m = d.message;
  m.redelivered = true;
  emit(s, out, { type: "requeued", token: m.token.id, msgId: m.token.msgId, subscription: m.subscription, consumer: d.consumer, reason });
  if (cfg.maxDeliveries > 0 && m.deliveryCount >= cfg.maxDeliveries) {
    emit(s, out, { type: "removed", token: m.token.id, msgId: m.token.msgId, subscription: m.subscription, reason: "maxDeliveries" });
    return;
  }
  const sub = s.broker.subscriptions.find((x) => x.name === m.subscription) as SubscriptionState;
  const queue = sub.partitions[m.partition];
  if (cfg.requeue === "head" || cfg.partitions > 0 || cfg.messageGroups) {
    // Back to the front, before messages that were behind it (keeps the earliest first).
    let at = 0;
    while (at < queue.length && queue[at].redelivered && queue[at].token.id < m.token.id) at++;
    queue.splice(at, 0, m);
  } else queue.push(m);
}

/** The broker sees a consumer's connection close: everything delivered to it and unacked goes back. */
export function requeueFor(s: TeamState, out: Out, consumer: NodeId): void {
  const b = s.broker;
  if (!b.up) return;
  const mine = [...b.unacked.values()].filter((d) => d.consumer === consumer).sort((x, y) => y.id - x.id);
  for (const d of mine) requeue(s, out, d, "crash");
  b.outstanding.set(consumer, 0);
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

/** A broker crash: memory is gone. Durable, persisted messages stay (unacked ones come back at restart). */
export function crashBroker(s: TeamState, out: Out): void {
  const b = s.broker;
  b.up = false;
  b.epoch++;
  for (const item of b.intake) emit(s, out, { type: "discarded", node: BROKER, token: item.token.id, msgId: item.token.msgId, reason: "crash", where: "intake", subscription: null });
  b.intake = [];
  for (const sub of b.subscriptions)
    for (let p = 0; p < sub.partitions.length; p++) {
      const kept: QueuedMessage[] = [];
      for (const m of sub.partitions[p]) {
        if (m.persisted) kept.push(m);
        else emit(s, out, { type: "discarded", node: BROKER, token: m.token.id, msgId: m.token.msgId, reason: "crash", where: "queue", subscription: m.subscription });
      }
      sub.partitions[p] = kept;
    }
  for (const d of [...b.unacked.values()]) {
    if (d.message.persisted) continue;
    b.unacked.delete(d.id);
    emit(s, out, { type: "discarded", node: BROKER, token: d.message.token.id, msgId: d.message.token.msgId, reason: "crash", where: "unacked", subscription: d.message.subscription });
  }
  b.groupsInFlight.clear();
  b.outstanding.clear();
  if (!s.config.broker.durable) b.dedup.clear();
  for (const id of b.dedupUnpersisted.values()) b.dedup.delete(id);
  b.dedupUnpersisted.clear();
}

/** Restart: persisted deliveries that were never acked are redelivered. */
export function restartBroker(s: TeamState, out: Out): number {
  const b = s.broker;
  b.up = true;
  const waiting = [...b.unacked.values()].sort((x, y) => y.id - x.id);
  for (const d of waiting) requeue(s, out, d, "restart");
  let recovered = 0;
  for (const sub of b.subscriptions) for (const queue of sub.partitions) recovered += queue.length;
  return recovered;
}

export function brokerQuiet(s: TeamState): boolean {
  const b = s.broker;
  if (b.intake.length > 0 || b.unacked.size > 0) return false;
  for (const sub of b.subscriptions) for (const queue of sub.partitions) if (queue.length > 0) return false;
  return true;
}
