// A fixed set of sensible designs, one per idea of the lesson: the property test
// (test/design.property.test.ts) and the design-round measurements (docs/design-round.md) play them side by side.
import { CAREFUL_DESIGN, NAIVE_DESIGN, type Design } from "./settings.js";

const safe: Design = {
  publish: "confirmRetry",
  write: "outbox",
  storage: "replicated",
  dedup: "off",
  deadLetter: "off",
  routing: "messageGroups",
  ack: "afterProcessing",
  idempotency: "transactional",
  keyLock: "off",
};

export const CANDIDATE_DESIGNS: readonly { name: string; design: Design }[] = [
  { name: "naive", design: NAIVE_DESIGN },
  { name: "careful", design: CAREFUL_DESIGN },
  { name: "lean", design: safe },
  { name: "leanDurable", design: { ...safe, storage: "durable" } },
  { name: "brokerDedup", design: { ...safe, publish: "confirmRetryDedupId", dedup: "on" } },
  { name: "queueLocked", design: { ...safe, routing: "queue", keyLock: "on" } },
  { name: "queueLockedDurable", design: { ...safe, storage: "durable", routing: "queue", keyLock: "on" } },
  { name: "ackBefore", design: { ...safe, routing: "queue", keyLock: "on", ack: "beforeProcessing" } },
  { name: "partitioned", design: { ...safe, routing: "partitionByKey" } },
  { name: "separateIds", design: { ...safe, storage: "durable", idempotency: "separate" } },
  { name: "atLeastOnce", design: { ...safe, write: "dbThenPublish", storage: "durable", routing: "queue", idempotency: "none" } },
  { name: "autoAck", design: { ...safe, storage: "durable", ack: "onReceipt", idempotency: "none" } },
];
