// A consumer's dependency (its database, a downstream service) can be down for a while (the
// `dependencyDown` fault): a processing that ends meanwhile fails, writes nothing, and leaves
// its token to be processed again — retried in place — or handed back with a nack.
import { emit, type Out } from "./kernel.js";
import { releaseLock } from "./keyLock.js";
import type { ConsumerState, InboxToken, Store, TeamState } from "./types.js";

/** Ends the processing as a failure if the consumer's dependency is down now; true when it did. */
export function failedOnDependency(s: TeamState, out: Out, c: ConsumerState, item: InboxToken, store: Store): boolean {
  if (s.tick >= c.failUntil) return false;
  c.processing = null;
  releaseLock(store, item.token.key, c.id);
  item.failed = true;
  emit(s, out, { type: "processFailed", consumer: c.id, token: item.token.id, msgId: item.token.msgId });
  return true;
}
