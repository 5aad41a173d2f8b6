// Consumers: an inbox of delivered tokens, a side effect that is a read-modify-write on a
// balance per key (it takes ticks and can be cut short by a crash), acks under the
// variant's ack mode, and an optional processed-ids table for idempotency.
import { emit, linkId, schedule, transmit, type Out } from "./kernel.js";
import { releaseCredit, requeueFor } from "./broker.js";
import { nextInt } from "./prng.js";
import type { Command, ConsumerState, InboxToken, RefusalReason, Store, TeamState, Token } from "./types.js";
import { BROKER } from "./types.js";
import { isActionOf } from "./actions.js";

const refuse = (code: RefusalReason["code"], detail?: string): RefusalReason => (detail ? { code, detail } : { code });

export function onDeliver(s: TeamState, out: Out, c: ConsumerState, token: Token, delivery: number, subscription: string, redelivered: boolean): void {
  c.inbox.push({ token, delivery, subscription, redelivered, receivedAt: s.tick, held: false, acked: s.config.consumer.ack === "auto", checked: null, processed: false });
  emit(s, out, { type: "received", consumer: c.id, token: token.id, msgId: token.msgId, delivery });
}

/** A direct call (Topic 1 naive) lands in the inbox like a delivery that needs no ack. */
export function onRpc(s: TeamState, out: Out, c: ConsumerState, token: Token): void {
  c.inbox.push({ token, delivery: -1, subscription: c.subscription, redelivered: false, receivedAt: s.tick, held: false, acked: true, checked: null, processed: false });
  emit(s, out, { type: "received", consumer: c.id, token: token.id, msgId: token.msgId, delivery: -1 });
}

export function consumerCommand(s: TeamState, out: Out, c: ConsumerState, command: Command): RefusalReason | null {
  const cfg = s.config.consumer;
  if (!isActionOf(command, "consumer")) return refuse("notYourAction", command.action);
  if (command.action === "ack" && cfg.ack === "auto") return refuse("notInVariant", "autoAck");
  if (command.action === "check" && cfg.idempotency === "none") return refuse("notInVariant", "noProcessedIds");
  if ((command.action === "hold" || command.action === "release") && !cfg.allowHold) return refuse("notInVariant", "noHold");
  if (!c.up) return refuse("nodeDown", c.id);
  const item = c.inbox.find((i) => i.token.id === command.token);
  if (!item) return refuse("unknownToken", String(command.token));
  switch (command.action) {
    case "process": {
      if (c.processing) return refuse("busy");
      if (item.processed) return refuse("alreadyDone");
      if (cfg.ack === "beforeProcessing" && !item.acked) return refuse("ackBeforeProcessing");
      const store = s.stores.get(c.subscription) as Store;
      const key = item.token.key;
      if (cfg.lockPerKey) {
        const holder = store.locks.get(key);
        if (holder !== undefined && holder !== c.id) return refuse("locked", key);
        store.locks.set(key, c.id);
      }
      item.held = false;
      const readBalance = store.balance.get(key) ?? 0;
      const readVersion = store.version.get(key) ?? 0;
      const factor = s.tick < c.slowUntil ? c.slowFactor : 1;
      const work = cfg.processTicks + (cfg.processJitterTicks > 0 ? nextInt(s, cfg.processJitterTicks + 1) : 0);
      const doneAt = s.tick + Math.max(1, Math.round(work * factor));
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
    case "hold":
    case "release": {
      item.held = command.action === "hold";
      return null;
    }
  }
}

function sendAck(s: TeamState, out: Out, c: ConsumerState, item: InboxToken): void {
  emit(s, out, { type: "ackSent", consumer: c.id, token: item.token.id, msgId: item.token.msgId, delivery: item.delivery });
  transmit(s, out, linkId(c.id, BROKER), { kind: "ack", token: item.token.id, msgId: item.token.msgId, delivery: item.delivery, from: c.id });
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
  if (job.phase === "effect") {
    if (cfg.idempotency === "transactional" && store.processed.has(token.msgId)) {
      // The unique processed-id insert fails, the transaction rolls back: no second effect.
      emit(s, out, { type: "skipped", consumer: c.id, token: token.id, msgId: token.msgId, subscription: c.subscription });
    } else {
      const balance = job.readBalance + token.amount;
      const writeVersion = (store.version.get(token.key) ?? 0) + 1;
      store.balance.set(token.key, balance);
      store.version.set(token.key, writeVersion);
      if (token.seq > (store.highestSeq.get(token.key) ?? 0)) store.highestSeq.set(token.key, token.seq);
      emit(s, out, { type: "applied", msgId: token.msgId, subscription: c.subscription, consumer: c.id, token: token.id, key: token.key, seq: token.seq, amount: token.amount, balance, readVersion: job.readVersion, writeVersion });
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
