// The checks a client message goes through before the room reads it — shape, size, types —
// and the answer a bad one gets: a refusal code the interface translates.
import type { ShellRefusal } from "./protocol.js";

export const MAX_MESSAGE_BYTES = 2048;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ShellRefusal; detail?: string };

export const bad = (detail: string): { ok: false; code: ShellRefusal; detail: string } => ({ ok: false, code: "badMessage", detail });

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export const isInt = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
export const isShortString = (v: unknown, max = 64): v is string => typeof v === "string" && v.length > 0 && v.length <= max;
/** A name made of letters only (a design setting or value): nothing to escape, nothing to trim. */
export const isWord = (v: unknown, max = 32): v is string => isShortString(v, max) && /^[A-Za-z]+$/.test(v);

/** The size of a decoded payload, as JSON, without trusting its shape. */
export function payloadSize(payload: unknown): number {
  try {
    const text = JSON.stringify(payload);
    return text === undefined ? 0 : text.length;
  } catch {
    return Infinity;
  }
}

/** The first key of `o` not in `allowed`, if any. */
export function onlyKeys(o: Record<string, unknown>, allowed: string[]): string | null {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return k;
  return null;
}
