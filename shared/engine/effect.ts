// The consumer's side effect, when its processing ends: the write on the key's account and
// what the variant binds to it — the processed id (in the same transaction, or written apart
// a few ticks later), a compare-and-set on the key's version, the ack when it is part of the
// transaction, the service's own DB row (listen to yourself), the shared DB's row deleted in
// the same transaction. And the side effect outside every transaction (Kafka transactions).
import { post } from "./account.js";
import { onAck, releaseCredit } from "./delivery.js";
import { claimOpen, rollBackClaim } from "./returns.js";
import { releaseGapClosed, removeFromInbox, sendAck, workTicks } from "./consumer.js";
import { failedOnDependency } from "./dependency.js";
import { emit, linkId, schedule, transmit, type Out } from "./kernel.js";
import { releaseLock } from "./keyLock.js";
import { SELF_SUBSCRIPTION } from "./team.js";
import type { ConsumerState, InboxToken, Processing, Store, TeamState, Token } from "./types.js";

/** The side effect commits (or, with separate idempotency, its processed id is recorded `recordTicks` later), unless the consumer's dependency is down. */
export function onProcessDone(s: TeamState, out: Out, c: ConsumerState, tokenId: number): void {
  const job = c.processing;
  if (!c.up || !job || job.token !== tokenId || s.tick < job.doneAt) return;
  const item = c.inbox.find((i) => i.token.id === tokenId) as InboxToken;
  const store = s.stores.get(c.subscription) as Store;
  const cfg = s.config.consumer;
  const token = item.token;
  if (job.phase === "record") {
    store.processed.add(token.msgId);
    emit(s, out, { type: "recorded", consumer: c.id, msgId: token.msgId, subscription: c.subscription });
    return finish(s, out, c, item, store);
  }
  if (job.phase === "effect" && failedOnDependency(s, out, c, item, store)) return;
  if (s.config.broker.sharedDb && !claimOpen(s, item.delivery, c.id)) return rollBack(s, out, c, item);
  if (cfg.idempotency === "transactional" && store.processed.has(token.msgId)) {
    // The unique processed-id insert fails, the transaction rolls back: no second effect.
    emit(s, out, { type: "skipped", consumer: c.id, token: token.id, msgId: token.msgId, subscription: c.subscription });
    return finish(s, out, c, item, store);
  }
  if (cfg.optimistic && (store.version.get(token.key) ?? 0) !== job.readVersion) return retryOnConflict(s, out, c, job, store, token);
  write(s, out, c, job, store, token);
  if (cfg.idempotency === "transactional") store.processed.add(token.msgId);
  if (c.subscription === SELF_SUBSCRIPTION && s.config.producer.write === "listenToYourself") {
    // The service writes its own DB from its own event.
    emit(s, out, { type: "dbWritten", msgId: token.msgId, producer: token.msgId.slice(0, token.msgId.indexOf("-")), outbox: false });
  }
  if (s.config.broker.sharedDb) {
    // The row is deleted in the effect's transaction: nothing is left to ack.
    item.acked = true;
    onAck(s, out, item.delivery);
  }
  if (cfg.idempotency === "separate") {
    job.phase = "record";
    job.doneAt = s.tick + (cfg.recordTicks ?? 1);
    schedule(s, job.doneAt, { kind: "processDone", consumer: c.id, token: token.id });
    return;
  }
  finish(s, out, c, item, store);
}

/**
 * Writes the amount on the balance that was read. The decision is taken on what was read: a
 * stale read can decline a withdrawal the current balance would allow, or write over another
 * consumer's update.
 */
function write(s: TeamState, out: Out, c: ConsumerState, job: Processing, store: Store, token: Token): void {
  const posting = post(job.readBalance, token.amount);
  const current = store.version.get(token.key) ?? 0;
  const fields = { msgId: token.msgId, subscription: c.subscription, consumer: c.id, token: token.id, key: token.key, seq: token.seq, amount: token.amount };
  if (posting.declined) {
    // Declined: the account is not written; the event records the balance as it stands.
    emit(s, out, {
      type: "applied",
      ...fields,
      balance: store.balance.get(token.key) ?? 0,
      readVersion: job.readVersion,
      writeVersion: current,
      declined: true,
    });
  } else {
    store.balance.set(token.key, posting.balance);
    store.version.set(token.key, current + 1);
    emit(s, out, { type: "applied", ...fields, balance: posting.balance, readVersion: job.readVersion, writeVersion: current + 1 });
  }
  if (token.seq > (store.highestSeq.get(token.key) ?? 0)) {
    store.highestSeq.set(token.key, token.seq);
    const cfg = s.config.consumer;
    if (cfg.allowHold || cfg.autoHold) releaseGapClosed(s, out, c.subscription, token.key);
  }
}

/** Compare-and-set failed: the version moved since the read. The consumer reads again and redoes the work. */
function retryOnConflict(s: TeamState, out: Out, c: ConsumerState, job: Processing, store: Store, token: Token): void {
  const version = store.version.get(token.key) ?? 0;
  emit(s, out, {
    type: "conflict",
    consumer: c.id,
    token: token.id,
    msgId: token.msgId,
    subscription: c.subscription,
    key: token.key,
    readVersion: job.readVersion,
    version,
  });
  job.readBalance = store.balance.get(token.key) ?? 0;
  job.readVersion = version;
  job.doneAt = s.tick + workTicks(s, c);
  emit(s, out, {
    type: "processStarted",
    consumer: c.id,
    token: token.id,
    msgId: token.msgId,
    key: token.key,
    readBalance: job.readBalance,
    readVersion: version,
  });
  schedule(s, job.doneAt, { kind: "processDone", consumer: c.id, token: token.id });
}

/**
 * The side effect outside the transaction: posted to the external system when the processing
 * starts, at once; a crash before the transaction commits does not undo it, and the
 * reprocessing posts it again.
 */
export function postExternally(s: TeamState, out: Out, c: ConsumerState, token: Token): void {
  const system = s.config.consumer.externalEffect as string;
  const store = s.stores.get(system) as Store;
  const balance = store.balance.get(token.key) ?? 0;
  const version = store.version.get(token.key) ?? 0;
  const posting = post(balance, token.amount);
  const fields = { msgId: token.msgId, subscription: system, consumer: c.id, token: token.id, key: token.key, seq: token.seq, amount: token.amount };
  if (posting.declined) {
    emit(s, out, { type: "applied", ...fields, balance, readVersion: version, writeVersion: version, declined: true });
    return;
  }
  store.balance.set(token.key, posting.balance);
  store.version.set(token.key, version + 1);
  emit(s, out, { type: "applied", ...fields, balance: posting.balance, readVersion: version, writeVersion: version + 1 });
}

/** Shared DB: the transaction cannot commit (the database is down, or the claim was lost): no effect, the row is free again. */
export function rollBack(s: TeamState, out: Out, c: ConsumerState, item: InboxToken): void {
  const store = s.stores.get(c.subscription) as Store;
  if (c.processing?.token === item.token.id) {
    releaseLock(store, item.token.key, c.id);
    c.processing = null;
  }
  emit(s, out, { type: "rolledBack", consumer: c.id, token: item.token.id, msgId: item.token.msgId, subscription: c.subscription });
  rollBackClaim(s, out, item.delivery);
  removeFromInbox(s, out, c, item);
}

function finish(s: TeamState, out: Out, c: ConsumerState, item: InboxToken, store: Store): void {
  c.processing = null;
  releaseLock(store, item.token.key, c.id);
  item.processed = true;
  if (s.config.consumer.ackWithEffect && !item.acked) {
    // The offset commit went with the effect's transaction.
    item.acked = true;
    sendAck(s, out, c, item);
  }
  if (item.delivery < 0) {
    removeFromInbox(s, out, c, item);
    const to = item.token.msgId.split("-")[0];
    transmit(s, out, linkId(c.id, to), { kind: "reply", token: item.token.id, msgId: item.token.msgId, to, ok: true });
  } else if (item.acked) {
    removeFromInbox(s, out, c, item);
    if (s.config.consumer.ack === "auto") releaseCredit(s, c.id);
  }
}
