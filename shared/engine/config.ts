// The semantics of a round, as plain data. A scenario variant is one of these; the engine
// only reads it. Every duration is in ticks.

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

export interface BrokerConfig {
  profile: ProfileId;
  channel: ChannelKind;
  /** Messages survive a broker crash (durable queue + persistent messages). */
  durable: boolean;
  /** Ticks a durable write takes before the publisher confirm goes out. */
  persistTicks: number;
  /** Unacked delivery is redelivered after this many ticks (visibility timeout / AckWait). 0 = never. */
  redeliveryTicks: number;
  requeue: RequeuePosition;
  /** Unacked deliveries per consumer (auto-ack: tokens pushed but not yet processed). */
  prefetch: number;
  /** Partitions by key (Kafka-like): each partition is read by exactly one consumer of a subscription. 0 = none. */
  partitions: number;
  /** FIFO message groups by key (SQS FIFO / JMSXGroupID): one message of a group in flight at a time. */
  messageGroups: boolean;
  /** De-duplication window for tokens that carry a de-duplication id. 0 = off. */
  dedupWindowTicks: number;
  /** Messages older than this are deleted, consumed or not. 0 = keep. */
  retentionTicks: number;
  /** Deliveries before a message is dead-lettered (dropped here). 0 = unlimited. */
  maxDeliveries: number;
  /** A person sits in the broker seat and routes, confirms and persists by hand (Topic 2). */
  manual: boolean;
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
  | { kind: "loss"; link: string; loss: number; ticks: number };

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
