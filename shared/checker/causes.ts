// Causes as data: for each anomaly, the chain of logged events of its business event and
// the one that made it inevitable, named by a cause code (translated by CAUSE_TEXTS) and
// attributed to the end of the pipeline that could have prevented it. Every cause names
// only what the log holds (test/causes.property.test.ts checks it over random rounds), and
// carries every field its code's sentence needs (CAUSE_FIELDS).
import type { Emitted } from "../engine/kernel.js";
import type { Role } from "../engine/types.js";
import type { CauseCode } from "../scenarios/texts.js";
import type { LogHeader } from "../sim/round.js";
import { copyFacts, CopyTracker, type CopyFacts, type Loss } from "./copies.js";
import { versionKey, type Applied } from "./effects.js";

export type End = Role | "network";

export interface ChainStep {
  tick: number;
  type: string;
  node?: string;
  link?: string;
  token?: number;
  reason?: string;
}

export type CauseField = "node" | "link" | "consumer" | "otherConsumer" | "seq" | "otherSeq";

export interface Cause {
  code: CauseCode;
  /** The tick of the event that decided the anomaly (the replay's "jump to"). */
  tick: number;
  end: End;
  node?: string;
  link?: string;
  consumer?: string;
  otherConsumer?: string;
  seq?: number;
  otherSeq?: number;
  chain: ChainStep[];
}

/** The fields each code always carries besides `tick`: its sentence may use these and no others. */
export const CAUSE_FIELDS: Record<CauseCode, readonly CauseField[]> = {
  linkLoss: ["link"],
  linkCut: ["link"],
  nodeDown: ["node", "link"],
  neverRetried: ["node"],
  producerCrashPending: ["node"],
  producerCrashBeforePublish: ["node"],
  brokerCrashNotDurable: ["node"],
  brokerCrashUnpersisted: ["node"],
  brokerCrashBeforeRoute: ["node"],
  consumerCrashAutoAck: ["consumer"],
  consumerCrashAfterAck: ["consumer"],
  consumerCrashDirectCall: ["consumer"],
  consumerCrashBrokerForgot: ["consumer"],
  consumerCrashOffsetCommitted: ["consumer"],
  retentionExpired: ["node"],
  maxDeliveries: ["node"],
  misrouted: ["node"],
  notDrained: [],
  dupProducerRetry: ["link"],
  dupRetryBrokerCrash: ["node"],
  dupRetryLateConfirm: [],
  dupRelayRepublish: [],
  dupRelayAfterCrash: ["node"],
  dupRedeliveryTimeout: ["consumer"],
  dupRedeliveryCrash: ["consumer"],
  ackLost: ["consumer", "link"],
  dupBrokerRestart: ["consumer", "node"],
  dupConcurrent: ["consumer", "otherConsumer"],
  dupSeparateWrite: ["consumer"],
  misorderProducer: ["seq", "otherSeq"],
  misorderRelay: ["seq", "otherSeq"],
  misorderSentLate: ["seq", "otherSeq"],
  misorderNetwork: ["seq", "otherSeq", "link"],
  misorderRouting: ["seq", "otherSeq"],
  misorderRedelivery: ["seq", "otherSeq"],
  misorderCompeting: ["seq", "otherSeq", "consumer", "otherConsumer"],
  misorderHold: ["seq", "otherSeq", "consumer"],
  misorderConsumer: ["seq", "otherSeq", "consumer"],
  raceLostUpdate: ["consumer", "otherConsumer"],
  inconsistentDbOnly: ["node"],
  inconsistentPublishLost: ["link"],
  inconsistentPublishForgotten: ["node"],
  inconsistentPublishedOnly: ["node"],
  inconsistentUnfinished: [],
};

export interface CauseFacts {
  copies: CopyFacts;
  /** The consumer may hold a token for its predecessor (so processing one early is its choice). */
  allowHold: boolean;
}

export function causeFacts(header: LogHeader, team: number): CauseFacts {
  return { copies: copyFacts(header, team), allowHold: header.config?.consumer?.allowHold === true };
}

const NO_FACTS: CauseFacts = {
  copies: { subscriptions: [], retries: true, manualBroker: false, dualWrite: false, durable: true, ack: "afterProcessing" },
  allowHold: false,
};

export interface TeamIndex {
  facts: CauseFacts;
  byMsg: Map<string, Emitted[]>;
  /** Each event's position in the team's log: orders events of the same tick. */
  at: Map<Emitted, number>;
  /** Broker copy token -> the publish token it was made from. */
  parentOf: Map<number, number>;
  /** Publish token -> how the producer sent it (send, retry, relay). */
  originOf: Map<number, string>;
  /** Publish token -> its first hop (or drop) and its acceptance. */
  sentAt: Map<number, Emitted>;
  acceptedAt: Map<number, Emitted>;
  /** "sub|key|version" -> the application that wrote that version. */
  writes: Map<string, Applied>;
  crashes: Extract<Emitted, { type: "crashed" }>[];
  copies: CopyTracker;
  drainEnded: Extract<Emitted, { type: "drainEnded" }> | null;
}

export function indexTeam(events: readonly Emitted[], facts: CauseFacts = NO_FACTS): TeamIndex {
  const index: TeamIndex = {
    facts,
    byMsg: new Map(),
    at: new Map(),
    parentOf: new Map(),
    originOf: new Map(),
    sentAt: new Map(),
    acceptedAt: new Map(),
    writes: new Map(),
    crashes: [],
    copies: new CopyTracker(facts.copies),
    drainEnded: null,
  };
  events.forEach((e, i) => {
    index.at.set(e, i);
    index.copies.add(e);
    if (e.type === "crashed") index.crashes.push(e);
    if (e.type === "drainEnded") index.drainEnded = e;
    if (!("msgId" in e)) return;
    let list = index.byMsg.get(e.msgId);
    if (!list) index.byMsg.set(e.msgId, (list = []));
    list.push(e);
    switch (e.type) {
      case "enqueued":
        index.parentOf.set(e.token, e.parent);
        break;
      case "hop":
      case "dropped":
        if ((e.kind === "publish" || e.kind === "rpc") && !index.sentAt.has(e.token)) {
          index.sentAt.set(e.token, e);
          if (e.type === "hop" && e.origin) index.originOf.set(e.token, e.origin);
        }
        break;
      case "accepted":
        index.acceptedAt.set(e.token, e);
        break;
      case "applied":
        index.writes.set(versionKey(e.subscription, e.key, e.writeVersion), e);
        break;
    }
  });
  return index;
}

function chainOf(index: TeamIndex, msgId: string): ChainStep[] {
  const steps: ChainStep[] = [];
  for (const e of index.byMsg.get(msgId) ?? []) {
    const r = e as Emitted & Record<string, unknown>;
    const step: ChainStep = { tick: e.tick, type: e.type };
    const node = (r.consumer ?? r.producer ?? r.node) as string | undefined;
    if (node !== undefined) step.node = node;
    if (typeof r.link === "string") step.link = r.link;
    if (typeof r.token === "number") step.token = r.token;
    const reason = r.reason ?? (e.type === "hop" ? r.kind : undefined);
    if (typeof reason === "string") step.reason = reason;
    steps.push(step);
    if (steps.length >= 60) break;
  }
  return steps;
}

const targetOf = (link: string): string => link.slice(link.indexOf(">") + 1);
const sourceOf = (link: string): string => link.slice(0, link.indexOf(">"));
const pos = (index: TeamIndex, e: Emitted | undefined): number => (e ? (index.at.get(e) ?? -1) : -1);

type Decided = Omit<Cause, "chain">;

function dropCause(e: Extract<Emitted, { type: "dropped" }>, end: End): Decided {
  if (e.reason === "down") return { code: "nodeDown", tick: e.tick, end, node: targetOf(e.link), link: e.link };
  return { code: e.reason === "cut" ? "linkCut" : "linkLoss", tick: e.tick, end, link: e.link };
}

/** The cause a decisive loss names. */
function lossCause(index: TeamIndex, msgId: string, loss: Loss): Decided {
  const e = loss.event;
  const facts = index.facts.copies;
  switch (e.type) {
    case "dropped":
      return dropCause(e, e.kind === "deliver" ? "consumer" : "producer");
    case "discarded": {
      if (e.node === "B") {
        const code = e.where === "intake" ? "brokerCrashBeforeRoute" : facts.durable ? "brokerCrashUnpersisted" : "brokerCrashNotDurable";
        return { code, tick: e.tick, end: "broker", node: e.node };
      }
      const copy = index.copies.messages.get(msgId)?.copies.get(e.token);
      const code =
        copy?.sub === null
          ? "consumerCrashDirectCall"
          : facts.ack === "auto"
            ? "consumerCrashAutoAck"
            : copy?.acked
              ? "consumerCrashAfterAck"
              : copy?.released === "ack"
                ? "consumerCrashOffsetCommitted"
                : "consumerCrashBrokerForgot";
      return { code, tick: e.tick, end: "consumer", consumer: e.node };
    }
    case "removed":
      return { code: e.reason === "expired" ? "retentionExpired" : "maxDeliveries", tick: e.tick, end: "broker", node: "B" };
    case "command":
      return { code: "misrouted", tick: e.tick, end: "broker", node: "B" };
    case "forgotten":
      return { code: "producerCrashPending", tick: e.tick, end: "producer", node: e.producer };
    case "crashed":
      return { code: "producerCrashBeforePublish", tick: e.tick, end: "producer", node: e.node };
    default:
      return { code: "notDrained", tick: e.tick, end: "network" };
  }
}

/** Why a committed event never reached a subscription: the loss of its last copy, or, if one is still somewhere, why it never arrived. */
export function explainLost(index: TeamIndex, msgId: string, subscription: string): Cause {
  const chain = chainOf(index, msgId);
  const m = index.copies.messages.get(msgId);
  const end = index.drainEnded?.tick ?? chain[chain.length - 1]?.tick ?? 0;
  if (m && index.copies.canReach(m, subscription)) {
    const onlyARetry =
      m.canRetry &&
      !m.unpublished &&
      !m.outbox &&
      m.publishes.size === 0 &&
      m.intake.size === 0 &&
      !index.copies.canReach({ ...m, canRetry: false }, subscription);
    const timeout = [...(index.byMsg.get(msgId) ?? [])].reverse().find((e) => e.type === "timedOut");
    if (onlyARetry && timeout?.type === "timedOut") return { code: "neverRetried", tick: timeout.tick, end: "producer", node: timeout.producer, chain };
    return { code: "notDrained", tick: end, end: "network", chain };
  }
  const loss = m ? index.copies.decisiveLoss(m, subscription) : null;
  if (!loss) return { code: "notDrained", tick: end, end: "network", chain };
  return { ...lossCause(index, msgId, loss), chain };
}

function lastBefore<T extends Emitted["type"]>(
  index: TeamIndex,
  msgId: string,
  type: T,
  before: number,
  match: (e: Extract<Emitted, { type: T }>) => boolean,
): Extract<Emitted, { type: T }> | undefined {
  let found: Extract<Emitted, { type: T }> | undefined;
  for (const e of index.byMsg.get(msgId) ?? []) {
    if (pos(index, e) >= before) break;
    if (e.type === type && match(e as Extract<Emitted, { type: T }>)) found = e as Extract<Emitted, { type: T }>;
  }
  return found;
}

function firstAfter<T extends Emitted["type"]>(
  index: TeamIndex,
  msgId: string,
  type: T,
  after: number,
  match: (e: Extract<Emitted, { type: T }>) => boolean,
): Extract<Emitted, { type: T }> | undefined {
  for (const e of index.byMsg.get(msgId) ?? [])
    if (pos(index, e) > after && e.type === type && match(e as Extract<Emitted, { type: T }>)) return e as Extract<Emitted, { type: T }>;
  return undefined;
}

function crashBetween(index: TeamIndex, node: string, from: number, to: number): Extract<Emitted, { type: "crashed" }> | undefined {
  let found: Extract<Emitted, { type: "crashed" }> | undefined;
  for (const c of index.crashes) if (c.node === node && pos(index, c) > from && pos(index, c) < to) found = c;
  return found;
}

/**
 * The inbox arrival an application processed. A consumer takes the first inbox item of a
 * token (a redelivery of the same copy can wait behind it), so its inbox is replayed per
 * token up to the processing's start.
 */
function receivedFor(index: TeamIndex, a: Applied): Extract<Emitted, { type: "received" }> | undefined {
  const mine = (e: { token: number; consumer: string }) => e.token === a.token && e.consumer === a.consumer;
  const started = pos(index, lastBefore(index, a.msgId, "processStarted", pos(index, a), mine));
  const until = started >= 0 ? started : pos(index, a);
  const inbox: Extract<Emitted, { type: "received" }>[] = [];
  for (const e of index.byMsg.get(a.msgId) ?? []) {
    if (pos(index, e) >= until) break;
    if (e.type === "received" && mine(e)) inbox.push(e);
    else if (e.type === "inboxLeft" && mine(e)) inbox.shift();
    else if (e.type === "discarded" && e.node === a.consumer && e.token === a.token) inbox.length = 0;
  }
  return inbox[0];
}

/** Two publishes of one event reached the subscription: why the producer (or its relay) sent it again after the earlier one. */
function explainRepublish(index: TeamIndex, msgId: string, p1: number, p2: number): Decided {
  const [early, late] = pos(index, index.sentAt.get(p1)) <= pos(index, index.sentAt.get(p2)) ? [p1, p2] : [p2, p1];
  const earlyAt = pos(index, index.sentAt.get(early));
  const lateSent = index.sentAt.get(late);
  const lateAt = pos(index, lateSent);
  const relay = index.originOf.get(late) === "relay";
  const producer = lateSent && "link" in lateSent ? sourceOf(lateSent.link) : msgId.slice(0, msgId.indexOf("-"));
  if (relay) {
    const crash = crashBetween(index, producer, earlyAt, lateAt);
    if (crash) return { code: "dupRelayAfterCrash", tick: crash.tick, end: "consumer", node: producer };
    return { code: "dupRelayRepublish", tick: lateSent?.tick ?? 0, end: "consumer" };
  }
  const confirmLost = firstAfter(index, msgId, "dropped", earlyAt, (e) => e.kind === "confirm" && e.token === early);
  if (confirmLost && pos(index, confirmLost) < lateAt) return { code: "dupProducerRetry", tick: confirmLost.tick, end: "producer", link: confirmLost.link };
  const confirmed = firstAfter(index, msgId, "hop", earlyAt, (e) => e.kind === "confirm" && e.token === early);
  const brokerCrash = crashBetween(index, "B", pos(index, index.acceptedAt.get(early)), lateAt);
  if (brokerCrash && (!confirmed || pos(index, confirmed) > lateAt)) return { code: "dupRetryBrokerCrash", tick: brokerCrash.tick, end: "producer", node: "B" };
  const timeout = firstAfter(index, msgId, "timedOut", earlyAt, (e) => e.token === early);
  return { code: "dupRetryLateConfirm", tick: timeout?.tick ?? lateSent?.tick ?? 0, end: "producer" };
}

/**
 * One publish's copy was applied twice, from two deliveries: why the broker delivered it
 * again after the earlier one — that delivery's ACK was lost or late, its consumer crashed,
 * or the broker itself crashed and redelivered what was unacked when it came back.
 */
function explainRedelivery(index: TeamIndex, first: Applied, second: Applied): Decided {
  const msgId = first.msgId;
  const deliveries = [first, second].map((a) => {
    const received = receivedFor(index, a);
    const delivered = received
      ? lastBefore(index, msgId, "delivered", pos(index, received), (e) => e.token === a.token && e.delivery === received.delivery)
      : undefined;
    return { consumer: a.consumer, delivery: received?.delivery ?? -1, at: pos(index, delivered) };
  });
  const early = deliveries[0].at <= deliveries[1].at ? deliveries[0] : deliveries[1];
  const token = first.token;
  const requeue = firstAfter(index, msgId, "requeued", early.at, (e) => e.token === token);
  const requeueAt = requeue ? pos(index, requeue) : Number.MAX_SAFE_INTEGER;
  const base = { end: "consumer" as End, consumer: early.consumer };
  const brokerCrash = (): Decided => {
    const crash = crashBetween(index, "B", early.at, requeueAt);
    return { code: "dupBrokerRestart", tick: crash?.tick ?? requeue?.tick ?? first.tick, ...base, node: "B" };
  };
  const ack = firstAfter(index, msgId, "ackSent", early.at, (e) => e.token === token && e.delivery === early.delivery && e.consumer === early.consumer);
  if (ack && pos(index, ack) < requeueAt) {
    const dropped = firstAfter(index, msgId, "dropped", pos(index, ack) - 1, (e) => e.kind === "ack" && e.token === token);
    if (dropped && pos(index, dropped) < requeueAt) {
      if (dropped.reason === "down") return brokerCrash();
      return { code: "ackLost", tick: dropped.tick, ...base, link: dropped.link };
    }
  }
  if (requeue?.reason === "crash") return { code: "dupRedeliveryCrash", tick: requeue.tick, ...base, consumer: requeue.consumer };
  if (requeue?.reason === "restart") return brokerCrash();
  return { code: "dupRedeliveryTimeout", tick: requeue?.tick ?? first.tick, ...base };
}

/** Why an effect was applied more than once: what made the second application possible. */
export function explainDuplicate(index: TeamIndex, applications: readonly Applied[]): Cause {
  const [first, second] = applications;
  const msgId = second.msgId;
  const chain = chainOf(index, msgId);
  const secondAt = pos(index, second);
  const check = lastBefore(index, msgId, "checked", secondAt, (e) => e.token === second.token && e.consumer === second.consumer && !e.found);
  if (check) {
    // The consumer looked for the id and did not find it: the first application had not recorded it.
    const recorded = firstAfter(index, msgId, "recorded", pos(index, first), (e) => e.subscription === first.subscription);
    const crash = crashBetween(
      index,
      first.consumer,
      pos(index, first),
      Math.min(pos(index, check), recorded ? pos(index, recorded) : Number.MAX_SAFE_INTEGER),
    );
    if (crash) return { code: "dupSeparateWrite", tick: crash.tick, end: "consumer", consumer: first.consumer, chain };
    return { code: "dupConcurrent", tick: check.tick, end: "consumer", consumer: second.consumer, otherConsumer: first.consumer, chain };
  }
  const p1 = index.parentOf.get(first.token) ?? first.token;
  const p2 = index.parentOf.get(second.token) ?? second.token;
  const decided = p1 !== p2 ? explainRepublish(index, msgId, p1, p2) : explainRedelivery(index, first, second);
  return { ...decided, chain };
}

function firstApplication(index: TeamIndex, msgId: string, subscription: string): Applied | null {
  for (const e of index.byMsg.get(msgId) ?? []) if (e.type === "applied" && e.subscription === subscription) return e;
  return null;
}

/** Where an application's copy came from: its publish, the delivery that brought it, and when it reached the consumer. */
function journey(index: TeamIndex, a: Applied) {
  const at = pos(index, a);
  const publish = index.parentOf.get(a.token) ?? a.token;
  const received = receivedFor(index, a);
  const delivered = received ? lastBefore(index, a.msgId, "delivered", at, (e) => e.token === a.token && e.delivery === received.delivery) : undefined;
  return {
    publish,
    sent: pos(index, index.sentAt.get(publish)),
    accepted: pos(index, index.acceptedAt.get(publish)),
    enqueued: pos(
      index,
      lastBefore(index, a.msgId, "enqueued", at, (e) => e.token === a.token),
    ),
    delivered: pos(index, delivered),
    deliveredAt: delivered,
    received: pos(index, received),
    receivedEvent: received,
    started: pos(
      index,
      lastBefore(index, a.msgId, "processStarted", at, (e) => e.token === a.token && e.consumer === a.consumer),
    ),
  };
}

/**
 * Why an effect was first applied after a later one of the same key: the first stage of the
 * pipeline where the later one got ahead — the producer, the publish link, the broker's
 * routing, a redelivery, competing consumers, the delivery link, the consumer's own choice.
 * In a variant whose consumer may hold a token for its predecessor, processing the later one
 * while the earlier was still missing is the consumer's miss.
 */
export function explainMisorder(index: TeamIndex, lateMsg: string, higherMsg: string, subscription: string): Cause {
  const late = firstApplication(index, lateMsg, subscription) as Applied;
  const high = firstApplication(index, higherMsg, subscription) as Applied;
  const base = { tick: high.tick, seq: late.seq, otherSeq: high.seq, chain: chainOf(index, lateMsg) };
  const L = journey(index, late);
  const H = journey(index, high);
  const same = late.consumer === high.consumer;
  if (index.facts.allowHold && same && H.started >= 0 && L.received > H.started)
    return { code: "misorderHold", end: "consumer", consumer: late.consumer, ...base };
  if (L.sent > H.sent) {
    const origin = index.originOf.get(L.publish);
    return { code: origin === "retry" ? "misorderProducer" : origin === "relay" ? "misorderRelay" : "misorderSentLate", end: "producer", ...base };
  }
  if (L.accepted > H.accepted && H.accepted >= 0) {
    const sent = index.sentAt.get(L.publish);
    return { code: "misorderNetwork", end: "network", link: sent && "link" in sent ? sent.link : "", ...base };
  }
  if (L.enqueued > H.enqueued && H.enqueued >= 0) return { code: "misorderRouting", end: "broker", ...base };
  if (L.delivered > H.delivered && H.delivered >= 0) return { code: "misorderRedelivery", end: "broker", ...base };
  if (!same) return { code: "misorderCompeting", end: "broker", consumer: late.consumer, otherConsumer: high.consumer, ...base };
  if (L.received > H.received && H.received >= 0) return { code: "misorderNetwork", end: "network", link: `B>${late.consumer}`, ...base };
  return { code: "misorderConsumer", end: "consumer", consumer: late.consumer, ...base };
}

/** A lost update: this write was based on a read that another consumer's write had already made stale. */
export function explainRace(index: TeamIndex, e: Applied): Cause {
  const other = index.writes.get(versionKey(e.subscription, e.key, e.readVersion + 1));
  return {
    code: "raceLostUpdate",
    tick: e.tick,
    end: "consumer",
    consumer: e.consumer,
    otherConsumer: other?.consumer ?? e.consumer,
    seq: e.seq,
    otherSeq: other?.seq,
    chain: chainOf(index, e.msgId),
  };
}

/** Topic 5: the DB and the published events disagree: the producer crash that split them, or the publish that never arrived. */
export function explainInconsistent(index: TeamIndex, msgId: string, kind: "dbOnly" | "publishedOnly"): Cause {
  const chain = chainOf(index, msgId);
  const events = index.byMsg.get(msgId) ?? [];
  const m = index.copies.messages.get(msgId);
  const producer = m?.producer ?? msgId.slice(0, msgId.indexOf("-"));
  const startAt = pos(index, events[0]);
  const crash = index.crashes.find((c) => c.node === producer && pos(index, c) > startAt);
  const unfinished = {
    code: "inconsistentUnfinished" as const,
    tick: index.drainEnded?.tick ?? chain[chain.length - 1]?.tick ?? 0,
    end: "producer" as End,
    chain,
  };
  if (kind === "publishedOnly")
    return crash && m?.saveImpossible ? { code: "inconsistentPublishedOnly", tick: crash.tick, end: "producer", node: producer, chain } : unfinished;
  if (!m || index.copies.canResend(m)) return unfinished;
  if (!m.sent) return crash ? { code: "inconsistentDbOnly", tick: crash.tick, end: "producer", node: producer, chain } : unfinished;
  const loss = m.eventLoss?.event;
  if (loss?.type === "forgotten") return { code: "inconsistentPublishForgotten", tick: loss.tick, end: "producer", node: loss.producer, chain };
  if (loss?.type === "dropped") return { code: "inconsistentPublishLost", tick: loss.tick, end: "producer", link: loss.link, chain };
  return unfinished;
}
