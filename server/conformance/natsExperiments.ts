// NATS JetStream: Nats-Msg-Id de-duplication inside and after the DuplicateWindow, AckWait
// redelivery up to MaxDeliver (the message stays in the stream, an advisory is raised), and
// a crashed consumer's message coming back only when its AckWait runs out (docs/brokers.md#nats-jetstream, docs/brokers.md#measured-on-real-brokers-here).
// Windows are shortened to a second or three so the run stays quick; the engine gets the
// same durations in ticks.
import type { JsMsg } from "nats";
import { EngineDriver, engineConfig, ticksOf } from "./engineDriver.js";
import type { Experiment, Observed } from "./experiment.js";
import { mustReach, pause } from "./wait.js";

const WINDOW_MS = 1000;

/** The engine's producer publishes one message with a de-duplication id, loses its confirm, and publishes it again at `againAt`. */
function engineRepublish(againAt: number): Observed {
  const d = new EngineDriver(
    engineConfig({
      profile: "nats",
      consumers: 0,
      ack: "afterProcessing",
      messages: 1,
      publish: "ackRetryDedup",
      ackTimeoutTicks: 3,
      broker: { dedupWindowTicks: ticksOf(WINDOW_MS) },
    }),
  );
  d.fault({ kind: "dropNextAck", link: "B>P1" });
  d.send(1);
  d.runUntil(() => d.of("timedOut").length > 0 && d.tick >= againAt, againAt + 50);
  const firstStored = d.held();
  d.do({ seat: "P1", action: "retry", msgId: "P1-1" });
  d.runUntil(() => d.of("acknowledged").length > 0, 50);
  const ack = d.of("acknowledged")[0];
  return { firstStored, duplicate: ack ? ack.duplicate : null, stored: d.held() };
}

const dedup: Experiment = {
  id: "nats.dedup.msgIdWindow",
  broker: "nats",
  question: `The same Nats-Msg-Id published again inside a ${WINDOW_MS / 1000} s DuplicateWindow, then after it: does the ack say duplicate, and is it stored again?`,
  needs: [],
  async real({ nats }) {
    const { stream, subject } = await nats.stream("dedup", WINDOW_MS);
    const first = await nats.js.publish(subject, "first", { msgID: "m-1" });
    const firstStored = await nats.messagesIn(stream);
    const inside = await nats.js.publish(subject, "another body", { msgID: "m-1" });
    const insideStored = await nats.messagesIn(stream);
    // The window is the broker's own timer: let it run out (plus a margin for its purge).
    await pause(WINDOW_MS + 300);
    const after = await nats.js.publish(subject, "third", { msgID: "m-1" });
    const afterStored = await nats.messagesIn(stream);
    return {
      observed: {
        firstStored,
        insideWindow: { duplicate: inside.duplicate, stored: insideStored },
        afterWindow: { duplicate: after.duplicate, stored: afterStored },
      },
      detail: { streamSeqs: [first.seq, inside.seq, after.seq] },
    };
  },
  engine() {
    const inside = engineRepublish(0);
    const after = engineRepublish(ticksOf(WINDOW_MS + 300));
    return {
      observed: {
        firstStored: inside.firstStored,
        insideWindow: { duplicate: inside.duplicate, stored: inside.stored },
        afterWindow: { duplicate: after.duplicate, stored: after.stored },
      },
    };
  },
};

const ACK_WAIT_MS = 1000;
const MAX_DELIVER = 3;

const maxDeliver: Experiment = {
  id: "nats.ackWait.maxDeliverKeepsMessage",
  broker: "nats",
  question: `A message never acked, AckWait ${ACK_WAIT_MS / 1000} s, MaxDeliver ${MAX_DELIVER}: its delivery counts, whether the limit is signalled (MAX_DELIVERIES advisory), and whether it stays in the stream.`,
  needs: [],
  async real({ nats }) {
    const { stream, subject } = await nats.stream("maxdeliver");
    await nats.consumer(stream, "worker", ACK_WAIT_MS, MAX_DELIVER);
    let advisories = 0;
    const sub = nats.nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.worker`, { callback: () => advisories++ });
    await nats.nc.flush();
    await nats.js.publish(subject, "never acked");
    const counts: number[] = [];
    const messages = await (await nats.js.consumers.get(stream, "worker")).consume({ max_messages: 10 });
    const reading = (async () => {
      for await (const m of messages) counts.push(m.info.deliveryCount);
    })();
    await mustReach(() => advisories > 0, 10_000, "the MAX_DELIVERIES advisory");
    // One more AckWait and a half: a fourth delivery would have come by now.
    await pause(ACK_WAIT_MS * 1.5);
    await messages.close();
    await reading;
    sub.unsubscribe();
    return { observed: { deliveryCounts: counts, limitSignalled: advisories > 0, leftInStream: await nats.messagesIn(stream) } };
  },
  engine() {
    const d = new EngineDriver(
      engineConfig({
        profile: "nats",
        consumers: 1,
        ack: "beforeProcessing",
        messages: 1,
        broker: { redeliveryTicks: ticksOf(ACK_WAIT_MS), maxDeliveries: MAX_DELIVER },
      }),
    );
    // The engine's advisory: the message is parked in the stream, past MaxDeliver.
    const signalled = () => d.of("parked").some((e) => e.reason === "maxDeliveries" && e.where === "stream");
    d.send(1);
    d.runUntil(signalled, ticksOf(10_000));
    d.advance(ticksOf(ACK_WAIT_MS * 1.5));
    return {
      observed: { deliveryCounts: d.delivered().map((e) => e.deliveryCount), limitSignalled: signalled(), leftInStream: d.held() },
      detail: { parked: d.of("parked").map((e) => e.where) },
    };
  },
};

const CRASH_ACK_WAIT_MS = 3000;
/** How long after the crash a new consumer asks first: well inside the AckWait. */
const EARLY_MS = 1000;

const crashWaitsForAckWait: Experiment = {
  id: "nats.ackWait.crashRedeliveredOnlyAfterAckWait",
  broker: "nats",
  question: `A consumer dies holding an unacked message (AckWait ${CRASH_ACK_WAIT_MS / 1000} s): does another consumer get it before the AckWait runs out, and with what delivery count?`,
  needs: [],
  async real({ nats }) {
    const { stream, subject } = await nats.stream("crash");
    await nats.consumer(stream, "worker", CRASH_ACK_WAIT_MS);
    await nats.js.publish(subject, "held when the consumer dies");
    const doomed = await nats.connection();
    const first = await (await doomed.jetstream().consumers.get(stream, "worker")).next({ expires: 2000 });
    if (!first) throw new Error("the first consumer got nothing");
    nats.crash(doomed);
    const survivor = await nats.js.consumers.get(stream, "worker");
    const early: JsMsg | null = await survivor.next({ expires: EARLY_MS });
    const late: JsMsg | null = early ?? (await survivor.next({ expires: CRASH_ACK_WAIT_MS + 2000 }));
    late?.ack();
    return {
      observed: {
        firstDeliveryCount: first.info.deliveryCount,
        redeliveredBeforeAckWait: early !== null,
        redeliveryCount: late ? late.info.deliveryCount : null,
      },
    };
  },
  engine() {
    const d = new EngineDriver(
      engineConfig({ profile: "nats", consumers: 2, ack: "beforeProcessing", messages: 1, broker: { redeliveryTicks: ticksOf(CRASH_ACK_WAIT_MS) } }),
    );
    d.send(1);
    d.runUntil(() => d.of("received").length > 0, 50);
    const first = d.delivered()[0];
    d.crash("C1");
    const crashedAt = d.tick;
    d.runUntil(() => d.delivered("C2").length > 0, ticksOf(EARLY_MS + CRASH_ACK_WAIT_MS + 2000));
    const again = d.delivered("C2")[0];
    return {
      observed: {
        firstDeliveryCount: first.deliveryCount,
        redeliveredBeforeAckWait: again !== undefined && again.tick <= crashedAt + ticksOf(EARLY_MS),
        redeliveryCount: again ? again.deliveryCount : null,
      },
      detail: {
        firstDeliveredAtTick: first.tick,
        crashedAtTick: crashedAt,
        redeliveredAtTick: again ? again.tick : null,
        ackWaitTicks: ticksOf(CRASH_ACK_WAIT_MS),
      },
    };
  },
};

export const NATS_EXPERIMENTS: Experiment[] = [dedup, maxDeliver, crashWaitsForAckWait];
