import { describe, expect, it } from "vitest";
import { simulate } from "./simulate.js";
import { brokerTour, tourProfiles } from "./tour.js";

describe("the tour of the brokers", () => {
  it("runs the same round on every profile the variant allows, its own first, with the simulator's counts", () => {
    const tour = brokerTour("t4-duplicates", "naive", 3);
    expect(tour.columns.map((c) => c.profile)).toEqual(["rabbitmq", "kafka", "sqs", "activemq", "nats"]);
    const nats = tour.columns.find((c) => c.profile === "nats")!;
    const alone = simulate({ scenario: "t4-duplicates", variant: "naive", seed: 3, teams: 1, profile: "nats" }).summary;
    expect(nats.counts).toMatchObject({ lost: alone.lost, duplicated: alone.duplicated, misordered: alone.misordered, parked: alone.parked });
    // Kafka's idempotent producer drops the resends that duplicate on RabbitMQ.
    expect(tour.columns[0].counts.duplicated).toBeGreaterThan(tour.columns[1].counts.duplicated);
  });

  it("visits only the profiles a variant runs on", () => {
    expect(tourProfiles("t7-ordering", "requeue")).toEqual(["rabbitmq"]);
    expect(brokerTour("t4-duplicates", "fixed", 1).columns.map((c) => c.profile)).toEqual(["nats", "sqs"]);
    expect(tourProfiles("nope", "naive")).toEqual([]);
  });

  it("is deterministic and fast enough for a projector (every profile of t9's chaos well under a second here)", () => {
    const started = performance.now();
    const a = brokerTour("t9-end-to-end", "chaos", 5);
    const elapsed = performance.now() - started;
    expect(brokerTour("t9-end-to-end", "chaos", 5)).toEqual(a);
    expect(elapsed).toBeLessThan(2000);
  });
});
