// The real RabbitMQ side: connections that can be made to die like a crashed process,
// queues under the run's prefix (deleted at the end, and set to expire on their own should
// the run itself be killed), publishing with confirms, and reading deliveries back.
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from "amqplib";
import type { Socket } from "node:net";
import { bounded, BrokerUnreachable, reason, until } from "./wait.js";

export type QueueType = "classic" | "quorum";

/** One delivery as an experiment sees it. */
export interface Received {
  seq: number;
  key: string;
  redelivered: boolean;
  /** Quorum queues' `x-delivery-count` header (absent on a first delivery and on classic queues). */
  deliveryCount: number | null;
  message: ConsumeMessage;
}

/** A queue left unused this long deletes itself: the safety net if the run is killed before its cleanup. */
const QUEUE_EXPIRES_MS = 10 * 60 * 1000;

async function connect(url: string): Promise<ChannelModel> {
  try {
    return await amqp.connect(url, { timeout: 5000 });
  } catch (error) {
    throw new BrokerUnreachable(`RabbitMQ not reachable at ${url}: ${reason(error)}`);
  }
}

export function parse(message: ConsumeMessage): Received {
  const body = JSON.parse(message.content.toString()) as { seq: number; key: string };
  const count = message.properties.headers?.["x-delivery-count"];
  return { seq: body.seq, key: body.key, redelivered: message.fields.redelivered, deliveryCount: typeof count === "number" ? count : null, message };
}

export class RabbitSession {
  private readonly queues = new Set<string>();
  private readonly extra = new Set<ChannelModel>();
  private closing = false;
  /** Set when the broker closes the main connection on us: the rest of the run cannot go on. */
  lost: string | null = null;

  private constructor(
    readonly url: string,
    private readonly prefix: string,
    private readonly admin: ChannelModel,
    readonly version: string,
  ) {
    admin.on("error", () => undefined);
    admin.on("close", () => {
      if (!this.closing) this.lost = `RabbitMQ at ${url} closed the connection during the run`;
    });
  }

  static async open(url: string, prefix: string): Promise<RabbitSession> {
    const admin = await connect(url);
    const version = String(admin.connection.serverProperties.version ?? "unknown");
    return new RabbitSession(url, prefix, admin, version);
  }

  /** Another connection, as a separate consumer process would have; closed at cleanup if still open. */
  async connection(): Promise<ChannelModel> {
    const model = await connect(this.url);
    model.on("error", () => undefined);
    this.extra.add(model);
    model.on("close", () => this.extra.delete(model));
    return model;
  }

  /** The process dies: its socket is torn down without a clean AMQP close. */
  crash(model: ChannelModel): void {
    this.extra.delete(model);
    (model.connection as unknown as { stream: Socket }).stream.destroy();
  }

  async channel(): Promise<Channel> {
    const ch = await this.admin.createChannel();
    ch.on("error", () => undefined);
    return ch;
  }

  /** Declares a fresh durable queue named after the run's prefix. */
  async queue(name: string, type: QueueType): Promise<string> {
    const queue = `${this.prefix}.${name}`;
    const ch = await this.channel();
    this.queues.add(queue);
    await ch.assertQueue(queue, { durable: true, arguments: { "x-queue-type": type, "x-expires": QUEUE_EXPIRES_MS } });
    await ch.close();
    return queue;
  }

  /** Publishes persistent messages in this order (plain seqs get key "k") and waits for every confirm. */
  async publish(queue: string, messages: number[] | { seq: number; key: string }[]): Promise<void> {
    const ch = await this.admin.createConfirmChannel();
    ch.on("error", () => undefined);
    for (const m of messages) {
      const body = typeof m === "number" ? { seq: m, key: "k" } : m;
      ch.sendToQueue(queue, Buffer.from(JSON.stringify(body)), { persistent: true });
    }
    await ch.waitForConfirms();
    await ch.close();
  }

  /** Ready messages and consumers, as the broker counts them now. */
  async depth(queue: string): Promise<{ messages: number; consumers: number }> {
    const ch = await this.channel();
    const ok = await ch.checkQueue(queue);
    await ch.close();
    return { messages: ok.messageCount, consumers: ok.consumerCount };
  }

  /** Reads every message still in the queue (manual acks), in the order they come. */
  async drain(queue: string): Promise<Received[]> {
    const { messages } = await this.depth(queue);
    const ch = await this.channel();
    await ch.prefetch(100);
    const got: Received[] = [];
    const { consumerTag } = await ch.consume(queue, (m) => {
      if (!m) return;
      got.push(parse(m));
      ch.ack(m);
    });
    await until(() => got.length >= messages, 5000);
    await ch.cancel(consumerTag);
    await ch.close();
    return got;
  }

  /** Deletes every queue of the run and closes every connection; never throws. */
  async cleanup(): Promise<void> {
    this.closing = true;
    for (const model of [...this.extra]) await bounded(model.close());
    for (const queue of this.queues) {
      const ch = await bounded(this.admin.createChannel());
      if (!ch) break;
      ch.on("error", () => undefined);
      await bounded(ch.deleteQueue(queue));
      await bounded(ch.close());
    }
    this.queues.clear();
    await bounded(this.admin.close());
  }
}
