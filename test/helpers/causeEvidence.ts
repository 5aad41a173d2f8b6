// An independent reading of a cause against the log: does the log hold the events the cause
// names? Written from docs/anomalies.md#causes, not from causes.ts, so the two can disagree.
// Returns null when the cause is supported, else what the log lacks.
import type { Anomaly } from "../../shared/checker/checker.js";
import { CAUSE_FIELDS } from "../../shared/checker/causes.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import { topicMatches } from "../../shared/engine/exchange.js";
import type { LogHeader } from "../../shared/sim/round.js";

type E = Emitted & Record<string, unknown>;

export interface TeamLog {
  header: LogHeader;
  events: E[];
}

export function teamLog(header: LogHeader, events: readonly Emitted[], team: number): TeamLog {
  return { header, events: events.filter((e) => e.team === team) as E[] };
}

const to = (link: unknown): string => String(link).slice(String(link).indexOf(">") + 1);
const from = (link: unknown): string => String(link).slice(0, String(link).indexOf(">"));

export function causeEvidence(log: TeamLog, anomaly: Anomaly): string | null {
  const c = anomaly.cause;
  const cfg = log.header.config;
  // An external system's effect is lost with the copies of the subscription whose consumers post to it.
  const external = cfg.consumer.externalEffect;
  const feeding = log.header.teams[0]?.subscriptions.find((s) => s !== external) ?? null;
  const feed = external !== undefined && anomaly.subscription === external ? feeding : anomaly.subscription;
  const a = anomaly.kind === "lost" ? { ...anomaly, subscription: feed } : anomaly;
  const ev = log.events;
  for (const field of CAUSE_FIELDS[c.code] ?? []) if (c[field] === undefined || c[field] === "") return `${c.code} has no ${field}`;
  const idx = (p: (e: E) => boolean): number => ev.findIndex(p);
  const has = (p: (e: E) => boolean): boolean => idx(p) >= 0;
  const msg = (e: E): boolean => e.msgId === a.msgId;
  const atTick = (e: E): boolean => e.tick === c.tick;
  const crashedAt = (node: unknown, tick: number): boolean => has((e) => e.type === "crashed" && e.node === node && e.tick === tick);
  const crashedBy = (node: unknown, tick: number): boolean => has((e) => e.type === "crashed" && e.node === node && e.tick <= tick);
  const retries = (cfg.producer.publish === "ackRetry" || cfg.producer.publish === "ackRetryDedup") && !cfg.producer.directRpc;
  const drainGaveUp = !has((e) => e.type === "drainEnded" && e.quiescent === true);
  // The higher seq may be an event published and never committed (a dual write cut by a crash).
  const higherOf = (seq: number | undefined): string | undefined =>
    ev.find((e) => e.type === "applied" && e.subscription === a.subscription && e.key === a.key && e.seq === seq)?.msgId as string | undefined;
  const hopsOf = (msgId: string | undefined): E[] =>
    ev.filter((e) => e.msgId === msgId && ((e.type === "hop" && (e.kind === "publish" || e.kind === "rpc")) || (e.type === "dropped" && e.kind === "publish")));
  const firstApplied = (msgId: string | undefined): number => idx((e) => e.type === "applied" && e.msgId === msgId && e.subscription === a.subscription);
  const need = (ok: boolean, what: string): string | null => (ok ? null : `${c.code} (${a.kind} ${a.msgId} ${a.subscription ?? ""} tick ${c.tick}): ${what}`);
  // Written to disk: a quorum queue's messages always, a classic durable queue's persistent ones (older headers have neither field).
  const onDisk = cfg.broker.queueType === "quorum" || (cfg.broker.durable && cfg.broker.persistent !== false);
  const covered = (e: E): boolean => msg(e) || (Array.isArray(e.covers) && (e.covers as { msgId: string }[]).some((x) => x.msgId === a.msgId));
  switch (c.code) {
    case "linkLoss":
      return need(
        has((e) => e.type === "dropped" && msg(e) && e.link === c.link && atTick(e) && (e.reason === "loss" || e.reason === "fault")),
        "no copy dropped by loss on that link then",
      );
    case "linkCut":
      return need(
        has((e) => e.type === "dropped" && msg(e) && e.link === c.link && atTick(e) && e.reason === "cut") &&
          has((e) => e.type === "linkCut" && e.link === c.link && e.tick <= c.tick),
        "no copy dropped on a cut link then",
      );
    case "nodeDown":
      return need(
        has((e) => e.type === "dropped" && msg(e) && e.link === c.link && to(e.link) === c.node && atTick(e) && e.reason === "down") &&
          crashedBy(c.node, c.tick),
        "no copy dropped at a node that had crashed",
      );
    case "neverRetried":
      return need(
        retries &&
          drainGaveUp &&
          has((e) => e.type === "timedOut" && msg(e) && atTick(e) && e.producer === c.node) &&
          !has((e) => e.type === "hop" && msg(e) && e.kind === "publish" && e.tick > c.tick),
        "no timeout without a later retry in a variant that retries, or the drain ended quiet",
      );
    case "producerCrashPending":
      return need(
        crashedAt(c.node, c.tick) && has((e) => e.type === "forgotten" && msg(e) && e.producer === c.node && atTick(e)),
        "no crash that forgot this publish",
      );
    case "producerCrashBeforePublish": {
      const saved = idx((e) => e.type === "dbWritten" && msg(e) && e.outbox === false);
      const crash = idx((e) => e.type === "crashed" && e.node === c.node && atTick(e));
      return need(saved >= 0 && crash > saved && !hopsOf(a.msgId).some((e) => ev.indexOf(e) < crash), "no DB write followed by a crash before any publish");
    }
    case "brokerCrashNotDurable":
    case "brokerCrashUnpersisted":
    case "brokerCrashBeforeRoute": {
      const where = c.code === "brokerCrashBeforeRoute" ? ["intake"] : ["queue", "unacked"];
      const durableOk = c.code === "brokerCrashBeforeRoute" || onDisk === (c.code === "brokerCrashUnpersisted");
      return need(
        durableOk &&
          crashedAt("B", c.tick) &&
          has(
            (e) =>
              e.type === "discarded" &&
              msg(e) &&
              e.node === "B" &&
              atTick(e) &&
              where.includes(String(e.where)) &&
              (e.subscription === a.subscription || e.subscription === null),
          ),
        "no broker crash that discarded this copy",
      );
    }
    case "brokerDiskLost":
      return need(
        crashedAt("B", c.tick) &&
          has((e) => e.type === "discarded" && msg(e) && e.node === "B" && atTick(e) && e.reason === "diskLoss" && e.subscription === a.subscription),
        "no disk loss that destroyed this copy",
      );
    case "rejectedDropped": {
      const nack = idx((e) => e.type === "nackSent" && msg(e) && e.consumer === c.consumer && e.requeue === false);
      const removed = idx((e) => e.type === "removed" && msg(e) && e.subscription === a.subscription && e.reason === "rejected" && atTick(e));
      return need(nack >= 0 && removed > nack, "no rejection by that consumer followed by a removal");
    }
    case "parkedDeadLetter":
    case "parkedRejected":
    case "parkedInStream":
    case "parkedTerminated": {
      const reason = c.code === "parkedDeadLetter" || c.code === "parkedInStream" ? "maxDeliveries" : "rejected";
      const where = c.code === "parkedInStream" || c.code === "parkedTerminated" ? "stream" : "deadLetterQueue";
      return need(
        a.kind === "parked" &&
          !has((e) => e.type === "applied" && msg(e) && e.subscription === a.subscription) &&
          has(
            (e) =>
              e.type === "parked" &&
              msg(e) &&
              e.subscription === a.subscription &&
              atTick(e) &&
              e.reason === reason &&
              e.where === where &&
              e.consumer === c.consumer,
          ),
        "no parking of this message then, for that reason and place",
      );
    }
    case "consumerCrashAutoAck":
    case "consumerCrashAfterAck":
    case "consumerCrashDirectCall":
    case "consumerCrashBrokerForgot":
    case "consumerCrashOffsetCommitted": {
      const discarded = idx((e) => e.type === "discarded" && msg(e) && e.node === c.consumer && atTick(e) && e.where === "inbox");
      if (discarded < 0 || !crashedAt(c.consumer, c.tick)) return need(false, "no consumer crash that discarded this copy");
      if (c.code === "consumerCrashAutoAck") return need(cfg.consumer.ack === "auto", "not an auto-ack variant");
      if (c.code === "consumerCrashDirectCall") return need(cfg.producer.directRpc, "not a direct call");
      if (c.code === "consumerCrashAfterAck")
        return need(
          has((e) => e.type === "ackSent" && msg(e) && e.consumer === c.consumer && ev.indexOf(e) < discarded),
          "no ACK before the crash",
        );
      // The commit that covered it may reach the broker after the crash (it was on the wire):
      // a Kafka broker learns of the crash only when the member's session ends.
      if (c.code === "consumerCrashOffsetCommitted")
        return need(
          cfg.broker.partitions > 0 &&
            has((e) => e.type === "removed" && msg(e) && e.reason === "ack") &&
            !has((e) => e.type === "ackSent" && msg(e) && e.consumer === c.consumer && ev.indexOf(e) < discarded),
          "no offset commit that covered it",
        );
      return need(
        has((e) => e.type === "discarded" && msg(e) && e.node === "B" && ev.indexOf(e) < discarded),
        "the broker never lost its copy",
      );
    }
    case "retentionExpired":
    case "maxDeliveries":
      return need(
        has(
          (e) =>
            e.type === "removed" &&
            msg(e) &&
            e.subscription === a.subscription &&
            atTick(e) &&
            e.reason === (c.code === "retentionExpired" ? "expired" : "maxDeliveries"),
        ),
        "no removal for that reason",
      );
    case "misrouted": {
      const tokens = new Set(ev.filter((e) => e.type === "accepted" && msg(e)).map((e) => e.token));
      return need(
        has(
          (e) =>
            e.type === "command" &&
            atTick(e) &&
            (e.command as { action: string }).action === "route" &&
            tokens.has((e.command as { token: number }).token) &&
            ![a.subscription, "all"].includes((e.command as { target: string }).target),
        ),
        "no route of this message elsewhere",
      );
    }
    case "notDrained":
      return need(drainGaveUp, "the drain ended quiet");
    case "dupProducerRetry":
    case "dupRetryBrokerCrash":
    case "dupRetryLateConfirm": {
      const retry = (tick: number) => has((e) => e.type === "hop" && msg(e) && e.kind === "publish" && e.origin === "retry" && e.tick >= tick);
      if (c.code === "dupProducerRetry")
        return need(
          has((e) => e.type === "dropped" && covered(e) && e.kind === "confirm" && e.link === c.link && atTick(e)) && retry(c.tick),
          "no lost confirm followed by a retry",
        );
      if (c.code === "dupRetryBrokerCrash") return need(crashedAt("B", c.tick) && retry(c.tick), "no broker crash followed by a retry");
      return need(has((e) => e.type === "timedOut" && msg(e) && atTick(e)) && retry(c.tick), "no timeout followed by a retry");
    }
    case "dupRelayRepublish":
      return need(has((e) => e.type === "hop" && msg(e) && e.origin === "relay" && atTick(e)) && hopsOf(a.msgId).length >= 2, "no second relay publish then");
    case "dupRelayAfterCrash":
      return need(
        crashedAt(c.node, c.tick) && has((e) => e.type === "hop" && msg(e) && e.origin === "relay" && e.tick > c.tick),
        "no producer crash followed by a relay publish",
      );
    case "dupRedeliveryTimeout":
      return need(
        has((e) => e.type === "requeued" && msg(e) && e.subscription === a.subscription && e.reason === "timeout" && atTick(e)),
        "no redelivery after a timeout then",
      );
    case "dupRedeliveryCrash":
      return need(
        crashedAt(c.consumer, c.tick) && has((e) => e.type === "requeued" && msg(e) && e.consumer === c.consumer && e.reason === "crash" && atTick(e)),
        "no consumer crash that requeued it",
      );
    case "dupVisibleAfterCrash":
      return need(
        crashedAt(c.consumer, c.tick) && has((e) => e.type === "requeued" && msg(e) && e.consumer === c.consumer && e.reason === "timeout" && e.tick >= c.tick),
        "no consumer crash followed by its deadline running out",
      );
    case "dupConnectionLost":
      return need(
        has((e) => e.type === "connectionLost" && e.consumer === c.consumer && atTick(e)) &&
          has((e) => e.type === "requeued" && msg(e) && e.consumer === c.consumer && e.reason === "connection" && e.tick >= c.tick),
        "no broken connection of that consumer followed by a requeue",
      );
    case "dupRebalance":
      return need(
        crashedAt(c.consumer, c.tick) &&
          has((e) => e.type === "requeued" && msg(e) && e.consumer === c.consumer && e.reason === "rebalance" && e.tick >= c.tick),
        "no consumer crash followed by a rebalance that re-read it",
      );
    case "dupNack": {
      const nack = idx((e) => e.type === "nackSent" && msg(e) && e.consumer === c.consumer && e.requeue === true && atTick(e));
      return need(nack >= 0 && firstApplied(a.msgId) >= 0 && firstApplied(a.msgId) < nack, "no requeueing nack after the effect was applied");
    }
    case "ackLost":
      return need(
        has((e) => e.type === "dropped" && msg(e) && e.kind === "ack" && e.link === c.link && from(e.link) === c.consumer && atTick(e)),
        "no ACK of that consumer dropped then",
      );
    case "dupBrokerRestart":
      return need(
        crashedAt("B", c.tick) && has((e) => e.type === "requeued" && msg(e) && e.reason === "restart" && e.tick >= c.tick),
        "no broker crash followed by a restart redelivery",
      );
    case "dupConcurrent": {
      const check = idx((e) => e.type === "checked" && msg(e) && e.consumer === c.consumer && e.found === false);
      const recorded = idx((e) => e.type === "recorded" && msg(e) && e.subscription === a.subscription);
      return need(check >= 0 && (recorded < 0 || recorded > check), "no check that came before the record");
    }
    case "dupOutsideTransaction": {
      // The external call was made, the consumer crashed before its transaction committed, and the call was made again after.
      const calls = ev.filter((e) => e.type === "applied" && msg(e) && e.subscription === a.subscription);
      const crash = idx((e) => e.type === "crashed" && e.node === c.consumer && atTick(e));
      return need(
        a.subscription === external &&
          crash >= 0 &&
          calls.some((e) => e.consumer === c.consumer && ev.indexOf(e) < crash) &&
          calls.some((e) => ev.indexOf(e) > crash),
        "no external call before a crash of that consumer and another after it",
      );
    }
    case "dupSeparateWrite": {
      const applied = idx((e) => e.type === "applied" && msg(e) && e.consumer === c.consumer && e.subscription === a.subscription);
      const crash = idx((e) => e.type === "crashed" && e.node === c.consumer && atTick(e));
      const recorded = idx((e) => e.type === "recorded" && msg(e) && e.subscription === a.subscription);
      return need(applied >= 0 && crash > applied && (recorded < 0 || recorded > crash), "no crash between the effect and its record");
    }
    case "misorderProducer":
    case "misorderRelay":
    case "misorderSentLate":
    case "misorderNetwork":
    case "misorderRouting":
    case "misorderRedelivery":
    case "misorderNack":
    case "misorderCompeting":
    case "misorderHold":
    case "misorderHoldGaveUp":
    case "misorderHoldFull":
    case "misorderConsumer": {
      const high = higherOf(c.otherSeq);
      const lateFirst = firstApplied(a.msgId);
      const highFirst = firstApplied(high);
      if (!high || highFirst < 0 || lateFirst < highFirst) return need(false, "the higher seq was not applied first");
      const late = ev[lateFirst];
      const other = ev[highFirst];
      if (c.code === "misorderCompeting")
        return need(late.consumer === c.consumer && other.consumer === c.otherConsumer && c.consumer !== c.otherConsumer, "not two consumers");
      if (c.code === "misorderHold") {
        const started = ev.findIndex((e, i) => e.type === "processStarted" && e.msgId === high && e.consumer === c.consumer && i < highFirst);
        const arrived = ev.findIndex((e, i) => e.type === "received" && msg(e) && e.consumer === c.consumer && i < lateFirst && i > started);
        return need(
          cfg.consumer.allowHold && late.consumer === other.consumer && started >= 0 && arrived > started,
          "no Hold in this variant, or the earlier seq had reached the consumer before it started the later one",
        );
      }
      if (c.code === "misorderNack")
        return need(
          has((e) => e.type === "nackSent" && msg(e) && e.consumer === c.consumer && e.requeue === true && atTick(e) && ev.indexOf(e) < lateFirst),
          "no requeueing nack of the late seq before it was applied",
        );
      if (c.code === "misorderHoldGaveUp" || c.code === "misorderHoldFull") {
        const type = c.code === "misorderHoldGaveUp" ? "holdGaveUp" : "holdFull";
        const lapse = idx((e) => e.type === type && e.msgId === high && e.consumer === c.consumer && atTick(e));
        return need(cfg.consumer.autoHold && lapse >= 0 && lapse < highFirst, `no ${type} of seq ${c.otherSeq} at that consumer before it was applied`);
      }
      if (c.code === "misorderRedelivery")
        return need(
          has((e) => e.type === "requeued" && msg(e) && e.subscription === feed && ev.indexOf(e) < lateFirst),
          "never requeued before it was applied",
        );
      if (c.code === "misorderConsumer")
        return need(
          late.consumer === other.consumer && ev.some((e, i) => e.type === "received" && msg(e) && e.consumer === late.consumer && i < highFirst),
          "the consumer did not have it first",
        );
      if (c.code === "misorderRouting") return need(cfg.broker.manual, "not a broker that routes by hand");
      const lateSends = hopsOf(a.msgId);
      const highSends = hopsOf(high);
      if (c.code === "misorderNetwork") {
        const link = String(c.link);
        const sentL = ev.findIndex((e) => e.type === "hop" && msg(e) && e.link === link);
        const sentH = ev.findIndex((e) => e.type === "hop" && e.msgId === high && e.link === link);
        const jitter = link.startsWith("B>") ? cfg.network.deliver.jitterTicks : cfg.network.publish.jitterTicks;
        return need(sentL >= 0 && sentH >= 0 && jitter > 0, "no hops of both on a link with jitter");
      }
      const origin = c.code === "misorderProducer" ? "retry" : c.code === "misorderRelay" ? "relay" : "send";
      const resend = lateSends.find((e) => e.type === "hop" && e.origin === origin && highSends.some((h) => ev.indexOf(h) < ev.indexOf(e)));
      return need(
        resend !== undefined && (origin === "send" || ev.indexOf(lateSends[0]) < ev.indexOf(highSends[0])),
        "no resend of the late seq after the higher one was sent",
      );
    }
    case "raceLostUpdate": {
      const e = ev.find(
        (x) =>
          x.type === "applied" &&
          msg(x) &&
          atTick(x) &&
          x.consumer === c.consumer &&
          x.subscription === a.subscription &&
          // a stale write, or a withdrawal declined on a balance that had changed since it was read
          (x.declined ? x.writeVersion !== x.readVersion : x.writeVersion !== (x.readVersion as number) + 1),
      );
      return need(
        !!e &&
          ev.some(
            (x) =>
              x.type === "applied" &&
              x.key === e.key &&
              x.subscription === a.subscription &&
              !x.declined &&
              x.writeVersion === (e.readVersion as number) + 1 &&
              x.consumer === c.otherConsumer,
          ),
        "no stale write with another consumer's version in between",
      );
    }
    case "inconsistentDbOnly":
    case "inconsistentPublishForgotten":
    case "inconsistentPublishedOnly": {
      const crash = idx((e) => e.type === "crashed" && e.node === c.node && atTick(e));
      const saved = has((e) => e.type === "dbWritten" && msg(e));
      const accepted = has((e) => (e.type === "accepted" || e.type === "deduplicated") && msg(e));
      if (crash < 0) return need(false, "no producer crash then");
      if (c.code === "inconsistentPublishedOnly") return need(accepted && !saved, "not published-only");
      if (c.code === "inconsistentDbOnly") return need(saved && !accepted && !hopsOf(a.msgId).some((e) => ev.indexOf(e) < crash), "published before the crash");
      return need(saved && !accepted && has((e) => e.type === "forgotten" && msg(e) && atTick(e)), "no forgotten publish");
    }
    case "inconsistentPublishLost":
      return need(
        has((e) => e.type === "dropped" && msg(e) && e.kind === "publish" && e.link === c.link && atTick(e)),
        "no publish dropped then",
      );
    case "inconsistentOwnEventLost":
      return need(
        cfg.producer.write === "listenToYourself" &&
          has((e) => (e.type === "accepted" || e.type === "deduplicated") && msg(e)) &&
          !has((e) => e.type === "dbWritten" && msg(e)) &&
          !has((e) => e.type === "applied" && msg(e) && e.subscription === "self"),
        "not published-only with its own subscription never applying it",
      );
    case "inconsistentUnfinished":
      return need(drainGaveUp, "the drain ended quiet");
    case "wrongFinalState": {
      // Read again from the log alone: the balance the key's last application left, and the
      // balance its committed events give applied once each in seq order, with the bank's
      // rule written here afresh (a withdrawal that would overdraw is declined).
      const applied = ev.filter((e) => e.type === "applied" && e.subscription === a.subscription && e.key === c.key);
      const final = applied.length ? (applied.at(-1)?.balance as number) : 0;
      // A business event counts once, at its first commit (a shared database whose unique key
      // went with a lost disk commits a retried insert again).
      const firsts = new Map<string, (typeof ev)[number]>();
      for (const e of ev) if (e.type === "committed" && e.key === c.key && !firsts.has(e.msgId as string)) firsts.set(e.msgId as string, e);
      const committed = [...firsts.values()].sort((x, y) => (x.seq as number) - (y.seq as number));
      let expected = 0;
      // Behind an exchange, a queue the key's routing key is not bound to should never see it: 0.
      const exchange = cfg?.broker?.exchange;
      if (exchange) {
        const routingKey = exchange.routingKeys[c.key as string] ?? (c.key as string);
        const matches = (key: string) => exchange.type === "fanout" || (exchange.type === "direct" ? key === routingKey : topicMatches(key, routingKey));
        const bound = exchange.bindings.some((b) => b.queue === a.subscription && matches(b.key));
        if (!bound) committed.length = 0;
      }
      for (const e of committed) {
        const amount = e.amount as number;
        if (!(amount < 0 && expected + amount < 0)) expected += amount;
      }
      return need(final === c.final && expected === c.expected && final !== expected, `final ${final} expected ${expected}`);
    }
  }
  return need(false, "unknown code");
}
