import { describe, expect, it } from "vitest";
import { LESSON } from "./plan.js";
import { answerKey, firstPlace, lessonPlaces, nextPlace, placeFor, pollCloud, predictionOutcome, prevPlace, tallyPredictions, topicOf } from "./progress.js";

describe("lesson progress", () => {
  it("walks every step of the nine topics, then the summary, and back", () => {
    const places = lessonPlaces();
    let place = firstPlace();
    expect(place).toEqual({ topic: 1, step: "prompt" });
    const walked = [place];
    for (let i = 0; i < places.length + 3; i++) walked.push((place = nextPlace(place)));
    expect(walked.slice(0, places.length)).toEqual(places);
    expect(place).toEqual({ topic: 0, step: "summary" });
    expect(new Set(places.filter((p) => p.topic > 0).map((p) => p.topic))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(places.slice(0, 5).map((p) => p.step)).toEqual(["prompt", "poll", "predict", "round", "debrief"]);
    expect(places.filter((p) => p.step === "poll").map((p) => p.topic)).toEqual([1, 8]);
    for (let i = 0; i < places.length + 3; i++) place = prevPlace(place);
    expect(place).toEqual(firstPlace());
    expect(prevPlace(nextPlace(nextPlace(firstPlace())))).toEqual({ topic: 1, step: "poll" });
  });

  it("jumps to a topic's step, its first step, or the summary; not to a step the topic lacks", () => {
    expect(placeFor(4, "round")).toEqual({ topic: 4, step: "round" });
    expect(placeFor(6, undefined)).toEqual({ topic: 6, step: "prompt" });
    expect(placeFor(undefined, "summary")).toEqual({ topic: 0, step: "summary" });
    expect(placeFor(3, "poll")).toBeNull();
    expect(placeFor(10, undefined)).toBeNull();
    expect(topicOf(9)?.scenario).toBe("t9-end-to-end");
    expect(topicOf(0)).toBeNull();
  });

  it("counts poll answers that say the same thing together, in their usual spelling, most first", () => {
    const cloud = pollCloud(["Não bloqueia", "não bloqueia!", "nao bloqueia", "Depois", "fila", "Fila", "Não bloqueia"]);
    expect(cloud).toEqual([
      { text: "Não bloqueia", count: 4 },
      { text: "fila", count: 2 },
      { text: "Depois", count: 1 },
    ]);
    expect(answerKey("  «Assíncrono»! ")).toBe("assincrono");
    expect(pollCloud(Array.from({ length: 100 }, (_, i) => `word ${i}`))).toHaveLength(80);
    expect(pollCloud(["?!"])).toEqual([{ text: "?!", count: 1 }]);
  });

  it("tallies predictions over every option and sets them beside the round's result", () => {
    const t3 = LESSON[2];
    expect(tallyPredictions(t3.prediction, ["few", "few", "many", "bogus"])).toEqual({ none: 0, few: 2, several: 0, many: 1 });
    const counts = (lost: number) => ({ lost, duplicated: 0, misordered: 0, inconsistent: 0, raceAnomalies: 0, staleWrites: 0, committed: 120, refused: 0 });
    const outcome = predictionOutcome(t3, ["few", "several"], [counts(12), counts(30), counts(3)], []);
    expect(outcome).toEqual({ topic: 3, counts: { none: 0, few: 1, several: 1, many: 0 }, result: "several", value: 12 });
    const t9 = LESSON[8];
    const ends = ["consumer", "consumer", "producer"].map((end) => ({ cause: { end } }));
    expect(predictionOutcome(t9, ["broker"], [], ends)).toMatchObject({ topic: 9, result: "consumer", value: "consumer", counts: { broker: 1, consumer: 0 } });
    expect(predictionOutcome(t3, [], [], [])).toMatchObject({ result: null, value: null });
  });
});
