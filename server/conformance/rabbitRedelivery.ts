// RabbitMQ under manual acknowledgement: what happens to unacked deliveries. They go back
// to the queue when the consumer's channel or connection closes — at the head, flagged
// `redelivered` — and not on a timer while the consumer lives (the consumer timeout is 30
// minutes, and it closes the channel) (docs/brokers.md#rabbitmq, docs/brokers.md#measured-on-real-brokers-here).
import { EngineDriver, engineConfig, seqOf, ticksOf } from "./engineDriver.js";
import { seqs, type Experiment } from "./experiment.js";
import { parse, type QueueType, type Received } from "./rabbit.js";
import { mustReach, pause } from "./wait.js";

function redeliveryOrder(type: QueueType): Experiment {
  return {
    id: `rabbitmq.manualAck.redeliveryOrder.${type}`,
    broker: "rabbitmq",
    question: `${type} queue: a consumer holding 1..5 unacked (prefetch 5) closes while 11..20 are published; in what order does the next consumer get 1..20, and which are flagged redelivered?`,
    needs: type === "quorum" ? ["quorumQueue"] : [],
    async real({ rabbit }) {
      const queue = await rabbit.queue(`redelivery-${type}`, type);
      await rabbit.publish(queue, seqs(1, 10));
      const first = await rabbit.connection();
      const cha = await first.createChannel();
      await cha.prefetch(5);
      const held: number[] = [];
      await cha.consume(queue, (m) => m && held.push(parse(m).seq));
      await mustReach(() => held.length === 5, 5000, "the first consumer to hold five");
      await Promise.all([rabbit.publish(queue, seqs(11, 20)), first.close()]);
      const next = await rabbit.connection();
      const chb = await next.createChannel();
      await chb.prefetch(5);
      const got: Received[] = [];
      await chb.consume(queue, (m) => {
        if (!m) return;
        got.push(parse(m));
        chb.ack(m);
      });
      await mustReach(() => got.length >= 20, 5000, "the next consumer to get all 20");
      await next.close();
      return {
        observed: { held, order: got.map((r) => r.seq), redelivered: got.filter((r) => r.redelivered).map((r) => r.seq) },
        ...(type === "quorum" ? { detail: { deliveryCountHeaders: got.filter((r) => r.deliveryCount !== null).map((r) => [r.seq, r.deliveryCount]) } } : {}),
      };
    },
    engine() {
      const d = new EngineDriver(
        engineConfig({ profile: "rabbitmq", queueType: type, consumers: 1, ack: "beforeProcessing", messages: 20, broker: { prefetch: 5 } }),
      );
      d.send(10);
      d.runUntil(() => d.of("received").length >= 5 && d.s.wire === 0, 100);
      const held = d.of("received").map((r) => seqOf(r.msgId));
      // The consumer closes as 11..20 are published; "the next consumer" is C1 back from its restart.
      d.send(10);
      d.crash("C1", 3);
      const got = d.ackAsReceived("C1", 20, 200);
      return { observed: { held, order: got.map((r) => r.seq), redelivered: got.filter((r) => r.redelivered).map((r) => r.seq) } };
    },
  };
}

/** Longer than the 30 s timer today's profile redelivers on; far shorter than RabbitMQ's 30-minute consumer timeout. */
const HOLD_MS = 32_000;

const liveHolderKeepsIt: Experiment = {
  id: "rabbitmq.manualAck.noRedeliveryWhileConsumerLives",
  broker: "rabbitmq",
  question: `A consumer holds a message unacked for ${HOLD_MS / 1000} s while a second consumer waits: is it redelivered while the holder lives, and once the holder dies?`,
  needs: [],
  async real({ rabbit }) {
    const queue = await rabbit.queue("live-holder", "classic");
    await rabbit.publish(queue, [1]);
    const holder = await rabbit.connection();
    const cha = await holder.createChannel();
    await cha.prefetch(1);
    let holding = 0;
    await cha.consume(queue, (m) => m && holding++);
    await mustReach(() => holding === 1, 5000, "the holder to get the message");
    const other = await rabbit.connection();
    const chb = await other.createChannel();
    await chb.prefetch(1);
    const got: Received[] = [];
    await chb.consume(queue, (m) => m && got.push(parse(m)));
    await pause(HOLD_MS);
    const whileLives = got.length;
    rabbit.crash(holder);
    await mustReach(() => got.length > whileLives, 10_000, "the redelivery after the holder died");
    await other.close();
    return { observed: { redeliveredWhileHolderLives: whileLives > 0, redeliveredOnceHolderDies: got.slice(whileLives).some((r) => r.redelivered) } };
  },
  engine() {
    const d = new EngineDriver(engineConfig({ profile: "rabbitmq", consumers: 2, ack: "beforeProcessing", messages: 1, broker: { prefetch: 1 } }));
    d.send(1);
    d.advance(ticksOf(HOLD_MS));
    const whileLives = d.delivered().filter((e) => e.redelivered).length;
    d.crash("C1");
    d.advance(ticksOf(10_000));
    const after = d.delivered().filter((e) => e.redelivered).length - whileLives;
    return {
      observed: { redeliveredWhileHolderLives: whileLives > 0, redeliveredOnceHolderDies: after > 0 },
      detail: { requeuedBy: d.of("requeued").map((e) => e.reason) },
    };
  },
};

export const RABBITMQ_REDELIVERY: Experiment[] = [redeliveryOrder("classic"), redeliveryOrder("quorum"), liveHolderKeepsIt];
