// Per-key serialisation: the tasks of one key run one at a time, in call order; tasks of
// different keys run concurrently. This is what keeps a game's log lines in tick order
// when the caller does not await each append.

const ignore = (): void => {};

export class KeyedSerialQueue {
  /** The settled-tail promise per key; a key is dropped once its last task settles, so the map stays bounded by busy keys. */
  private readonly tails = new Map<string, Promise<void>>();
  /** Settled-tail promises of tasks run outside any key order. */
  private readonly unordered = new Set<Promise<void>>();

  /** Runs `task` after every earlier task of `key` settled. A failed task rejects its own promise only; later tasks still run. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(ignore, ignore);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Runs `task` at once, in no order with anything, but still waited for by idle(): for reads that must finish before a close. */
  runUnordered<T>(task: () => Promise<T>): Promise<T> {
    const result = task();
    const tail = result.then(ignore, ignore);
    this.unordered.add(tail);
    void tail.then(() => this.unordered.delete(tail));
    return result;
  }

  /** Resolves when every task of `key` queued so far has settled (never rejects). */
  settled(key: string): Promise<void> {
    return this.tails.get(key) ?? Promise.resolve();
  }

  /** Resolves when no key has a pending task, including tasks queued while waiting. */
  async idle(): Promise<void> {
    while (this.tails.size > 0 || this.unordered.size > 0) await Promise.all([...this.tails.values(), ...this.unordered]);
  }
}
