// The scenario catalogue: one scenario per lesson topic, each variant a complete set of
// semantics, faults and workload. Ids are contracts (docs/contracts.md#scenario-ids).
import type { BrokerConfig, ConsumerConfig, LinkConfig, ProducerConfig, ProfileId, ScheduledFault, VariantConfig } from "../engine/config.js";
import { brokerConfig, PROFILE_IDS, rabbitQueue, sqsQueue, storesOnDisk } from "../engine/profiles.js";
import type { PlayerAction } from "../engine/actions.js";
import type { ExchangeType } from "../engine/exchange.js";
import type { Role } from "../engine/types.js";
import { BROKER } from "../engine/types.js";
import { consumerIds, producerIds, subscriptionsOf } from "../engine/team.js";
import { SCENARIO_TEXTS, type ScenarioText, type Text } from "./texts.js";
import { applyDesign } from "../design/apply.js";
import { NAIVE_DESIGN, type Design } from "../design/settings.js";

export interface SeatDef {
  seat: string;
  role: Role;
}

export interface VariantDef {
  id: string;
  /** The variant on its own broker profile. */
  config: VariantConfig;
  /** The profiles it may run on (its own first): `--profile`, and the host's choice. */
  profiles: ProfileId[];
  /** Why it runs on those only (null: on every profile). */
  profilesBecause: string | null;
  /** The variant on one of its profiles. */
  configFor(profile: ProfileId): VariantConfig;
}

export interface ScenarioDef {
  id: string;
  text: ScenarioText;
  variants: VariantDef[];
}

const link = (latencyTicks: number, jitterTicks = 0, loss = 0, ordered = true): LinkConfig => ({ latencyTicks, jitterTicks, loss, ordered });

const producer = (o: Partial<ProducerConfig> = {}): ProducerConfig => ({
  publish: "ackRetry",
  write: "publishOnly",
  ackTimeoutTicks: 30,
  maxInFlight: 8,
  directRpc: false,
  relayPollTicks: 3,
  ...o,
});
const consumer = (o: Partial<ConsumerConfig> = {}): ConsumerConfig => ({
  ack: "afterProcessing",
  processTicks: 8,
  processJitterTicks: 0,
  idempotency: "none",
  lockPerKey: false,
  allowHold: false,
  autoHold: false,
  holdCapacity: 4,
  holdTicks: 40,
  ...o,
});

interface Spec {
  producers?: number;
  consumers?: number;
  profile?: ProfileId;
  /**
   * The profiles the variant may run on, and why (default: every one). A variant whose
   * lesson is a mechanism only some brokers have (partitions, message groups, a quorum
   * queue's nack, a de-duplication window, single active consumer) runs on those only; one
   * without a broker on none but its own.
   */
  profiles?: { only: ProfileId[]; because: string };
  channel?: "queue" | "topic";
  /** The broker's settings over its profile's preset; a function when they depend on the profile (a replicated RabbitMQ queue is a quorum queue). */
  broker?: Partial<BrokerConfig> | ((profile: ProfileId) => Partial<BrokerConfig>);
  producer?: Partial<ProducerConfig>;
  consumer?: Partial<ConsumerConfig>;
  network?: Partial<VariantConfig["network"]>;
  workload?: Partial<VariantConfig["workload"]>;
  faults?: ScheduledFault[];
  roundTicks?: number;
  /** A design round's variant: the team's design applied over the rest (its catalogue config carries the naive design). */
  design?: Design;
}

function variant(spec: Spec, profile: ProfileId = spec.profile ?? "rabbitmq"): VariantConfig {
  const config: VariantConfig = {
    topology: { producers: spec.producers ?? 1, consumers: spec.consumers ?? 2 },
    producer: producer(spec.producer),
    broker: brokerConfig(profile, spec.channel ?? "queue", typeof spec.broker === "function" ? spec.broker(profile) : spec.broker),
    consumer: consumer(spec.consumer),
    network: { publish: link(3, 1), confirm: link(3, 1), deliver: link(3, 1), ack: link(3, 1), ...spec.network },
    // One event every 16 ticks: the 60 events span 96 s of a 2-minute round.
    workload: { eventsPerProducer: 60, keys: 4, sendEveryTicks: 16, ...spec.workload },
    faults: (spec.faults ?? []).slice().sort((a, b) => a.tick - b.tick),
    roundTicks: spec.roundTicks ?? 1200,
    maxDrainTicks: 3000,
  };
  return spec.design ? applyDesign(config, spec.design) : config;
}

const crash = (tick: number, node: string, ticks: number): ScheduledFault => ({ tick, fault: { kind: "crash", node, ticks } });
const dropAck = (tick: number, link: string): ScheduledFault => ({ tick, fault: { kind: "dropNextAck", link } });
const cut = (tick: number, link: string, ticks: number): ScheduledFault => ({ tick, fault: { kind: "cut", link, ticks } });
const slow = (tick: number, node: string, factor: number, ticks: number): ScheduledFault => ({ tick, fault: { kind: "slow", node, factor, ticks } });
const diskLoss = (tick: number, ticks: number): ScheduledFault => ({ tick, fault: { kind: "diskLoss", node: BROKER, ticks } });
const dependencyDown = (tick: number, node: string, ticks: number): ScheduledFault => ({ tick, fault: { kind: "dependencyDown", node, ticks } });

const t1Faults = [crash(300, "C1", 250), crash(820, "C1", 150)];
const t3Faults = [crash(360, "C1", 90), crash(420, BROKER, 40), crash(700, "C2", 60), crash(950, "C1", 40)];
// The same round, the broker's crash at 420 replaced by the loss of its disk (while C1 is down and its backlog waits).
const t3DiskFaults = [crash(360, "C1", 90), diskLoss(420, 40), crash(700, "C2", 60), crash(950, "C1", 40)];
const t4Faults = [dropAck(200, "B>P1"), dropAck(420, "B>P1"), dropAck(640, "B>P1"), crash(500, "C1", 30), crash(880, "C2", 30), dropAck(760, "C1>B")];
const t5Faults = [150, 290, 430, 570, 710, 850, 990].map((t) => crash(t, "P1", 25));
const t7Faults = [crash(520, "C1", 40), crash(900, "C2", 40)];
// The consumers' database has outages: a processing that ends during one fails.
const t7DependencyFaults = [
  ...t7Faults,
  dependencyDown(250, "C1", 60),
  dependencyDown(250, "C2", 60),
  dependencyDown(640, "C1", 70),
  dependencyDown(640, "C2", 70),
  dependencyDown(1050, "C1", 60),
  dependencyDown(1050, "C2", 60),
];
const t8Faults = [
  crash(250, "P1", 40),
  crash(400, BROKER, 40),
  crash(560, "C1", 50),
  crash(700, "P1", 30),
  crash(820, "C2", 40),
  crash(950, BROKER, 30),
  cut(330, "B-C1", 40),
  dropAck(480, "B>P1"),
  dropAck(620, "C2>B"),
  crash(1050, "C1", 30),
];
const t9Faults = [
  ...t8Faults,
  crash(300, "P2", 40),
  crash(760, "C3", 50),
  cut(600, "P2-B", 50),
  slow(150, "C2", 3, 200),
  { tick: 1100, fault: { kind: "loss", link: "B-C3", loss: 0.3, ticks: 200 } } as ScheduledFault,
  crash(1300, BROKER, 40),
  crash(1450, "P1", 30),
];

// The design round: the same chaos, and a lost disk where a team may have chosen replication
// (between the broker's first crash and C1's, while little waits in the queue).
const designFaults = [...t9Faults, diskLoss(520, 40)];

const lossy = (loss: number, jitter = 1, ordered = true) => link(3, jitter, loss, ordered);
// A consumer down for 25 s and another slowed four times for 30 s, against a 15-second retention.
const retentionFaults = [crash(300, "C1", 250), crash(420, BROKER, 40), slow(700, "C2", 4, 300)];
// More consumer crashes: each one that lands between an effect and its separately written id duplicates it.
const dedupTableFaults = [
  ...t4Faults,
  crash(180, "C1", 30),
  crash(300, "C2", 30),
  crash(640, "C1", 30),
  crash(780, "C2", 30),
  crash(1000, "C2", 30),
  crash(1100, "C1", 30),
];
// Consumer crashes mid-processing leave a lock held until its lease ends.
const t6LockFaults = [crash(300, "C1", 40), crash(450, "C2", 40), crash(600, "C3", 40), crash(750, "C1", 40), crash(900, "C2", 40)];
// More consumer crashes: each one during a processing repeats the call outside the transaction.
const kafkaTxFaults = [...t8Faults, crash(300, "C2", 30), crash(450, "C1", 30), crash(680, "C1", 30), crash(900, "C2", 30), crash(1120, "C2", 30)];
// A single-threaded producer waits for each confirm: 120 events take it most of 2.5 minutes.
const t7Workload = { sendEveryTicks: 10, eventsPerProducer: 120, keys: 3 };

const NOT_KAFKA: ProfileId[] = ["rabbitmq", "sqs", "activemq", "nats"];
const BROKER_DEDUP = {
  only: ["nats", "sqs"] as ProfileId[],
  because: "a broker de-duplicates by message id only on JetStream (Nats-Msg-Id) and SQS FIFO (MessageDeduplicationId)",
};
/** The broker's de-duplication window: JetStream's DuplicateWindow stretched to the round, or an SQS FIFO queue's fixed 5 minutes. */
const brokerDedup = (profile: ProfileId): Partial<BrokerConfig> => (profile === "sqs" ? sqsQueue("fifo") : { dedupWindowTicks: 3000 });
/** Three copies on three disks: on RabbitMQ, a quorum queue. */
const replicated = (profile: ProfileId): Partial<BrokerConfig> => (profile === "rabbitmq" ? rabbitQueue("quorum") : { replicas: 3 });
const COMPETING = { only: NOT_KAFKA, because: "Kafka's partitions would take away the competition between consumers this variant shows" };
const FIFO_GROUPS = { only: ["sqs"] as ProfileId[], because: "FIFO message groups with their 5-minute de-duplication window are SQS FIFO's" };
const KAFKA_ONLY = (what: string) => ({ only: ["kafka"] as ProfileId[], because: `${what} is Kafka's` });

const EXCHANGES = { only: ["rabbitmq"] as ProfileId[], because: "exchanges with bindings are RabbitMQ's" };
/** Topic 2's round behind a RabbitMQ exchange: three queues (billing, shipping, loyalty) bound with these keys, a person routing. */
const exchangeRound = (type: ExchangeType, bindings: [string, string][], routingKeys: Record<string, string>): Spec => ({
  consumers: 3,
  channel: "topic",
  profiles: EXCHANGES,
  producer: { ackTimeoutTicks: 120 },
  workload: { sendEveryTicks: 19, eventsPerProducer: 50 },
  broker: { manual: true, prefetch: 1, exchange: { type, bindings: bindings.map(([queue, key]) => ({ queue, key })), routingKeys } },
});

const CATALOGUE_SPECS: Record<string, Record<string, Spec>> = {
  "t1-sync-vs-async": {
    naive: {
      consumers: 1,
      profiles: { only: ["rabbitmq"], because: "it has no broker: the producer calls the consumer directly" },
      producer: { publish: "waitAck", directRpc: true, ackTimeoutTicks: 40 },
      consumer: { ack: "auto", processTicks: 8 },
      faults: t1Faults,
    },
    fixed: { consumers: 1, producer: { publish: "ackRetry", ackTimeoutTicks: 30 }, consumer: { processTicks: 8 }, faults: t1Faults },
  },
  "t2-queues-topics": {
    queue: {
      consumers: 3,
      channel: "queue",
      broker: { manual: true, prefetch: 1 },
      consumer: { lockPerKey: true },
      producer: { ackTimeoutTicks: 120 },
      workload: { sendEveryTicks: 19, eventsPerProducer: 50 },
    },
    topic: {
      consumers: 3,
      channel: "topic",
      broker: { manual: true, prefetch: 1 },
      producer: { ackTimeoutTicks: 120 },
      workload: { sendEveryTicks: 19, eventsPerProducer: 50 },
    },
    // RabbitMQ's exchanges, routed by the person in the broker seat: each event's routing key
    // (its customer's region, or region.customer) goes to the queues whose binding matches.
    "exchange-direct": exchangeRound(
      "direct",
      [
        ["billing", "br"],
        ["shipping", "pt"],
        ["loyalty", "br"],
      ],
      { ana: "br", bruno: "pt", carla: "br", davi: "pt" },
    ),
    "exchange-fanout": exchangeRound(
      "fanout",
      [
        ["billing", ""],
        ["shipping", ""],
        ["loyalty", ""],
      ],
      { ana: "br", bruno: "pt", carla: "br", davi: "pt" },
    ),
    "exchange-topic": exchangeRound(
      "topic",
      [
        ["billing", "br.*"],
        ["shipping", "#"],
        ["loyalty", "*.ana"],
      ],
      {
        ana: "br.ana",
        bruno: "pt.bruno",
        carla: "br.carla",
        davi: "pt.davi",
      },
    ),
  },
  "t3-lost-messages": {
    naive: {
      channel: "topic",
      broker: { durable: false },
      producer: { publish: "fireAndForget" },
      consumer: { ack: "auto" },
      network: { publish: lossy(0.06) },
      faults: t3Faults,
    },
    fixed: {
      channel: "topic",
      broker: { durable: true },
      producer: { publish: "ackRetry", ackTimeoutTicks: 25 },
      consumer: { ack: "afterProcessing" },
      network: { publish: lossy(0.06) },
      faults: t3Faults,
    },
    "ack-before": {
      channel: "topic",
      broker: { durable: true },
      producer: { publish: "ackRetry", ackTimeoutTicks: 25 },
      consumer: { ack: "beforeProcessing", processTicks: 12, processJitterTicks: 4 },
      network: { publish: lossy(0.06) },
      faults: t3Faults,
    },
    "short-retention": {
      channel: "topic",
      broker: { durable: true, retentionTicks: 150 },
      producer: { publish: "ackRetry", ackTimeoutTicks: 25 },
      network: { publish: lossy(0.06) },
      faults: retentionFaults,
    },
    unreplicated: {
      channel: "topic",
      broker: { durable: true },
      producer: { publish: "ackRetry", ackTimeoutTicks: 25 },
      consumer: { ack: "afterProcessing" },
      network: { publish: lossy(0.06) },
      faults: t3DiskFaults,
    },
    replicated: {
      channel: "topic",
      broker: replicated,
      producer: { publish: "ackRetry", ackTimeoutTicks: 25 },
      consumer: { ack: "afterProcessing" },
      network: { publish: lossy(0.06) },
      faults: t3DiskFaults,
    },
  },
  "t4-duplicates": {
    naive: { channel: "topic", producer: { publish: "ackRetry", ackTimeoutTicks: 20 }, network: { confirm: lossy(0.08), ack: lossy(0.05) }, faults: t4Faults },
    fixed: {
      channel: "topic",
      profile: "nats",
      profiles: BROKER_DEDUP,
      broker: brokerDedup,
      producer: { publish: "ackRetryDedup", ackTimeoutTicks: 20 },
      consumer: { idempotency: "transactional" },
      network: { confirm: lossy(0.08), ack: lossy(0.05) },
      faults: t4Faults,
    },
    "broker-dedup": {
      channel: "topic",
      profile: "nats",
      profiles: BROKER_DEDUP,
      broker: brokerDedup,
      producer: { publish: "ackRetryDedup", ackTimeoutTicks: 20 },
      network: { confirm: lossy(0.08), ack: lossy(0.05) },
      faults: t4Faults,
    },
    "dedup-table": {
      channel: "topic",
      producer: { publish: "ackRetry", ackTimeoutTicks: 20 },
      consumer: { idempotency: "separate", autoCheck: true, recordTicks: 8 },
      network: { confirm: lossy(0.08), ack: lossy(0.05) },
      faults: dedupTableFaults,
    },
    "transactional-inbox": {
      channel: "topic",
      producer: { publish: "ackRetry", ackTimeoutTicks: 20 },
      consumer: { idempotency: "transactional" },
      network: { confirm: lossy(0.08), ack: lossy(0.05) },
      faults: t4Faults,
    },
  },
  "t5-dual-writes": {
    naive: { channel: "topic", producer: { write: "dualWrite" }, network: { confirm: lossy(0.05) }, faults: t5Faults },
    fixed: { channel: "topic", producer: { write: "outbox" }, consumer: { idempotency: "transactional" }, network: { confirm: lossy(0.05) }, faults: t5Faults },
    "publish-first": { channel: "topic", producer: { write: "dualWrite", publishFirst: true }, network: { confirm: lossy(0.05) }, faults: t5Faults },
    "outbox-cdc": {
      channel: "topic",
      producer: { write: "outbox", relay: "cdc" },
      consumer: { idempotency: "transactional" },
      network: { confirm: lossy(0.05) },
      faults: t5Faults,
    },
    "listen-to-yourself": {
      channel: "topic",
      consumers: 3,
      producer: { write: "listenToYourself" },
      consumer: { idempotency: "transactional" },
      network: { confirm: lossy(0.05) },
      faults: t5Faults,
    },
  },
  "t6-competing-consumers": {
    naive: {
      consumers: 3,
      profiles: COMPETING,
      broker: { prefetch: 1 },
      consumer: { processTicks: 10, processJitterTicks: 6 },
      network: { deliver: link(3, 3, 0, false) },
      workload: { sendEveryTicks: 6, eventsPerProducer: 150, keys: 4 },
    },
    fixed: {
      consumers: 3,
      profile: "kafka",
      profiles: KAFKA_ONLY("partitioning by key, one consumer per partition,"),
      broker: { partitions: 6, prefetch: 4 },
      consumer: { processTicks: 10, processJitterTicks: 6 },
      network: { deliver: link(3, 3) },
      workload: { sendEveryTicks: 6, eventsPerProducer: 150, keys: 4 },
    },
    "single-consumer": {
      consumers: 1,
      broker: { prefetch: 1 },
      consumer: { processTicks: 10, processJitterTicks: 6 },
      network: { deliver: link(3, 3, 0, false) },
      workload: { sendEveryTicks: 6, eventsPerProducer: 150, keys: 4 },
    },
    lock: {
      consumers: 3,
      profiles: COMPETING,
      broker: { prefetch: 1 },
      consumer: { processTicks: 10, processJitterTicks: 6, lockPerKey: true, lockLeaseTicks: 80 },
      network: { deliver: link(3, 3, 0, false) },
      workload: { sendEveryTicks: 6, eventsPerProducer: 150, keys: 4 },
      faults: t6LockFaults,
    },
    optimistic: {
      consumers: 3,
      profiles: COMPETING,
      broker: { prefetch: 1 },
      consumer: { processTicks: 10, processJitterTicks: 6, optimistic: true },
      network: { deliver: link(3, 3, 0, false) },
      workload: { sendEveryTicks: 6, eventsPerProducer: 150, keys: 4 },
    },
  },
  "t7-ordering": {
    naive: {
      consumers: 2,
      profiles: { only: NOT_KAFKA, because: "Kafka's partitions would keep each key in order, which this variant shows breaking" },
      producer: { maxInFlight: 8, ackTimeoutTicks: 20 },
      broker: { prefetch: 2 },
      consumer: { processTicks: 6, processJitterTicks: 3, lockPerKey: true },
      network: { publish: lossy(0.05, 4, false), deliver: link(3, 2, 0, false) },
      workload: t7Workload,
      faults: t7Faults,
      roundTicks: 1500,
    },
    fixed: {
      consumers: 2,
      profile: "sqs",
      profiles: FIFO_GROUPS,
      broker: { ...sqsQueue("fifo"), prefetch: 2 },
      producer: { publish: "ackRetryDedup", maxInFlight: 1, ackTimeoutTicks: 20 },
      consumer: { processTicks: 6, processJitterTicks: 3, idempotency: "transactional", allowHold: true, lockPerKey: true },
      network: { publish: lossy(0.05, 4, false), deliver: link(3, 2, 0, false) },
      workload: t7Workload,
      faults: t7Faults,
      roundTicks: 1500,
    },
    // One consumer receives at a time over one ordered connection, another takes over when it
    // crashes; a single-threaded producer keeps the order at the source.
    "single-active-consumer": {
      consumers: 2,
      profiles: { only: ["rabbitmq", "activemq"], because: "single active consumer is RabbitMQ's (ActiveMQ's exclusive consumer is the same idea)" },
      broker: { singleActiveConsumer: true, prefetch: 2 },
      producer: { maxInFlight: 1, ackTimeoutTicks: 20 },
      // Each publish waits for its confirm, written to disk in RabbitMQ's batched fsync: a little slower than SQS's.
      consumer: { processTicks: 6, processJitterTicks: 3 },
      network: { publish: lossy(0.05, 4, false), deliver: link(3, 2) },
      workload: { ...t7Workload, sendEveryTicks: 12, eventsPerProducer: 100 },
      faults: t7Faults,
      roundTicks: 1500,
    },
    // Kafka's idempotent producer (its preset) drops the single-threaded producer's own resends,
    // so it may retry sooner: a lost publish costs it less of the round it needs all of.
    "kafka-partition": {
      consumers: 2,
      profile: "kafka",
      profiles: KAFKA_ONLY("partitioning by key, one consumer per partition,"),
      broker: { partitions: 6, prefetch: 2 },
      producer: { publish: "ackRetryDedup", maxInFlight: 1, ackTimeoutTicks: 15 },
      consumer: { processTicks: 6, processJitterTicks: 3 },
      network: { publish: lossy(0.05, 4, false), deliver: link(3, 2) },
      workload: t7Workload,
      faults: t7Faults,
      roundTicks: 1500,
    },
    resequencer: {
      consumers: 2,
      profiles: { only: NOT_KAFKA, because: "Kafka's partitions would keep each key in order, leaving the resequencer nothing to restore" },
      producer: { maxInFlight: 8, ackTimeoutTicks: 20 },
      broker: { prefetch: 10 },
      consumer: { processTicks: 6, processJitterTicks: 3, lockPerKey: true, autoHold: true, holdCapacity: 8, holdTicks: 60 },
      network: { publish: lossy(0.05, 4, false), deliver: link(3, 2, 0, false) },
      workload: t7Workload,
      faults: t7Faults,
      roundTicks: 1500,
    },
    "parallel-producer": {
      consumers: 2,
      profile: "sqs",
      profiles: FIFO_GROUPS,
      broker: { ...sqsQueue("fifo"), prefetch: 2 },
      producer: { publish: "ackRetryDedup", maxInFlight: 8, ackTimeoutTicks: 20 },
      consumer: { processTicks: 6, processJitterTicks: 3, idempotency: "transactional", lockPerKey: true },
      network: { publish: lossy(0.05, 4, false), deliver: link(3, 2, 0, false) },
      workload: t7Workload,
      faults: t7Faults,
      roundTicks: 1500,
    },
    // The same single consumer on a quorum queue whose database has outages: a failed message
    // is nacked with requeue=true, and a quorum queue puts it at the tail, behind later ones.
    // Past 3 deliveries the queue's delivery limit dead-letters it.
    requeue: {
      consumers: 2,
      profiles: { only: ["rabbitmq"], because: "where a nacked message goes back (the head of a classic queue, the tail of a quorum queue) is RabbitMQ's" },
      broker: { ...rabbitQueue("quorum"), singleActiveConsumer: true, prefetch: 2, maxDeliveries: 3, deadLetter: "queue" },
      producer: { maxInFlight: 1, ackTimeoutTicks: 20 },
      // A quorum queue's confirm waits for a second replica: the single-threaded producer sends a little slower.
      consumer: { processTicks: 6, processJitterTicks: 3, allowNack: true },
      network: { publish: lossy(0.05, 4, false), deliver: link(3, 2) },
      workload: { ...t7Workload, sendEveryTicks: 14, eventsPerProducer: 90 },
      faults: t7DependencyFaults,
      roundTicks: 1500,
    },
  },
  "t8-exactly-once": {
    naive: {
      channel: "topic",
      producer: { publish: "ackRetry", ackTimeoutTicks: 20 },
      network: { publish: lossy(0.05), confirm: lossy(0.05), deliver: lossy(0.03), ack: lossy(0.05) },
      faults: t8Faults,
    },
    fixed: {
      channel: "topic",
      profile: "nats",
      profiles: BROKER_DEDUP,
      broker: brokerDedup,
      producer: { publish: "ackRetryDedup", write: "outbox", ackTimeoutTicks: 20 },
      consumer: { idempotency: "transactional" },
      network: { publish: lossy(0.05), confirm: lossy(0.05), deliver: lossy(0.03), ack: lossy(0.05) },
      faults: t8Faults,
    },
    "kafka-transactions": {
      profile: "kafka",
      profiles: KAFKA_ONLY("a transaction that commits the output and the consumer's offset together"),
      broker: { partitions: 6 },
      producer: { publish: "ackRetryDedup", write: "outbox", relay: "cdc", ackTimeoutTicks: 20 },
      consumer: { processTicks: 12, idempotency: "transactional", autoCheck: true, ackWithEffect: true, externalEffect: "bank" },
      network: { publish: lossy(0.05), confirm: lossy(0.05), deliver: lossy(0.03), ack: lossy(0.05) },
      faults: kafkaTxFaults,
    },
    // No broker: the engine's broker plays one ACID database (its own profile, as t1's direct
    // call does); another profile would put a broker back, so --profile refuses every other.
    "shared-db": {
      profiles: { only: ["rabbitmq"], because: "it has no broker: a table in one ACID database is the queue" },
      broker: {
        sharedDb: true,
        durable: true,
        persistTicks: 1,
        batchedConfirms: false,
        redeliveryTicks: 0,
        messageGroups: true,
        dedupWindowTicks: 36000,
        prefetch: 1,
      },
      producer: { publish: "ackRetryDedup", maxInFlight: 1, ackTimeoutTicks: 20 },
      consumer: { lockPerKey: true },
      network: { publish: lossy(0.05), confirm: lossy(0.05), deliver: lossy(0.03), ack: lossy(0.05) },
      faults: t8Faults,
    },
  },
  "t9-end-to-end": {
    chaos: {
      // An SQS standard queue: the producer's MessageDeduplicationId is sent, and a standard queue ignores it.
      producers: 2,
      consumers: 3,
      profile: "sqs",
      producer: { publish: "ackRetryDedup", ackTimeoutTicks: 20, maxInFlight: 6 },
      consumer: { idempotency: "separate", allowHold: true, processTicks: 8 },
      network: { publish: lossy(0.04, 2, false), confirm: lossy(0.04), deliver: lossy(0.03, 2, false), ack: lossy(0.04) },
      workload: { eventsPerProducer: 70, keys: 6, sendEveryTicks: 22 },
      faults: t9Faults,
      roundTicks: 1800,
    },
    // The same chaos, every end doing its part: an outbox tailed in commit order, the broker's
    // de-dup and FIFO groups (an SQS FIFO queue), an idempotent consumer that locks its key.
    cooperative: {
      producers: 2,
      consumers: 3,
      profile: "sqs",
      profiles: { only: ["sqs"], because: "the broker's part, de-duplication by message id with FIFO message groups, is SQS FIFO's" },
      broker: sqsQueue("fifo"),
      producer: { publish: "ackRetryDedup", write: "outbox", relay: "cdc", ackTimeoutTicks: 20, maxInFlight: 6 },
      consumer: { idempotency: "transactional", lockPerKey: true, processTicks: 8 },
      network: { publish: lossy(0.04, 2, false), confirm: lossy(0.04), deliver: lossy(0.03, 2, false), ack: lossy(0.04) },
      workload: { eventsPerProducer: 70, keys: 6, sendEveryTicks: 22 },
      faults: t9Faults,
      roundTicks: 1800,
    },
    // Each team builds its own pipeline (docs/design-round.md): its design is applied over this
    // base, a JetStream-like broker whose settings cover every choice (memory or file storage, 1 or
    // 3 replicas, a de-duplication window, a delivery limit, partitions, message groups).
    design: {
      producers: 2,
      consumers: 3,
      profile: "nats",
      profiles: { only: ["nats"], because: "every design choice maps onto one broker's settings (docs/design-round.md)" },
      design: NAIVE_DESIGN,
      network: { publish: lossy(0.04, 2), confirm: lossy(0.04), deliver: lossy(0.03, 2), ack: lossy(0.04) },
      workload: { eventsPerProducer: 60, keys: 6, sendEveryTicks: 28 },
      faults: designFaults,
      roundTicks: 1800,
    },
  },
};

function variantDef(id: string, spec: Spec): VariantDef {
  const own = spec.profile ?? "rabbitmq";
  const profiles = spec.profiles ? [own, ...spec.profiles.only.filter((p) => p !== own)] : [own, ...PROFILE_IDS.filter((p) => p !== own)];
  return {
    id,
    config: variant(spec),
    profiles,
    profilesBecause: spec.profiles?.because ?? null,
    configFor: (profile) => (profile === own ? variant(spec) : variant(spec, profile)),
  };
}

export const CATALOGUE: ScenarioDef[] = Object.entries(CATALOGUE_SPECS).map(([id, variants]) => ({
  id,
  text: SCENARIO_TEXTS[id],
  variants: Object.entries(variants).map(([vid, spec]) => variantDef(vid, spec)),
}));

export function findScenario(id: string): ScenarioDef | undefined {
  return CATALOGUE.find((s) => s.id === id);
}

export function findVariant(scenario: string, variantId: string): VariantConfig | undefined {
  return findScenario(scenario)?.variants.find((v) => v.id === variantId)?.config;
}

/**
 * The variant on another broker profile, or why it cannot run there: a variant whose lesson
 * rests on a mechanism only some brokers have runs on those only (VariantDef.profiles).
 */
export function variantOnProfile(scenario: string, variantId: string, profile: ProfileId): { ok: true; config: VariantConfig } | { ok: false; reason: string } {
  const def = findScenario(scenario)?.variants.find((v) => v.id === variantId);
  if (!def) return { ok: false, reason: `unknown scenario/variant: ${scenario} ${variantId}` };
  if (!def.profiles.includes(profile))
    return {
      ok: false,
      reason: `${scenario}/${variantId} does not run on ${profile}: ${def.profilesBecause ?? "it runs on its own profile only"}; it runs on ${def.profiles.join(", ")}`,
    };
  return { ok: true, config: def.configFor(profile) };
}

/**
 * The profile a round of the variant runs on when the host asked for `wanted`: that one where
 * the variant allows it, else the variant's own (a choice kept across rounds outlives a
 * variant that cannot use it). Null for an unknown variant.
 */
export function profileFor(scenario: string, variantId: string, wanted: ProfileId | null | undefined): ProfileId | null {
  const def = findScenario(scenario)?.variants.find((v) => v.id === variantId);
  if (!def) return null;
  return wanted && def.profiles.includes(wanted) ? wanted : def.config.broker.profile;
}

/** The seats of a variant: every producer and consumer, and the broker when a person can play it. */
export function seatsOf(config: VariantConfig): SeatDef[] {
  const seats: SeatDef[] = producerIds(config).map((seat) => ({ seat, role: "producer" as Role }));
  if (config.broker.manual) seats.push({ seat: BROKER, role: "broker" });
  for (const seat of consumerIds(config)) seats.push({ seat, role: "consumer" });
  return seats;
}

/** The actions a role has in a variant; anything else is refused by the engine. */
export function actionsFor(config: VariantConfig, role: Role): PlayerAction[] {
  if (role === "producer") {
    const retry = config.producer.publish === "ackRetry" || config.producer.publish === "ackRetryDedup" ? ["retry" as const] : [];
    if (config.producer.write === "dualWrite") return config.producer.publishFirst ? ["publish", "saveDb", ...retry] : ["saveDb", "publish", ...retry];
    if (config.producer.write === "outbox") return ["commitOutbox"];
    return ["send", ...retry];
  }
  if (role === "broker") return config.broker.manual ? (storesOnDisk(config.broker) ? ["route", "confirm", "persist"] : ["route", "confirm"]) : [];
  const actions: PlayerAction[] = ["process"];
  // The ack is the consumer's own step, unless it commits with the effect (Kafka transactions, a shared DB's row).
  const ackOwnStep = config.consumer.ack !== "auto" && !config.consumer.ackWithEffect && !config.broker.sharedDb;
  if (ackOwnStep) actions.push("ack");
  if (ackOwnStep && config.consumer.allowNack && config.broker.nack !== "none") actions.push("nack");
  if (config.consumer.idempotency !== "none") actions.push("check");
  if (config.consumer.allowHold) actions.push("hold", "release");
  return actions;
}

/** One scenario as `GET /api/catalogue` and `simulate --list` give it. */
export interface CatalogueScenario {
  id: string;
  topic: string;
  title: Text;
  goal: Text;
  debrief: Text[];
  variants: {
    id: string;
    label: Text | undefined;
    summary: Text | undefined;
    /** What the class should notice in the round. */
    notice: Text | undefined;
    /** For a fix: what it bought and what it left open ({count} placeholders: verdictSentence). */
    verdict: { bought: Text; leftOpen: Text } | undefined;
    profile: ProfileId;
    /** The broker profiles it may run on, its own first (`simulate --profile`). */
    profiles: ProfileId[];
    roundTicks: number;
    seats: (SeatDef & { actions: PlayerAction[] })[];
    faults: ScheduledFault[];
    /** The subscriptions every committed event is expected to reach (a queue is one): the debrief explains its counts with them. */
    subscriptions: string[];
  }[];
}

/** The catalogue as plain JSON (for `simulate --list` and the host's pickers). */
export function catalogueJson(): CatalogueScenario[] {
  return CATALOGUE.map((s) => ({
    id: s.id,
    topic: s.text.topic,
    title: s.text.title,
    goal: s.text.goal,
    debrief: s.text.debrief,
    variants: s.variants.map((v) => ({
      id: v.id,
      label: s.text.variants[v.id]?.label,
      summary: s.text.variants[v.id]?.summary,
      notice: s.text.variants[v.id]?.notice,
      verdict: s.text.variants[v.id]?.verdict,
      profile: v.config.broker.profile,
      profiles: v.profiles,
      roundTicks: v.config.roundTicks,
      seats: seatsOf(v.config).map((seat) => ({ ...seat, actions: actionsFor(v.config, seat.role) })),
      faults: v.config.faults,
      subscriptions: subscriptionsOf(v.config).map((sub) => sub.name),
    })),
  }));
}
