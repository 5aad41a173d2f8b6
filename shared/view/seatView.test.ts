import { describe, expect, it } from "vitest";
import { actionsFor, CATALOGUE, seatsOf } from "../scenarios/catalogue.js";
import { createRound, stepRound } from "../sim/round.js";
import { seatMessage, seatView, seatViewsMoveWithClock, type ProducerSeat } from "./seatView.js";

describe("seat message", () => {
  it("names the seat's role, the role's actions in this variant, and the phone's view", () => {
    const round = createRound({ scenario: "t2-queues-topics", variant: "queue", seed: 1, teams: 2 });
    const config = round.header.config;
    const broker = seatMessage(config, round.teams[1], 1, "B");
    expect(broker).toMatchObject({ seat: "B", team: 1, role: "broker", actions: actionsFor(config, "broker") });
    expect(broker.view?.role).toBe("broker");
    expect(seatMessage(config, round.teams[0], 0, "C1")).toMatchObject({ role: "consumer", view: { role: "consumer", subscription: "orders" } });
  });

  it("has no role, no action and no view for a seat the variant does not have", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 1, teams: 1 });
    expect(seatMessage(round.header.config, round.teams[0], 0, "C9")).toEqual({ seat: "C9", team: 0, role: null, actions: [], view: null });
  });

  it("tells the producer when its next event becomes available, and how many are ready", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 1, teams: 1 });
    const s = round.teams[0];
    const view = () => seatView(s, "P1") as ProducerSeat;
    expect(view()).toMatchObject({ nextInTicks: 0 });
    const firstBurst = view().ready;
    expect(firstBurst).toBeGreaterThanOrEqual(1);
    s.producers[0].stack.splice(0, firstBurst);
    const next = s.producers[0].stack[0].availableAt;
    expect(view()).toMatchObject({ nextInTicks: next, ready: 0 });
    s.tick = next;
    expect(view().nextInTicks).toBe(0);
    expect(view().ready).toBeGreaterThanOrEqual(1);
    s.producers[0].stack = [];
    expect(view()).toMatchObject({ nextInTicks: null, ready: 0, next: null });
  });

  it("changes only with an event of its team or when seatViewsMoveWithClock says the clock moves it (every variant, bots, through the drain)", () => {
    let checked = 0;
    for (const scenario of CATALOGUE) {
      for (const variant of scenario.variants) {
        const round = createRound({ scenario: scenario.id, variant: variant.id, seed: 7, teams: 2, roundTicks: 400 });
        const seats = seatsOf(round.header.config).map((d) => d.seat);
        const views = () => round.teams.map((s) => JSON.stringify(seats.map((seat) => seatView(s, seat))));
        let before = views();
        while (round.phase !== "over") {
          const from = round.tick;
          const phase = round.phase;
          const events = stepRound(round);
          const after = views();
          round.teams.forEach((s, t) => {
            if (phase !== round.phase || events.some((e) => e.team === t) || seatViewsMoveWithClock(s, from, round.tick)) return;
            checked++;
            expect(after[t], `${scenario.id} ${variant.id} team ${t} tick ${round.tick}`).toBe(before[t]);
          });
          before = after;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
