// Which setting of a team's design a cause of anomaly points at, for the design round's debrief
// (docs/game.md, the design round): the choice that, made otherwise, removes that cause — a
// lost publish points at the publish mode, a memory broker's crash at its storage, a duplicate
// redelivery at the consumer's idempotency. Causes that no setting answers point nowhere.
import type { CauseGroup } from "../checker/groups.js";
import type { DesignSetting } from "../design/settings.js";
import type { CauseCode } from "../scenarios/texts.js";

const BY_SETTING: Record<DesignSetting, readonly CauseCode[]> = {
  publish: ["linkLoss", "linkCut", "nodeDown", "neverRetried", "misorderProducer", "misorderSentLate"],
  write: ["producerCrashPending", "producerCrashBeforePublish", "misorderRelay", "inconsistentDbOnly", "inconsistentPublishLost", "inconsistentPublishForgotten", "inconsistentPublishedOnly"],
  storage: ["brokerCrashNotDurable", "brokerCrashUnpersisted", "brokerCrashBeforeRoute", "brokerDiskLost", "retentionExpired"],
  dedup: ["dupProducerRetry", "dupRetryBrokerCrash", "dupRetryLateConfirm", "dupRelayRepublish", "dupRelayAfterCrash"],
  deadLetter: ["maxDeliveries", "rejectedDropped", "parkedDeadLetter", "parkedRejected", "parkedInStream", "parkedTerminated"],
  routing: ["misorderNetwork", "misorderRouting", "misorderCompeting", "misorderRedelivery", "misorderNack", "misorderHold", "misorderHoldGaveUp", "misorderHoldFull"],
  ack: ["consumerCrashAutoAck", "consumerCrashAfterAck", "consumerCrashDirectCall", "consumerCrashBrokerForgot", "consumerCrashOffsetCommitted"],
  idempotency: [
    "dupRedeliveryTimeout",
    "dupRedeliveryCrash",
    "dupVisibleAfterCrash",
    "dupConnectionLost",
    "dupRebalance",
    "dupNack",
    "ackLost",
    "dupBrokerRestart",
    "dupSeparateWrite",
    "dupOutsideTransaction",
    "inconsistentOwnEventLost",
    "inconsistentUnfinished",
  ],
  keyLock: ["dupConcurrent", "misorderConsumer", "raceLostUpdate"],
};

const SETTING_OF = new Map<string, DesignSetting>(Object.entries(BY_SETTING).flatMap(([setting, codes]) => codes.map((c) => [c, setting as DesignSetting])));

/** The setting a cause points at, or null when no single setting answers it. */
export function settingOfCause(code: CauseCode): DesignSetting | null {
  return SETTING_OF.get(code) ?? null;
}

/** A team's cause groups by the setting they point at, largest group first within each. */
export function causesBySetting(groups: readonly CauseGroup[]): Map<DesignSetting, CauseGroup[]> {
  const by = new Map<DesignSetting, CauseGroup[]>();
  for (const g of groups) {
    const setting = settingOfCause(g.code);
    if (setting) by.set(setting, [...(by.get(setting) ?? []), g]);
  }
  for (const list of by.values()) list.sort((a, b) => b.count - a.count);
  return by;
}
