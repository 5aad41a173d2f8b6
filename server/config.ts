// The server's configuration, read once from the environment (docs/contracts.md#environment-variables).
import { resolve } from "node:path";

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
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === "" ? 2567 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env.PORT}`);
  const publicUrl = env.PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s) URL, got ${publicUrl}`);
  const adminToken = env.ADMIN_TOKEN?.trim() || null;
  if (adminToken && adminToken.length < 16) throw new ConfigError("ADMIN_TOKEN must have at least 16 characters");
  return {
    port,
    dataDir: resolve(env.DATA_DIR?.trim() || "./data"),
    redisUrl: env.REDIS_URL?.trim() || null,
    publicAddress: env.PUBLIC_ADDRESS?.trim() || null,
    publicUrl: publicUrl ? publicUrl.replace(/\/+$/, "") : null,
    adminToken,
    clientDir: resolve(env.CLIENT_DIR?.trim() || "./dist/client"),
  };
}
