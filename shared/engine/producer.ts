// Producers: commit business events and publish them. What they remember of their
// publishes lives in memory and dies with a crash; the DB and its outbox table survive.
import { emit, linkId, newToken, schedule, transmit, type Out } from "./kernel.js";
import type { BusinessEvent, Command, ProducerState, RefusalReason, SentRecord, TeamState, Token } from "./types.js";
import { BROKER } from "./types.js";
import { isActionOf } from "./actions.js";

type Refusal = RefusalReason | null;

const refuse = (code: RefusalReason["code"], detail?: string): RefusalReason => (detail ? { code, detail } : { code });

/**
 * Whether a publish may go now. Fire-and-forget asks for no confirm: nothing limits it.
 * Waiting for the ACK (and a direct call) sends one at a time, and a time-out frees it:
 * nothing is retried. With retries, a publish awaiting its confirm holds one of the
 * maxInFlight slots; one that timed out no longer waits for anything and holds none (it
 * waits for its Retry, which needs a free slot) — except on a single-threaded producer
 * (maxInFlight 1), which keeps strict order: nothing new goes while a publish is
 * unconfirmed, so a timed-out one must be retried first.
 */
export function canPublish(s: TeamState, p: ProducerState, isRetry = false): Refusal {
  const cfg = s.config.producer;
  if (cfg.publish === "fireAndForget") return null;
  if ((cfg.publish === "waitAck" || cfg.directRpc) && p.inFlight > 0) return refuse("waitingForAck");
  if (p.inFlight >= cfg.maxInFlight) return refuse("tooManyInFlight", String(cfg.maxInFlight));
  if (!isRetry && cfg.maxInFlight === 1 && p.timedOut > 0 && retries(s)) return refuse("retryFirst");
  return null;
}

function retries(s: TeamState): boolean {
  return s.config.producer.publish === "ackRetry" || s.config.producer.publish === "ackRetryDedup";
}

/** The next business event, if it is already available (the work arrives over the round). */
export function nextEvent(s: TeamState, p: ProducerState): BusinessEvent | RefusalReason {
  const event = p.stack[0];
  if (!event) return refuse("nothingToSend");
  if (event.availableAt > s.tick) return refuse("nextEventIn", String(event.availableAt - s.tick));
  return event;
}

const isEvent = (x: BusinessEvent | RefusalReason): x is BusinessEvent => "msgId" in x;

function wantsConfirm(s: TeamState): boolean {
  return s.config.producer.publish !== "fireAndForget";
}

/** Sends one token of `event` towards the broker (or, for direct RPC, the first consumer that is up). */
export function publishToken(s: TeamState, out: Out, p: ProducerState, event: BusinessEvent, origin: Token["origin"]): Token {
  const cfg = s.config.producer;
  const token = newToken(s, {
    msgId: event.msgId,
    key: event.key,
    seq: event.seq,
    amount: event.amount,
    dedupId: cfg.publish === "ackRetryDedup" ? event.msgId : null,
    origin,
    parent: null,
  });
  if (origin !== "relay") {
    let record = p.sent.find((r) => r.msgId === event.msgId);
    if (!record) {
      record = {
        msgId: event.msgId,
        key: event.key,
        seq: event.seq,
        amount: event.amount,
        availableAt: event.availableAt,
        status: "sent",
        token: token.id,
        sentAt: s.tick,
        attempts: 0,
      };
      p.sent.push(record);
      if (p.sent.length > 64) trimSent(p);
    }
    record.token = token.id;
    record.sentAt = s.tick;
    record.attempts++;
    if (wantsConfirm(s)) {
      if (record.status === "timedOut") p.timedOut--;
      record.status = "pending";
      p.inFlight++;
      schedule(s, s.tick + cfg.ackTimeoutTicks, { kind: "timeout", producer: p.id, msgId: event.msgId, token: token.id });
    }
  }
  if (cfg.directRpc) {
    const target = s.consumers.find((c) => c.up) ?? s.consumers[0];
    transmit(s, out, linkId(p.id, target.id), { kind: "rpc", token, from: p.id });
  } else {
    transmit(s, out, linkId(p.id, BROKER), { kind: "publish", token, from: p.id, confirm: wantsConfirm(s) });
  }
  return token;
}

/** Keeps the memory of publishes bounded: settled records older than the newest 64 go. */
function trimSent(p: ProducerState): void {
  const keep: SentRecord[] = [];
  let extra = p.sent.length - 64;
  for (const r of p.sent) {
    if (extra > 0 && (r.status === "acknowledged" || r.status === "sent")) {
      extra--;
      continue;
    }
    keep.push(r);
  }
  p.sent = keep;
}

function commit(s: TeamState, out: Out, p: ProducerState, event: BusinessEvent): void {
  emit(s, out, { type: "committed", msgId: event.msgId, key: event.key, seq: event.seq, amount: event.amount, producer: p.id });
}

export function producerCommand(s: TeamState, out: Out, p: ProducerState, command: Command): Refusal {
  const cfg = s.config.producer;
  if (!isActionOf(command, "producer")) return refuse("notYourAction", command.action);
  if (!p.up) return refuse("nodeDown", p.id);
  // Either step of a dual write starts new work, unless it finishes one half done.
  const wantsNewWork =
    command.action === "send" || command.action === "commitOutbox" || ((command.action === "saveDb" || command.action === "publish") && !p.dualWrite);
  if (wantsNewWork && s.draining) return refuse("roundOver");
  switch (command.action) {
    case "send": {
      if (cfg.write !== "publishOnly" && cfg.write !== "listenToYourself") return refuse("notInVariant", cfg.write);
      const event = nextEvent(s, p);
      if (!isEvent(event)) return event;
      const blocked = canPublish(s, p);
      if (blocked) return blocked;
      p.stack.shift();
      if (cfg.directRpc && !s.consumers.some((c) => c.up)) {
        emit(s, out, { type: "refused", msgId: event.msgId, key: event.key, seq: event.seq, producer: p.id, reason: "consumerUnavailable" });
        return null;
      }
      // A shared DB commits the row itself, when the insert's transaction does.
      if (!s.config.broker.sharedDb) commit(s, out, p, event);
      publishToken(s, out, p, event, "send");
      return null;
    }
    case "retry": {
      if (cfg.publish !== "ackRetry" && cfg.publish !== "ackRetryDedup") return refuse("notInVariant", cfg.publish);
      const record = p.sent.find((r) => r.msgId === command.msgId);
      if (!record) return refuse("unknownMessage", command.msgId);
      if (record.status !== "timedOut") return refuse("notTimedOut", record.status);
      const blocked = canPublish(s, p, true);
      if (blocked) return blocked;
      publishToken(s, out, p, record, "retry");
      return null;
    }
    case "saveDb":
    case "publish": {
      if (cfg.write !== "dualWrite") return refuse("notInVariant", cfg.write);
      // The service's code publishes first: its DB write comes after.
      if (command.action === "saveDb" && cfg.publishFirst && !p.dualWrite?.published) return refuse("notInVariant", "publishFirst");
      let step = p.dualWrite;
      if (!step) {
        const event = nextEvent(s, p);
        if (!isEvent(event)) return event;
        if (command.action === "publish") {
          const blocked = canPublish(s, p);
          if (blocked) return blocked;
        }
        p.stack.shift();
        step = p.dualWrite = { event, saved: false, published: false };
      }
      if (command.action === "saveDb") {
        if (step.saved) return refuse("alreadyDone");
        step.saved = true;
        p.db.push(step.event.msgId);
        emit(s, out, { type: "dbWritten", msgId: step.event.msgId, producer: p.id, outbox: false });
        commit(s, out, p, step.event);
      } else {
        if (step.published) return refuse("alreadyDone");
        const blocked = step.saved ? canPublish(s, p) : null;
        if (blocked) return blocked;
        step.published = true;
        publishToken(s, out, p, step.event, "send");
      }
      if (step.saved && step.published) p.dualWrite = null;
      return null;
    }
    case "commitOutbox": {
      if (cfg.write !== "outbox") return refuse("notInVariant", cfg.write);
      const event = nextEvent(s, p);
      if (!isEvent(event)) return event;
      p.stack.shift();
      p.db.push(event.msgId);
      emit(s, out, { type: "dbWritten", msgId: event.msgId, producer: p.id, outbox: true });
      commit(s, out, p, event);
      p.outbox.push({ event, token: -1, publishedAt: -1, attempts: 0 });
      return null;
    }
  }
}

export function onConfirm(s: TeamState, out: Out, p: ProducerState, msgId: string, token: number, duplicate: boolean): void {
  const row = p.outbox.findIndex((r) => r.event.msgId === msgId);
  if (row >= 0) {
    p.outbox.splice(row, 1);
    emit(s, out, { type: "acknowledged", producer: p.id, msgId, token, duplicate });
    emit(s, out, { type: "outboxCleared", producer: p.id, msgId });
    p.nextRelayAt = Math.min(p.nextRelayAt, s.tick + 1);
    return;
  }
  const record = p.sent.find((r) => r.msgId === msgId);
  if (!record || record.status === "acknowledged") return;
  if (record.status === "pending") p.inFlight--;
  if (record.status === "timedOut") p.timedOut--;
  record.status = "acknowledged";
  emit(s, out, { type: "acknowledged", producer: p.id, msgId, token, duplicate });
}

export function onTimeout(s: TeamState, out: Out, p: ProducerState, msgId: string, token: number): void {
  const record = p.sent.find((r) => r.msgId === msgId);
  if (!record || record.status !== "pending" || record.token !== token) return;
  record.status = "timedOut";
  p.inFlight--;
  p.timedOut++;
  emit(s, out, { type: "timedOut", producer: p.id, msgId, token });
}

/** A producer crash forgets every publish it was still waiting on; a half-done dual write stays half done. */
export function crashProducer(s: TeamState, out: Out, p: ProducerState): void {
  p.up = false;
  for (const r of p.sent) {
    if (r.status === "pending" || r.status === "timedOut") emit(s, out, { type: "forgotten", producer: p.id, msgId: r.msgId, reason: "crash" });
  }
  p.sent = [];
  p.inFlight = 0;
  p.timedOut = 0;
  p.dualWrite = null;
  for (const row of p.outbox) row.publishedAt = -1;
}

export function restartProducer(s: TeamState, p: ProducerState): void {
  p.up = true;
  p.nextRelayAt = s.tick + 1;
}

/** A producer is quiet when nothing it owns can still move: no publish awaited or retryable, no outbox row. */
export function producerQuiet(s: TeamState, p: ProducerState): boolean {
  if (p.outbox.length > 0 || p.dualWrite) return false;
  return p.inFlight === 0 && (p.timedOut === 0 || !retries(s));
}
