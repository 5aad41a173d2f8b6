// The lesson's closing summary as files: JSON (everything, for keeping) and CSV (one row
// per round, for a spreadsheet), both in the page's language. Every CSV field goes through
// the one writer (shared/replay/scores.ts), so a pinned definition or an answer starting
// with "=" stays text. The words come in through `SummaryWords`, so this stays testable.
import type { CauseGroup, LessonSummary, PredictionOutcome } from "../../../../shared/protocol.js";
import { csvTable } from "../../../../shared/replay/scores.js";

export interface SummaryWords {
  topicTitle(topic: number): string;
  scenarioOf(topic: number): string;
  variantLabel(scenario: string, variant: string): string;
  causeSentence(group: CauseGroup): string;
  /** An option of the topic's prediction, in words ("" for none). */
  optionLabel(topic: number, option: string | null): string;
}

/** The option most people chose ("" when nobody answered; ties go to the earlier option). */
export function mostChosen(outcome: PredictionOutcome | null): { option: string | null; people: number; answered: number } {
  if (!outcome) return { option: null, people: 0, answered: 0 };
  let option: string | null = null;
  let people = 0;
  let answered = 0;
  for (const [id, n] of Object.entries(outcome.counts)) {
    answered += n;
    if (n > people) [option, people] = [id, n];
  }
  return { option, people, answered };
}

const COLUMNS = [
  "topic",
  "topic_title",
  "round",
  "variant",
  "game_id",
  "committed",
  "applied",
  "lost",
  "duplicated",
  "misordered",
  "inconsistent",
  "lost_updates",
  "main_cause",
  "main_cause_count",
  "class_prediction",
  "predicted_by",
  "answered",
  "result",
  "class_definition",
];

export function summaryCsv(summary: LessonSummary, words: SummaryWords): string {
  const rows: (string | number)[][] = [COLUMNS];
  for (const { topic, rounds, prediction } of summary.topics) {
    const guess = mostChosen(prediction);
    const predicted = [words.optionLabel(topic, guess.option), guess.people, guess.answered, prediction ? words.optionLabel(topic, prediction.result) : ""];
    const title = words.topicTitle(topic);
    if (rounds.length === 0) rows.push([topic, title, "", "", "", "", "", "", "", "", "", "", "", "", ...predicted, summary.pinned]);
    rounds.forEach((r, i) => {
      const s = r.summary;
      const main = r.groups[0];
      rows.push([
        topic,
        title,
        i + 1,
        words.variantLabel(words.scenarioOf(topic), r.variant),
        r.gameId,
        s.committed,
        s.applied,
        s.lost,
        s.duplicated,
        s.misordered,
        s.inconsistent,
        s.raceAnomalies,
        main ? words.causeSentence(main) : "",
        main ? main.count : 0,
        ...predicted,
        summary.pinned,
      ]);
    });
  }
  return csvTable(rows);
}

/** Everything the summary holds, with its words, for keeping. */
export function summaryJson(summary: LessonSummary, words: SummaryWords, exportedAt: string): unknown {
  return {
    exportedAt,
    classDefinition: summary.pinned,
    topics: summary.topics.map(({ topic, rounds, prediction }) => ({
      topic,
      title: words.topicTitle(topic),
      scenario: words.scenarioOf(topic),
      rounds: rounds.map((r) => ({
        gameId: r.gameId,
        variant: r.variant,
        variantLabel: words.variantLabel(words.scenarioOf(topic), r.variant),
        summary: r.summary,
        mainCauses: r.groups.map((g) => ({ code: g.code, count: g.count, teams: g.teams.map((t) => t + 1), sentence: words.causeSentence(g) })),
      })),
      prediction: prediction && {
        counts: Object.fromEntries(Object.entries(prediction.counts).map(([id, n]) => [words.optionLabel(topic, id), n])),
        result: words.optionLabel(topic, prediction.result),
        value: prediction.value,
      },
    })),
  };
}
