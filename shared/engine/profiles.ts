// Broker profiles: presets of the broker's features that behave as the real brokers do
// (docs/brokers.md, summarised in each comment; npm run conformance checks RabbitMQ and
// JetStream against the real servers). 10 ticks are one second of play. A timeout that
// brings a message back is scaled to a classroom round (timeoutTicks: a real 30 s is 8 s of
// play), so that it happens within a round of a few minutes; a de-duplication window keeps
// its real length (windowTicks), since it must outlast the retries of a whole round.
import type { BrokerConfig, ProfileId, QueueType } from "./config.js";

type Preset = Omit<BrokerConfig, "channel" | "manual">;

/** A real timeout, in seconds, as ticks of play: 30 s → 80 ticks, 45 s → 120, 60 s → 160. */
export const timeoutTicks = (seconds: number): number => Math.round((seconds * 80) / 30);

/** A real de-duplication window, in seconds, as ticks (unscaled): 2 min → 1,200, 5 min → 3,000. */
export const windowTicks = (seconds: number): number => seconds * 10;

/** SQS FIFO's de-duplication interval: fixed at 5 minutes. */
export const FIFO_DEDUP_TICKS = windowTicks(300);

export const BROKER_PROFILES: Record<ProfileId, Preset> = {
  // A classic durable queue, manual basic.ack. Unacked deliveries are requeued when the
  // channel or connection closes (a crash at once; a broken connection once the heartbeat
  // times out), back in their place, flagged redelivered — never on a timer while the
  // consumer lives (its consumer timeout is 30 minutes). Under auto-ack the prefetch does
  // not apply: everything is pushed. basic.nack requeues (classic: in place; quorum: at the
  // tail) or rejects (dead-lettered if a DLX is set, else dropped). Confirms after the
  // batched fsync, several per frame (multiple=true); transient messages do not survive a
  // restart, quorum queues keep everything. No de-duplication for queues.
  rabbitmq: {
    profile: "rabbitmq",
    durable: true,
    persistent: true,
    queueType: "classic",
    persistTicks: 2,
    replicas: 1,
    batchedConfirms: true,
    redeliveryTicks: 0,
    consumerLoss: "connection",
    heartbeatTicks: timeoutTicks(60),
    requeue: "head",
    prefetch: 5,
    autoAckPrefetch: false,
    partitions: 0,
    messageGroups: false,
    singleActiveConsumer: false,
    dedupWindowTicks: 0,
    idempotentProducer: false,
    nack: "both",
    retentionTicks: 0,
    maxDeliveries: 0,
    deadLetter: "drop",
  },
  // A partitioned, replicated log: one consumer per partition per group, order within a
  // partition, offsets committed cumulatively (a lost commit is sent again by the client).
  // A crashed member keeps its partitions until its session times out (45 s), then the
  // group rebalances and the new owner re-reads from the last committed offset; a live owner
  // never gets its own records again. The idempotent producer (on by default) drops the
  // producer's own resends within its session. No nack.
  kafka: {
    profile: "kafka",
    durable: true,
    persistent: true,
    queueType: "classic",
    persistTicks: 1,
    replicas: 1,
    batchedConfirms: false,
    redeliveryTicks: 0,
    consumerLoss: "session",
    heartbeatTicks: timeoutTicks(45),
    requeue: "head",
    prefetch: 10,
    autoAckPrefetch: true,
    partitions: 6,
    messageGroups: false,
    singleActiveConsumer: false,
    dedupWindowTicks: 0,
    idempotentProducer: true,
    nack: "none",
    retentionTicks: 0,
    maxDeliveries: 0,
    deadLetter: "drop",
  },
  // SQS (SNS fan-out: one queue per subscription), a standard queue: a message not deleted
  // within the visibility timeout (30 s) becomes visible again — a crashed consumer's too,
  // only then; best-effort order; no de-duplication. sqsQueue("fifo") adds message groups
  // and the 5-minute MessageDeduplicationId window. ChangeMessageVisibility 0 is its nack.
  sqs: {
    profile: "sqs",
    durable: true,
    persistent: true,
    queueType: "standard",
    persistTicks: 1,
    replicas: 1,
    batchedConfirms: false,
    redeliveryTicks: timeoutTicks(30),
    consumerLoss: "ackDeadline",
    heartbeatTicks: 0,
    requeue: "tail",
    prefetch: 5,
    autoAckPrefetch: true,
    partitions: 0,
    messageGroups: false,
    singleActiveConsumer: false,
    dedupWindowTicks: 0,
    idempotentProducer: false,
    nack: "requeue",
    retentionTicks: 0,
    maxDeliveries: 0,
    deadLetter: "queue",
  },
  // ActiveMQ Classic: persistent delivery by default; unacked messages redelivered when the
  // consumer's connection closes (no timer); RedeliveryPolicy maximumRedeliveries=6, then
  // ActiveMQ.DLQ; session.recover() requeues, a poison ack rejects; JMSXGroupID on request.
  activemq: {
    profile: "activemq",
    durable: true,
    persistent: true,
    queueType: "classic",
    persistTicks: 2,
    replicas: 1,
    batchedConfirms: false,
    redeliveryTicks: 0,
    consumerLoss: "connection",
    heartbeatTicks: timeoutTicks(30),
    requeue: "head",
    prefetch: 5,
    autoAckPrefetch: true,
    partitions: 0,
    messageGroups: false,
    singleActiveConsumer: false,
    dedupWindowTicks: 0,
    idempotentProducer: false,
    nack: "both",
    retentionTicks: 0,
    maxDeliveries: 7,
    deadLetter: "queue",
  },
  // NATS JetStream: AckExplicit; a message not acked within AckWait (30 s) is redelivered —
  // a crashed consumer's too, only then — and can land behind newer ones; at MaxDeliver it
  // stays in the stream and an advisory is raised; -NAK redelivers, +TERM stops; a repeated
  // Nats-Msg-Id inside the DuplicateWindow (2 minutes) is not stored again.
  nats: {
    profile: "nats",
    durable: true,
    persistent: true,
    queueType: "classic",
    persistTicks: 1,
    replicas: 1,
    batchedConfirms: false,
    redeliveryTicks: timeoutTicks(30),
    consumerLoss: "ackDeadline",
    heartbeatTicks: 0,
    requeue: "tail",
    prefetch: 5,
    autoAckPrefetch: true,
    partitions: 0,
    messageGroups: false,
    singleActiveConsumer: false,
    dedupWindowTicks: windowTicks(120),
    idempotentProducer: false,
    nack: "both",
    retentionTicks: 0,
    maxDeliveries: 0,
    deadLetter: "keep",
  },
};

export const PROFILE_IDS = Object.keys(BROKER_PROFILES) as ProfileId[];

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === "string" && Object.hasOwn(BROKER_PROFILES, value);
}

export function brokerConfig(profile: ProfileId, channel: BrokerConfig["channel"], overrides: Partial<BrokerConfig> = {}): BrokerConfig {
  return { ...BROKER_PROFILES[profile], channel, manual: false, ...overrides };
}

/** The queue kinds each profile has (the first is its preset's). */
export const QUEUE_TYPES: Record<ProfileId, readonly QueueType[]> = {
  rabbitmq: ["classic", "quorum"],
  kafka: ["classic"],
  sqs: ["standard", "fifo"],
  activemq: ["classic"],
  nats: ["classic"],
};

/** A RabbitMQ quorum queue: replicated on 3 nodes, always durable (a write is confirmed once 2 hold it), nacks to the tail. */
export function rabbitQueue(type: "classic" | "quorum"): Partial<BrokerConfig> {
  return type === "quorum" ? { queueType: "quorum", replicas: 3 } : { queueType: "classic", replicas: 1 };
}

/** An SQS queue kind: standard, or FIFO with message groups and the fixed 5-minute de-duplication window. */
export function sqsQueue(type: "standard" | "fifo"): Partial<BrokerConfig> {
  return type === "fifo"
    ? { queueType: "fifo", messageGroups: true, dedupWindowTicks: FIFO_DEDUP_TICKS }
    : { queueType: "standard", messageGroups: false, dedupWindowTicks: 0 };
}

/**
 * Whether messages are written to disk (and so survive a restart): a quorum queue always; a
 * classic durable queue only its persistent messages.
 */
export function storesOnDisk(cfg: BrokerConfig): boolean {
  return cfg.queueType === "quorum" || (cfg.durable && cfg.persistent);
}

/** Where a message returned by a nack goes: a quorum queue puts it at the tail (RabbitMQ 3.10), others where their returns go. */
export function nackPosition(cfg: BrokerConfig): "head" | "tail" {
  return cfg.queueType === "quorum" ? "tail" : cfg.requeue;
}

/** The configuration errors of a broker (a queue kind the profile has not, a FIFO queue without its window…), as sentences; empty when sound. */
export function brokerConfigErrors(cfg: BrokerConfig): string[] {
  const errors: string[] = [];
  if (!QUEUE_TYPES[cfg.profile].includes(cfg.queueType)) errors.push(`${cfg.profile} has no ${cfg.queueType} queue`);
  if (cfg.profile === "sqs" && cfg.queueType === "standard" && (cfg.dedupWindowTicks > 0 || cfg.messageGroups))
    errors.push("an SQS standard queue neither de-duplicates nor keeps message groups");
  if (cfg.profile === "sqs" && cfg.queueType === "fifo" && (cfg.dedupWindowTicks !== FIFO_DEDUP_TICKS || !cfg.messageGroups))
    errors.push("an SQS FIFO queue has message groups and a fixed 5-minute de-duplication window");
  if (cfg.queueType === "quorum" && cfg.replicas < 3) errors.push("a quorum queue has at least 3 replicas");
  if (cfg.singleActiveConsumer && cfg.partitions > 0) errors.push("single active consumer is for a queue, not a partitioned log");
  return errors;
}
