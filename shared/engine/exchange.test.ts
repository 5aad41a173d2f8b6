import { describe, expect, it } from "vitest";
import { bindingMatches, exchangeRoute, routingKeyOf, topicMatches, type ExchangeConfig } from "./exchange.js";

describe("RabbitMQ's exchanges", () => {
  it("matches topic patterns: * one word, # zero or more", () => {
    expect(topicMatches("br.*", "br.ana")).toBe(true);
    expect(topicMatches("br.*", "br.sp.ana")).toBe(false);
    expect(topicMatches("br.#", "br.sp.ana")).toBe(true);
    expect(topicMatches("br.#", "br")).toBe(true);
    expect(topicMatches("#", "pt.bruno")).toBe(true);
    expect(topicMatches("*.ana", "br.ana")).toBe(true);
    expect(topicMatches("*.ana", "ana")).toBe(false);
    expect(topicMatches("#.ana", "ana")).toBe(true);
    expect(topicMatches("pt.*", "br.ana")).toBe(false);
  });

  it("routes direct on equal keys, fanout to every binding, each queue once", () => {
    expect(bindingMatches("direct", "br", "br")).toBe(true);
    expect(bindingMatches("direct", "br", "br.ana")).toBe(false);
    expect(bindingMatches("fanout", "", "anything")).toBe(true);
    const direct: ExchangeConfig = {
      type: "direct",
      bindings: [
        { queue: "billing", key: "br" },
        { queue: "shipping", key: "pt" },
        { queue: "loyalty", key: "br" },
        { queue: "billing", key: "pt" },
      ],
      routingKeys: { ana: "br", bruno: "pt" },
    };
    expect(exchangeRoute(direct, "ana")).toEqual(["billing", "loyalty"]);
    expect(exchangeRoute(direct, "bruno")).toEqual(["shipping", "billing"]);
    // Unlisted: the key is its own routing key, and nothing is bound to it.
    expect(routingKeyOf(direct, "carla")).toBe("carla");
    expect(exchangeRoute(direct, "carla")).toEqual([]);
  });
});
