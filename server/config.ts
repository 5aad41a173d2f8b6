// The server's configuration, read once from the environment (docs/contracts.md#environment-variables).
import { resolve } from "node:path";

/** A seat whose people are all gone is played by a bot after this long, unless configured. */
export const BOT_TAKEOVER_MS = 8000;
/** The longest grace period accepted: as long as a dropped phone keeps its connection slot. */
export const MAX_TAKEOVER_MS = 120_000;

/** A connected student idle this long while their seat has work is nudged (IDLE_NUDGE_MS)… */
export const IDLE_NUDGE_MS = 20_000;
/** …and a bot plays their seat after this long, until they act again (IDLE_BOT_MS). 0 turns either off. */
export const IDLE_BOT_MS = 40_000;
export const MAX_IDLE_MS = 600_000;

export function isIdleMs(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_IDLE_MS;
}

export function isTakeoverMs(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_TAKEOVER_MS;
}

export interface ServerConfig {
  port: number;
  dataDir: string;
  redisUrl: string | null;
  /** This process's host:port, for several processes behind one address. */
  publicAddress: string | null;
  /** The address phones use (behind a domain or a proxy); otherwise the best LAN address. */
  publicUrl: string | null;
  /** Lets an operator list every game. */
  adminToken: string | null;
  /** Where the built client is; served when it exists. */
  clientDir: string;
  /** How long a seat waits for its dropped people before a bot plays it (BOT_TAKEOVER_MS; each room may set its own). */
  botTakeoverMs: number;
  /** Idle students (IDLE_NUDGE_MS, IDLE_BOT_MS; each room may set its own). */
  idleNudgeMs: number;
  idleBotMs: number;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === "" ? 2567 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);
  const publicUrl = env.PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s) URL, got ${publicUrl}`);
  const adminToken = env.ADMIN_TOKEN?.trim() || null;
  if (adminToken && adminToken.length < 16) throw new ConfigError("ADMIN_TOKEN must have at least 16 characters");
  const botTakeoverMs = env.BOT_TAKEOVER_MS === undefined || env.BOT_TAKEOVER_MS === "" ? BOT_TAKEOVER_MS : Number(env.BOT_TAKEOVER_MS);
  if (!isTakeoverMs(botTakeoverMs)) throw new ConfigError(`BOT_TAKEOVER_MS must be whole milliseconds up to ${MAX_TAKEOVER_MS}, got ${env.BOT_TAKEOVER_MS}`);
  const idleMs = (name: "IDLE_NUDGE_MS" | "IDLE_BOT_MS", fallback: number): number => {
    const raw = env[name];
    const value = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!isIdleMs(value)) throw new ConfigError(`${name} must be whole milliseconds up to ${MAX_IDLE_MS} (0: never), got ${raw}`);
    return value;
  };
  const idleNudgeMs = idleMs("IDLE_NUDGE_MS", IDLE_NUDGE_MS);
  const idleBotMs = idleMs("IDLE_BOT_MS", IDLE_BOT_MS);
  if (idleNudgeMs > 0 && idleBotMs > 0 && idleBotMs < idleNudgeMs) throw new ConfigError("IDLE_BOT_MS must not be shorter than IDLE_NUDGE_MS");
  return {
    port,
    dataDir: resolve(env.DATA_DIR?.trim() || "./data"),
    redisUrl: env.REDIS_URL?.trim() || null,
    publicAddress: env.PUBLIC_ADDRESS?.trim() || null,
    publicUrl: publicUrl ? publicUrl.replace(/\/+$/, "") : null,
    adminToken,
    clientDir: resolve(env.CLIENT_DIR?.trim() || "./dist/client"),
    botTakeoverMs,
    idleNudgeMs,
    idleBotMs,
  };
}
