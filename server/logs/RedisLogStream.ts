// Exactly-once appends to a Redis stream over a connection that can drop. Entries get
// explicit ids 0-<seq>, seq counting the stream's entries from 1, so a write sent again
// after a lost reply is refused by Redis ("equal or smaller than the top item") instead of
// landing twice. One writer per stream is assumed (the game's server process).
import { setTimeout as delay } from "node:timers/promises";
import { ClientClosedError, ErrorReply, type createClient } from "redis";

/** Tries of one write whose connection was lost; after that its promise rejects. */
const WRITE_ATTEMPTS = 4;
const ALREADY_ADDED = /equal or smaller than the target stream top item/;

type Client = ReturnType<typeof createClient>;

export class RedisLogStream {
  /** The id of a stream's first entry (the log header), written by the creator in its own transaction. */
  static readonly FIRST_ID = "0-1";
  /** The seq of each stream's last entry as this process knows it; asked from Redis when absent. */
  private readonly lastSeq = new Map<string, number>();

  constructor(private readonly client: Client) {}

  /** Records that `key` was just created with its FIRST_ID entry. */
  started(key: string): void {
    this.lastSeq.set(key, 1);
  }

  /** Drops what is known of `key` (a finished game), keeping the map bounded by running games. */
  forget(key: string): void {
    this.lastSeq.delete(key);
  }

  /** One XADD with the stream's next id, sent again if its connection was lost; exactly one entry results. Callers serialise the adds of one key. */
  async add(key: string, text: string): Promise<void> {
    const seq = (await this.lastSeqOf(key)) + 1;
    try {
      await retryingWrite(`append to ${key}`, async (attempt) => {
        try {
          await this.client.xAdd(key, `0-${seq}`, { l: text });
        } catch (error) {
          // An earlier attempt arrived and only its reply was lost: the entry is there, once.
          if (attempt > 1 && error instanceof ErrorReply && ALREADY_ADDED.test(error.message)) return;
          throw error;
        }
      });
    } catch (error) {
      // Whether the entry arrived is unknown: the next add asks Redis for the last id.
      this.lastSeq.delete(key);
      throw error;
    }
    this.lastSeq.set(key, seq);
  }

  private async lastSeqOf(key: string): Promise<number> {
    const known = this.lastSeq.get(key);
    if (known !== undefined) return known;
    const [last] = await this.client.xRevRange(key, "+", "-", { COUNT: 1 });
    if (last === undefined) return 0;
    const [ms, seq] = last.id.split("-");
    if (ms !== "0") throw new Error(`stream ${key} has an entry id ${last.id} not written by RedisLogStream (ids are 0-<seq>)`);
    return Number(seq);
  }
}

/**
 * Runs a write again while its failure is a lost connection (the client then queues it
 * until it reconnects). A reply from Redis itself, or a closed client, is final. Only for
 * writes that are safe to repeat.
 */
export async function retryingWrite<T>(what: string, write: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(attempt);
    } catch (error) {
      const final = error instanceof ErrorReply || error instanceof ClientClosedError || attempt >= WRITE_ATTEMPTS;
      if (final) throw new Error(`RedisLogStore: ${what} failed: ${(error as Error).message}`, { cause: error });
      await delay(50 * attempt);
    }
  }
}
