// The causes of the brokers' own mechanisms, each from a small pipeline driven by hand: a
// rebalance after a crash, a nack (requeue, reject, dead-letter, +TERM), a delivery limit
// (dead-letter queue, JetStream's stream), a broken connection, a lost disk. Each anomaly's
// cause is checked against the log by the independent reading of test/helpers/causeEvidence.ts.
import { describe, expect, it } from "vitest";
import { check, type Anomaly } from "../shared/checker/checker.js";
import type { VariantConfig } from "../shared/engine/config.js";
import { BROKER_PROFILES, rabbitQueue } from "../shared/engine/profiles.js";
import { Harness, testConfig, type Overrides } from "../shared/engine/testing.js";
import { subscriptionsOf } from "../shared/engine/team.js";
import type { Command } from "../shared/engine/types.js";
import { ENGINE_VERSION, type LogHeader } from "../shared/sim/round.js";
import { causeEvidence, teamLog } from "./helpers/causeEvidence.js";

const send: Command = { seat: "P1", action: "send" };
/** A profile's preset as testConfig's broker overrides (the channel stays a queue). */
const brokerOf = (profile: "rabbitmq" | "kafka" | "sqs" | "nats") => ({ ...BROKER_PROFILES[profile] });
const host = (fault: Extract<Command, { action: "fault" }>["fault"]): Command => ({ seat: "host", action: "fault", fault });

function header(config: VariantConfig): LogHeader {
  return {
    type: "header",
    gameId: "causes",
    scenario: "t0",
    variant: "x",
    seed: 1,
    engineVersion: ENGINE_VERSION,
    tickMs: 100,
    roundTicks: 300,
    teams: [{ team: 0, subscriptions: subscriptionsOf(config).map((x) => x.name), players: [] }],
    config,
  };
}

/** A pipeline of one producer and one consumer, its events sent at once. */
function pipeline(o: Overrides): { h: Harness; config: VariantConfig } {
  const config = testConfig({ ...o, workload: { eventsPerProducer: 2, keys: 1, ...o.workload } });
  return { h: new Harness(config), config };
}

/** Runs until the consumer's inbox holds a token, and returns it. */
function awaitToken(h: Harness, consumer = "C1", ticks = 200): number {
  for (let i = 0; i < ticks; i++) {
    const c = h.s.consumers.find((x) => x.id === consumer);
    const item = c?.inbox.find((x) => !x.processed && !x.failed);
    if (c?.up && item && c.processing === null) return item.token.id;
    h.step();
  }
  throw new Error(`${consumer} got nothing`);
}

function processed(h: Harness, token: number, consumer = "C1"): void {
  h.step({ seat: consumer, action: "process", token });
  h.run(6);
}

/** Every anomaly of the round, each cause supported by the log. */
function anomalies(h: Harness, config: VariantConfig): Anomaly[] {
  const head = header(config);
  const report = check(head, h.events);
  const log = teamLog(head, h.events, 0);
  for (const a of report.anomalies) expect(causeEvidence(log, a), a.cause.code).toBeNull();
  return report.anomalies;
}

const codeOf = (list: Anomaly[], kind: Anomaly["kind"]) => list.filter((a) => a.kind === kind).map((a) => a.cause.code);

describe("causes of the brokers' mechanisms", () => {
  it("Kafka: a member that crashed between its effect and its commit is read again after the rebalance: dupRebalance", () => {
    const { h, config } = pipeline({ broker: { ...brokerOf("kafka"), partitions: 1 } });
    h.step(send);
    const token = awaitToken(h);
    h.step({ seat: "C1", action: "process", token });
    while (!h.of("applied").length) h.step();
    h.step(host({ kind: "crash", node: "C1", ticks: 20 }));
    processed(h, awaitToken(h, "C1", 300));
    const list = anomalies(h, config);
    expect(codeOf(list, "duplicated")).toEqual(["dupRebalance"]);
    expect(h.of("requeued").map((e) => e.reason)).toEqual(["rebalance"]);
  });

  it("SQS: a consumer that crashed between its effect and its delete sees the message again once the visibility timeout runs out: dupVisibleAfterCrash", () => {
    const { h, config } = pipeline({ broker: brokerOf("sqs"), workload: { eventsPerProducer: 1 } });
    h.step(send);
    const token = awaitToken(h);
    h.step({ seat: "C1", action: "process", token });
    while (!h.of("applied").length) h.step();
    h.step(host({ kind: "crash", node: "C1", ticks: 10 }));
    processed(h, awaitToken(h, "C1", 300));
    h.step({ seat: "C1", action: "ack", token: h.inboxToken() });
    h.run(10);
    const list = anomalies(h, config);
    expect(codeOf(list, "duplicated")).toEqual(["dupVisibleAfterCrash"]);
    expect(list[0].cause).toMatchObject({ consumer: "C1", tick: h.of("crashed")[0].tick });
  });

  it("RabbitMQ: a nack with requeue after the effect duplicates it (dupNack); a reject with no dead-letter exchange loses it (rejectedDropped)", () => {
    const { h, config } = pipeline({ consumer: { allowNack: true } });
    h.step(send, send);
    const first = awaitToken(h);
    processed(h, first);
    h.step({ seat: "C1", action: "nack", token: first, requeue: true });
    const second = h.s.consumers[0].inbox.find((x) => x.token.id !== first)?.token.id ?? awaitToken(h);
    h.step({ seat: "C1", action: "nack", token: second, requeue: false });
    processed(h, awaitToken(h));
    h.step({ seat: "C1", action: "ack", token: first });
    h.run(20);
    const list = anomalies(h, config);
    expect(codeOf(list, "duplicated")).toEqual(["dupNack"]);
    expect(codeOf(list, "lost")).toEqual(["rejectedDropped"]);
    expect(list.find((a) => a.kind === "lost")?.cause.consumer).toBe("C1");
  });

  it("a rejected message goes to the dead-letter queue (parkedRejected), or stays in JetStream's stream after +TERM (parkedTerminated): parked, not lost", () => {
    for (const [profile, code] of [
      ["rabbitmq", "parkedRejected"],
      ["nats", "parkedTerminated"],
    ] as const) {
      const { h, config } = pipeline({
        broker: { ...brokerOf(profile), deadLetter: profile === "rabbitmq" ? "queue" : "keep" },
        consumer: { allowNack: true },
        workload: { eventsPerProducer: 1 },
      });
      h.step(send);
      h.step({ seat: "C1", action: "nack", token: awaitToken(h), requeue: false });
      h.run(10);
      const list = anomalies(h, config);
      expect(codeOf(list, "parked"), profile).toEqual([code]);
      expect(codeOf(list, "lost"), profile).toEqual([]);
      expect(check(header(config), h.events).totals).toMatchObject({ parked: 1, lost: 0 });
    }
  });

  it("past the delivery limit: SQS redrives to the dead-letter queue (parkedDeadLetter), JetStream keeps it in the stream with an advisory (parkedInStream)", () => {
    for (const [profile, code, where] of [
      ["sqs", "parkedDeadLetter", "deadLetterQueue"],
      ["nats", "parkedInStream", "stream"],
    ] as const) {
      const { h, config } = pipeline({ broker: { ...brokerOf(profile), maxDeliveries: 2, redeliveryTicks: 10 }, workload: { eventsPerProducer: 1 } });
      h.step(send);
      h.run(60);
      expect(
        h.of("parked").map((e) => [e.where, e.deliveryCount]),
        profile,
      ).toEqual([[where, 2]]);
      expect(codeOf(anomalies(h, config), "parked"), profile).toEqual([code]);
    }
  });

  it("RabbitMQ: acks sent over a connection broken by a lost delivery never arrive; after the heartbeat the message comes again: dupConnectionLost", () => {
    const { h, config } = pipeline({ broker: { prefetch: 2 }, consumer: { processTicks: 6 } });
    h.step(send);
    const first = awaitToken(h);
    h.step({ seat: "C1", action: "process", token: first }, host({ kind: "dropNextToken", link: "B>C1" }), send);
    h.run(8);
    h.step({ seat: "C1", action: "ack", token: first });
    h.run(5);
    expect(
      h
        .of("dropped")
        .filter((e) => e.kind === "ack")
        .map((e) => e.reason),
    ).toEqual(["stale"]);
    processed(h, awaitToken(h, "C1", 300));
    h.run(200);
    const list = anomalies(h, config);
    expect(codeOf(list, "duplicated")).toEqual(["dupConnectionLost"]);
  });

  it("a single broker whose disk is lost loses what it had confirmed (brokerDiskLost); a quorum queue keeps it", () => {
    for (const replicated of [false, true]) {
      const { h, config } = pipeline({ broker: replicated ? rabbitQueue("quorum") : {}, workload: { eventsPerProducer: 1 } });
      h.step(host({ kind: "crash", node: "C1", ticks: 60 }), send);
      h.run(20);
      expect(h.of("acknowledged")).toHaveLength(1);
      h.step(host({ kind: "diskLoss", node: "B", ticks: 10 }));
      h.run(20);
      if (replicated) processed(h, awaitToken(h, "C1", 100));
      const list = anomalies(h, config);
      expect(codeOf(list, "lost"), `replicated ${replicated}`).toEqual(replicated ? [] : ["brokerDiskLost"]);
    }
  });

  it("a quorum queue puts a nacked message behind a later one of its key: misorderNack names the consumer that nacked", () => {
    const { h, config } = pipeline({ broker: { ...rabbitQueue("quorum"), prefetch: 1 }, consumer: { allowNack: true } });
    h.step(send, send);
    h.step({ seat: "C1", action: "nack", token: awaitToken(h), requeue: true });
    processed(h, awaitToken(h));
    h.step({ seat: "C1", action: "ack", token: h.s.consumers[0].inbox[0].token.id });
    processed(h, awaitToken(h));
    h.step({ seat: "C1", action: "ack", token: h.s.consumers[0].inbox[0].token.id });
    h.run(10);
    const list = anomalies(h, config);
    expect(list.filter((a) => a.kind === "misordered").map((a) => [a.cause.code, a.cause.consumer, a.seq])).toEqual([["misorderNack", "C1", 1]]);
  });
});
