// Broker profiles: presets of the broker's features that behave as the real brokers do
// (see docs/brokers.md, summarised in each comment). Durations are scaled
// to a classroom round of a few minutes: 10 ticks are one second of play.
import type { BrokerConfig, ProfileId } from "./config.js";

type Preset = Omit<BrokerConfig, "channel" | "manual">;

export const BROKER_PROFILES: Record<ProfileId, Preset> = {
  // Manual basic.ack; unacked deliveries requeued when the channel closes, back near the
  // head (classic queues); only persistent messages on durable queues survive a restart;
  // no de-duplication for queues; confirms after the (batched) fsync.
  rabbitmq: { profile: "rabbitmq", durable: true, persistTicks: 2, redeliveryTicks: 300, requeue: "head", prefetch: 5, partitions: 0, messageGroups: false, dedupWindowTicks: 0, retentionTicks: 0, maxDeliveries: 0 },
  // A partitioned log: one consumer per partition per group, order within a partition,
  // offsets committed cumulatively, a rebalance (after the session timeout) re-reads from
  // the last committed offset; the idempotent producer de-duplicates its own retries.
  kafka: { profile: "kafka", durable: true, persistTicks: 1, redeliveryTicks: 200, requeue: "head", prefetch: 10, partitions: 6, messageGroups: false, dedupWindowTicks: 0, retentionTicks: 0, maxDeliveries: 0 },
  // SQS (SNS fan-out to one queue per subscription): a message not deleted within the
  // visibility timeout becomes visible again; standard queues give best-effort order;
  // FIFO adds message groups and a 5-minute MessageDeduplicationId window.
  sqs: { profile: "sqs", durable: true, persistTicks: 1, redeliveryTicks: 80, requeue: "tail", prefetch: 5, partitions: 0, messageGroups: false, dedupWindowTicks: 0, retentionTicks: 0, maxDeliveries: 0 },
  // ActiveMQ: persistent delivery by default; RedeliveryPolicy maximumRedeliveries=6 then
  // the DLQ; JMSXGroupID message groups on request.
  activemq: { profile: "activemq", durable: true, persistTicks: 2, redeliveryTicks: 60, requeue: "head", prefetch: 5, partitions: 0, messageGroups: false, dedupWindowTicks: 0, retentionTicks: 0, maxDeliveries: 7 },
  // NATS JetStream: AckExplicit with AckWait redelivery (a redelivery can land behind
  // newer messages), Nats-Msg-Id de-duplication inside the DuplicateWindow (2 minutes).
  nats: { profile: "nats", durable: true, persistTicks: 1, redeliveryTicks: 80, requeue: "tail", prefetch: 5, partitions: 0, messageGroups: false, dedupWindowTicks: 1200, retentionTicks: 0, maxDeliveries: 0 },
};

export function brokerConfig(profile: ProfileId, channel: BrokerConfig["channel"], overrides: Partial<BrokerConfig> = {}): BrokerConfig {
  return { ...BROKER_PROFILES[profile], channel, manual: false, ...overrides };
}
