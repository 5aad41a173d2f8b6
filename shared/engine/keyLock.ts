// The per-key lock a consumer takes for its read-modify-write (lockPerKey). Its holder
// releases it when the write is done. When the holder crashes, a plain lock goes with it;
// a lock with a lease (lockLeaseTicks, a distributed lock kept alive by its holder) stays
// until the lease runs out, and until then nobody — the restarted holder included, which no
// longer knows it held it — may write that key.
import { emit, schedule, type Out } from "./kernel.js";
import type { NodeId, RefusalReason, Store, TeamState } from "./types.js";

/** Takes the key's lock for `consumer`, or says why it cannot. */
export function acquireLock(store: Store, key: string, consumer: NodeId): RefusalReason | null {
  const holder = store.locks.get(key);
  if (holder !== undefined && (holder !== consumer || store.leases.has(key))) return { code: "locked", detail: key };
  store.locks.set(key, consumer);
  return null;
}

/** The holder is done with the key. */
export function releaseLock(store: Store, key: string, consumer: NodeId): void {
  if (store.locks.get(key) === consumer && !store.leases.has(key)) store.locks.delete(key);
}

/** The holder crashed: the lock goes at once, or, with a lease, when the lease ends. */
export function holderCrashed(s: TeamState, store: Store, subscription: string, key: string, consumer: NodeId): void {
  if (store.locks.get(key) !== consumer || store.leases.has(key)) return;
  const lease = s.config.consumer.lockLeaseTicks ?? 0;
  if (lease <= 0) {
    store.locks.delete(key);
    return;
  }
  const until = s.tick + lease;
  store.leases.set(key, until);
  schedule(s, until, { kind: "leaseEnd", subscription, key, until });
}

/** A crashed holder's lease ran out: the key is free. */
export function onLeaseEnd(s: TeamState, out: Out, subscription: string, key: string, until: number): void {
  const store = s.stores.get(subscription);
  if (!store || store.leases.get(key) !== until) return;
  const holder = store.locks.get(key) ?? "";
  store.leases.delete(key);
  store.locks.delete(key);
  emit(s, out, { type: "leaseExpired", subscription, key, holder, crashedAt: until - (s.config.consumer.lockLeaseTicks ?? 0) });
}

/** Whether a consumer other than `consumer` (or a crashed holder's lease) keeps the key now. */
export function lockedFor(store: Store | undefined, key: string, consumer: NodeId): boolean {
  if (!store) return false;
  const holder = store.locks.get(key);
  return holder !== undefined && (holder !== consumer || store.leases.has(key));
}
