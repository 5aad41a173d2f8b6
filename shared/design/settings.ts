// The design round (docs/design-round.md): each end of a team's pipeline chooses its own
// settings before the round. A design is plain data; applyDesign (apply.ts) turns it into the
// engine's configuration, and every choice has a cost there.
import { BROKER } from "../engine/types.js";

export type DesignEnd = "producer" | "broker" | "consumer";

export interface Design {
  publish: "fireAndForget" | "waitConfirm" | "confirmRetry" | "confirmRetryDedupId";
  write: "dbThenPublish" | "outbox";
  storage: "memory" | "durable" | "replicated";
  /** The broker's de-duplication window on the producer's id. */
  dedup: "off" | "on";
  /** A delivery limit with a dead-letter queue. */
  deadLetter: "off" | "on";
  routing: "queue" | "partitionByKey" | "messageGroups";
  ack: "onReceipt" | "beforeProcessing" | "afterProcessing";
  idempotency: "none" | "separate" | "transactional";
  keyLock: "off" | "on";
}

export type DesignSetting = keyof Design;

/** Every setting with its end and its values, in display order (producer, broker, consumer). */
export const DESIGN_SETTINGS: readonly { setting: DesignSetting; end: DesignEnd; values: readonly string[] }[] = [
  { setting: "publish", end: "producer", values: ["fireAndForget", "waitConfirm", "confirmRetry", "confirmRetryDedupId"] },
  { setting: "write", end: "producer", values: ["dbThenPublish", "outbox"] },
  { setting: "storage", end: "broker", values: ["memory", "durable", "replicated"] },
  { setting: "dedup", end: "broker", values: ["off", "on"] },
  { setting: "deadLetter", end: "broker", values: ["off", "on"] },
  { setting: "routing", end: "broker", values: ["queue", "partitionByKey", "messageGroups"] },
  { setting: "ack", end: "consumer", values: ["onReceipt", "beforeProcessing", "afterProcessing"] },
  { setting: "idempotency", end: "consumer", values: ["none", "separate", "transactional"] },
  { setting: "keyLock", end: "consumer", values: ["off", "on"] },
];

export const DESIGN_ENDS: readonly DesignEnd[] = ["producer", "broker", "consumer"];

/** The defaults a newcomer keeps: send and forget, a memory broker, ack on receipt, nothing else. */
export const NAIVE_DESIGN: Design = Object.freeze({
  publish: "fireAndForget",
  write: "dbThenPublish",
  storage: "memory",
  dedup: "off",
  deadLetter: "off",
  routing: "queue",
  ack: "onReceipt",
  idempotency: "none",
  keyLock: "off",
});

/** The lesson's fixes: outbox with confirmed, de-duplicated publishes, a replicated broker with message groups, a transactional inbox. */
export const CAREFUL_DESIGN: Design = Object.freeze({
  publish: "confirmRetryDedupId",
  write: "outbox",
  storage: "replicated",
  dedup: "on",
  deadLetter: "on",
  routing: "messageGroups",
  ack: "afterProcessing",
  idempotency: "transactional",
  keyLock: "on",
});

/** The end a seat plays: P1, P2… the producer; the broker seat; C1, C2… the consumer. */
export function endOfSeat(seatId: string): DesignEnd | null {
  if (seatId === BROKER) return "broker";
  if (/^P\d+$/.test(seatId)) return "producer";
  if (/^C\d+$/.test(seatId)) return "consumer";
  return null;
}

function settingDef(setting: string) {
  return DESIGN_SETTINGS.find((s) => s.setting === setting);
}

/** Why a seat of `end` may not set `setting` to `value` (an English sentence), or null when it may. */
export function checkDesignChoice(end: DesignEnd, setting: string, value: string): string | null {
  const def = settingDef(setting);
  if (!def) return `unknown setting: ${setting}`;
  if (def.end !== end) return `${setting} belongs to the ${def.end}, not the ${end}`;
  if (!def.values.includes(value)) return `${setting} has no value ${value} (it has ${def.values.join(", ")})`;
  return null;
}

/** The design with one setting changed; an unknown setting or value leaves it as it was. */
export function withChoice(d: Design, setting: DesignSetting, value: string): Design {
  const def = settingDef(setting);
  if (!def || !def.values.includes(value)) return d;
  return { ...d, [setting]: value };
}

export function isDesign(x: unknown): x is Design {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  if (Object.keys(o).length !== DESIGN_SETTINGS.length) return false;
  return DESIGN_SETTINGS.every((s) => typeof o[s.setting] === "string" && s.values.includes(o[s.setting] as string));
}

/** The settings of one end, in display order. */
export function settingsOfEnd(end: DesignEnd): DesignSetting[] {
  return DESIGN_SETTINGS.filter((s) => s.end === end).map((s) => s.setting);
}

/** A compact, stable form of a design: `publish=…,write=…,…` in display order (logs, tables, the CLI). */
export function designKey(d: Design): string {
  return DESIGN_SETTINGS.map((s) => `${s.setting}=${d[s.setting]}`).join(",");
}

/**
 * A design from its compact form: `naive`, `careful`, or `setting=value,…` over the naive
 * design (a leading `careful,` starts from the careful one): `careful,storage=durable`.
 * Returns the design, or why the text is not one.
 */
export function parseDesign(spec: string): Design | string {
  const parts = spec
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  let d: Design = NAIVE_DESIGN;
  if (parts[0] === "naive" || parts[0] === "careful") d = parts.shift() === "careful" ? CAREFUL_DESIGN : NAIVE_DESIGN;
  for (const part of parts) {
    const [setting, value, ...rest] = part.split("=");
    const def = settingDef(setting);
    if (!def || value === undefined || rest.length) return `not setting=value: ${part}`;
    if (!def.values.includes(value)) return `${setting} has no value ${value} (it has ${def.values.join(", ")})`;
    d = withChoice(d, def.setting, value);
  }
  return { ...d };
}
