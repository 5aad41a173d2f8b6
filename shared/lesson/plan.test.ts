import { describe, expect, it } from "vitest";
import type { VariantConfig } from "../engine/config.js";
import { subscriptionsOf } from "../engine/team.js";
import { CATALOGUE } from "../scenarios/catalogue.js";
import type { Text } from "../scenarios/texts.js";
import { LESSON, lessonOutline, lessonSteps, predictionResult, teamMedian, topEnd, type LessonTopic, type Prediction, type PredictionCounts } from "./plan.js";

const ENDS = ["producer", "broker", "consumer", "network"];
/** Counts measured against events × subscriptions; the others against events. */
const PER_DELIVERY = new Set(["lost", "duplicated", "misordered", "staleWrites"]);

const variantOf = (t: LessonTopic, id: string): VariantConfig | undefined =>
  CATALOGUE.find((s) => s.id === t.scenario)?.variants.find((v) => v.id === id)?.config;

/** Every text of a topic, with where it sits and the most characters it may have (phones and projector). */
function textsOf(t: LessonTopic): [string, Text, number][] {
  const p = t.prediction;
  return [
    ["title", t.title, 40],
    ["prompt", t.prompt, 100],
    ...t.promptNotes.map((n, i): [string, Text, number] => [`note ${i}`, n, 140]),
    ["takeaway", t.takeaway, 160],
    ["prediction question", p.question, 90],
    ...p.options.map((o): [string, Text, number] => [`option ${o.id}`, o.label, 32]),
    ...(t.poll
      ? ([
          ["poll question", t.poll.question, 90],
          ["poll placeholder", t.poll.placeholder, 32],
        ] as [string, Text, number][])
      : []),
  ];
}

/** The figures a question may name: facts of the round that answers it. */
function factsOf(config: VariantConfig): Set<number> {
  const events = config.workload.eventsPerProducer * config.topology.producers;
  const facts = new Set([
    events,
    events * subscriptionsOf(config).length,
    subscriptionsOf(config).length,
    config.topology.consumers,
    config.topology.producers,
    config.workload.keys,
  ]);
  const crashes = new Map<string, number>();
  for (const { fault } of config.faults) if (fault.kind === "crash") crashes.set(fault.node, (crashes.get(fault.node) ?? 0) + 1);
  for (const n of crashes.values()) facts.add(n);
  return facts;
}

const counts = (over: Partial<PredictionCounts>): PredictionCounts => ({
  lost: 0,
  duplicated: 0,
  misordered: 0,
  inconsistent: 0,
  raceAnomalies: 0,
  staleWrites: 0,
  committed: 60,
  refused: 0,
  ...over,
});

describe("the lesson's topics", () => {
  it("are the nine topics of the plan, in order, each on the scenario of its topic", () => {
    expect(LESSON.map((t) => t.topic)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const t of LESSON) {
      const scenario = CATALOGUE.find((s) => s.id === t.scenario);
      expect(scenario, t.scenario).toBeDefined();
      expect(scenario!.text.topic.startsWith(String(t.topic)), `${t.scenario} serves topic ${scenario!.text.topic}`).toBe(true);
    }
    expect(new Set(LESSON.map((t) => t.scenario)).size).toBe(9);
  });

  it("play variants that exist, and ask the prediction of the first round", () => {
    for (const t of LESSON) {
      expect(t.rounds.length, `topic ${t.topic}`).toBeGreaterThan(0);
      expect(new Set(t.rounds).size).toBe(t.rounds.length);
      for (const id of t.rounds) expect(variantOf(t, id), `${t.scenario} ${id}`).toBeDefined();
      expect(t.prediction.answeredBy, `topic ${t.topic}`).toBe(t.rounds[0]);
    }
  });

  it("open Topic 1 with a poll", () => {
    expect(LESSON[0].poll).toBeDefined();
  });

  it("have every text in both languages, trimmed, within what a phone or the projector shows", () => {
    for (const t of LESSON) {
      expect(t.promptNotes.length, `topic ${t.topic}`).toBeGreaterThanOrEqual(2);
      expect(t.promptNotes.length).toBeLessThanOrEqual(4);
      for (const [where, text, most] of textsOf(t))
        for (const locale of ["en", "pt-BR"] as const) {
          const s = text[locale];
          const at = `topic ${t.topic} ${where} (${locale}): ${s}`;
          expect(s.trim().length, at).toBeGreaterThan(0);
          expect(s, at).toBe(s.trim());
          expect(s.length, at).toBeLessThanOrEqual(most);
          expect(s, at).not.toMatch(/[{}]/);
        }
    }
  });

  it('never call a lesson topic "Tópico" in Portuguese (that word is pub/sub\'s)', () => {
    for (const t of LESSON) for (const [where, text] of textsOf(t)) expect(text["pt-BR"], `topic ${t.topic} ${where}`).not.toMatch(/t[óo]pico\s+\d/i);
  });
});

describe("the predictions", () => {
  it("offer 3 or 4 options with distinct ids", () => {
    for (const { topic, prediction: p } of LESSON) {
      expect(p.options.length, `topic ${topic}`).toBeGreaterThanOrEqual(3);
      expect(p.options.length).toBeLessThanOrEqual(4);
      expect(new Set(p.options.map((o) => o.id)).size).toBe(p.options.length);
    }
  });

  it("cover every non-negative count exactly once, for count metrics", () => {
    for (const { topic, prediction: p } of LESSON.filter((t) => t.prediction.metric !== "end")) {
      const sorted = [...p.options].sort((a, b) => (a.min ?? 0) - (b.min ?? 0));
      let next = 0;
      for (const o of sorted) {
        expect(o.end, `topic ${topic} ${o.id}`).toBeUndefined();
        expect(o.min, `topic ${topic} ${o.id} starts where the previous ended`).toBe(next);
        if (o === sorted[sorted.length - 1]) expect(o.max, `topic ${topic}: the last option is open-ended`).toBeUndefined();
        else {
          expect(o.max, `topic ${topic} ${o.id}`).toBeGreaterThanOrEqual(o.min!);
          next = o.max! + 1;
        }
      }
      // The same, from the other side: each value picks exactly one option.
      for (const v of [0, 1, 2, 5, 10, 11, 30, 50, 120, 10_000]) expect(p.options.filter((o) => (o.min ?? 0) <= v && v <= (o.max ?? Infinity)).length).toBe(1);
    }
  });

  it("name each end once, for the end metric", () => {
    const byEnd = LESSON.filter((t) => t.prediction.metric === "end");
    expect(byEnd.length).toBeGreaterThan(0);
    for (const { prediction: p } of byEnd) {
      expect(p.options.map((o) => o.end).sort()).toEqual([...ENDS].sort());
      for (const o of p.options) expect(o.min === undefined && o.max === undefined).toBe(true);
    }
  });

  it("only name figures that are true of the round that answers them", () => {
    for (const t of LESSON) {
      const config = variantOf(t, t.prediction.answeredBy)!;
      const facts = factsOf(config);
      for (const locale of ["en", "pt-BR"] as const)
        for (const figure of t.prediction.question[locale].match(/\d+/g) ?? [])
          expect(facts.has(Number(figure)), `topic ${t.topic} names ${figure}`).toBe(true);
      if (t.prediction.metric === "end") continue;
      const events = config.workload.eventsPerProducer * config.topology.producers;
      const scale = PER_DELIVERY.has(t.prediction.metric) ? events * subscriptionsOf(config).length : events;
      expect(t.prediction.outOf, `topic ${t.topic}`).toBe(scale);
    }
  });
});

describe("lessonSteps and lessonOutline", () => {
  it("give each topic its prompt, poll where there is one, prediction, round and debrief", () => {
    expect(lessonSteps(LESSON[0])).toEqual(["prompt", "poll", "predict", "round", "debrief"]);
    expect(lessonSteps(LESSON[2])).toEqual(["prompt", "predict", "round", "debrief"]);
  });

  it("walk the nine topics in order and end with the summary, once", () => {
    const outline = lessonOutline(LESSON);
    expect(outline[0]).toEqual({ topic: 1, step: "prompt" });
    expect(outline[outline.length - 1]).toEqual({ topic: null, step: "summary" });
    expect(outline.filter((s) => s.step === "summary").length).toBe(1);
    expect(outline.filter((s) => s.step === "round").map((s) => s.topic)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const topics = outline.flatMap((s) => (s.topic === null ? [] : [s.topic]));
    expect(topics).toEqual([...topics].sort((a, b) => a - b));
  });
});

describe("predictionResult", () => {
  const losses = LESSON.find((t) => t.scenario === "t3-lost-messages")!.prediction;
  const ends = LESSON.find((t) => t.prediction.metric === "end")!.prediction;

  it("reads the median team's count", () => {
    expect(predictionResult(losses, [counts({ lost: 0 }), counts({ lost: 18 }), counts({ lost: 90 })])).toBe("several");
    expect(predictionResult(losses, [counts({ lost: 0 }), counts({ lost: 0 }), counts({ lost: 90 })])).toBe("none");
    expect(predictionResult(losses, [counts({ lost: 41 })])).toBe("many");
    expect(predictionResult(losses, [counts({ lost: 40 })])).toBe("several");
    expect(predictionResult(losses, [counts({ lost: 10 })])).toBe("few");
  });

  it("reads the metric the prediction names, not another", () => {
    const dup = LESSON.find((t) => t.scenario === "t4-duplicates")!.prediction;
    expect(predictionResult(dup, [counts({ lost: 50, duplicated: 3 })])).toBe("few");
    const refusals = LESSON[0].prediction;
    expect(refusals.metric).toBe("refused");
    expect(predictionResult(refusals, [counts({ refused: 26, lost: 2 })])).toBe("many");
  });

  it("settles an even number of teams by the mean of the middle two, halves up", () => {
    expect(teamMedian([0, 1])).toBe(1);
    expect(teamMedian([10, 11])).toBe(11);
    expect(teamMedian([10, 13, 2, 40])).toBe(12);
    expect(teamMedian([7])).toBe(7);
    expect(teamMedian([])).toBeNull();
    expect(predictionResult(losses, [counts({ lost: 10 }), counts({ lost: 11 })])).toBe("several");
    expect(predictionResult(losses, [counts({ lost: 0 }), counts({ lost: 0 }), counts({ lost: 1 }), counts({ lost: 30 })])).toBe("few");
  });

  it("cannot answer without teams", () => {
    expect(predictionResult(losses, [])).toBeNull();
  });

  it("names the end most anomalies are attributed to, and nothing on a tie or with no anomaly", () => {
    expect(predictionResult(ends, [], { consumer: 14, producer: 13, broker: 2 })).toBe("consumer");
    expect(predictionResult(ends, [], { producer: 11, consumer: 9, broker: 7, network: 0 })).toBe("producer");
    expect(predictionResult(ends, [], { network: 1 })).toBe("network");
    expect(predictionResult(ends, [], { consumer: 7, broker: 7, producer: 1 })).toBeNull();
    expect(predictionResult(ends, [], { consumer: 7, broker: 7, producer: 9 })).toBe("producer");
    expect(predictionResult(ends, [], {})).toBeNull();
    expect(predictionResult(ends, [counts({ lost: 5 })])).toBeNull();
    expect(topEnd({ broker: 0 })).toBeNull();
  });

  it("returns an id of the prediction's own options", () => {
    const p: Prediction = { ...losses, options: losses.options.map((o) => ({ ...o, id: `x-${o.id}` })) };
    expect(predictionResult(p, [counts({ lost: 3 })])).toBe("x-few");
  });
});
