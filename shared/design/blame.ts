// Which settings of a design an anomaly's cause points at (docs/design-round.md#blame): the
// debrief's design table marks those cells of the team's row. A cause names the settings whose
// other values would have kept the anomaly from happening in this round; an empty list is a
// cause no setting of the round governs.
import type { CauseCode } from "../scenarios/texts.js";
import type { DesignSetting } from "./settings.js";

export const CAUSE_SETTINGS: Record<CauseCode, readonly DesignSetting[]> = {
  // lost
  linkLoss: ["publish"],
  linkCut: ["publish"],
  nodeDown: ["publish"],
  neverRetried: ["publish"],
  producerCrashPending: ["write"],
  producerCrashBeforePublish: ["write"],
  brokerCrashNotDurable: ["storage"],
  brokerCrashUnpersisted: ["publish", "storage"],
  brokerCrashBeforeRoute: ["storage"],
  brokerDiskLost: ["storage"],
  consumerCrashAutoAck: ["ack"],
  consumerCrashAfterAck: ["ack"],
  consumerCrashDirectCall: [],
  consumerCrashBrokerForgot: ["storage", "ack"],
  consumerCrashOffsetCommitted: ["routing", "ack"],
  retentionExpired: [],
  maxDeliveries: ["deadLetter"],
  rejectedDropped: ["deadLetter"],
  misrouted: [],
  notDrained: ["write", "publish"],
  // parked
  parkedDeadLetter: ["deadLetter"],
  parkedRejected: ["deadLetter"],
  parkedInStream: ["deadLetter"],
  parkedTerminated: ["deadLetter"],
  // duplicated
  dupProducerRetry: ["dedup", "idempotency"],
  dupRetryBrokerCrash: ["dedup", "idempotency"],
  dupRetryLateConfirm: ["dedup", "idempotency"],
  dupRelayRepublish: ["dedup", "idempotency"],
  dupRelayAfterCrash: ["dedup", "idempotency"],
  dupRedeliveryTimeout: ["idempotency"],
  dupRedeliveryCrash: ["idempotency"],
  dupVisibleAfterCrash: ["idempotency"],
  dupConnectionLost: ["idempotency"],
  dupRebalance: ["idempotency"],
  dupNack: ["idempotency"],
  ackLost: ["idempotency"],
  dupBrokerRestart: ["idempotency"],
  dupConcurrent: ["keyLock", "routing"],
  dupSeparateWrite: ["idempotency"],
  dupOutsideTransaction: ["idempotency"],
  // misordered
  misorderProducer: ["publish", "write"],
  misorderRelay: ["write"],
  misorderSentLate: ["write"],
  misorderNetwork: ["publish"],
  misorderRouting: ["routing"],
  misorderRedelivery: ["routing"],
  misorderNack: ["routing"],
  misorderCompeting: ["routing", "ack"],
  misorderHold: ["routing"],
  misorderHoldGaveUp: ["routing"],
  misorderHoldFull: ["routing"],
  misorderConsumer: ["routing"],
  // race
  raceLostUpdate: ["keyLock", "routing", "ack"],
  // inconsistent
  inconsistentDbOnly: ["write"],
  inconsistentPublishLost: ["write"],
  inconsistentPublishForgotten: ["write"],
  inconsistentPublishedOnly: ["write"],
  inconsistentUnfinished: ["write"],
  inconsistentOwnEventLost: ["write"],
  // a wrong final state sums the others up
  wrongFinalState: [],
};

/** The settings a cause points at (none for an unknown code). */
export function settingsBlamed(code: string): readonly DesignSetting[] {
  return Object.hasOwn(CAUSE_SETTINGS, code) ? CAUSE_SETTINGS[code as CauseCode] : [];
}
