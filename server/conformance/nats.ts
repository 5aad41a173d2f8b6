// The real NATS JetStream side: memory streams and durable consumers under the run's
// prefix (deleted at the end), extra connections that can die like a crashed process, and
// the stream's message count.
import { AckPolicy, connect, nanos, StorageType, type JetStreamClient, type JetStreamManager, type NatsConnection } from "nats";
import type { Socket } from "node:net";
import { bounded, BrokerUnreachable, reason } from "./wait.js";

async function open(url: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: url, timeout: 5000, reconnect: false });
  } catch (error) {
    const e = error as { code?: string; chainedError?: unknown };
    const why = e.chainedError ? reason(e.chainedError) : e.code === "TIMEOUT" ? "timed out" : reason(error);
    throw new BrokerUnreachable(`NATS not reachable at ${url}: ${why}`);
  }
}

export class NatsSession {
  private readonly streams = new Set<string>();
  private readonly extra = new Set<NatsConnection>();
  private closing = false;
  /** Set when the server drops the main connection: the rest of the run cannot go on. */
  lost: string | null = null;

  private constructor(
    readonly url: string,
    private readonly runId: string,
    readonly nc: NatsConnection,
    readonly jsm: JetStreamManager,
    readonly js: JetStreamClient,
    readonly version: string,
  ) {
    void nc.closed().then(() => {
      if (!this.closing) this.lost = `NATS at ${url} closed the connection during the run`;
    });
  }

  static async open(url: string, runId: string): Promise<NatsSession> {
    const nc = await open(url);
    let jsm: JetStreamManager;
    try {
      jsm = await nc.jetstreamManager();
    } catch (error) {
      await nc.close();
      throw new BrokerUnreachable(`NATS at ${url} has no JetStream: ${reason(error)}`);
    }
    return new NatsSession(url, runId, nc, jsm, nc.jetstream(), nc.info?.version ?? "unknown");
  }

  /** A memory stream of its own, with one subject; the DuplicateWindow may be shortened. */
  async stream(name: string, duplicateWindowMs?: number): Promise<{ stream: string; subject: string }> {
    const stream = `EO_CONFORMANCE_${this.runId}_${name}`.replace(/[^A-Za-z0-9_-]/g, "_");
    const subject = `eo-conformance.${this.runId}.${name}`;
    this.streams.add(stream);
    await this.jsm.streams.add({
      name: stream,
      subjects: [subject],
      storage: StorageType.Memory,
      ...(duplicateWindowMs ? { duplicate_window: nanos(duplicateWindowMs) } : {}),
    });
    return { stream, subject };
  }

  /** A durable pull consumer with explicit acks. */
  async consumer(stream: string, name: string, ackWaitMs: number, maxDeliver = -1): Promise<void> {
    await this.jsm.consumers.add(stream, { durable_name: name, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ackWaitMs), max_deliver: maxDeliver });
  }

  async messagesIn(stream: string): Promise<number> {
    return (await this.jsm.streams.info(stream)).state.messages;
  }

  /** Another connection, as a separate consumer process would have. */
  async connection(): Promise<NatsConnection> {
    const nc = await open(this.url);
    this.extra.add(nc);
    void nc.closed().then(() => this.extra.delete(nc));
    return nc;
  }

  /** The process dies: its socket is torn down without a clean close. */
  crash(nc: NatsConnection): void {
    this.extra.delete(nc);
    const transport = (nc as unknown as { protocol?: { transport?: { socket?: Socket } } }).protocol?.transport;
    if (transport?.socket) transport.socket.destroy();
    else void nc.close();
  }

  /** Deletes every stream of the run (their consumers go with them) and closes every connection; never throws. */
  async cleanup(): Promise<void> {
    this.closing = true;
    for (const nc of [...this.extra]) await bounded(nc.close());
    for (const stream of this.streams) await bounded(this.jsm.streams.delete(stream));
    this.streams.clear();
    await bounded(this.nc.close());
  }
}
