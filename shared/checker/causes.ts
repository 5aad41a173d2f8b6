// Causes as data: for each anomaly, the chain of logged events of its business event and
// the one that made it inevitable, named by a cause code (translated by CAUSE_TEXTS) and
// attributed to the end of the pipeline that could have prevented it. Every cause names
// only what the log holds (test/causes.property.test.ts checks it over random rounds), and
// carries every field its code's sentence needs (CAUSE_FIELDS). Losses, races and
// inconsistencies are explained here, and why a message is parked; duplicates and
// misorderings in repeatCauses.ts.
import type { Emitted } from "../engine/kernel.js";
import type { Role } from "../engine/types.js";
import type { CauseCode } from "../scenarios/texts.js";
import { chainOf, pos, targetOf, type TeamIndex } from "./causeIndex.js";
import type { Loss } from "./copies.js";
import { versionKey, type Applied } from "./effects.js";

export { causeFacts, indexTeam, type CauseFacts, type TeamIndex } from "./causeIndex.js";
export { explainDuplicate, explainMisorder } from "./repeatCauses.js";

export type End = Role | "network";

export interface ChainStep {
  tick: number;
  type: string;
  node?: string;
  link?: string;
  token?: number;
  reason?: string;
}

export type CauseField = "node" | "link" | "consumer" | "otherConsumer" | "seq" | "otherSeq" | "key" | "final" | "expected";

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
  /** A wrong final state: the account, the balance it ended with and the one it should have. */
  key?: string;
  final?: number;
  expected?: number;
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
  brokerDiskLost: ["node"],
  consumerCrashAutoAck: ["consumer"],
  consumerCrashAfterAck: ["consumer"],
  consumerCrashDirectCall: ["consumer"],
  consumerCrashBrokerForgot: ["consumer"],
  consumerCrashOffsetCommitted: ["consumer"],
  retentionExpired: ["node"],
  maxDeliveries: ["node"],
  rejectedDropped: ["consumer"],
  misrouted: ["node"],
  notDrained: [],
  parkedDeadLetter: ["consumer"],
  parkedRejected: ["consumer"],
  parkedInStream: ["consumer"],
  parkedTerminated: ["consumer"],
  dupProducerRetry: ["link"],
  dupRetryBrokerCrash: ["node"],
  dupRetryLateConfirm: [],
  dupRelayRepublish: [],
  dupRelayAfterCrash: ["node"],
  dupRedeliveryTimeout: ["consumer"],
  dupRedeliveryCrash: ["consumer"],
  dupVisibleAfterCrash: ["consumer"],
  dupConnectionLost: ["consumer"],
  dupRebalance: ["consumer"],
  dupNack: ["consumer"],
  ackLost: ["consumer", "link"],
  dupBrokerRestart: ["consumer", "node"],
  dupConcurrent: ["consumer", "otherConsumer"],
  dupSeparateWrite: ["consumer"],
  dupOutsideTransaction: ["consumer"],
  misorderProducer: ["seq", "otherSeq"],
  misorderRelay: ["seq", "otherSeq"],
  misorderSentLate: ["seq", "otherSeq"],
  misorderNetwork: ["seq", "otherSeq", "link"],
  misorderRouting: ["seq", "otherSeq"],
  misorderRedelivery: ["seq", "otherSeq"],
  misorderNack: ["seq", "otherSeq", "consumer"],
  misorderCompeting: ["seq", "otherSeq", "consumer", "otherConsumer"],
  misorderHold: ["seq", "otherSeq", "consumer"],
  misorderHoldGaveUp: ["seq", "otherSeq", "consumer"],
  misorderHoldFull: ["seq", "otherSeq", "consumer"],
  misorderConsumer: ["seq", "otherSeq", "consumer"],
  raceLostUpdate: ["consumer", "otherConsumer"],
  inconsistentDbOnly: ["node"],
  inconsistentPublishLost: ["link"],
  inconsistentPublishForgotten: ["node"],
  inconsistentPublishedOnly: ["node"],
  inconsistentUnfinished: [],
  inconsistentOwnEventLost: [],
  wrongFinalState: ["key", "final", "expected"],
};

/** A cause before its chain of events is attached. */
export type Decided = Omit<Cause, "chain">;

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
        const code =
          e.reason === "diskLoss"
            ? "brokerDiskLost"
            : e.where === "intake"
              ? "brokerCrashBeforeRoute"
              : facts.durable
                ? "brokerCrashUnpersisted"
                : "brokerCrashNotDurable";
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
    case "removed": {
      if (e.reason === "rejected") {
        const nack = [...(index.byMsg.get(msgId) ?? [])].reverse().find((x) => x.type === "nackSent" && !x.requeue && pos(index, x) < pos(index, e));
        return { code: "rejectedDropped", tick: e.tick, end: "consumer", consumer: nack?.type === "nackSent" ? nack.consumer : "?" };
      }
      return { code: e.reason === "expired" ? "retentionExpired" : "maxDeliveries", tick: e.tick, end: "broker", node: "B" };
    }
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

/**
 * Why a committed event was never applied but is not lost: its message is parked — in a
 * dead-letter queue, or kept in the stream past MaxDeliver — where a person has to look at
 * it. The consumer that failed it (or rejected it) is named.
 */
export function explainParked(index: TeamIndex, msgId: string, subscription: string): Cause {
  const chain = chainOf(index, msgId);
  const parked = [...(index.byMsg.get(msgId) ?? [])].reverse().find((e) => e.type === "parked" && e.subscription === subscription);
  if (parked?.type !== "parked") return { code: "notDrained", tick: index.drainEnded?.tick ?? 0, end: "network", chain };
  const inStream = parked.where === "stream";
  const code = parked.reason === "rejected" ? (inStream ? "parkedTerminated" : "parkedRejected") : inStream ? "parkedInStream" : "parkedDeadLetter";
  return { code, tick: parked.tick, end: "consumer", consumer: parked.consumer, chain };
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
  const self = index.facts.copies.selfSubscription;
  if (kind === "publishedOnly" && self !== null) {
    // Listen to yourself: the DB row comes from the service's own subscription, which never applied the event.
    const lost = explainLost(index, msgId, self);
    return lost.code === "notDrained" ? unfinished : { code: "inconsistentOwnEventLost", tick: lost.tick, end: lost.end, chain };
  }
  if (kind === "publishedOnly")
    return crash && m?.saveImpossible ? { code: "inconsistentPublishedOnly", tick: crash.tick, end: "producer", node: producer, chain } : unfinished;
  if (!m || index.copies.canResend(m)) return unfinished;
  if (!m.sent) return crash ? { code: "inconsistentDbOnly", tick: crash.tick, end: "producer", node: producer, chain } : unfinished;
  const loss = m.eventLoss?.event;
  if (loss?.type === "forgotten") return { code: "inconsistentPublishForgotten", tick: loss.tick, end: "producer", node: loss.producer, chain };
  if (loss?.type === "dropped") return { code: "inconsistentPublishLost", tick: loss.tick, end: "producer", link: loss.link, chain };
  return unfinished;
}
