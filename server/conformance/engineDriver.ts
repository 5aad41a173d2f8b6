// The engine side of the experiments: a one-team pipeline built from a broker profile (as
// the scenario catalogue builds its variants), driven tick by tick with the same commands
// and faults a round uses, and read back through its events. Nothing here changes the
// engine; where the engine lacks a mechanism an experiment needs, MECHANISMS says so.
import { isPlayerAction } from "../../shared/engine/actions.js";
import type { AckMode, BrokerConfig, Fault, LinkConfig, ProfileId, PublishMode, VariantConfig } from "../../shared/engine/config.js";
import { TICK_MS } from "../../shared/engine/config.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import { brokerConfig, rabbitQueue } from "../../shared/engine/profiles.js";
import { advanceTeam, applyCommand, createTeam } from "../../shared/engine/team.js";
import type { Command, EngineEvent, QueuedMessage, TeamState } from "../../shared/engine/types.js";
import { HOST_SEAT } from "../../shared/engine/types.js";

export type Mechanism = "nack" | "quorumQueue";

/** How the driver tells whether the engine has a mechanism an experiment needs. */
export const MECHANISMS: Record<Mechanism, { what: string; available: () => boolean }> = {
  // The consumer command `{ action: "nack", token, requeue }` (basic.nack / basic.reject).
  nack: { what: "a consumer's nack with requeue", available: () => isPlayerAction("nack") },
  // The broker field `queueType: "classic" | "quorum"` (rabbitQueue in profiles.ts).
  quorumQueue: { what: "RabbitMQ quorum queues", available: () => Object.hasOwn(brokerConfig("rabbitmq", "queue"), "queueType") },
};

export function missingMechanisms(needs: readonly Mechanism[]): Mechanism[] {
  return needs.filter((m) => !MECHANISMS[m].available());
}

/** A real duration as engine ticks (TICK_MS each: 10 ticks are one second). */
export function ticksOf(ms: number): number {
  return Math.round(ms / TICK_MS);
}

/** "P1-7" → 7: the engine's message ids number each producer's messages from 1, like the real side's seqs. */
export function seqOf(msgId: string): number {
  return Number(msgId.slice(msgId.lastIndexOf("-") + 1));
}

export interface EngineSetup {
  profile: ProfileId;
  /** Overrides of the profile, as a variant may set them (a shortened AckWait…). */
  broker?: Partial<BrokerConfig>;
  queueType?: "classic" | "quorum";
  consumers: number;
  ack: AckMode;
  messages: number;
  /** Distinct keys of the messages (drawn by the workload's seeded generator); one unless said. */
  keys?: number;
  publish?: PublishMode;
  ackTimeoutTicks?: number;
}

// One hop takes a tick and nothing is lost or reordered on the way: the experiments are about
// the broker, not the network.
const wire: LinkConfig = { latencyTicks: 1, jitterTicks: 0, loss: 0, ordered: true };

export function engineConfig(setup: EngineSetup): VariantConfig {
  const quorum = setup.queueType ? rabbitQueue(setup.queueType) : {};
  return {
    topology: { producers: 1, consumers: setup.consumers },
    producer: {
      publish: setup.publish ?? "fireAndForget",
      write: "publishOnly",
      ackTimeoutTicks: setup.ackTimeoutTicks ?? 30,
      maxInFlight: 10_000,
      directRpc: false,
      relayPollTicks: 3,
    },
    broker: brokerConfig(setup.profile, "queue", { ...setup.broker, ...quorum }),
    consumer: {
      ack: setup.ack,
      processTicks: 1,
      processJitterTicks: 0,
      idempotency: "none",
      lockPerKey: false,
      allowHold: false,
      autoHold: false,
      allowNack: true,
      holdCapacity: 4,
      holdTicks: 40,
    },
    network: { publish: wire, confirm: wire, deliver: wire, ack: wire },
    workload: { eventsPerProducer: setup.messages, keys: setup.keys ?? 1, sendEveryTicks: 1 },
    faults: [],
    roundTicks: 100_000,
    maxDrainTicks: 100_000,
  };
}

/** One delivery as the consumer got it. */
export interface Arrival {
  seq: number;
  token: number;
  delivery: number;
  redelivered: boolean;
  deliveryCount: number;
}

/** Long enough to count as "never comes back" within an experiment (the engine's upper bound for a fault). */
export const FOREVER = 36_000;

export class EngineDriver {
  readonly s: TeamState;
  readonly events: Emitted[] = [];

  constructor(config: VariantConfig, seed = 1) {
    this.s = createTeam(config, seed, 0);
    // A class round releases business events over its length; an experiment's client has
    // all of its messages at hand, as a real publisher does.
    for (const p of this.s.producers) for (const event of p.stack) event.availableAt = 0;
  }

  /**
   * Gives the producer's messages these keys in rotation (message n the (n-1)th modulo their
   * number), as the real side publishes them; the workload's own keys come in bursts.
   */
  keysInRotation(keys: readonly string[]): void {
    const seqs = new Map<string, number>();
    for (const p of this.s.producers)
      p.stack.forEach((event, i) => {
        event.key = keys[i % keys.length];
        event.seq = (seqs.get(event.key) ?? 0) + 1;
        seqs.set(event.key, event.seq);
      });
  }

  get tick(): number {
    return this.s.tick;
  }

  /** Applies a command in the current tick. A refusal means the experiment drove the engine wrongly: it throws. */
  do(command: Command): void {
    const out: Emitted[] = [];
    const refusal = applyCommand(this.s, out, command);
    this.events.push(...out);
    if (refusal) throw new Error(`the engine refused ${command.seat}'s ${command.action}: ${refusal.code}${refusal.detail ? ` (${refusal.detail})` : ""}`);
  }

  /** Ends the current tick (and `n - 1` more). */
  advance(n = 1): void {
    for (let i = 0; i < n; i++) advanceTeam(this.s, this.events);
  }

  /** Advances until the condition holds; false if it still does not after `maxTicks`. */
  runUntil(condition: () => boolean, maxTicks: number): boolean {
    for (let i = 0; i < maxTicks; i++) {
      if (condition()) return true;
      this.advance();
    }
    return condition();
  }

  /** The producer publishes its next `n` messages in this tick. */
  send(n: number): void {
    for (let i = 0; i < n; i++) this.do({ seat: "P1", action: "send" });
  }

  fault(fault: Fault): void {
    this.do({ seat: HOST_SEAT, action: "fault", fault });
  }

  crash(node: string, ticks = FOREVER): void {
    this.fault({ kind: "crash", node, ticks });
  }

  ack(consumer: string, token: number): void {
    this.do({ seat: consumer, action: "ack", token });
  }

  /** basic.nack with requeue. */
  nack(consumer: string, token: number): void {
    this.do({ seat: consumer, action: "nack", token, requeue: true });
  }

  of<T extends EngineEvent["type"]>(type: T): Extract<Emitted, { type: T }>[] {
    return this.events.filter((e): e is Extract<Emitted, { type: T }> => e.type === type);
  }

  delivered(consumer?: string): Extract<Emitted, { type: "delivered" }>[] {
    return this.of("delivered").filter((e) => consumer === undefined || e.consumer === consumer);
  }

  /** What reached `consumer` from event index `since` on, in arrival order, with the flags the broker set on each delivery. */
  arrivals(consumer: string, since = 0): Arrival[] {
    const sent = new Map(this.delivered(consumer).map((e) => [e.delivery, e]));
    return this.events
      .slice(since)
      .filter((e): e is Extract<Emitted, { type: "received" }> => e.type === "received" && e.consumer === consumer)
      .map((r) => {
        const d = sent.get(r.delivery);
        return { seq: seqOf(r.msgId), token: r.token, delivery: r.delivery, redelivered: d?.redelivered ?? false, deliveryCount: d?.deliveryCount ?? 0 };
      });
  }

  /** Runs until `count` deliveries reached `consumer` from event index `since` on, acking each as it arrives. */
  ackAsReceived(consumer: string, count: number, maxTicks: number, since = this.events.length): Arrival[] {
    const acked = new Set<number>();
    this.runUntil(() => {
      for (const a of this.arrivals(consumer, since)) {
        if (acked.has(a.delivery)) continue;
        acked.add(a.delivery);
        this.ack(consumer, a.token);
      }
      return acked.size >= count;
    }, maxTicks);
    return this.arrivals(consumer, since);
  }

  /** The queue's waiting messages now, head first. */
  queued(): QueuedMessage[] {
    return this.s.broker.subscriptions.flatMap((sub) => sub.partitions.flat());
  }

  /** Messages the broker still holds: waiting, delivered and not yet acked, or parked (dead-lettered, or kept in the stream past MaxDeliver). */
  held(): number {
    return this.queued().length + this.s.broker.unacked.size + this.s.broker.parked.length;
  }
}
