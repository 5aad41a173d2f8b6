// Consumers: an inbox of delivered tokens, a side effect that is a read-modify-write on a
// balance per key (it takes ticks and can be cut short by a crash; its end is effect.ts),
// acks under the variant's ack mode, an optional processed-ids table for idempotency, and a
// bounded buffer where early tokens are held until their predecessor is applied.
import { emit, linkId, schedule, transmit, type Out } from "./kernel.js";
import { releaseCredit } from "./delivery.js";
import { claimOpen, onAckLost, requeueFor } from "./returns.js";
import { postExternally, rollBack } from "./effect.js";
import { acquireLock, holderCrashed } from "./keyLock.js";
import { nextInt } from "./prng.js";
import type { Command, ConsumerState, InboxToken, RefusalReason, Store, TeamState, Token } from "./types.js";
import { BROKER } from "./types.js";
import { isActionOf } from "./actions.js";

const refuse = (code: RefusalReason["code"], detail?: string): RefusalReason => (detail ? { code, detail } : { code });

export function onDeliver(
  s: TeamState,
  out: Out,
  c: ConsumerState,
  token: Token,
  delivery: number,
  subscription: string,
  redelivered: boolean,
  deliveryCount = 1,
): void {
  const item: InboxToken = {
    token,
    delivery,
    subscription,
    redelivered,
    receivedAt: s.tick,
    held: false,
    heldAt: -1,
    acked: s.config.consumer.ack === "auto",
    deliveryCount,
    failed: false,
    checked: null,
    processed: false,
  };
  c.inbox.push(item);
  emit(s, out, { type: "received", consumer: c.id, token: token.id, msgId: token.msgId, delivery });
  const cfg = s.config.consumer;
  if (!cfg.autoHold || !isEarly(s, c, item)) return;
  if (heldCount(c) < cfg.holdCapacity) hold(s, out, c, item, true);
  else emit(s, out, { type: "holdFull", consumer: c.id, token: token.id, msgId: token.msgId, key: token.key, seq: token.seq });
}

/** A direct call (Topic 1 naive) lands in the inbox like a delivery that needs no ack. */
export function onRpc(s: TeamState, out: Out, c: ConsumerState, token: Token): void {
  c.inbox.push({
    token,
    delivery: -1,
    subscription: c.subscription,
    redelivered: false,
    receivedAt: s.tick,
    held: false,
    heldAt: -1,
    acked: true,
    deliveryCount: 1,
    failed: false,
    checked: null,
    processed: false,
  });
  emit(s, out, { type: "received", consumer: c.id, token: token.id, msgId: token.msgId, delivery: -1 });
}

export function consumerCommand(s: TeamState, out: Out, c: ConsumerState, command: Command): RefusalReason | null {
  const cfg = s.config.consumer;
  if (!isActionOf(command, "consumer")) return refuse("notYourAction", command.action);
  if (command.action === "ack" && cfg.ack === "auto") return refuse("notInVariant", "autoAck");
  if (command.action === "ack" && (cfg.ackWithEffect || s.config.broker.sharedDb)) return refuse("notInVariant", "ackWithEffect");
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
      if (s.config.broker.sharedDb && !claimOpen(s, item.delivery, c.id)) {
        rollBack(s, out, c, item);
        return null;
      }
      const store = s.stores.get(c.subscription) as Store;
      if (cfg.autoCheck && cfg.idempotency !== "none" && lookUp(s, out, c, item, store)) return null;
      const key = item.token.key;
      if (cfg.lockPerKey) {
        const locked = acquireLock(store, key, c.id);
        if (locked) return locked;
      }
      startProcessing(s, out, c, item, store);
      if (cfg.externalEffect) postExternally(s, out, c, item.token);
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
      lookUp(s, out, c, item, s.stores.get(c.subscription) as Store);
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

/**
 * Looks the id up in the processed ids; returns whether it was found. A copy found processed
 * and already acked leaves the inbox; where the ack is part of the effect's transaction, the
 * consumer acks it now (the record of it committed with the effect).
 */
function lookUp(s: TeamState, out: Out, c: ConsumerState, item: InboxToken, store: Store): boolean {
  const found = store.processed.has(item.token.msgId);
  item.checked = found;
  emit(s, out, { type: "checked", consumer: c.id, token: item.token.id, msgId: item.token.msgId, found });
  if (!found || c.processing?.token === item.token.id) return found;
  if (!item.acked && s.config.consumer.ackWithEffect) {
    item.acked = true;
    sendAck(s, out, c, item);
  }
  if (item.acked) {
    removeFromInbox(s, out, c, item);
    if (s.config.consumer.ack === "auto") releaseCredit(s, c.id);
  }
  return true;
}

/** Reads the key's balance and its version, and schedules the write `processTicks` (plus jitter, times a slowdown) later. */
export function startProcessing(s: TeamState, out: Out, c: ConsumerState, item: InboxToken, store: Store): void {
  const key = item.token.key;
  const readBalance = store.balance.get(key) ?? 0;
  const readVersion = store.version.get(key) ?? 0;
  const doneAt = s.tick + workTicks(s, c);
  item.failed = false;
  c.processing = { token: item.token.id, msgId: item.token.msgId, startedAt: s.tick, doneAt, readBalance, readVersion, phase: "effect" };
  emit(s, out, { type: "processStarted", consumer: c.id, token: item.token.id, msgId: item.token.msgId, key, readBalance, readVersion });
  schedule(s, doneAt, { kind: "processDone", consumer: c.id, token: item.token.id });
}

/** How long one application takes now: its work, drawn with its jitter, times the consumer's slowdown. */
export function workTicks(s: TeamState, c: ConsumerState): number {
  const cfg = s.config.consumer;
  const factor = s.tick < c.slowUntil ? c.slowFactor : 1;
  const work = cfg.processTicks + (cfg.processJitterTicks > 0 ? nextInt(s, cfg.processJitterTicks + 1) : 0);
  return Math.max(1, Math.round(work * factor));
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
export function releaseGapClosed(s: TeamState, out: Out, subscription: string, key: string): void {
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

export function sendAck(s: TeamState, out: Out, c: ConsumerState, item: InboxToken): void {
  emit(s, out, { type: "ackSent", consumer: c.id, token: item.token.id, msgId: item.token.msgId, delivery: item.delivery });
  const packet = { kind: "ack" as const, token: item.token.id, msgId: item.token.msgId, delivery: item.delivery, from: c.id };
  if (!transmit(s, out, linkId(c.id, BROKER), packet)) onAckLost(s, out, packet);
}

export function removeFromInbox(s: TeamState, out: Out, c: ConsumerState, item: InboxToken): void {
  const at = c.inbox.indexOf(item);
  if (at < 0) return;
  c.inbox.splice(at, 1);
  emit(s, out, { type: "inboxLeft", consumer: c.id, token: item.token.id, msgId: item.token.msgId });
}

/** A crash loses the inbox and any half-done processing; the broker requeues what was unacked. */
export function crashConsumer(s: TeamState, out: Out, c: ConsumerState): void {
  c.up = false;
  const store = s.stores.get(c.subscription) as Store;
  if (c.processing) {
    const key = c.inbox.find((i) => i.token.id === c.processing?.token)?.token.key;
    if (key !== undefined) holderCrashed(s, store, c.subscription, key, c.id);
  }
  c.processing = null;
  for (const item of c.inbox)
    emit(s, out, {
      type: "discarded",
      node: c.id,
      token: item.token.id,
      msgId: item.token.msgId,
      reason: "crash",
      where: "inbox",
      subscription: item.subscription,
    });
  c.inbox = [];
  requeueFor(s, out, c.id);
}

export function restartConsumer(c: ConsumerState): void {
  c.up = true;
}

export function consumerQuiet(c: ConsumerState): boolean {
  return c.processing === null && c.inbox.length === 0;
}
