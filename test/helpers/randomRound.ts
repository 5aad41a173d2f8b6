// Random rounds for property tests: any variant of the catalogue, any seed, a random plan of
// faults on the variant's own nodes and links, either bot strategy, and sometimes a person
// tapping one seat's buttons at random (the moves bots never make: publish before saving,
// route to one subscription, process out of turn…). A round is played tick by tick.
import fc from "fast-check";
import type { Strategy } from "../../shared/bots/bots.js";
import type { Fault, ScheduledFault, VariantConfig } from "../../shared/engine/config.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import { mixSeed, nextInt, type RandomSource } from "../../shared/engine/prng.js";
import { consumerIds, producerIds } from "../../shared/engine/team.js";
import type { Command } from "../../shared/engine/types.js";
import { toCommand, type ActMessage } from "../../shared/protocol.js";
import { actionsFor, CATALOGUE, seatsOf } from "../../shared/scenarios/catalogue.js";
import { createRound, stepRound, type Round } from "../../shared/sim/round.js";
import { seatView } from "../../shared/view/seatView.js";

export const VARIANTS = CATALOGUE.flatMap((s) => s.variants.map((v) => ({ scenario: s.id, variant: v.id, config: v.config })));

export interface RoundPlan {
  which: number;
  seed: number;
  teams: number;
  faults: ScheduledFault[];
  /** Index of the seat a person plays on team 0, or null for bots only. */
  person: number | null;
}

/** Faults on the nodes and links the variant has: crashes, cuts, dropped packets, lossy spells, slow consumers, a lost broker disk, a consumer's failing dependency. */
function faultArb(config: VariantConfig): fc.Arbitrary<Fault> {
  const producers = producerIds(config);
  const consumers = consumerIds(config);
  const nodes = [...producers, ...consumers, ...(config.producer.directRpc ? [] : ["B"])];
  const links = config.producer.directRpc
    ? producers.flatMap((p) => consumers.flatMap((c) => [`${p}>${c}`, `${c}>${p}`]))
    : [...producers, ...consumers].flatMap((n) => [`${n}>B`, `B>${n}`]);
  const ticks = fc.integer({ min: 5, max: 80 });
  const link = fc.constantFrom(...links);
  return fc.oneof(
    fc.record({ kind: fc.constant("crash" as const), node: fc.constantFrom(...nodes), ticks }),
    fc.record({ kind: fc.constant("cut" as const), link, ticks }),
    fc.record({ kind: fc.constantFrom("dropNextToken" as const, "dropNextAck" as const), link }),
    fc.record({ kind: fc.constant("loss" as const), link, loss: fc.integer({ min: 0, max: 50 }).map((n) => n / 100), ticks }),
    fc.record({ kind: fc.constant("slow" as const), node: fc.constantFrom(...consumers), factor: fc.integer({ min: 2, max: 5 }), ticks }),
    fc.record({ kind: fc.constant("dependencyDown" as const), node: fc.constantFrom(...consumers), ticks }),
    ...(config.producer.directRpc ? [] : [fc.record({ kind: fc.constant("diskLoss" as const), node: fc.constant("B"), ticks })]),
  );
}

export function roundPlanArb(options: { person?: boolean } = {}): fc.Arbitrary<RoundPlan> {
  return fc.nat({ max: VARIANTS.length - 1 }).chain((which) => {
    const config = VARIANTS[which].config;
    return fc.record({
      which: fc.constant(which),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      teams: fc.integer({ min: 1, max: 2 }),
      faults: fc.array(fc.record({ tick: fc.integer({ min: 1, max: config.roundTicks }), fault: faultArb(config) }), { maxLength: 6 }),
      person: options.person ? fc.option(fc.nat({ max: seatsOf(config).length - 1 }), { nil: null }) : fc.constant(null),
    });
  });
}

export function describePlan(plan: RoundPlan, strategy: Strategy): string {
  const { scenario, variant, config } = VARIANTS[plan.which];
  const person = plan.person === null ? "bots only" : `a person on ${seatsOf(config)[plan.person].seat}`;
  return `${scenario} ${variant} seed ${plan.seed}, ${plan.teams} team(s), ${strategy}, ${person}, faults ${JSON.stringify(plan.faults)}`;
}

/** A person who taps one of the seat's buttons now and then, on whatever the phone shows. */
function tap(round: Round, seat: string, rng: RandomSource): Command | null {
  if (nextInt(rng, 4) !== 0) return null;
  const config = round.header.config;
  const role = seatsOf(config).find((x) => x.seat === seat)?.role;
  const view = seatView(round.teams[0], seat);
  if (!role || !view) return null;
  const actions = actionsFor(config, role);
  if (actions.length === 0) return null;
  const action = actions[nextInt(rng, actions.length)];
  const tokens = view.role === "consumer" ? view.inbox.map((i) => i.token) : view.role === "broker" ? view.intake.map((i) => i.token) : [];
  const act: ActMessage = { action, token: tokens.length ? tokens[nextInt(rng, tokens.length)] : 0 };
  if (view.role === "producer") act.msgId = view.sent[nextInt(rng, Math.max(1, view.sent.length))]?.msgId ?? "none";
  if (view.role === "broker") act.target = nextInt(rng, 2) ? "all" : (view.queues[0]?.subscription ?? "all");
  return toCommand(seat, act);
}

/** Plays the round to its end; `onTick` sees each tick's events once they are all in. */
export function playRound(
  plan: RoundPlan,
  strategy: Strategy,
  onTick: (events: Emitted[], round: Round) => void = () => {},
): { round: Round; events: Emitted[] } {
  const { scenario, variant, config } = VARIANTS[plan.which];
  const seat = plan.person === null ? null : seatsOf(config)[plan.person].seat;
  const round = createRound({
    scenario,
    variant,
    seed: plan.seed,
    teams: plan.teams,
    strategy,
    faults: plan.faults,
    players: seat ? [{ team: 0, seat, name: "someone" }] : [],
  });
  const rng: RandomSource = { rngState: mixSeed(plan.seed, "person") };
  const events: Emitted[] = [];
  while (round.phase !== "over") {
    const command = seat && round.phase === "running" ? tap(round, seat, rng) : null;
    const tick = stepRound(round, new Map(command ? [[0, [command]]] : []));
    for (const e of tick) events.push(e);
    onTick(tick, round);
  }
  return { round, events };
}
