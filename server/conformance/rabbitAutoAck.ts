// RabbitMQ under automatic acknowledgement, and publisher confirms. With auto-ack a message
// counts as done the moment the broker writes it to the socket, and the prefetch (a cap on
// *unacknowledged* deliveries) does not apply: a consumer process that dies loses whatever
// had been pushed to it, however much that was, and nothing else (docs/brokers.md#rabbitmq, docs/brokers.md#measured-on-real-brokers-here).
import type { ChannelModel } from "amqplib";
import { EngineDriver, engineConfig, seqOf } from "./engineDriver.js";
import { seqs, type Experiment, type Outcome } from "./experiment.js";
import { parse, type RabbitSession } from "./rabbit.js";
import { mustReach, until } from "./wait.js";

const PREFETCH = 5;

/** A consumer on its own connection with automatic acks and a prefetch it will not get. */
async function autoAckConsumer(rabbit: RabbitSession, queue: string, onSeq: (seq: number, model: ChannelModel) => void): Promise<ChannelModel> {
  const model = await rabbit.connection();
  const ch = await model.createChannel();
  ch.on("error", () => undefined);
  await ch.prefetch(PREFETCH);
  await ch.consume(queue, (m) => m && onSeq(parse(m).seq, model), { noAck: true });
  return model;
}

async function afterDeath(rabbit: RabbitSession, queue: string): Promise<number[]> {
  await mustReach(async () => (await rabbit.depth(queue)).consumers === 0, 10_000, "the broker to notice the dead consumer");
  return (await rabbit.drain(queue)).map((r) => r.seq);
}

/** The engine's consumer is away while the messages are published, as the real one attaches only afterwards. */
function engineWithQueued(messages: number): { d: EngineDriver; back: number } {
  const d = new EngineDriver(engineConfig({ profile: "rabbitmq", consumers: 1, ack: "auto", messages, broker: { prefetch: PREFETCH } }));
  d.crash("C1", 3);
  d.send(messages);
  return { d, back: 3 };
}

const allPushedLost: Experiment = {
  id: "rabbitmq.autoAck.allPushedLost",
  broker: "rabbitmq",
  question: "10 messages queued, an auto-ack consumer with prefetch 5 receives what it is sent and its process dies before handling any: how many are lost?",
  needs: [],
  async real({ rabbit }) {
    const queue = await rabbit.queue("autoack-10", "classic");
    await rabbit.publish(queue, seqs(1, 10));
    const received: number[] = [];
    const model = await autoAckConsumer(rabbit, queue, (seq) => received.push(seq));
    // Everything the broker will push has arrived once the queue is empty (or nothing more comes).
    await until(async () => received.length === 10 || (await rabbit.depth(queue)).messages === 0, 3000);
    await until(() => received.length === 10, 1000);
    rabbit.crash(model);
    const left = await afterDeath(rabbit, queue);
    return { observed: { published: 10, prefetch: PREFETCH, receivedBeforeDeath: received.length, lost: 10 - left.length, left } };
  },
  engine() {
    const { d, back } = engineWithQueued(10);
    d.runUntil(() => d.tick > back + 2 && d.s.wire === 0, 200);
    const received = d.of("received").length;
    d.crash("C1");
    const left = d.queued().map((m) => seqOf(m.token.msgId));
    return { observed: { published: 10, prefetch: PREFETCH, receivedBeforeDeath: received, lost: 10 - d.held(), left } };
  },
};

const MANY = 1000;

/**
 * How much was pushed before the death depends on timing (docs/brokers.md#measured-on-real-brokers-here: 550–750 of
 * 1,000; anything from 450 to all 1,000 in later runs), and the real broker does not say; so the comparison is about the rule, not the number: more than
 * the prefetch was lost, the lost ones are exactly the first ones published (what was
 * pushed, in order), and what was not pushed is still queued, in order, never flagged
 * redelivered. The engine side also checks lost == pushed (its deliveries), shown as detail.
 */
function lossShape(left: { seq: number; redelivered: boolean }[], appSaw: number): Outcome {
  const lost = MANY - left.length;
  return {
    observed: {
      lostMoreThanPrefetch: lost > PREFETCH,
      lostAreTheFirstPublished: left.every((m, i) => m.seq === lost + 1 + i),
      leftNeverFlaggedRedelivered: left.every((m) => !m.redelivered),
    },
    detail: { published: MANY, prefetch: PREFETCH, appSaw, lost },
  };
}

const lossIsWhatWasPushed: Experiment = {
  id: "rabbitmq.autoAck.lossIsWhatWasPushed",
  broker: "rabbitmq",
  question: "1,000 messages queued, an auto-ack consumer (prefetch 5) dies on its first delivery: is everything already pushed lost, and only that?",
  needs: [],
  async real({ rabbit }) {
    const queue = await rabbit.queue("autoack-1000", "classic");
    await rabbit.publish(queue, seqs(1, MANY));
    // The process dies in its first delivery's handler: it sees nothing after that, though
    // the client library may still parse frames it had already read.
    let appSaw = 0;
    await autoAckConsumer(rabbit, queue, (_seq, model) => {
      if (appSaw > 0) return;
      appSaw++;
      rabbit.crash(model);
    });
    await mustReach(() => appSaw > 0, 5000, "the first delivery");
    await mustReach(async () => (await rabbit.depth(queue)).consumers === 0, 10_000, "the broker to notice the dead consumer");
    const left = await rabbit.drain(queue);
    return lossShape(left, appSaw);
  },
  engine() {
    const { d } = engineWithQueued(MANY);
    d.runUntil(() => d.of("received").length > 0, 200);
    const appSaw = d.of("received").length;
    d.crash("C1");
    const shape = lossShape(
      d.queued().map((m) => ({ seq: seqOf(m.token.msgId), redelivered: m.redelivered })),
      appSaw,
    );
    const pushed = d.delivered().length;
    return { observed: shape.observed, detail: { ...shape.detail, pushed, lostEqualsPushed: MANY - d.held() === pushed } };
  },
};

// Under 64: today's engine producer forgets the newest of more than 64 unconfirmed publishes
// (producer.ts trims its memory before marking the new record pending), which would be a
// different question.
const CONFIRMED = 60;

const confirmsBatched: Experiment = {
  id: "rabbitmq.confirms.batched",
  broker: "rabbitmq",
  question: `${CONFIRMED} persistent messages published at once to a durable queue: does one publisher confirm cover several messages (multiple=true)?`,
  needs: [],
  async real({ rabbit }) {
    const queue = await rabbit.queue("confirms", "classic");
    const model = await rabbit.connection();
    const ch = await model.createConfirmChannel();
    let frames = 0;
    let multiple = 0;
    ch.on("ack", (fields: { multiple: boolean }) => {
      frames++;
      if (fields.multiple) multiple++;
    });
    for (const seq of seqs(1, CONFIRMED)) ch.sendToQueue(queue, Buffer.from(JSON.stringify({ seq, key: "k" })), { persistent: true });
    await ch.waitForConfirms();
    await model.close();
    return {
      observed: { published: CONFIRMED, allConfirmed: true, someConfirmCoversSeveral: frames < CONFIRMED },
      detail: { confirmFrames: frames, framesWithMultiple: multiple },
    };
  },
  engine() {
    const d = new EngineDriver(
      engineConfig({ profile: "rabbitmq", consumers: 0, ack: "afterProcessing", messages: CONFIRMED, publish: "ackRetry", ackTimeoutTicks: 1000 }),
    );
    d.send(CONFIRMED);
    d.runUntil(() => d.of("acknowledged").length >= CONFIRMED, 200);
    const frames = d.of("hop").filter((e) => e.kind === "confirm").length;
    const confirmed = new Set(d.of("acknowledged").map((e) => e.msgId)).size;
    return {
      observed: { published: CONFIRMED, allConfirmed: confirmed === CONFIRMED, someConfirmCoversSeveral: frames < CONFIRMED },
      detail: { confirmFrames: frames },
    };
  },
};

export const RABBITMQ_AUTO_ACK: Experiment[] = [allPushedLost, lossIsWhatWasPushed, confirmsBatched];
