// Host and resume tokens: the one place that creates them, hashes them and compares them,
// and the room's door that checks them. A token is a bearer secret; only its SHA-256 is
// ever stored (room metadata, game metadata, the roster snapshot), so a leaked data
// directory lets nobody in.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { cleanName } from "../../shared/protocol.js";
import type { Player } from "./Roster.js";

/** Host tokens are longer than this; anything outside the bounds is refused before hashing. */
const MIN_TOKEN_LENGTH = 16;
const MAX_TOKEN_LENGTH = 256;

/** A new host token: 32 random bytes, URL-safe. Returned once to the instructor, never stored. */
export function newHostToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A new resume token for a player's phone (kept by the page to come back to its seat). */
export function newResumeToken(): string {
  return randomBytes(18).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: unknown, hash: string): boolean {
  if (typeof token !== "string" || token.length < MIN_TOKEN_LENGTH || token.length > MAX_TOKEN_LENGTH) return false;
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(hash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Who may come in, decided before the connection is accepted; a refusal carries the close code and reason. */
export type Admission =
  | { ok: true; kind: "host" }
  | { ok: true; kind: "player"; name?: string; resume?: Player }
  | { ok: false; code: 4400 | 4401 | 4403 | 4409; reason: "badName" | "notHost" | "roomLocked" | "roomFull" };

/** What the door needs to know of the room. */
export interface AdmittingRoom {
  hostTokenHash: string;
  locked: boolean;
  full: boolean;
  byResumeToken(token: unknown): Player | undefined;
}

/** The door: a host token, a resume token (even into a locked or full room), or a new name in an open room with space. */
export function admit(options: unknown, room: AdmittingRoom): Admission {
  const o = (typeof options === "object" && options !== null ? options : {}) as Record<string, unknown>;
  if (o.hostToken !== undefined) {
    return tokenMatches(o.hostToken, room.hostTokenHash) ? { ok: true, kind: "host" } : { ok: false, code: 4401, reason: "notHost" };
  }
  const resume = room.byResumeToken(o.resumeToken);
  if (resume) return { ok: true, kind: "player", resume };
  const name = cleanName(o.name);
  if (!name) return { ok: false, code: 4400, reason: "badName" };
  if (room.locked) return { ok: false, code: 4403, reason: "roomLocked" };
  if (room.full) return { ok: false, code: 4409, reason: "roomFull" };
  return { ok: true, kind: "player", name };
}
