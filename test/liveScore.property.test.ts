// The live board and the final checker apply the same anomaly rules: at the end of random
// rounds (any scenario, variant, seed, fault plan, with a person tapping at random on one
// seat) the live score folded event by event equals the checker's report on every count,
// before the drain's verdicts for what both know, after `settle` for all of them.
// A failure prints the round to reproduce; PROPERTY_RUNS raises the number of rounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../shared/checker/checker.js";
import { zeroCounts, type Counts } from "../shared/checker/effects.js";
import { LiveScore } from "../shared/checker/liveScore.js";
import type { Fault, ScheduledFault } from "../shared/engine/config.js";
import type { Emitted } from "../shared/engine/kernel.js";
import { mixSeed, nextInt, type RandomSource } from "../shared/engine/prng.js";
import type { Command } from "../shared/engine/types.js";
import { toCommand, type ActMessage } from "../shared/protocol.js";
import { actionsFor, CATALOGUE, seatsOf } from "../shared/scenarios/catalogue.js";
import { createRound, stepRound, type Round } from "../shared/sim/round.js";
import { seatView } from "../shared/view/seatView.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 8);
const COUNTS = Object.keys(zeroCounts()) as (keyof Counts)[];
/** Lost, inconsistent and wrong final states wait for the end of the drain; every other count is known as it happens. */
const KNOWN_LIVE = COUNTS.filter((k) => k !== "lost" && k !== "inconsistent" && k !== "wrongFinalState");
const pick = (c: Counts, keys: (keyof Counts)[]) => Object.fromEntries(keys.map((k) => [k, c[k]]));

const variants = CATALOGUE.flatMap((s) => s.variants.map((v) => ({ scenario: s.id, variant: v.id, config: v.config })));

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ kind: fc.constant("crash" as const), node: fc.constantFrom("P1", "B", "C1", "C2"), ticks: fc.integer({ min: 5, max: 60 }) }),
  fc.record({ kind: fc.constant("cut" as const), link: fc.constantFrom("P1>B", "B>P1", "B>C1", "C1>B"), ticks: fc.integer({ min: 5, max: 60 }) }),
  fc.record({ kind: fc.constantFrom("dropNextToken" as const, "dropNextAck" as const), link: fc.constantFrom("P1>B", "B>P1", "B>C1", "C1>B") }),
);

const roundArb = fc.record({
  which: fc.nat({ max: variants.length - 1 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  teams: fc.integer({ min: 1, max: 2 }),
  strategy: fc.constantFrom("naive" as const, "careful" as const),
  person: fc.nat({ max: 7 }),
  faults: fc.array(fc.record({ tick: fc.integer({ min: 1, max: 300 }), fault }), { maxLength: 4 }),
});

/** A person who taps one of the seat's buttons now and then, on whatever the phone shows. */
function tap(round: Round, team: number, seat: string, rng: RandomSource): Command | null {
  if (nextInt(rng, 4) !== 0) return null;
  const config = round.header.config;
  const role = seatsOf(config).find((x) => x.seat === seat)?.role;
  const view = seatView(round.teams[team], seat);
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

describe("the live score settles to the checker's report", () => {
  it("on every count, at the end of random rounds", () => {
    fc.assert(
      fc.property(roundArb, ({ which, seed, teams, strategy, person, faults }) => {
        const { scenario, variant, config } = variants[which];
        const seats = seatsOf(config);
        const seat = seats[person % seats.length].seat;
        const round = createRound({
          scenario,
          variant,
          seed,
          teams,
          strategy,
          roundTicks: 400,
          faults: faults as ScheduledFault[],
          players: [{ team: 0, seat, name: "someone" }],
        });
        const live = LiveScore.forRound(round.header);
        const events: Emitted[] = [];
        const rng: RandomSource = { rngState: mixSeed(seed, "person") };
        while (round.phase !== "over") {
          const command = round.phase === "running" ? tap(round, 0, seat, rng) : null;
          for (const e of stepRound(round, new Map(command ? [[0, [command]]] : []))) {
            live[e.team].add(e);
            events.push(e);
          }
        }
        const report = check(round.header, events);
        const where = `${scenario} ${variant} seed ${seed}, ${teams} team(s), ${strategy}, a person on ${seat}, faults ${JSON.stringify(faults)}`;
        for (const t of report.teams) {
          expect(pick(live[t.team].counts, KNOWN_LIVE), `before the drain's verdicts, team ${t.team}: ${where}`).toEqual(pick(t, KNOWN_LIVE));
          live[t.team].settle();
          expect(pick(live[t.team].counts, COUNTS), `after settle, team ${t.team}: ${where}`).toEqual(pick(t, COUNTS));
          expect(live[t.team].score).toBe(t.score);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
