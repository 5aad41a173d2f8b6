import { describe, expect, it } from "vitest";
import { actionsFor } from "../scenarios/catalogue.js";
import { createRound } from "../sim/round.js";
import { seatMessage } from "./seatView.js";

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
});
