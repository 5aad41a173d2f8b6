// The lesson's named fixes (docs/design-round.md#named-fixes): which one a team's design is,
// so the debrief can set the class's designs beside them. The strongest match wins.
import type { Design } from "./settings.js";

export interface NamedFix {
  id: "exactlyOnceInOrder" | "exactlyOnce" | "idempotentConsumer" | "atLeastOnce" | "atMostOnce";
  en: string;
  pt: string;
}

const FIXES: Record<NamedFix["id"], Omit<NamedFix, "id">> = {
  exactlyOnceInOrder: {
    en: "outbox + broker de-dup + transactional inbox + one consumer per key = exactly-once processing, in order per key",
    pt: "outbox + dedup no broker + inbox transacional + um consumidor por chave = exactly-once processing, em ordem por chave",
  },
  exactlyOnce: {
    en: "outbox + broker de-dup + transactional inbox = exactly-once processing",
    pt: "outbox + dedup no broker + inbox transacional = exactly-once processing",
  },
  idempotentConsumer: {
    en: "retries + durable broker + ack after + idempotent consumer = effectively once",
    pt: "retries + broker durável + ACK depois + consumidor idempotente = efetivamente uma vez",
  },
  atLeastOnce: {
    en: "retries + durable broker + ack after processing = at-least-once (duplicates possible)",
    pt: "retries + broker durável + ACK depois de processar = at-least-once (duplicatas possíveis)",
  },
  atMostOnce: {
    en: "no retry or an early ack = at-most-once (losses possible)",
    pt: "sem retry ou ACK antecipado = at-most-once (perdas possíveis)",
  },
};

const fix = (id: NamedFix["id"]): NamedFix => ({ id, ...FIXES[id] });

/** The named fix a design is, or null when it is none of them (it waits for confirms but never retries, say). */
export function namedFixOf(d: Design): NamedFix | null {
  // An outbox's relay always waits for the confirm and sends again (docs/design-round.md#producer).
  const retries = d.write === "outbox" || d.publish === "confirmRetry" || d.publish === "confirmRetryDedupId";
  const keeps = d.storage !== "memory";
  if ((d.publish === "fireAndForget" && !retries) || d.ack !== "afterProcessing") return fix("atMostOnce");
  if (!retries || !keeps) return null;
  const exactly = d.write === "outbox" && d.publish === "confirmRetryDedupId" && d.dedup === "on" && d.idempotency === "transactional";
  if (exactly) return fix(d.routing === "queue" ? "exactlyOnce" : "exactlyOnceInOrder");
  if (d.idempotency === "transactional") return fix("idempotentConsumer");
  return fix("atLeastOnce");
}
