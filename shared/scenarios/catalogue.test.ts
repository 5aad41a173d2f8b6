import { describe, expect, it } from "vitest";
import { brokerConfigErrors, PROFILE_IDS } from "../engine/profiles.js";
import { actionsFor, CATALOGUE, catalogueJson, seatsOf, variantOnProfile } from "./catalogue.js";
import { ACTION_TEXTS } from "./roleTexts.js";
import { CAUSE_TEXTS } from "./texts.js";

const CONTRACT: Record<string, string[]> = {
  "t1-sync-vs-async": ["naive", "fixed"],
  "t2-queues-topics": ["queue", "topic"],
  "t3-lost-messages": ["naive", "fixed", "unreplicated", "replicated"],
  "t4-duplicates": ["naive", "fixed"],
  "t5-dual-writes": ["naive", "fixed"],
  "t6-competing-consumers": ["naive", "fixed"],
  "t7-ordering": ["naive", "fixed", "single-active-consumer", "requeue"],
  "t8-exactly-once": ["naive", "fixed"],
  "t9-end-to-end": ["chaos"],
};

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

  it("derives each role's actions from the variant, and every action has a label", () => {
    for (const s of CATALOGUE)
      for (const v of s.variants)
        for (const seat of seatsOf(v.config))
          for (const action of actionsFor(v.config, seat.role)) expect(ACTION_TEXTS[action], action).toBeDefined();
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

  it("gives the variants resting on broker mechanisms a label of at most 22 characters, a summary and what the class should notice, in both languages", () => {
    const texts = (id: string) => CATALOGUE.find((x) => x.id === id)!.text.variants;
    for (const [scenario, variant] of [["t3-lost-messages", "unreplicated"], ["t3-lost-messages", "replicated"], ["t7-ordering", "single-active-consumer"], ["t7-ordering", "requeue"]]) {
      const t = texts(scenario)[variant];
      for (const locale of ["en", "pt-BR"] as const) {
        expect(t.label[locale].length, `${variant} ${locale}`).toBeLessThanOrEqual(22);
        expect(t.summary[locale].length).toBeGreaterThan(20);
        expect(t.notice?.[locale].length ?? 0).toBeGreaterThan(20);
      }
    }
    const requeue = CATALOGUE.find((x) => x.id === "t7-ordering")!.variants.find((v) => v.id === "requeue")!.config;
    expect(actionsFor(requeue, "consumer")).toEqual(["process", "ack", "nack"]);
  });

  it("lists as JSON for the simulator and the host page", () => {
    const json = JSON.parse(JSON.stringify(catalogueJson())) as { id: string; variants: unknown[] }[];
    expect(json).toHaveLength(9);
    expect(Object.keys(CAUSE_TEXTS).length).toBeGreaterThan(20);
  });
});
