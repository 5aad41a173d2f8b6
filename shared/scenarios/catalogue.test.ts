import { describe, expect, it } from "vitest";
import { brokerConfigErrors, PROFILE_IDS } from "../engine/profiles.js";
import { actionsFor, CATALOGUE, catalogueJson, seatsOf, variantOnProfile } from "./catalogue.js";
import { ACTION_TEXTS } from "./roleTexts.js";
import { zeroCounts } from "../checker/effects.js";
import { CAUSE_TEXTS } from "./texts.js";
import { verdictSentence } from "./verdict.js";
import { exchangeRoute } from "../engine/exchange.js";
import { simulate } from "../sim/simulate.js";

const CONTRACT: Record<string, string[]> = {
  "t1-sync-vs-async": ["naive", "fixed"],
  "t2-queues-topics": ["queue", "topic", "exchange-direct", "exchange-fanout", "exchange-topic"],
  "t3-lost-messages": ["naive", "fixed", "ack-before", "short-retention", "unreplicated", "replicated"],
  "t4-duplicates": ["naive", "fixed", "broker-dedup", "dedup-table", "transactional-inbox"],
  "t5-dual-writes": ["naive", "fixed", "publish-first", "outbox-cdc", "listen-to-yourself"],
  "t6-competing-consumers": ["naive", "fixed", "single-consumer", "lock", "optimistic"],
  "t7-ordering": ["naive", "fixed", "single-active-consumer", "kafka-partition", "resequencer", "parallel-producer", "requeue"],
  "t8-exactly-once": ["naive", "fixed", "kafka-transactions", "shared-db"],
  "t9-end-to-end": ["chaos", "cooperative", "design"],
};

/** The fixes of docs/contracts.md#scenario-ids built here: each has a verdict (what it bought, what it left open). */
// Every variant but the naive and fixed ones, Topic 2's explorations (a queue, a topic, an exchange) t9's chaos and its design round is a fix with a verdict.
const FIXES = Object.entries(CONTRACT).flatMap(([scenario, ids]) =>
  ids.filter((id) => !["naive", "fixed", "queue", "topic", "chaos", "design"].includes(id) && !id.startsWith("exchange-")).map((id) => [scenario, id] as const),
);

describe("catalogue", () => {
  it("has exactly the scenario ids and variants of the contract", () => {
    expect(Object.fromEntries(CATALOGUE.map((s) => [s.id, s.variants.map((v) => v.id)]))).toEqual(CONTRACT);
  });

  it("gives every scenario a topic, a title, a goal and 2-3 debrief questions in both languages, and every variant a label", () => {
    for (const s of CATALOGUE) {
      expect(s.text, s.id).toBeDefined();
      expect(s.text.topic).toMatch(/\d/);
      for (const t of [s.text.title, s.text.goal, ...s.text.debrief]) {
        expect(t.en.length).toBeGreaterThan(3);
        expect(t["pt-BR"].length).toBeGreaterThan(3);
      }
      expect(s.text.debrief.length).toBeGreaterThanOrEqual(2);
      expect(s.text.debrief.length).toBeLessThanOrEqual(3);
      for (const v of s.variants) expect(s.text.variants[v.id]?.label.en, `${s.id} ${v.id}`).toBeTruthy();
    }
  });

  it("gives every variant a label of at most 22 characters, a summary and what the class should notice, in both languages", () => {
    for (const s of CATALOGUE)
      for (const v of s.variants) {
        const t = s.text.variants[v.id];
        for (const locale of ["en", "pt-BR"] as const) {
          const at = `${s.id} ${v.id} ${locale}`;
          expect(t.label[locale].length, at).toBeLessThanOrEqual(22);
          expect(t.summary[locale].length, at).toBeGreaterThan(20);
          expect(t.notice[locale].length, at).toBeGreaterThan(20);
          for (const line of [t.label, t.summary, t.notice]) expect(line[locale], at).toBe(line[locale].trim());
        }
      }
  });

  it.each(FIXES)("%s %s says what it bought and what it left open, naming only counts of the summary", (scenario, id) => {
    const verdict = CATALOGUE.find((s) => s.id === scenario)!.text.variants[id].verdict!;
    expect(verdict, `${scenario} ${id}`).toBeDefined();
    const counts = Object.keys(zeroCounts());
    for (const line of [verdict.bought, verdict.leftOpen])
      for (const locale of ["en", "pt-BR"] as const) {
        for (const [, name] of line[locale].matchAll(/\{(\w+)\}/g)) expect(counts, `${scenario} ${id} ${locale}`).toContain(name);
        expect(verdictSentence(line, { duplicated: 12 }, locale)).not.toMatch(/[{}]/);
      }
    expect(verdictSentence({ en: "{duplicated} duplicates", "pt-BR": "{duplicated} duplicatas" }, { duplicated: 12 }, "pt-BR")).toBe("12 duplicatas");
  });

  it("derives each role's actions from the variant, and every action has a label", () => {
    for (const s of CATALOGUE)
      for (const v of s.variants)
        for (const seat of seatsOf(v.config)) for (const action of actionsFor(v.config, seat.role)) expect(ACTION_TEXTS[action], action).toBeDefined();
    const t3 = CATALOGUE.find((s) => s.id === "t3-lost-messages")!;
    expect(actionsFor(t3.variants[0].config, "consumer")).toEqual(["process"]);
    expect(actionsFor(t3.variants[1].config, "consumer")).toEqual(["process", "ack"]);
    expect(actionsFor(t3.variants[0].config, "producer")).toEqual(["send"]);
    expect(actionsFor(t3.variants[1].config, "producer")).toEqual(["send", "retry"]);
    const t2 = CATALOGUE.find((s) => s.id === "t2-queues-topics")!;
    expect(seatsOf(t2.variants[0].config).map((x) => x.seat)).toEqual(["P1", "B", "C1", "C2", "C3"]);
  });

  it("schedules faults inside the round, sorted, naming nodes of the topology", () => {
    for (const s of CATALOGUE)
      for (const v of s.variants) {
        const ticks = v.config.faults.map((f) => f.tick);
        expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
        for (const t of ticks) expect(t).toBeLessThan(v.config.roundTicks);
      }
  });

  it("runs every variant on each profile it lists, as a sound configuration of that broker, and refuses the others with the reason", () => {
    for (const s of CATALOGUE)
      for (const v of s.variants) {
        expect(v.profiles[0], `${s.id} ${v.id}`).toBe(v.config.broker.profile);
        for (const profile of PROFILE_IDS) {
          const on = variantOnProfile(s.id, v.id, profile);
          expect(on.ok, `${s.id} ${v.id} on ${profile}`).toBe(v.profiles.includes(profile));
          if (on.ok) {
            expect(on.config.broker.profile).toBe(profile);
            expect(brokerConfigErrors(on.config.broker), `${s.id} ${v.id} on ${profile}`).toEqual([]);
          } else expect(on.reason).toContain(v.profilesBecause ?? "");
        }
      }
    const replicated = (profile: "rabbitmq" | "kafka") => variantOnProfile("t3-lost-messages", "replicated", profile);
    expect(replicated("rabbitmq")).toMatchObject({ ok: true, config: { broker: { queueType: "quorum", replicas: 3 } } });
    expect(replicated("kafka")).toMatchObject({ ok: true, config: { broker: { queueType: "classic", replicas: 3 } } });
  });

  it("offers a nack only where the variant hands failures back and the broker has one", () => {
    const t7 = CATALOGUE.find((x) => x.id === "t7-ordering")!;
    for (const v of t7.variants) expect(actionsFor(v.config, "consumer").includes("nack"), v.id).toBe(v.id === "requeue");
    expect(actionsFor(t7.variants.find((v) => v.id === "requeue")!.config, "consumer")).toEqual(["process", "ack", "nack"]);
  });

  it("lists as JSON for the simulator and the host page", () => {
    const json = JSON.parse(JSON.stringify(catalogueJson())) as {
      id: string;
      variants: { id: string; notice?: unknown; verdict?: unknown; seats: { role: string; actions: string[] }[] }[];
    }[];
    expect(json).toHaveLength(9);
    const variant = (scenario: string, id: string) => json.find((s) => s.id === scenario)!.variants.find((v) => v.id === id)!;
    expect(variant("t4-duplicates", "broker-dedup")).toMatchObject({
      notice: { en: expect.any(String) },
      verdict: { leftOpen: { "pt-BR": expect.stringContaining("{duplicated}") } },
    });
    // Where the ack commits with the effect, it is no action of its own; a publish-first service publishes first.
    for (const [scenario, id] of [
      ["t8-exactly-once", "kafka-transactions"],
      ["t8-exactly-once", "shared-db"],
    ])
      expect(variant(scenario, id).seats.find((s) => s.role === "consumer")!.actions).not.toContain("ack");
    expect(
      variant("t5-dual-writes", "publish-first")
        .seats.find((s) => s.role === "producer")!
        .actions.slice(0, 2),
    ).toEqual(["publish", "saveDb"]);
    expect(Object.keys(CAUSE_TEXTS).length).toBeGreaterThan(20);
  });
});

describe("Topic 2's RabbitMQ exchanges", () => {
  const t2 = CATALOGUE.find((s) => s.id === "t2-queues-topics")!;
  const exchange = (id: string) => t2.variants.find((v) => v.id === id)!;

  it("puts a person in the broker seat behind a direct, a fanout and a topic exchange, on RabbitMQ only", () => {
    for (const [id, type] of [
      ["exchange-direct", "direct"],
      ["exchange-fanout", "fanout"],
      ["exchange-topic", "topic"],
    ] as const) {
      const v = exchange(id);
      expect(v.config.broker.exchange?.type, id).toBe(type);
      expect(v.config.broker.manual).toBe(true);
      expect(v.profiles).toEqual(["rabbitmq"]);
      expect(seatsOf(v.config).map((x) => x.seat)).toEqual(["P1", "B", "C1", "C2", "C3"]);
      expect(actionsFor(v.config, "broker")).toContain("route");
      // Every customer's routing key matches at least one binding: nothing is unroutable.
      for (const key of ["ana", "bruno", "carla", "davi"]) expect(exchangeRoute(v.config.broker.exchange!, key).length, `${id} ${key}`).toBeGreaterThan(0);
    }
  });

  it("counts a message routed to too few queues as lost, and nothing when every matching binding gets it", () => {
    for (const id of ["exchange-direct", "exchange-topic"]) {
      const careful = simulate({ scenario: "t2-queues-topics", variant: id, seed: 4, teams: 1, strategy: "careful" }).summary;
      expect(careful, id).toMatchObject({ lost: 0, duplicated: 0, wrongFinalState: 0 });
      // The newcomer stops at the first matching binding.
      const naive = simulate({ scenario: "t2-queues-topics", variant: id, seed: 4, teams: 1, strategy: "naive" }).summary;
      expect(naive.lost, id).toBeGreaterThan(0);
    }
    // Direct: br events in billing and loyalty, pt ones in shipping; topic: br.ana in three queues.
    const direct = simulate({ scenario: "t2-queues-topics", variant: "exchange-direct", seed: 4, teams: 1, strategy: "careful" }).summary;
    expect(direct.applied).toBeGreaterThan(direct.committed);
    expect(direct.applied).toBeLessThan(2 * direct.committed);
    const fanout = simulate({ scenario: "t2-queues-topics", variant: "exchange-fanout", seed: 4, teams: 1 }).summary;
    expect(fanout).toMatchObject({ lost: 0, applied: 3 * fanout.committed });
  });
});
