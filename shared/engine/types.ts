// The engine's state, its inputs (commands) and its outputs (events). All plain data:
// a state can be deep-copied with structuredClone and a snapshot restored from it.
import type { Fault, NodeId, VariantConfig } from "./config.js";
export type { NodeId };

export type Role = "producer" | "broker" | "consumer";
export type Seat = NodeId; // "P1", "B", "C1"…; the host acts as "host"
export const HOST_SEAT = "host";
export const BROKER = "B";

/** One copy of a business event in transit. A retry or a redelivery keeps msgId, not token id. */
export interface Token {
  id: number;
  msgId: string;
  key: string;
  seq: number;
  amount: number;
  /** De-duplication id carried by the publish (SQS MessageDeduplicationId, Nats-Msg-Id…). */
  dedupId: string | null;
  origin: "send" | "retry" | "relay" | "copy";
  /** The token this one was copied from (fan-out and requeue copies keep the publish's token id here). */
  parent: number | null;
}

export type Packet =
  | { kind: "publish"; token: Token; from: NodeId; confirm: boolean }
  | { kind: "confirm"; token: number; msgId: string; to: NodeId; duplicate: boolean; covers?: CoveredConfirm[] }
  | { kind: "deliver"; token: Token; delivery: number; subscription: string; redelivered: boolean; deliveryCount: number }
  | { kind: "ack"; token: number; msgId: string; delivery: number; from: NodeId }
  | { kind: "nack"; token: number; msgId: string; delivery: number; from: NodeId; requeue: boolean }
  | { kind: "rpc"; token: Token; from: NodeId }
  | { kind: "reply"; token: number; msgId: string; to: NodeId; ok: boolean };

/** A publish a batched confirm (`multiple=true`) covers besides its own, earlier in the batch. */
export interface CoveredConfirm {
  token: number;
  msgId: string;
  duplicate: boolean;
}

export interface LinkState {
  id: string;
  from: NodeId;
  to: NodeId;
  latencyTicks: number;
  jitterTicks: number;
  loss: number;
  ordered: boolean;
  cutUntil: number;
  lossUntil: number;
  faultLoss: number;
  dropNextToken: boolean;
  dropNextAck: boolean;
  lastArrival: number;
}

export type PublishStatus = "pending" | "acknowledged" | "timedOut" | "sent";

export interface BusinessEvent {
  msgId: string;
  key: string;
  seq: number;
  /** Added to the key's account: a deposit when positive, a withdrawal when negative (see account.ts). */
  amount: number;
  /** The tick from which the producer may commit it: the work arrives over the round, not all at once. */
  availableAt: number;
}

export interface SentRecord extends BusinessEvent {
  status: PublishStatus;
  /** The latest token sent for this msgId. */
  token: number;
  sentAt: number;
  attempts: number;
}

export interface ProducerState {
  id: NodeId;
  up: boolean;
  restartAt: number;
  /** Business events not yet committed, in business order. */
  stack: BusinessEvent[];
  /** What this producer remembers of its publishes (lost when it crashes, unless outbox). */
  sent: SentRecord[];
  /** Publishes awaiting their confirm… */
  inFlight: number;
  /** …and timed-out ones not yet retried or confirmed. */
  timedOut: number;
  /** Topic 5: the event saved in the DB but not yet published (dual write), or published first. */
  dualWrite: { event: BusinessEvent; saved: boolean; published: boolean } | null;
  /** Topic 5: rows of the durable outbox table not yet confirmed by the broker. */
  outbox: { event: BusinessEvent; token: number; publishedAt: number; attempts: number }[];
  nextRelayAt: number;
  /** The producer's DB (Topic 5): msgIds written. Durable. */
  db: string[];
}

export interface QueuedMessage {
  token: Token;
  subscription: string;
  partition: number;
  enqueuedAt: number;
  deliveryCount: number;
  redelivered: boolean;
  persisted: boolean;
}

export interface Delivery {
  id: number;
  message: QueuedMessage;
  consumer: NodeId;
  deadline: number;
  /** Its packet is still travelling to the consumer. */
  onWire: boolean;
  /** Its consumer is gone (crashed, or its session or connection lost): it no longer counts in that consumer's prefetch, and waits to be returned. */
  orphan: boolean;
}

export interface SubscriptionState {
  name: string;
  consumers: NodeId[];
  /** One FIFO per partition (a single one when unpartitioned). */
  partitions: QueuedMessage[][];
  nextConsumer: number;
  /** Single active consumer: the consumers in the order they registered; the first that can receive is the active one. */
  registered: NodeId[];
}

export interface BrokerState {
  up: boolean;
  restartAt: number;
  subscriptions: SubscriptionState[];
  /** Unacked deliveries by delivery id. */
  unacked: Map<number, Delivery>;
  /** msgId (de-duplication id) -> tick first accepted. */
  dedup: Map<string, number>;
  /** De-duplication and idempotence entries whose message is not yet persisted (publish token id -> ids): a crash forgets them with the message. */
  dedupUnpersisted: Map<number, { dedup: string | null; sequence: string | null }>;
  /** Manual broker: publishes waiting to be routed, confirmed and persisted by the player. */
  /** The manual broker's publishes (Topic 2); `routedTo` the queues a person routed each to so far (it leaves once routed and confirmed). */
  intake: { token: Token; from: NodeId; arrivedAt: number; persisted: boolean; confirmed: boolean; routed: boolean; routedTo: string[] }[];
  /** Keys whose message group has a message in flight, per subscription ("sub/key"). */
  groupsInFlight: Set<string>;
  /** Deliveries to each consumer not yet acked (manual ack) or not yet processed (auto-ack): the prefetch window. */
  outstanding: Map<NodeId, number>;
  /** Bumped on every crash, so work scheduled before a crash is ignored after it. */
  epoch: number;
  /**
   * Deliveries requeued while their packet was on the wire because the connection they
   * belonged to closed (a crash, a restart, a rewound partition stream): the packet is void
   * and the consumer drops it on arrival ("stale"), as a closed channel's deliveries are.
   */
  voided: Set<number>;
  /** Partitioned log: a consumer whose stream was rewound fetches again from this tick (a retry backoff). */
  fetchAt: Map<NodeId, number>;
  /** Messages no longer delivered: in the dead-letter queue, or kept in the stream past MaxDeliver. Someone must look at them. */
  parked: QueuedMessage[];
  /** Publisher confirms due this tick, by producer, sent together at its end when confirms are batched. */
  confirmBatch: Map<NodeId, { token: Token; duplicate: boolean }[]>;
  /** Idempotent producer: msgId -> the producer that wrote it in its current session. */
  sequences: Map<string, NodeId>;
  /** Connections broken by a lost packet, by consumer: the tick the broker notices (its heartbeat times out). */
  broken: Map<NodeId, number>;
  /** Consumer groups: a crashed member keeps its partitions until this tick (its session times out). */
  sessionEnds: Map<NodeId, number>;
  /** Replicated broker: a replica rebuilt after a disk loss is in sync again from this tick. */
  resyncUntil: number;
}

export interface InboxToken {
  token: Token;
  delivery: number;
  subscription: string;
  redelivered: boolean;
  receivedAt: number;
  /** Held back until its predecessor (same key, seq - 1) is applied; heldAt is when (-1: not held). */
  held: boolean;
  heldAt: number;
  acked: boolean;
  /** The broker's delivery count (x-delivery-count, ApproximateReceiveCount, JetStream's delivery count). */
  deliveryCount: number;
  /** Its processing failed (the consumer's dependency was down): it can be processed again, or nacked. */
  failed: boolean;
  /** Result of the last "check processed ids": true if found. */
  checked: boolean | null;
  processed: boolean;
}

export interface Processing {
  token: number;
  msgId: string;
  startedAt: number;
  doneAt: number;
  readBalance: number;
  readVersion: number;
  /** "record" while the separately written processed id is still to come. */
  phase: "effect" | "record";
}

export interface ConsumerState {
  id: NodeId;
  up: boolean;
  restartAt: number;
  subscription: string;
  inbox: InboxToken[];
  processing: Processing | null;
  slowFactor: number;
  slowUntil: number;
  /** Its dependency is down until this tick: processing that ends before it fails. */
  failUntil: number;
}

/** The consumer side's database, one per subscription: balances and processed ids. Durable. */
export interface Store {
  balance: Map<string, number>;
  /** Version of each balance, incremented on every write (detects lost updates). */
  version: Map<string, number>;
  processed: Set<string>;
  locks: Map<string, NodeId>;
  /** Locks whose holder crashed, by key: the tick their lease ends (lockLeaseTicks). */
  leases: Map<string, number>;
  /** Highest seq applied per key: what a careful consumer reads to hold a token for its predecessor. */
  highestSeq: Map<string, number>;
}

export type Scheduled =
  | { kind: "arrive"; link: string; packet: Packet }
  | { kind: "timeout"; producer: NodeId; msgId: string; token: number }
  | { kind: "redeliver"; delivery: number }
  | { kind: "processDone"; consumer: NodeId; token: number }
  | { kind: "restart"; node: NodeId }
  | { kind: "holdTimeout"; consumer: NodeId; token: number; heldAt: number }
  | { kind: "heal"; link: string }
  | { kind: "persisted"; token: Token; from: NodeId; confirm: boolean; epoch: number }
  | { kind: "heartbeat"; consumer: NodeId; epoch: number }
  | { kind: "sessionTimeout"; consumer: NodeId }
  | { kind: "recommit"; consumer: NodeId; token: number; msgId: string; delivery: number; since: number }
  | { kind: "leaseEnd"; subscription: string; key: string; until: number };

export interface TeamState {
  team: number;
  config: VariantConfig;
  tick: number;
  rngState: number;
  nextTokenId: number;
  nextDeliveryId: number;
  producers: ProducerState[];
  broker: BrokerState;
  consumers: ConsumerState[];
  stores: Map<string, Store>;
  links: Map<string, LinkState>;
  agenda: Map<number, Scheduled[]>;
  /** Items on the agenda not yet due. */
  pending: number;
  /** Packets on the wire (quiescence needs it at 0). */
  wire: number;
  /** Index of the next scheduled fault of the variant. */
  nextFault: number;
  /** The round no longer commits new business events. */
  draining: boolean;
}

/** A player's or the host's action, stamped by the shell with the tick it was applied at. */
export type Command =
  | { seat: Seat; action: "send" }
  | { seat: Seat; action: "retry"; msgId: string }
  | { seat: Seat; action: "saveDb" }
  | { seat: Seat; action: "publish" }
  | { seat: Seat; action: "commitOutbox" }
  | { seat: Seat; action: "route"; token: number; target: string }
  | { seat: Seat; action: "confirm"; token: number }
  | { seat: Seat; action: "persist"; token: number }
  | { seat: Seat; action: "process"; token: number }
  | { seat: Seat; action: "ack"; token: number }
  | { seat: Seat; action: "nack"; token: number; requeue: boolean }
  | { seat: Seat; action: "check"; token: number }
  | { seat: Seat; action: "hold"; token: number }
  | { seat: Seat; action: "release"; token: number }
  | { seat: Seat; action: "fault"; fault: Fault };

export type ActionName = Command["action"];

export type DropReason = "loss" | "cut" | "fault" | "down" | "stale";
export type PacketKind = Packet["kind"];

/** Everything that happens, in order. Each is logged with `tick` and `team` by the world. */
export type EngineEvent =
  /** `by`: the display name of the person who played it (a bot's or the schedule's has none). */
  | { type: "command"; command: Command; by?: string }
  | { type: "commandRefused"; command: Command; reason: RefusalReason; by?: string }
  | { type: "committed"; msgId: string; key: string; seq: number; amount: number; producer: NodeId }
  | { type: "refused"; msgId: string; key: string; seq: number; producer: NodeId; reason: string }
  | { type: "dbWritten"; msgId: string; producer: NodeId; outbox: boolean }
  | { type: "hop"; kind: PacketKind; link: string; token: number; msgId: string; arrive: number; origin?: Token["origin"]; covers?: CoveredConfirm[] }
  | { type: "dropped"; kind: PacketKind; link: string; token: number; msgId: string; reason: DropReason; covers?: CoveredConfirm[] }
  | { type: "acknowledged"; producer: NodeId; msgId: string; token: number; duplicate: boolean }
  | { type: "timedOut"; producer: NodeId; msgId: string; token: number }
  | { type: "forgotten"; producer: NodeId; msgId: string; reason: "crash" }
  | { type: "outboxCleared"; producer: NodeId; msgId: string }
  | { type: "accepted"; token: number; msgId: string; dedupId: string | null }
  | { type: "deduplicated"; token: number; msgId: string }
  | { type: "enqueued"; token: number; parent: number; msgId: string; subscription: string; partition: number }
  | { type: "persisted"; token: number; msgId: string }
  | { type: "delivered"; token: number; msgId: string; subscription: string; consumer: NodeId; delivery: number; redelivered: boolean; deliveryCount: number }
  | { type: "requeued"; token: number; msgId: string; subscription: string; consumer: NodeId; reason: RequeueReason }
  | {
      type: "removed";
      token: number;
      msgId: string;
      subscription: string;
      reason: "ack" | "autoAck" | "expired" | "maxDeliveries" | "rejected" | "crash" | "misrouted";
    }
  /** No longer delivered, kept for someone to look at: in the dead-letter queue, or in the stream with an advisory (MAX_DELIVERIES, TERM). */
  | {
      type: "parked";
      token: number;
      msgId: string;
      subscription: string;
      reason: "maxDeliveries" | "rejected";
      where: "deadLetterQueue" | "stream";
      deliveryCount: number;
      consumer: NodeId;
    }
  /** A lost packet broke a consumer's connection: nothing more goes over it, and the broker notices at `until` (heartbeat). */
  | { type: "connectionLost"; consumer: NodeId; until: number }
  | { type: "received"; consumer: NodeId; token: number; msgId: string; delivery: number }
  | { type: "checked"; consumer: NodeId; token: number; msgId: string; found: boolean }
  | { type: "processStarted"; consumer: NodeId; token: number; msgId: string; key: string; readBalance: number; readVersion: number }
  | {
      type: "applied";
      msgId: string;
      subscription: string;
      consumer: NodeId;
      token: number;
      key: string;
      seq: number;
      amount: number;
      balance: number;
      readVersion: number;
      writeVersion: number;
      declined?: true;
    }
  | { type: "skipped"; consumer: NodeId; token: number; msgId: string; subscription: string }
  | { type: "recorded"; consumer: NodeId; msgId: string; subscription: string }
  | { type: "held"; consumer: NodeId; token: number; msgId: string; key: string; seq: number; auto: boolean }
  | { type: "released"; consumer: NodeId; token: number; msgId: string; reason: "release" | "gapClosed" }
  | { type: "holdGaveUp"; consumer: NodeId; token: number; msgId: string; key: string; seq: number; heldAt: number }
  /** A resequencer received an early token with its buffer full: it goes on unheld. */
  | { type: "holdFull"; consumer: NodeId; token: number; msgId: string; key: string; seq: number }
  /** Compare-and-set failed: the key's version moved since the read; the consumer reads again and redoes the work. */
  | { type: "conflict"; consumer: NodeId; token: number; msgId: string; subscription: string; key: string; readVersion: number; version: number }
  /** The lease of a crashed holder's lock ran out: the key is free again. */
  | { type: "leaseExpired"; subscription: string; key: string; holder: NodeId; crashedAt: number }
  /** Shared DB: the consumer's transaction could not commit (the database was down, or the claim was lost): no effect, the row is free again. */
  | { type: "rolledBack"; consumer: NodeId; token: number; msgId: string; subscription: string }
  | { type: "ackSent"; consumer: NodeId; token: number; msgId: string; delivery: number }
  | { type: "nackSent"; consumer: NodeId; token: number; msgId: string; delivery: number; requeue: boolean }
  | { type: "processFailed"; consumer: NodeId; token: number; msgId: string }
  | {
      type: "discarded";
      node: NodeId;
      token: number;
      msgId: string;
      reason: "crash" | "diskLoss";
      where: "intake" | "queue" | "unacked" | "inbox" | "parked";
      subscription: string | null;
    }
  | { type: "inboxLeft"; consumer: NodeId; token: number; msgId: string }
  | { type: "fault"; fault: Fault; source: "schedule" | "host" }
  | { type: "crashed"; node: NodeId; until: number }
  | { type: "restarted"; node: NodeId; recovered: number }
  | { type: "linkCut"; link: string; until: number }
  | { type: "linkHealed"; link: string }
  | { type: "drainStarted" }
  | { type: "drainEnded"; quiescent: boolean };

/**
 * Why a delivery went back to the queue: its ack deadline passed (timeout), its consumer
 * crashed, the broker restarted, the consumer nacked it, its partition stream was rewound,
 * its consumer's connection was found broken (connection), or its consumer's group
 * session ended (rebalance).
 */
export type RequeueReason = "timeout" | "crash" | "restart" | "nack" | "rewind" | "connection" | "rebalance" | "rollback";

/** Why a command was refused: a code the interface translates, plus values for it. */
export interface RefusalReason {
  code:
    | "unknownSeat"
    | "notYourAction"
    | "notInVariant"
    | "nodeDown"
    | "nothingToSend"
    | "waitingForAck"
    | "tooManyInFlight"
    | "unknownMessage"
    | "notTimedOut"
    | "unknownToken"
    | "busy"
    | "alreadyAcked"
    | "ackAfterProcessing"
    | "ackBeforeProcessing"
    | "alreadyDone"
    | "roundOver"
    | "unknownTarget"
    | "badFault"
    | "locked"
    | "consumerUnavailable"
    // the next business event is not available yet; detail: ticks until it is
    | "nextEventIn"
    // a single-threaded producer must retry its timed-out publish before sending the next
    | "retryFirst"
    // Hold: the token is held (release it first), is not held, is not early, or the buffer is full (detail: its size)
    | "held"
    | "notHeld"
    | "notEarly"
    | "holdFull";
  detail?: string;
}
