// The broker's intake: accepts publishes (de-duplicating inside a window, or a producer's own
// resends where the producer is idempotent), routes a copy to every subscription that should
// get one, writes them to disk where they are stored there (to a majority of replicas when
// replicated), confirms, and what a crash, a restart and a lost disk do to all it holds.
// Delivering is delivery.ts; what comes back (timeouts, nacks, dead letters) is returns.ts.
import type { Command, CoveredConfirm, NodeId, QueuedMessage, RefusalReason, TeamState, Token } from "./types.js";
import { BROKER } from "./types.js";
import { isActionOf } from "./actions.js";
import { emit, linkId, newToken, schedule, transmit, type Out } from "./kernel.js";
import { partitionOf } from "./prng.js";
import { storesOnDisk } from "./profiles.js";
import { dispatch } from "./delivery.js";
import { exchangeRoute } from "./exchange.js";
import { expireRetention, requeue } from "./returns.js";

/** A write to a replicated queue waits this many more ticks: a round trip to the followers, until a majority holds it. */
export const REPLICATION_TICKS = 2;
/** After a disk loss, a replicated broker's rebuilt replica copies the queue back from the others for this long; a second disk lost meanwhile loses the majority. */
export const RESYNC_TICKS = 60;

const refuse = (code: RefusalReason["code"], detail?: string): RefusalReason => (detail ? { code, detail } : { code });

function sendConfirm(s: TeamState, out: Out, to: NodeId, token: Token, duplicate: boolean): void {
  if (s.config.broker.batchedConfirms) {
    const batch = s.broker.confirmBatch.get(to);
    if (batch) batch.push({ token, duplicate });
    else s.broker.confirmBatch.set(to, [{ token, duplicate }]);
    return;
  }
  transmit(s, out, linkId(BROKER, to), { kind: "confirm", token: token.id, msgId: token.msgId, to, duplicate });
}

/** The confirms written this tick leave together, one frame per producer (`multiple=true` covers the earlier ones). */
function flushConfirms(s: TeamState, out: Out): void {
  const b = s.broker;
  if (b.confirmBatch.size === 0) return;
  for (const [to, batch] of b.confirmBatch) {
    const last = batch[batch.length - 1];
    const packet = { kind: "confirm" as const, token: last.token.id, msgId: last.token.msgId, to, duplicate: last.duplicate };
    if (batch.length === 1) transmit(s, out, linkId(BROKER, to), packet);
    else {
      const covers: CoveredConfirm[] = batch.slice(0, -1).map((c) => ({ token: c.token.id, msgId: c.token.msgId, duplicate: c.duplicate }));
      transmit(s, out, linkId(BROKER, to), { ...packet, covers });
    }
  }
  b.confirmBatch.clear();
}

/** The broker's work at the end of a tick: confirms, retention, deliveries. */
export function brokerTick(s: TeamState, out: Out): void {
  if (!s.broker.up) return;
  flushConfirms(s, out);
  expireRetention(s, out);
  dispatch(s, out);
}

/** A publish arrives. Returns without effect if the de-duplication window, or the producer's session, has seen it. */
export function onPublish(s: TeamState, out: Out, token: Token, from: NodeId, confirm: boolean): void {
  const b = s.broker;
  const cfg = s.config.broker;
  const onDisk = storesOnDisk(cfg);
  let dedupId: string | null = null;
  let sequence: string | null = null;
  if (cfg.dedupWindowTicks > 0 && token.dedupId !== null) {
    const seen = b.dedup.get(token.dedupId);
    if (seen !== undefined && s.tick - seen < cfg.dedupWindowTicks) return deduplicated(s, out, token, from, confirm);
    dedupId = token.dedupId;
  }
  // The idempotent producer numbers its publishes per session: a resend of a message this
  // session already wrote is dropped. The outbox relay is another client: its resends are new.
  if (cfg.idempotentProducer && token.origin !== "relay") {
    if (b.sequences.get(token.msgId) === from) return deduplicated(s, out, token, from, confirm);
    sequence = token.msgId;
  }
  if (dedupId !== null) b.dedup.set(dedupId, s.tick);
  if (sequence !== null) b.sequences.set(sequence, from);
  if (onDisk && (dedupId !== null || sequence !== null)) b.dedupUnpersisted.set(token.id, { dedup: dedupId, sequence });
  emit(s, out, { type: "accepted", token: token.id, msgId: token.msgId, dedupId: token.dedupId });
  if (cfg.manual) {
    b.intake.push({ token, from, arrivedAt: s.tick, persisted: false, confirmed: !confirm, routed: false, routedTo: [] });
    return;
  }
  // A shared DB's row is visible only once its transaction commits (onPersisted).
  if (!cfg.sharedDb) route(s, out, token, null);
  if (onDisk || cfg.sharedDb)
    schedule(s, s.tick + cfg.persistTicks + (cfg.replicas > 1 ? REPLICATION_TICKS : 0), { kind: "persisted", token, from, confirm, epoch: b.epoch });
  else if (confirm) sendConfirm(s, out, from, token, false);
}

function deduplicated(s: TeamState, out: Out, token: Token, from: NodeId, confirm: boolean): void {
  emit(s, out, { type: "deduplicated", token: token.id, msgId: token.msgId });
  if (confirm) sendConfirm(s, out, from, token, true);
}

/** A producer's session ends with its process: its idempotent sequence numbers start again, so its next resends are new messages. */
export function producerSessionEnded(s: TeamState, producer: NodeId): void {
  for (const [msgId, from] of s.broker.sequences) if (from === producer) s.broker.sequences.delete(msgId);
}

/**
 * Puts a copy of the token in the subscriptions `targets` names, or where the broker routes it
 * by itself (null): every subscription, or the queues its exchange's bindings match.
 */
function route(s: TeamState, out: Out, token: Token, targets: readonly string[] | null): void {
  const cfg = s.config.broker;
  const to = targets ?? (cfg.exchange ? exchangeRoute(cfg.exchange, token.key) : null);
  for (const sub of s.broker.subscriptions) {
    if (to !== null && !to.includes(sub.name)) continue;
    const partition = cfg.partitions > 0 ? partitionOf(token.key, cfg.partitions) : 0;
    const copy = newToken(s, {
      msgId: token.msgId,
      key: token.key,
      seq: token.seq,
      amount: token.amount,
      dedupId: token.dedupId,
      origin: "copy",
      parent: token.id,
    });
    sub.partitions[partition].push({
      token: copy,
      subscription: sub.name,
      partition,
      enqueuedAt: s.tick,
      deliveryCount: 0,
      redelivered: false,
      persisted: false,
    });
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
  const b = s.broker;
  b.dedupUnpersisted.delete(parent);
  for (const sub of b.subscriptions) for (const queue of sub.partitions) for (const m of queue) if (m.token.parent === parent) m.persisted = true;
  for (const d of b.unacked.values()) if (d.message.token.parent === parent) d.message.persisted = true;
  for (const m of b.parked) if (m.token.parent === parent) m.persisted = true;
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
    // A person routes a message to one queue, or to all at once; again to another queue while
    // it is still in the intake (an exchange's message may match several bindings).
    const all = command.target === "all";
    if (!all && !b.subscriptions.some((sub) => sub.name === command.target)) return refuse("unknownTarget", command.target);
    const targets = all ? b.subscriptions.map((sub) => sub.name).filter((n) => !item.routedTo.includes(n)) : [command.target as string];
    if (targets.length === 0 || targets.some((n) => item.routedTo.includes(n))) return refuse("alreadyDone");
    item.routed = true;
    item.routedTo.push(...targets);
    route(s, out, item.token, targets);
    if (item.persisted) markPersisted(s, item.token.id);
  } else if (command.action === "confirm") {
    if (item.confirmed) return refuse("alreadyDone");
    item.confirmed = true;
    sendConfirm(s, out, item.from, item.token, false);
  } else {
    if (!storesOnDisk(cfg)) return refuse("notInVariant", "inMemoryBroker");
    if (item.persisted) return refuse("alreadyDone");
    item.persisted = true;
    markPersisted(s, item.token.id);
    emit(s, out, { type: "persisted", token: item.token.id, msgId: item.token.msgId });
  }
  if (item.routed && item.confirmed) b.intake.splice(b.intake.indexOf(item), 1);
  return null;
}

/** A broker crash: memory is gone. Messages written to disk stay (unacked ones come back at restart). */
export function crashBroker(s: TeamState, out: Out): void {
  const b = s.broker;
  b.up = false;
  b.epoch++;
  for (const item of b.intake)
    emit(s, out, { type: "discarded", node: BROKER, token: item.token.id, msgId: item.token.msgId, reason: "crash", where: "intake", subscription: null });
  b.intake = [];
  const keep = (m: QueuedMessage, where: "queue" | "unacked" | "parked"): boolean => {
    if (m.persisted) return true;
    emit(s, out, { type: "discarded", node: BROKER, token: m.token.id, msgId: m.token.msgId, reason: "crash", where, subscription: m.subscription });
    return false;
  };
  for (const sub of b.subscriptions) for (let p = 0; p < sub.partitions.length; p++) sub.partitions[p] = sub.partitions[p].filter((m) => keep(m, "queue"));
  for (const d of [...b.unacked.values()]) if (!keep(d.message, "unacked")) b.unacked.delete(d.id);
  b.parked = b.parked.filter((m) => keep(m, "parked"));
  b.groupsInFlight.clear();
  b.outstanding.clear();
  b.confirmBatch.clear();
  // Every connection closed with the broker; consumer groups start over when it is back.
  b.broken.clear();
  b.sessionEnds.clear();
  if (!storesOnDisk(s.config.broker)) {
    b.dedup.clear();
    b.sequences.clear();
  }
  for (const ids of b.dedupUnpersisted.values()) {
    if (ids.dedup !== null) b.dedup.delete(ids.dedup);
    if (ids.sequence !== null) b.sequences.delete(ids.sequence);
  }
  b.dedupUnpersisted.clear();
}

/**
 * The broker's disk is lost with its node. Replicated, it is a crash: what a majority of
 * replicas held comes back (the lost replica copies it from the others while RESYNC_TICKS
 * run after the restart) — unless a replica was still being rebuilt, when the majority is
 * gone. A single broker, or a lost majority, loses everything it held, written to disk or not.
 */
export function loseDisk(s: TeamState, out: Out, restartAt: number): void {
  const b = s.broker;
  const majorityLeft = s.config.broker.replicas > 1 && s.tick >= b.resyncUntil;
  crashBroker(s, out);
  if (majorityLeft) {
    b.resyncUntil = restartAt + RESYNC_TICKS;
    return;
  }
  const gone = (m: QueuedMessage, where: "queue" | "unacked" | "parked"): void =>
    emit(s, out, { type: "discarded", node: BROKER, token: m.token.id, msgId: m.token.msgId, reason: "diskLoss", where, subscription: m.subscription });
  for (const sub of b.subscriptions)
    for (let p = 0; p < sub.partitions.length; p++) {
      for (const m of sub.partitions[p]) gone(m, "queue");
      sub.partitions[p] = [];
    }
  for (const d of b.unacked.values()) gone(d.message, "unacked");
  b.unacked.clear();
  for (const m of b.parked) gone(m, "parked");
  b.parked = [];
  b.dedup.clear();
  b.sequences.clear();
}

/** Restart: what was delivered and never acked, and survived, is delivered again (in delivery order). */
export function restartBroker(s: TeamState, out: Out): number {
  const b = s.broker;
  b.up = true;
  const waiting = [...b.unacked.values()].sort((x, y) => x.id - y.id);
  for (const d of waiting) requeue(s, out, d, "restart");
  let recovered = 0;
  for (const sub of b.subscriptions) for (const queue of sub.partitions) recovered += queue.length;
  return recovered;
}

/** Nothing waits at the broker to be routed, delivered or acked (parked messages wait for a person, not for the round). */
export function brokerQuiet(s: TeamState): boolean {
  const b = s.broker;
  if (b.intake.length > 0 || b.unacked.size > 0 || b.confirmBatch.size > 0) return false;
  for (const sub of b.subscriptions) for (const queue of sub.partitions) if (queue.length > 0) return false;
  return true;
}
