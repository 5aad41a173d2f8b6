// Random rounds of one variant for the catalogue's property tests: a seed, random extra
// faults of the kinds a guarantee is meant to survive, a bots-only round of one team.
import fc from "fast-check";
import type { Strategy } from "../../shared/bots/bots.js";
import type { Anomaly, Counts, TeamReport } from "../../shared/checker/checker.js";
import type { Fault, ScheduledFault } from "../../shared/engine/config.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import { simulate } from "../../shared/sim/simulate.js";

/** One team's round with bots only: its counts, its team report, its anomalies (with causes) and its log's events. */
export function play(
  scenario: string,
  variant: string,
  seed: number,
  strategy: Strategy,
  faults: ScheduledFault[] = [],
): { totals: Counts; team: TeamReport; ends: string[]; anomalies: Anomaly[]; events: Emitted[] } {
  const { report, events } = simulate({ scenario, variant, seed, teams: 1, strategy, faults });
  return { totals: report.totals, team: report.teams[0], ends: report.anomalies.map((a) => a.cause.end), anomalies: report.anomalies, events };
}

export type FaultKind = "crashBroker" | "crashConsumer" | "crashProducer" | "cut" | "dropToken" | "dropAck" | "loss" | "slow";

export interface Plan {
  kinds: FaultKind[];
  consumers: number;
  /** The links faults may hit (default: both directions between P1 and B, and B and the first and last consumer). */
  links?: string[];
}

/** Random extra faults of the kinds a scenario's guarantee is meant to survive. */
export function faultPlan({ kinds, consumers, links }: Plan, roundTicks = 1100): fc.Arbitrary<ScheduledFault[]> {
  const consumer = fc.integer({ min: 1, max: consumers }).map((n) => `C${n}`);
  const link = fc.constantFrom(...(links ?? ["P1>B", "B>P1", "B>C1", "C1>B", `B>C${consumers}`, `C${consumers}>B`]));
  const fault: fc.Arbitrary<Fault> = fc.constantFrom(...kinds).chain((kind): fc.Arbitrary<Fault> => {
    const ticks = fc.integer({ min: 5, max: 80 });
    switch (kind) {
      case "crashBroker":
        return ticks.map((t) => ({ kind: "crash", node: "B", ticks: t }));
      case "crashProducer":
        return ticks.map((t) => ({ kind: "crash", node: "P1", ticks: t }));
      case "crashConsumer":
        return fc.tuple(consumer, ticks).map(([node, t]) => ({ kind: "crash", node, ticks: t }));
      case "cut":
        return fc.tuple(link, ticks).map(([l, t]) => ({ kind: "cut", link: l, ticks: t }));
      case "dropToken":
        return link.map((l) => ({ kind: "dropNextToken", link: l }));
      case "dropAck":
        return link.map((l) => ({ kind: "dropNextAck", link: l }));
      case "loss":
        return fc.tuple(link, fc.double({ min: 0, max: 0.5, noNaN: true }), ticks).map(([l, loss, t]) => ({ kind: "loss", link: l, loss, ticks: t }));
      case "slow":
        return fc.tuple(consumer, fc.integer({ min: 2, max: 5 }), ticks).map(([node, factor, t]) => ({ kind: "slow", node, factor, ticks: t }));
    }
  });
  return fc.array(fc.record({ tick: fc.integer({ min: 1, max: roundTicks }), fault }), { maxLength: 6 });
}

export const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });
export const ALL_BUT_PRODUCER: FaultKind[] = ["crashBroker", "crashConsumer", "cut", "dropToken", "dropAck", "loss", "slow"];
