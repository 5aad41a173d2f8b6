// Helpers for the engine's unit tests: a small pipeline built from overrides, and a way to
// run it tick by tick with commands, keeping every event.
import type { VariantConfig } from "./config.js";
import type { Emitted } from "./kernel.js";
import { brokerConfig } from "./profiles.js";
import { createTeam, stepTeam } from "./team.js";
import type { Command, EngineEvent, TeamState } from "./types.js";

export type Overrides = { [K in keyof VariantConfig]?: Partial<VariantConfig[K]> };

const reliable = { latencyTicks: 2, jitterTicks: 0, loss: 0, ordered: true };

export function testConfig(o: Overrides = {}): VariantConfig {
  return {
    topology: { producers: 1, consumers: 1, ...o.topology },
    producer: { publish: "ackRetry", write: "publishOnly", ackTimeoutTicks: 20, maxInFlight: 4, directRpc: false, relayPollTicks: 2, ...o.producer },
    broker: { ...brokerConfig("rabbitmq", "queue"), ...o.broker },
    consumer: {
      ack: "afterProcessing",
      processTicks: 3,
      processJitterTicks: 0,
      idempotency: "none",
      lockPerKey: false,
      allowHold: false,
      autoHold: false,
      holdCapacity: 4,
      holdTicks: 40,
      ...o.consumer,
    },
    network: { publish: reliable, confirm: reliable, deliver: reliable, ack: reliable, ...o.network },
    // Every event available at once unless a test paces them.
    workload: { eventsPerProducer: 10, keys: 2, sendEveryTicks: 0, ...o.workload },
    faults: o.faults ? (o.faults as unknown as VariantConfig["faults"]) : [],
    roundTicks: 300,
    maxDrainTicks: 300,
  };
}

export class Harness {
  readonly s: TeamState;
  readonly events: Emitted[] = [];
  constructor(config: VariantConfig, seed = 1) {
    this.s = createTeam(config, seed, 0);
  }
  /** Runs one tick with these commands; returns that tick's events. */
  step(...commands: Command[]): Emitted[] {
    const out: Emitted[] = [];
    stepTeam(this.s, commands, out);
    this.events.push(...out);
    return out;
  }
  run(ticks: number): void {
    for (let i = 0; i < ticks; i++) this.step();
  }
  of<T extends EngineEvent["type"]>(type: T): Extract<Emitted, { type: T }>[] {
    return this.events.filter((e): e is Extract<Emitted, { type: T }> => e.type === type);
  }
  /** The first token id in a consumer's inbox. */
  inboxToken(consumer = "C1", index = 0): number {
    const c = this.s.consumers.find((x) => x.id === consumer);
    const item = c?.inbox[index];
    if (!item) throw new Error(`${consumer} has no token at ${index}`);
    return item.token.id;
  }
}
