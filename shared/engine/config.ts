// The semantics of a round, as plain data. A scenario variant is one of these; the engine
// only reads it. Every duration is in ticks.
import type { ExchangeConfig } from "./exchange.js";

export type ProfileId = "rabbitmq" | "kafka" | "sqs" | "activemq" | "nats";

/** How a producer hands business events to the pipeline. */
export type PublishMode =
  | "fireAndForget" // at-most-once: no confirm asked, nothing to retry
  | "waitAck" // one publish at a time, waits for the broker's confirm, never retries
  | "ackRetry" // confirms + a Retry action for timed-out publishes (at-least-once)
  | "ackRetryDedup"; // as ackRetry, each token carries its msgId as de-duplication id

/**
 * Topic 5: how the producer's database write and its publish relate. `listenToYourself`:
 * the producer only publishes; its own service writes its DB when it consumes the event
 * from the subscription `self` (the first one).
 */
export type WriteMode = "publishOnly" | "dualWrite" | "outbox" | "listenToYourself";

/** How an outbox relay finds its rows: by polling the table, or by tailing the DB's commit log (CDC). */
export type RelayMode = "poll" | "cdc";

export interface ProducerConfig {
  publish: PublishMode;
  write: WriteMode;
  /** Ticks without a confirm after which a publish counts as timed out. */
  ackTimeoutTicks: number;
  /**
   * Most publishes awaiting their confirm at once. A timed-out publish no longer waits for
   * its confirm and frees its slot, except with 1: a single-threaded producer (strict
   * order) sends nothing new while a publish is unconfirmed, timed out or not.
   */
  maxInFlight: number;
  /** Direct RPC to a consumer instead of a broker (Topic 1, naive). */
  directRpc: boolean;
  /** Outbox relay: ticks between polls of the outbox table. */
  relayPollTicks: number;
  /**
   * Outbox relay: `cdc` tails the commit log — each row is published as soon as it commits,
   * in commit order, one at a time until the broker confirms it (absent: `poll`).
   */
  relay?: RelayMode;
  /** Dual write: the service publishes first and writes its DB after (absent: DB first, as a person may tap either). */
  publishFirst?: boolean;
}

export type ChannelKind = "queue" | "topic";
export type RequeuePosition = "head" | "tail";

/**
 * The kind of queue, where a broker has several: RabbitMQ `classic` or `quorum` (replicated,
 * always durable, a nacked message goes to the tail); SQS `standard` (no de-duplication,
 * best-effort order) or `fifo` (message groups, a 5-minute de-duplication window). The
 * brokers with one kind of queue use `classic`.
 */
export type QueueType = "classic" | "quorum" | "standard" | "fifo";

/**
 * How the broker finds out that a consumer is gone, and so when its unacked deliveries go
 * to another consumer: `connection` (RabbitMQ, ActiveMQ) at once when its connection
 * closes, or `heartbeatTicks` after a packet of that connection was lost; `session`
 * (Kafka) when its group session times out, `heartbeatTicks` after its last sign of life;
 * `ackDeadline` (SQS, NATS JetStream) never: each delivery comes back when its
 * `redeliveryTicks` run out.
 */
export type ConsumerLoss = "connection" | "session" | "ackDeadline";

/**
 * What becomes of a message past `maxDeliveries`, or rejected without requeue: `drop`
 * (gone: lost), `queue` (parked in a dead-letter queue: RabbitMQ's DLX, SQS redrive,
 * ActiveMQ.DLQ), `keep` (parked in the stream, no longer delivered, announced by an
 * advisory: JetStream's MaxDeliver and +TERM).
 */
export type DeadLetter = "drop" | "queue" | "keep";

/** The negative acknowledgements a broker has: none (Kafka), requeue only (SQS: visibility 0), or requeue and reject (RabbitMQ, JetStream, ActiveMQ). */
export type NackSupport = "none" | "requeue" | "both";

export interface BrokerConfig {
  profile: ProfileId;
  channel: ChannelKind;
  /** The queue survives a broker restart (a durable queue; false: an in-memory broker). */
  durable: boolean;
  /** Publishers send persistent messages (delivery_mode=2, JMS PERSISTENT): on a classic durable queue, only these are written to disk. */
  persistent: boolean;
  queueType: QueueType;
  /** Ticks a durable write takes before the publisher confirm goes out. */
  persistTicks: number;
  /** Copies of the queue on separate nodes and disks; above 1, a write is confirmed once a majority holds it (a quorum queue, a replicated log). */
  replicas: number;
  /** One publisher confirm may cover every publish written in the same batch (AMQP `multiple=true`). */
  batchedConfirms: boolean;
  /** An unacked delivery is redelivered after this many ticks (visibility timeout / AckWait). 0 = never. */
  redeliveryTicks: number;
  consumerLoss: ConsumerLoss;
  /** Ticks after which a silent consumer is given up: RabbitMQ's heartbeat timeout, Kafka's session.timeout.ms. */
  heartbeatTicks: number;
  /** Where a message returned by a closed connection, a timeout or a crash goes. */
  requeue: RequeuePosition;
  /** Unacked deliveries per consumer (auto-ack: tokens pushed but not yet processed, where `autoAckPrefetch`). */
  prefetch: number;
  /** The prefetch also caps what is pushed to an auto-ack consumer (false on RabbitMQ: under auto-ack everything is pushed). */
  autoAckPrefetch: boolean;
  /** Partitions by key (Kafka-like): each partition is read by exactly one consumer of a subscription. 0 = none. */
  partitions: number;
  /** FIFO message groups by key (SQS FIFO / JMSXGroupID): one message of a group in flight at a time. */
  messageGroups: boolean;
  /** One consumer of a queue receives at a time; another takes over when it goes (RabbitMQ's single active consumer). */
  singleActiveConsumer: boolean;
  /** De-duplication window for tokens that carry a de-duplication id. 0 = off. */
  dedupWindowTicks: number;
  /** The broker drops a producer's own resend of a message it already wrote in that producer's session (Kafka's idempotent producer). */
  idempotentProducer: boolean;
  nack: NackSupport;
  /** Messages older than this are deleted, consumed or not. 0 = keep. */
  retentionTicks: number;
  /** Deliveries after which a message is no longer delivered (see deadLetter). 0 = unlimited. */
  maxDeliveries: number;
  deadLetter: DeadLetter;
  /** A person sits in the broker seat and routes, confirms and persists by hand (Topic 2). */
  manual: boolean;
  /**
   * A RabbitMQ exchange in front of the queues (Topic 2): each event's routing key goes only
   * to the queues whose binding matches it (exchange.ts); absent: every subscription gets a copy.
   */
  exchange?: ExchangeConfig;
  /**
   * No broker: a table in one ACID database is the queue (Topic 8). A row is committed (and
   * visible) once written; consumers claim rows (skip-locked) and delete the row in the
   * transaction of their effect, so there is no ack to lose; a claim whose connection
   * breaks is rolled back.
   */
  sharedDb?: boolean;
}

export type AckMode = "auto" | "afterProcessing" | "beforeProcessing";
export type Idempotency = "none" | "separate" | "transactional";

export interface ConsumerConfig {
  ack: AckMode;
  /** Ticks one application of the side effect takes (read, then write)… */
  processTicks: number;
  /** …plus up to this many more, drawn per application (real work varies). */
  processJitterTicks: number;
  idempotency: Idempotency;
  /** Lock the key's balance during the read-modify-write. */
  lockPerKey: boolean;
  /** The consumer may hold a token until its predecessor (same key, seq - 1) is applied. */
  allowHold: boolean;
  /** The consumer holds every early token by itself on receipt (a resequencer), within the same buffer. */
  autoHold: boolean;
  /** The consumer may nack a delivery: requeue it, or reject it where the broker can (absent: no nack). */
  allowNack?: boolean;
  /** Most tokens a consumer holds at once; a Hold past it is refused. */
  holdCapacity: number;
  /** A held token whose predecessor has not come after this many ticks is released (the hold gives up). */
  holdTicks: number;
  /** The consumer's code looks the id up in its processed ids before every processing, by itself (absent: only a Check does). */
  autoCheck?: boolean;
  /** Separate idempotency: ticks the processed-id write takes after the effect (absent: 1). */
  recordTicks?: number;
  /**
   * With lockPerKey: the lock is a lease kept alive by its holder; when the holder crashes the
   * lock stays until this many ticks have passed (absent: a crash releases it at once).
   */
  lockLeaseTicks?: number;
  /** Compare-and-set: the write succeeds only if the key's version is still the one read; otherwise the consumer reads again and redoes the work. */
  optimistic?: boolean;
  /**
   * A side effect outside the transaction (Topic 8, Kafka transactions): at the start of each
   * processing the consumer also posts the amount to this external system, which no
   * rollback undoes. The system is an expected effect of its own, named like a subscription.
   */
  externalEffect?: string;
  /** The ack (the offset commit) is part of the effect's transaction: it goes out as the effect commits, with no Ack of its own. */
  ackWithEffect?: boolean;
}

export interface LinkConfig {
  latencyTicks: number;
  jitterTicks: number;
  /** Probability in [0,1] that a packet is lost. */
  loss: number;
  /** Packets keep their order (one TCP connection); otherwise jitter reorders. */
  ordered: boolean;
}

export interface NetworkConfig {
  /** Producer to broker (publishes) and broker to producer (confirms). */
  publish: LinkConfig;
  confirm: LinkConfig;
  /** Broker to consumer (deliveries) and consumer to broker (acks). */
  deliver: LinkConfig;
  ack: LinkConfig;
}

export type NodeId = string;

/** A fault as data: scheduled by a scenario or injected live by the host. */
export type Fault =
  | { kind: "crash"; node: NodeId; ticks: number }
  | { kind: "cut"; link: string; ticks: number }
  | { kind: "dropNextToken"; link: string }
  | { kind: "dropNextAck"; link: string }
  | { kind: "slow"; node: NodeId; factor: number; ticks: number }
  | { kind: "loss"; link: string; loss: number; ticks: number }
  /** The broker's disk is lost with its node: it restarts after N ticks from what its replicas hold (nothing, without replicas). */
  | { kind: "diskLoss"; node: NodeId; ticks: number }
  /** A consumer's dependency (its database, a downstream service) fails for N ticks: every processing that ends meanwhile fails. */
  | { kind: "dependencyDown"; node: NodeId; ticks: number };

export interface ScheduledFault {
  tick: number;
  fault: Fault;
}

export interface Topology {
  producers: number;
  consumers: number;
}

export interface WorkloadConfig {
  /** Business events each producer has to send. */
  eventsPerProducer: number;
  /** Distinct keys (customers); each key belongs to one producer. */
  keys: number;
  /** The pace: each producer's next business event becomes available this many ticks after the previous one (0: all at once). */
  sendEveryTicks: number;
}

/** Everything the engine needs to run one team's pipeline. */
export interface VariantConfig {
  topology: Topology;
  producer: ProducerConfig;
  broker: BrokerConfig;
  consumer: ConsumerConfig;
  network: NetworkConfig;
  workload: WorkloadConfig;
  faults: ScheduledFault[];
  roundTicks: number;
  /** Upper bound of the drain; a round that has not gone quiet by then counts what is left as lost. */
  maxDrainTicks: number;
}

export const TICK_MS = 100;
