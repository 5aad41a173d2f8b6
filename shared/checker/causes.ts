// Causes as data: for each anomaly, the chain of logged events of its business event and
// the one that made it inevitable, named by a cause code (translated by CAUSE_TEXTS) and
// attributed to the end of the pipeline that could have prevented it.
import type { Emitted } from "../engine/kernel.js";
import type { Role } from "../engine/types.js";
import type { CauseCode } from "../scenarios/texts.js";
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

export interface Cause {
  code: CauseCode;
  /** The tick at which the anomaly became inevitable (the replay's "jump to"). */
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


export interface TeamIndex {
  byMsg: Map<string, Emitted[]>;
  /** Broker copy token -> the publish token it was made from. */
  parentOf: Map<number, number>;
  /** Publish token -> how the producer sent it (send, retry, relay). */
  originOf: Map<number, string>;
  acceptedAt: Map<number, number>;
  sentAt: Map<number, number>;
  /** "sub|key|version" -> the application that wrote that version. */
  writes: Map<string, Applied>;
  crashes: { node: string; tick: number }[];
}

export function indexTeam(events: readonly Emitted[]): TeamIndex {
  const index: TeamIndex = { byMsg: new Map(), parentOf: new Map(), originOf: new Map(), acceptedAt: new Map(), sentAt: new Map(), writes: new Map(), crashes: [] };
  for (const e of events) {
    if (e.type === "crashed") index.crashes.push({ node: e.node, tick: e.tick });
    if (!("msgId" in e)) continue;
    let list = index.byMsg.get(e.msgId);
    if (!list) index.byMsg.set(e.msgId, (list = []));
    list.push(e);
    switch (e.type) {
      case "enqueued":
        index.parentOf.set(e.token, e.parent);
        break;
      case "hop":
        if ((e.kind === "publish" || e.kind === "rpc") && e.origin) {
          index.originOf.set(e.token, e.origin);
          if (!index.sentAt.has(e.token)) index.sentAt.set(e.token, e.tick);
        }
        break;
      case "accepted":
        index.acceptedAt.set(e.token, e.tick);
        break;
      case "applied":
        index.writes.set(versionKey(e.subscription, e.key, e.writeVersion), e);
        break;
    }
  }
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

const isDrop = (code: CauseCode): boolean => code === "linkLoss" || code === "linkCut" || code === "nodeDown";
const dropCode = (reason: string): CauseCode => (reason === "cut" ? "linkCut" : reason === "down" ? "nodeDown" : "linkLoss");

/** Why a committed event never reached a subscription. */
export function explainLost(index: TeamIndex, msgId: string, subscription: string): Cause {
  const events = index.byMsg.get(msgId) ?? [];
  const copies = new Set<number>();
  const acked = new Set<number>();
  let enqueuedElsewhere = false;
  let last: { code: CauseCode; tick: number; end: End; node?: string; link?: string } | null = null;
  let lastPublishAt = -1;
  for (const e of events) {
    switch (e.type) {
      case "enqueued":
        if (e.subscription === subscription) copies.add(e.token);
        else enqueuedElsewhere = true;
        break;
      case "hop":
        if (e.kind === "publish" || e.kind === "rpc") lastPublishAt = e.tick;
        break;
      case "ackSent":
        acked.add(e.token);
        break;
      case "dropped":
        if (e.kind === "publish" || e.kind === "rpc") last = { code: dropCode(e.reason), tick: e.tick, end: "producer", link: e.link };
        else if (e.kind === "deliver" && copies.has(e.token)) last = { code: dropCode(e.reason), tick: e.tick, end: "consumer", link: e.link };
        break;
      case "discarded":
        if (e.node === "B") last = { code: "brokerCrashNotDurable", tick: e.tick, end: "broker", node: e.node };
        else if (copies.has(e.token) || copies.size === 0)
          last = { code: acked.has(e.token) ? "consumerCrashAfterAck" : "consumerCrashAutoAck", tick: e.tick, end: "consumer", node: e.node };
        break;
      case "removed":
        if (e.subscription === subscription && (e.reason === "expired" || e.reason === "maxDeliveries"))
          last = { code: e.reason === "expired" ? "retentionExpired" : "maxDeliveries", tick: e.tick, end: "broker" };
        break;
      case "forgotten":
        last = { code: "producerCrashPending", tick: e.tick, end: "producer", node: e.producer };
        break;
      case "timedOut":
        if (last !== null && isDrop(last.code) && e.tick >= lastPublishAt) last = { code: "neverRetried", tick: e.tick, end: "producer", node: e.producer, link: last.link };
        break;
    }
  }
  const chain = chainOf(index, msgId);
  if (!last && enqueuedElsewhere && copies.size === 0) return { code: "misrouted", tick: chain.find((s) => s.type === "enqueued")?.tick ?? 0, end: "broker", node: "B", chain };
  if (!last) return { code: "notDrained", tick: chain[chain.length - 1]?.tick ?? 0, end: "network", chain };
  return { ...last, chain };
}

function requeueBefore(index: TeamIndex, token: number, msgId: string, tick: number): Extract<Emitted, { type: "requeued" }> | null {
  let found: Extract<Emitted, { type: "requeued" }> | null = null;
  for (const e of index.byMsg.get(msgId) ?? []) {
    if (e.tick > tick) break;
    if (e.type === "requeued" && e.token === token) found = e;
  }
  return found;
}

/** Why an effect was applied more than once: the origin of its second application. */
export function explainDuplicate(index: TeamIndex, applications: readonly Applied[]): Cause {
  const [first, second] = applications;
  const msgId = second.msgId;
  const chain = chainOf(index, msgId);
  const base = { tick: second.tick, consumer: second.consumer, otherConsumer: first.consumer, chain };
  const p1 = index.parentOf.get(first.token) ?? first.token;
  const p2 = index.parentOf.get(second.token) ?? second.token;
  if (p1 !== p2) {
    const origins = [index.originOf.get(p1), index.originOf.get(p2)];
    if (origins.includes("relay")) return { code: "dupRelayRepublish", end: "consumer", ...base };
    return { code: "dupProducerRetry", end: "producer", ...base };
  }
  const events = index.byMsg.get(msgId) ?? [];
  const recorded = events.find((e) => e.type === "recorded" && e.tick >= first.tick);
  const checkedMissing = events.find((e) => e.type === "checked" && !e.found && e.token === second.token && e.tick < (recorded?.tick ?? Infinity));
  if (events.some((e) => e.type === "checked")) {
    if (!recorded || recorded.tick > second.tick) return { code: checkedMissing && recorded ? "dupConcurrent" : "dupSeparateWrite", end: "consumer", ...base };
  }
  const requeue = requeueBefore(index, second.token, msgId, second.tick);
  if (requeue && requeue.reason === "timeout") return { code: "dupRedeliveryTimeout", end: "consumer", node: requeue.consumer, ...base };
  return { code: "dupRedeliveryCrash", end: "consumer", node: requeue?.consumer, ...base };
}

function firstApplication(index: TeamIndex, msgId: string, subscription: string): Applied | null {
  for (const e of index.byMsg.get(msgId) ?? []) if (e.type === "applied" && e.subscription === subscription) return e;
  return null;
}

/** Why an effect was first applied after a later one of the same key. */
export function explainMisorder(index: TeamIndex, lateMsg: string, higherMsg: string, subscription: string): Cause {
  const late = firstApplication(index, lateMsg, subscription) as Applied;
  const high = firstApplication(index, higherMsg, subscription) as Applied;
  const base = { tick: high.tick, seq: late.seq, otherSeq: high.seq, consumer: late.consumer, otherConsumer: high.consumer, chain: chainOf(index, lateMsg) };
  if (requeueBefore(index, late.token, lateMsg, late.tick)) return { code: "misorderRedelivery", end: "broker", ...base };
  const pLate = index.parentOf.get(late.token) ?? late.token;
  const pHigh = index.parentOf.get(high.token) ?? high.token;
  if (index.originOf.get(pLate) === "retry") return { code: "misorderProducer", end: "producer", ...base };
  const acceptedLate = index.acceptedAt.get(pLate) ?? -1;
  const acceptedHigh = index.acceptedAt.get(pHigh) ?? -1;
  if (acceptedLate > acceptedHigh && (index.sentAt.get(pLate) ?? 0) <= (index.sentAt.get(pHigh) ?? 0)) return { code: "misorderNetwork", end: "network", ...base };
  if (late.consumer !== high.consumer) return { code: "misorderCompeting", end: "broker", ...base };
  return { code: "misorderHold", end: "consumer", ...base };
}

/** A lost update: this write was based on a read that another consumer's write had already made stale. */
export function explainRace(index: TeamIndex, e: Applied): Cause {
  const other = index.writes.get(versionKey(e.subscription, e.key, e.readVersion + 1));
  return { code: "raceLostUpdate", tick: e.tick, end: "consumer", consumer: e.consumer, otherConsumer: other?.consumer, seq: e.seq, otherSeq: other?.seq, chain: chainOf(index, e.msgId) };
}

/** Topic 5: the DB and the published events disagree, and the producer crash that split them. */
export function explainInconsistent(index: TeamIndex, msgId: string, kind: "dbOnly" | "publishedOnly"): Cause {
  const events = index.byMsg.get(msgId) ?? [];
  const start = events[0];
  const producer = msgId.slice(0, msgId.indexOf("-"));
  const crash = index.crashes.find((c) => c.node === producer && c.tick >= (start?.tick ?? 0));
  return { code: kind === "dbOnly" ? "inconsistentDbOnly" : "inconsistentPublishedOnly", tick: crash?.tick ?? start?.tick ?? 0, end: "producer", node: producer, chain: chainOf(index, msgId) };
}
