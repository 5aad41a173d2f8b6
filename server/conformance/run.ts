// Runs the experiments: connects to both real brokers first (a broker that does not answer
// stops the run before anything is printed), then for each experiment asks the engine and
// the real server, prints one JSON line, and always removes what it created on the broker.
import { missingMechanisms, MECHANISMS } from "./engineDriver.js";
import { sameObserved, type BrokerName, type Experiment, type Observed, type Outcome, type ResultLine } from "./experiment.js";
import { NATS_EXPERIMENTS } from "./natsExperiments.js";
import { NatsSession } from "./nats.js";
import { RABBITMQ_AUTO_ACK } from "./rabbitAutoAck.js";
import { RABBITMQ_NACK } from "./rabbitNack.js";
import { RabbitSession } from "./rabbit.js";
import { RABBITMQ_REDELIVERY } from "./rabbitRedelivery.js";
import { BrokerUnreachable, reason } from "./wait.js";

export const EXPERIMENTS: Experiment[] = [...RABBITMQ_AUTO_ACK, ...RABBITMQ_REDELIVERY, ...RABBITMQ_NACK, ...NATS_EXPERIMENTS];

export interface RunOptions {
  rabbitUrl: string;
  natsUrl: string;
  /** Runs only the experiments whose id contains this. */
  only?: string;
  /** Names this run's queues and streams (lowercase letters and digits); unique by default. */
  runId?: string;
  /** Receives each JSON line as soon as its experiment is done. */
  print: (line: string) => void;
}

export interface Summary {
  experiments: number;
  matched: number;
  brokers: BrokerName[];
}

export type RunResult = { ok: true; lines: ResultLine[]; summary: Summary } | { ok: false; unreachable: string[] };

/** A side as printed: its observables, then what varies from run to run, what failed, what the engine lacks. */
function shown(outcome: Outcome, missing: string[] = []): Observed {
  return {
    ...outcome.observed,
    ...(outcome.detail ? { detail: outcome.detail } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(missing.length > 0 ? { missing } : {}),
  };
}

function askEngine(experiment: Experiment): Outcome {
  try {
    return experiment.engine();
  } catch (error) {
    return { observed: {}, error: reason(error) };
  }
}

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const runId = options.runId ?? `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const opened = await Promise.allSettled([RabbitSession.open(options.rabbitUrl, `eo-conformance.${runId}`), NatsSession.open(options.natsUrl, runId)]);
  const [rabbitOpen, natsOpen] = opened;
  if (rabbitOpen.status === "rejected" || natsOpen.status === "rejected") {
    if (rabbitOpen.status === "fulfilled") await rabbitOpen.value.cleanup();
    if (natsOpen.status === "fulfilled") await natsOpen.value.cleanup();
    return {
      ok: false,
      unreachable: opened.flatMap((o) => (o.status === "rejected" ? [o.reason instanceof BrokerUnreachable ? o.reason.message : reason(o.reason)] : [])),
    };
  }
  const rabbit = rabbitOpen.value;
  const nats = natsOpen.value;
  const cleanup = () => Promise.all([rabbit.cleanup(), nats.cleanup()]);
  const onSignal = (signal: NodeJS.Signals) => void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const versions: Record<BrokerName, string> = { rabbitmq: rabbit.version, nats: nats.version };
  const chosen = EXPERIMENTS.filter((e) => !options.only || e.id.includes(options.only));
  const lines: ResultLine[] = [];
  try {
    for (const experiment of chosen) {
      const engine = askEngine(experiment);
      let real: Outcome;
      try {
        real = await experiment.real({ rabbit, nats });
      } catch (error) {
        const lost = rabbit.lost ?? nats.lost;
        if (error instanceof BrokerUnreachable) return { ok: false, unreachable: [error.message] };
        if (lost) return { ok: false, unreachable: [lost] };
        real = { observed: {}, error: reason(error) };
      }
      const missing = missingMechanisms(experiment.needs);
      const match = !real.error && !engine.error && missing.length === 0 && sameObserved(real.observed, engine.observed);
      const line: ResultLine = {
        experiment: experiment.id,
        broker: experiment.broker,
        serverVersion: versions[experiment.broker],
        real: shown(real),
        engine: shown(engine, missing),
        match,
      };
      lines.push(line);
      options.print(JSON.stringify(line));
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
  const brokers = [...new Set(chosen.map((e) => e.broker))];
  return { ok: true, lines, summary: { experiments: lines.length, matched: lines.filter((l) => l.match).length, brokers } };
}

/** What a missing mechanism is, in words (the docs table). */
export function mechanismText(name: string): string {
  return name in MECHANISMS ? MECHANISMS[name as keyof typeof MECHANISMS].what : name;
}
