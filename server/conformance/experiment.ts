// What a conformance experiment is (docs/contracts.md#conformance-with-real-brokers): one
// question about a broker, answered twice — by the real server and by the engine running
// that broker's profile — as plain observables that can be compared for equality.
import type { NatsSession } from "./nats.js";
import type { RabbitSession } from "./rabbit.js";
import type { Mechanism } from "./engineDriver.js";

export type BrokerName = "rabbitmq" | "nats";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Observed = { [name: string]: Json };

/**
 * What one side did. `observed` holds only outcomes that do not depend on timing (counts,
 * orders, flags), and is what the two sides must agree on; `detail` shows the figures that
 * vary from run to run (how many of 1,000 were lost…) and is never compared.
 */
export interface Outcome {
  observed: Observed;
  detail?: Observed;
  /** The side could not finish (an unexpected broker answer, a refused engine command). */
  error?: string;
}

export interface RealContext {
  rabbit: RabbitSession;
  nats: NatsSession;
}

export interface Experiment {
  /** Stable id, `broker.topic.case`. */
  id: string;
  broker: BrokerName;
  /** What is being asked, one sentence (the docs table shows it). */
  question: string;
  /**
   * Engine mechanisms the engine side needs to ask the same question (a command such as
   * nack, a queue type). While one is missing the engine side still reports what it does
   * today, but the experiment cannot match.
   */
  needs: Mechanism[];
  real(ctx: RealContext): Promise<Outcome>;
  engine(): Outcome;
}

/** The JSON line printed for an experiment (docs/contracts.md#conformance-with-real-brokers): exactly these keys, in this order. */
export interface ResultLine {
  experiment: string;
  broker: BrokerName;
  serverVersion: string;
  real: Observed;
  engine: Observed;
  match: boolean;
}

/** Equality of observables: same keys, same values, arrays in the same order. */
export function sameObserved(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameObserved(x, b[i]));
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  const oa = a as { [key: string]: Json };
  const ob = b as { [key: string]: Json };
  return sameObserved(ka, kb) && ka.every((k) => sameObserved(oa[k], ob[k]));
}

/** Seqs 1..n, the messages an experiment publishes. */
export function seqs(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
