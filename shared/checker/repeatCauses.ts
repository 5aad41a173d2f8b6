// Why an effect was applied twice, and why one was first applied after a later one of its
// key: the decisive event of each, read from the team's indexed log (causeIndex.ts).
import { chainOf, crashBetween, firstAfter, lastBefore, pos, receivedFor, sourceOf, type TeamIndex } from "./causeIndex.js";
import type { Cause, Decided, End } from "./causes.js";
import type { Applied } from "./effects.js";

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
  const confirms = (e: { kind: string; token: number; covers?: { token: number }[] }) =>
    e.kind === "confirm" && (e.token === early || (e.covers?.some((c) => c.token === early) ?? false));
  const confirmLost = firstAfter(index, msgId, "dropped", earlyAt, confirms);
  if (confirmLost && pos(index, confirmLost) < lateAt) return { code: "dupProducerRetry", tick: confirmLost.tick, end: "producer", link: confirmLost.link };
  const confirmed = firstAfter(index, msgId, "hop", earlyAt, confirms);
  const brokerCrash = crashBetween(index, "B", pos(index, index.acceptedAt.get(early)), lateAt);
  if (brokerCrash && (!confirmed || pos(index, confirmed) > lateAt)) return { code: "dupRetryBrokerCrash", tick: brokerCrash.tick, end: "producer", node: "B" };
  const timeout = firstAfter(index, msgId, "timedOut", earlyAt, (e) => e.token === early);
  return { code: "dupRetryLateConfirm", tick: timeout?.tick ?? lateSent?.tick ?? 0, end: "producer" };
}

/**
 * One publish's copy was applied twice, from two deliveries: why the broker delivered it
 * again after the earlier one — that delivery's ACK was lost or late, its consumer crashed,
 * its connection broke, its group session ended, it was nacked after being applied, or the
 * broker itself crashed and redelivered what was unacked when it came back.
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
      // An ack dropped as stale crossed a connection already broken: the break is the cause.
      if (dropped.reason !== "stale") return { code: "ackLost", tick: dropped.tick, ...base, link: dropped.link };
    }
  }
  if (requeue?.reason === "crash") return { code: "dupRedeliveryCrash", tick: requeue.tick, ...base, consumer: requeue.consumer };
  if (requeue?.reason === "connection") {
    let lost: { tick: number } | undefined;
    for (const c of index.connectionLosses) if (c.consumer === requeue.consumer && pos(index, c) < requeueAt) lost = c;
    return { code: "dupConnectionLost", tick: lost?.tick ?? requeue.tick, ...base, consumer: requeue.consumer };
  }
  if (requeue?.reason === "rebalance") {
    const crash = crashBetween(index, requeue.consumer, early.at, requeueAt);
    return { code: "dupRebalance", tick: crash?.tick ?? requeue.tick, ...base, consumer: requeue.consumer };
  }
  if (requeue?.reason === "nack") {
    const nack = lastBefore(index, msgId, "nackSent", requeueAt, (e) => e.token === token && e.requeue);
    return { code: "dupNack", tick: nack?.tick ?? requeue.tick, ...base, consumer: nack?.consumer ?? requeue.consumer };
  }
  if (requeue?.reason === "restart") return brokerCrash();
  // SQS and JetStream notice no crash: the message came back when its deadline ran out.
  const crashed = requeue?.reason === "timeout" ? crashBetween(index, requeue.consumer, early.at, requeueAt) : undefined;
  if (crashed) return { code: "dupVisibleAfterCrash", tick: crashed.tick, ...base, consumer: crashed.node };
  return { code: "dupRedeliveryTimeout", tick: requeue?.tick ?? first.tick, ...base };
}

/** Why an effect was applied more than once: what made the second application possible. */
export function explainDuplicate(index: TeamIndex, applications: readonly Applied[]): Cause {
  const [first, second] = applications;
  const msgId = second.msgId;
  const chain = chainOf(index, msgId);
  const secondAt = pos(index, second);
  if (first.subscription === index.facts.copies.external?.system) {
    // Posted outside the transaction, which a crash then rolled back: the reprocessing posted it again.
    const crash = crashBetween(index, first.consumer, pos(index, first), secondAt);
    if (crash) return { code: "dupOutsideTransaction", tick: crash.tick, end: "consumer", consumer: first.consumer, chain };
  }
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

/**
 * A resequencer lets an early token go on only when its hold gives up or its buffer is full.
 * Of the key's tokens between the late seq and the higher one that went on that way and were
 * applied before the late one, the first applied is the one that broke the order.
 */
function holdLapse(index: TeamIndex, late: Applied, high: Applied): TeamIndex["holdLapses"][number] | null {
  const lateAt = pos(index, late);
  let found: TeamIndex["holdLapses"][number] | null = null;
  let foundAt = Number.MAX_SAFE_INTEGER;
  for (const lapse of index.holdLapses) {
    if (lapse.key !== late.key || lapse.seq <= late.seq || lapse.seq > high.seq || pos(index, lapse) > lateAt) continue;
    const applied = firstApplication(index, lapse.msgId, late.subscription);
    const at = pos(index, applied ?? undefined);
    if (applied && at < lateAt && pos(index, lapse) < at && at < foundAt) {
      found = lapse;
      foundAt = at;
    }
  }
  return found;
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
  const lapse = index.facts.autoHold ? holdLapse(index, late, high) : null;
  if (lapse) {
    const code = lapse.type === "holdGaveUp" ? "misorderHoldGaveUp" : "misorderHoldFull";
    return { code, end: "consumer", consumer: lapse.consumer, ...base, tick: lapse.tick, otherSeq: lapse.seq };
  }
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
  if (L.delivered > H.delivered && H.delivered >= 0) {
    const nack = lastBefore(index, lateMsg, "nackSent", L.delivered, (e) => e.token === late.token && e.requeue);
    if (nack) return { code: "misorderNack", end: "consumer", consumer: nack.consumer, ...base, tick: nack.tick };
    return { code: "misorderRedelivery", end: "broker", ...base };
  }
  if (!same) return { code: "misorderCompeting", end: "broker", consumer: late.consumer, otherConsumer: high.consumer, ...base };
  if (L.received > H.received && H.received >= 0) return { code: "misorderNetwork", end: "network", link: `B>${late.consumer}`, ...base };
  return { code: "misorderConsumer", end: "consumer", consumer: late.consumer, ...base };
}
