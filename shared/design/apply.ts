// A team's design as the engine's configuration (docs/design-round.md). Every field a setting
// touches is set from the design alone, never added to the base's value, so applying a design
// to a configuration that already carries another one gives the same result as applying it to
// the bare base: applyDesign(applyDesign(base, a), b) equals applyDesign(base, b).
import type { VariantConfig } from "../engine/config.js";
import type { Design } from "./settings.js";

/**
 * The costs, in ticks, each choice adds (docs/design-round.md#settings-mechanisms-and-costs).
 * A log holds the teams' designs, not these figures: changing one changes how every logged
 * design round re-simulates, so it goes with a new ENGINE_VERSION (shared/sim/round.ts).
 */
export const DESIGN_COSTS = {
  /** One way on a link, publish and confirm alike. */
  linkLatencyTicks: 3,
  /** A de-duplication id makes every publish this much slower (a bigger message, one more header to write). */
  dedupIdTicks: 1,
  /** The broker looks the id up in its window before it confirms. */
  dedupLookupTicks: 1,
  /** The de-duplication window: 5 minutes, longer than the round. */
  dedupWindowTicks: 3000,
  ackTimeoutTicks: 20,
  maxInFlight: 6,
  /** The durable write before the confirm. */
  persistTicks: 3,
  /**
   * Replication: the write waits for a majority of 3 nodes, which the engine adds as REPLICATION_TICKS;
   * the followers' own disk writes and the distance between them add this much more.
   */
  replicationExtraTicks: 12,
  maxDeliveries: 3,
  partitions: 3,
  processTicks: 5,
  processJitterTicks: 2,
  /** Separate processed-ids table: the look-up before (part of the processing), and the id's own write after. */
  separateCheckTicks: 1,
  separateRecordTicks: 1,
  /** Processed id checked and inserted inside the effect's transaction: a longer transaction. */
  transactionalTicks: 3,
  /** Taking and releasing the key's lock: a round trip to the lock's store, part of each processing. */
  lockTicks: 1,
  lockLeaseTicks: 80,
  prefetch: 1,
} as const;

const C = DESIGN_COSTS;

export function applyDesign(base: VariantConfig, d: Design): VariantConfig {
  const retry = d.publish === "confirmRetry" || d.publish === "confirmRetryDedupId";
  // With an outbox the relay publishes: it always waits for the confirm and sends the row again
  // until it comes (else the row would never leave the table); the publish setting only decides
  // whether a de-duplication id goes with it.
  const outbox = d.write === "outbox";
  const publish =
    d.publish === "confirmRetryDedupId"
      ? "ackRetryDedup"
      : outbox || d.publish === "confirmRetry"
        ? "ackRetry"
        : d.publish === "waitConfirm"
          ? "waitAck"
          : "fireAndForget";
  const producer: VariantConfig["producer"] = {
    ...base.producer,
    publish,
    write: d.write === "outbox" ? "outbox" : "dualWrite",
    relay: "cdc",
    ackTimeoutTicks: C.ackTimeoutTicks,
    maxInFlight: retry || d.write === "outbox" ? C.maxInFlight : 1,
    directRpc: false,
  };
  delete producer.publishFirst;
  const durable = d.storage !== "memory";
  const broker: VariantConfig["broker"] = {
    ...base.broker,
    channel: "queue",
    durable,
    persistent: durable,
    queueType: "classic",
    replicas: d.storage === "replicated" ? 3 : 1,
    persistTicks: C.persistTicks + (d.storage === "replicated" ? C.replicationExtraTicks : 0),
    dedupWindowTicks: d.dedup === "on" ? C.dedupWindowTicks : 0,
    maxDeliveries: d.deadLetter === "on" ? C.maxDeliveries : 0,
    deadLetter: d.deadLetter === "on" ? "queue" : "drop",
    partitions: d.routing === "partitionByKey" ? C.partitions : 0,
    messageGroups: d.routing === "messageGroups",
    singleActiveConsumer: false,
    prefetch: C.prefetch,
    manual: false,
  };
  const consumer: VariantConfig["consumer"] = {
    ...base.consumer,
    ack: d.ack === "onReceipt" ? "auto" : d.ack,
    processTicks:
      C.processTicks +
      (d.idempotency === "separate" ? C.separateCheckTicks : d.idempotency === "transactional" ? C.transactionalTicks : 0) +
      (d.keyLock === "on" ? C.lockTicks : 0),
    processJitterTicks: C.processJitterTicks,
    idempotency: d.idempotency,
    autoCheck: d.idempotency !== "none",
    recordTicks: C.separateRecordTicks,
    lockPerKey: d.keyLock === "on",
    lockLeaseTicks: C.lockLeaseTicks,
  };
  const latency = C.linkLatencyTicks;
  const network: VariantConfig["network"] = {
    ...base.network,
    publish: { ...base.network.publish, latencyTicks: latency + (d.publish === "confirmRetryDedupId" ? C.dedupIdTicks : 0) },
    confirm: { ...base.network.confirm, latencyTicks: latency + (d.dedup === "on" ? C.dedupLookupTicks : 0) },
  };
  return { ...base, producer, broker, consumer, network };
}
