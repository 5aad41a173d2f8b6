// Consumers: an inbox of delivered tokens, a side effect that is a read-modify-write on a
// balance per key (it takes ticks and can be cut short by a crash), acks under the
// variant's ack mode, an optional processed-ids table for idempotency, and a bounded
// buffer where early tokens are held until their predecessor is applied.
import { post } from "./account.js";
import { emit, linkId, schedule, transmit, type Out } from "./kernel.js";
import { releaseCredit } from "./delivery.js";
import { onAckLost, requeueFor } from "./returns.js";
import { failedOnDependency } from "./dependency.js";
import { nextInt } from "./prng.js";
import type { Command, ConsumerState, InboxToken, RefusalReason, Store, TeamState, Token } from "./types.js";
import { BROKER } from "./types.js";
import { isActionOf } from "./actions.js";

const refuse = (code: RefusalReason["code"], detail?: string): RefusalReason => (detail ? { code, detail } : { code });

export function onDeliver(s: TeamState, out: Out, c: ConsumerState, token: Token, delivery: number, subscription: string, redelivered: boolean, deliveryCount = 1): void {
  const item: InboxToken = { token, delivery, subscription, redelivered, receivedAt: s.tick, held: false, heldAt: -1, acked: s.config.consumer.ack === "auto", deliveryCount, failed: false, checked: null, processed: false };
  c.inbox.push(item);
  emit(s, out, { type: "received", consumer: c.id, token: token.id, msgId: token.msgId, delivery });
  const cfg = s.config.consumer;
  if (cfg.autoHold && isEarly(s, c, item) && heldCount(c) < cfg.holdCapacity) hold(s, out, c, item, true);
}

/** A direct call (Topic 1 naive) lands in the inbox like a delivery that needs no ack. */
export function onRpc(s: TeamState, out: Out, c: ConsumerState, token: Token): void {
  c.inbox.push({ token, delivery: -1, subscription: c.subscription, redelivered: false, receivedAt: s.tick, held: false, heldAt: -1, acked: true, deliveryCount: 1, failed: false, checked: null, processed: false });
  emit(s, out, { type: "received", consumer: c.id, token: token.id, msgId: token.msgId, delivery: -1 });
}

export function consumerCommand(s: TeamState, out: Out, c: ConsumerState, command: Command): RefusalReason | null {
  const cfg = s.config.consumer;
  if (!isActionOf(command, "consumer")) return refuse("notYourAction", command.action);
  if (command.action === "ack" && cfg.ack === "auto") return refuse("notInVariant", "autoAck");
  if (command.action === "check" && cfg.idempotency === "none") return refuse("notInVariant", "noProcessedIds");
  if ((command.action === "hold" || command.action === "release") && !cfg.allowHold) return refuse("notInVariant", "noHold");
  if (command.action === "nack") {
    const why = nackRefusal(s, command.requeue);
    if (why) return why;
  }
  if (!c.up) return refuse("nodeDown", c.id);
  const item = c.inbox.find((i) => i.token.id === command.token);
  if (!item) return refuse("unknownToken", String(command.token));
  switch (command.action) {
    case "process": {
      if (c.processing) return refuse("busy");
      if (item.processed) return refuse("alreadyDone");
      if (item.held) return refuse("held");
      if (cfg.ack === "beforeProcessing" && !item.acked) return refuse("ackBeforeProcessing");
      const store = s.stores.get(c.subscription) as Store;
      const key = item.token.key;
      if (cfg.lockPerKey) {
        const holder = store.locks.get(key);
        if (holder !== undefined && holder !== c.id) return refuse("locked", key);
        store.locks.set(key, c.id);
      }
      const readBalance = store.balance.get(key) ?? 0;
      const readVersion = store.version.get(key) ?? 0;
      const factor = s.tick < c.slowUntil ? c.slowFactor : 1;
      const work = cfg.processTicks + (cfg.processJitterTicks > 0 ? nextInt(s, cfg.processJitterTicks + 1) : 0);
      const doneAt = s.tick + Math.max(1, Math.round(work * factor));
      item.failed = false;
      c.processing = { token: item.token.id, msgId: item.token.msgId, startedAt: s.tick, doneAt, readBalance, readVersion, phase: "effect" };
      emit(s, out, { type: "processStarted", consumer: c.id, token: item.token.id, msgId: item.token.msgId, key, readBalance, readVersion });
      schedule(s, doneAt, { kind: "processDone", consumer: c.id, token: item.token.id });
      return null;
    }
    case "ack": {
      if (item.acked) return refuse("alreadyAcked");
      const processing = c.processing?.token === item.token.id;
      if (cfg.ack === "afterProcessing" && (!item.processed || processing) && item.checked !== true) return refuse("ackAfterProcessing");
      item.acked = true;
      sendAck(s, out, c, item);
      // A copy being processed stays until its processing ends (finish removes it, acked).
      if ((item.processed || item.checked === true) && !processing) removeFromInbox(s, out, c, item);
      return null;
    }
    case "nack": {
      if (item.acked) return refuse("alreadyAcked");
      if (c.processing?.token === item.token.id) return refuse("busy");
      const requeue = command.requeue === true;
      emit(s, out, { type: "nackSent", consumer: c.id, token: item.token.id, msgId: item.token.msgId, delivery: item.delivery, requeue });
      const packet = { kind: "nack" as const, token: item.token.id, msgId: item.token.msgId, delivery: item.delivery, from: c.id, requeue };
      if (!transmit(s, out, linkId(c.id, BROKER), packet)) onAckLost(s, out, packet);
      removeFromInbox(s, out, c, item);
      return null;
    }
    case "check": {
      const found = (s.stores.get(c.subscription) as Store).processed.has(item.token.msgId);
      item.checked = found;
      emit(s, out, { type: "checked", consumer: c.id, token: item.token.id, msgId: item.token.msgId, found });
      if (found && item.acked && c.processing?.token !== item.token.id) {
        removeFromInbox(s, out, c, item);
        if (s.config.consumer.ack === "auto") releaseCredit(s, c.id);
      }
      return null;
    }
    case "hold": {
      if (item.held || item.processed || c.processing?.token === item.token.id) return refuse("alreadyDone");
      if (!isEarly(s, c, item)) return refuse("notEarly");
      if (heldCount(c) >= cfg.holdCapacity) return refuse("holdFull", String(cfg.holdCapacity));
      hold(s, out, c, item, false);
      return null;
    }
    case "release": {
      if (!item.held) return refuse("notHeld");
      release(s, out, c, item, "release");
      return null;
    }
  }
}

/** Why a nack is refused here: the variant has none, the broker has none (Kafka), or it cannot reject (SQS), or acks are automatic. */
function nackRefusal(s: TeamState, requeue: boolean): RefusalReason | null {
  const support = s.config.broker.nack;
  if (!s.config.consumer.allowNack || support === "none") return refuse("notInVariant", "noNack");
  if (s.config.consumer.ack === "auto") return refuse("notInVariant", "autoAck");
  if (requeue !== true && support !== "both") return refuse("notInVariant", "noReject");
  return null;
}

/** Its predecessor (same key, seq - 1) has not been applied at this subscription yet. */
function isEarly(s: TeamState, c: ConsumerState, item: InboxToken): boolean {
  const highest = (s.stores.get(c.subscription) as Store).highestSeq.get(item.token.key) ?? 0;
  return item.token.seq > highest + 1;
}

function heldCount(c: ConsumerState): number {
  let n = 0;
  for (const i of c.inbox) if (i.held) n++;
  return n;
}

function hold(s: TeamState, out: Out, c: ConsumerState, item: InboxToken, auto: boolean): void {
  item.held = true;
  item.heldAt = s.tick;
  emit(s, out, { type: "held", consumer: c.id, token: item.token.id, msgId: item.token.msgId, key: item.token.key, seq: item.token.seq, auto });
  schedule(s, s.tick + s.config.consumer.holdTicks, { kind: "holdTimeout", consumer: c.id, token: item.token.id, heldAt: s.tick });
}

function release(s: TeamState, out: Out, c: ConsumerState, item: InboxToken, reason: "release" | "gapClosed"): void {
  item.held = false;
  item.heldAt = -1;
  emit(s, out, { type: "released", consumer: c.id, token: item.token.id, msgId: item.token.msgId, reason });
}

/** A key's next seq was applied at a subscription: the tokens its consumers held for it go on. */
function releaseGapClosed(s: TeamState, out: Out, subscription: string, key: string): void {
  for (const c of s.consumers) {
    if (c.subscription !== subscription) continue;
    for (const item of c.inbox) if (item.held && item.token.key === key && !isEarly(s, c, item)) release(s, out, c, item, "gapClosed");
  }
}

/** A held token's predecessor did not come in time: the hold gives up and lets it go (the debrief says so). */
export function onHoldTimeout(s: TeamState, out: Out, c: ConsumerState, token: number, heldAt: number): void {
  const item = c.up ? c.inbox.find((i) => i.token.id === token) : undefined;
  if (!item || !item.held || item.heldAt !== heldAt) return;
  item.held = false;
  item.heldAt = -1;
  emit(s, out, { type: "holdGaveUp", consumer: c.id, token, msgId: item.token.msgId, key: item.token.key, seq: item.token.seq, heldAt });
}

function sendAck(s: TeamState, out: Out, c: ConsumerState, item: InboxToken): void {
  emit(s, out, { type: "ackSent", consumer: c.id, token: item.token.id, msgId: item.token.msgId, delivery: item.delivery });
  const packet = { kind: "ack" as const, token: item.token.id, msgId: item.token.msgId, delivery: item.delivery, from: c.id };
  if (!transmit(s, out, linkId(c.id, BROKER), packet)) onAckLost(s, out, packet);
}

function removeFromInbox(s: TeamState, out: Out, c: ConsumerState, item: InboxToken): void {
  const at = c.inbox.indexOf(item);
  if (at < 0) return;
  c.inbox.splice(at, 1);
  emit(s, out, { type: "inboxLeft", consumer: c.id, token: item.token.id, msgId: item.token.msgId });
}

/** The side effect commits (or, with separate idempotency, its processed id is recorded one tick later). */
export function onProcessDone(s: TeamState, out: Out, c: ConsumerState, tokenId: number): void {
  const job = c.processing;
  if (!c.up || !job || job.token !== tokenId || s.tick < job.doneAt) return;
  const item = c.inbox.find((i) => i.token.id === tokenId) as InboxToken;
  const store = s.stores.get(c.subscription) as Store;
  const cfg = s.config.consumer;
  const token = item.token;
  if (job.phase === "effect" && failedOnDependency(s, out, c, item, store)) return;
  if (job.phase === "effect") {
    if (cfg.idempotency === "transactional" && store.processed.has(token.msgId)) {
      // The unique processed-id insert fails, the transaction rolls back: no second effect.
      emit(s, out, { type: "skipped", consumer: c.id, token: token.id, msgId: token.msgId, subscription: c.subscription });
    } else {
      // The decision is taken on what was read: a stale read can decline a withdrawal the
      // current balance would allow, or write over another consumer's update.
      const posting = post(job.readBalance, token.amount);
      const current = store.version.get(token.key) ?? 0;
      const fields = { msgId: token.msgId, subscription: c.subscription, consumer: c.id, token: token.id, key: token.key, seq: token.seq, amount: token.amount };
      if (posting.declined) {
        // Declined: the account is not written; the event records the balance as it stands.
        emit(s, out, { type: "applied", ...fields, balance: store.balance.get(token.key) ?? 0, readVersion: job.readVersion, writeVersion: current, declined: true });
      } else {
        store.balance.set(token.key, posting.balance);
        store.version.set(token.key, current + 1);
        emit(s, out, { type: "applied", ...fields, balance: posting.balance, readVersion: job.readVersion, writeVersion: current + 1 });
      }
      if (token.seq > (store.highestSeq.get(token.key) ?? 0)) {
        store.highestSeq.set(token.key, token.seq);
        if (cfg.allowHold || cfg.autoHold) releaseGapClosed(s, out, c.subscription, token.key);
      }
      if (cfg.idempotency === "transactional") store.processed.add(token.msgId);
      if (cfg.idempotency === "separate") {
        job.phase = "record";
        job.doneAt = s.tick + 1;
        schedule(s, job.doneAt, { kind: "processDone", consumer: c.id, token: token.id });
        return;
      }
    }
  } else {
    store.processed.add(token.msgId);
    emit(s, out, { type: "recorded", consumer: c.id, msgId: token.msgId, subscription: c.subscription });
  }
  finish(s, out, c, item, store);
}

function finish(s: TeamState, out: Out, c: ConsumerState, item: InboxToken, store: Store): void {
  c.processing = null;
  if (store.locks.get(item.token.key) === c.id) store.locks.delete(item.token.key);
  item.processed = true;
  if (item.delivery < 0) {
    removeFromInbox(s, out, c, item);
    const to = item.token.msgId.split("-")[0];
    transmit(s, out, linkId(c.id, to), { kind: "reply", token: item.token.id, msgId: item.token.msgId, to, ok: true });
  } else if (item.acked) {
    removeFromInbox(s, out, c, item);
    if (s.config.consumer.ack === "auto") releaseCredit(s, c.id);
  }
}

/** A crash loses the inbox and any half-done processing; the broker requeues what was unacked. */
export function crashConsumer(s: TeamState, out: Out, c: ConsumerState): void {
  c.up = false;
  const store = s.stores.get(c.subscription) as Store;
  if (c.processing) {
    const key = c.inbox.find((i) => i.token.id === c.processing?.token)?.token.key;
    if (key !== undefined && store.locks.get(key) === c.id) store.locks.delete(key);
  }
  c.processing = null;
  for (const item of c.inbox) emit(s, out, { type: "discarded", node: c.id, token: item.token.id, msgId: item.token.msgId, reason: "crash", where: "inbox", subscription: item.subscription });
  c.inbox = [];
  requeueFor(s, out, c.id);
}

export function restartConsumer(c: ConsumerState): void {
  c.up = true;
}

export function consumerQuiet(c: ConsumerState): boolean {
  return c.processing === null && c.inbox.length === 0;
}
