// The one place that chooses the LogStore backend from the configuration.
import { FileLogStore } from "./FileLogStore.js";
import type { LogStore } from "./LogStore.js";
import { RedisLogStore } from "./RedisLogStore.js";

/** A connected store: Redis when `redisUrl` is set (REDIS_URL), else files under `dataDir`. Rejects if Redis cannot be reached. */
export async function createLogStore({ dataDir, redisUrl }: { dataDir: string; redisUrl?: string }): Promise<LogStore> {
  if (redisUrl) {
    const store = new RedisLogStore(redisUrl);
    await store.connect();
    return store;
  }
  return new FileLogStore(dataDir);
}
