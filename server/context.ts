// What every room of this process shares: the log store, the metrics, the configuration.
// Set once at start-up by the app; rooms read it (Colyseus constructs rooms itself).
import type { ServerConfig } from "./config.js";
import type { LogStore } from "./logs/LogStore.js";
import type { Metrics } from "./metrics.js";

export interface ServerContext {
  config: ServerConfig;
  store: LogStore;
  metrics: Metrics;
  /** The base URL phones use to join (PUBLIC_URL, else the best LAN address). */
  joinBaseUrl: string;
}

let current: ServerContext | null = null;

export function setServerContext(context: ServerContext): void {
  current = context;
}

export function serverContext(): ServerContext {
  if (!current) throw new Error("the server context is not set: start the server through createApp()");
  return current;
}
