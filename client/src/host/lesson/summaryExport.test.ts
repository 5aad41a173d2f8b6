import { describe, expect, it } from "vitest";
import type { LessonSummary } from "../../../../shared/protocol.js";
import type { RoundSummary } from "../../../../shared/checker/checker.js";
import { mostChosen, summaryCsv, summaryJson, type SummaryWords } from "./summaryExport.js";

const summaryOf = (lost: number): RoundSummary => ({
  scenario: "t3-lost-messages",
  variant: "naive",
  seed: 1,
  teams: 3,
  committed: 180,
  applied: 300,
  lost,
  duplicated: 0,
  misordered: 0,
  inconsistent: 0,
  raceAnomalies: 0,
  refused: 0,
  wrongFinalState: 0,
  staleWrites: 0,
  conflicts: 0,
  parked: 0,
  ticks: 1300,
  tickMs: 100,
});

const lesson: LessonSummary = {
  pinned: '=HYPERLINK("http://x","não bloqueia")',
  topics: [
    {
      topic: 3,
      rounds: [
        {
          gameId: "g-1",
          variant: "naive",
          summary: summaryOf(40),
          groups: [
            {
              code: "nodeDown",
              kind: "lost",
              count: 30,
              teams: [0, 2],
              first: { team: 0, tick: 230, msgId: "P1-4" },
              sample: { code: "nodeDown", tick: 230, end: "consumer", node: "C1", link: "B>C1", chain: [] },
            },
          ],
        },
        { gameId: "g-2", variant: "fixed", summary: summaryOf(0), groups: [] },
      ],
      prediction: { topic: 3, counts: { none: 1, few: 2, several: 5, many: 0 }, result: "several", value: 14 },
    },
    { topic: 4, rounds: [], prediction: null },
  ],
};

const words: SummaryWords = {
  topicTitle: (n) => `Tema ${n}`,
  scenarioOf: (n) => (n === 3 ? "t3-lost-messages" : "t4-duplicates"),
  variantLabel: (_, v) => (v === "naive" ? "Ingênua" : "Corrigida"),
  causeSentence: (g) => `perdida em ${g.sample.node}`,
  optionLabel: (_, o) => (o ? `opção ${o}` : ""),
};

describe("the lesson summary's files", () => {
  it("CSV: a row per round, a topic with no round keeps its row, student text defused", () => {
    const lines = summaryCsv(lesson, words).trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      `3,Tema 3,1,Ingênua,g-1,180,300,40,0,0,0,0,perdida em C1,30,opção several,5,8,opção several,"'=HYPERLINK(""http://x"",""não bloqueia"")"`,
    );
    expect(lines[2].startsWith("3,Tema 3,2,Corrigida,g-2,180,300,0,")).toBe(true);
    expect(lines[3].startsWith("4,Tema 4,,,,")).toBe(true);
    expect(lines.every((l) => !/(^|,)=/.test(l))).toBe(true);
  });

  it("JSON: every round with its causes in words, predictions by option name", () => {
    const json = summaryJson(lesson, words, "2026-01-01T10:00:00Z") as {
      topics: { rounds: { mainCauses: { teams: number[] }[] }[]; prediction: { counts: Record<string, number> } | null }[];
    };
    expect(json.topics[0].rounds[0].mainCauses[0].teams).toEqual([1, 3]);
    expect(json.topics[0].prediction?.counts["opção several"]).toBe(5);
    expect(json.topics[1].prediction).toBeNull();
  });

  it("names the class's most chosen option", () => {
    expect(mostChosen(lesson.topics[0].prediction)).toEqual({ option: "several", people: 5, answered: 8 });
    expect(mostChosen(null)).toEqual({ option: null, people: 0, answered: 0 });
  });
});
