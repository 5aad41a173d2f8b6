// Lesson mode's content (docs/contracts.md, lesson mode), as data. The lesson plan in shared/lesson/ has nine
// topics; LESSON gives each one what the projector and the phones show while the instructor
// walks it: a prompt with talking points, an optional poll, a prediction asked on the phones
// before the first round, the rounds to play (variant ids of the catalogue, naive first),
// and a one-sentence takeaway for the debrief and the closing summary. lessonSteps() and
// lessonOutline() give the order of the steps the room's state machine moves through with
// lesson-next / lesson-prev; predictionResult() reads a finished round's per-team counts (or
// its anomalies by end) and names the option the class's result falls in, so the debrief
// can put each student's prediction beside what really happened. Nothing here runs a round.
import type { Counts } from "../checker/checker.js";
import type { Text } from "../scenarios/texts.js";

export type LessonStepKind = "prompt" | "poll" | "predict" | "round" | "debrief" | "summary";

/** The ends an anomaly can be attributed to (the checker's Cause.end). */
export type PipelineEnd = "producer" | "broker" | "consumer" | "network";

export type CountMetric = "lost" | "duplicated" | "misordered" | "inconsistent" | "raceAnomalies" | "staleWrites" | "committed" | "refused";
export type PredictionMetric = CountMetric | "end";

export interface PredictionOption {
  id: string;
  label: Text;
  /** For count metrics: inclusive range of the per-team value (no max: no upper bound). For "end": the end id. */
  min?: number;
  max?: number;
  end?: PipelineEnd;
}

export interface Prediction {
  /** Asked on the phones before the topic's first (naive) round. */
  question: Text;
  metric: PredictionMetric;
  /**
   * How the round's result is read: the median over teams of the per-team count (count
   * metrics), or the end most anomalies are attributed to ("end").
   */
  options: PredictionOption[];
  /** Which round of the topic answers it: a variant id (usually the naive one). */
  answeredBy: string;
  /**
   * For count metrics, the most a team can reach when every business event is committed:
   * events × subscriptions. Every figure the question names is a fact of its round (tested).
   */
  outOf?: number;
}

export interface LessonTopic {
  /** 1..9, the topic of the lesson plan. */
  topic: number;
  /** A scenario id of the catalogue. */
  scenario: string;
  /** Short, for the projector's step header. */
  title: Text;
  /** The lesson's question for the topic. */
  prompt: Text;
  /** 2–4 talking points shown small beside the prompt, from the plan's sub-items. */
  promptNotes: Text[];
  poll?: { question: Text; placeholder: Text };
  prediction: Prediction;
  /** Variant ids in teaching order: the naive one, then the fixed one. */
  rounds: string[];
  /** The sentence the class should leave with: end of the topic's debrief, and the summary. */
  takeaway: Text;
}

export { LESSON } from "./topics.js";

/**
 * The steps of one topic. The single "round" step plays topic.rounds in order (and any
 * other variant the instructor adds); the debrief follows the last of them.
 */
export function lessonSteps(topic: LessonTopic): LessonStepKind[] {
  return ["prompt", ...(topic.poll ? (["poll"] as const) : []), "predict", "round", "debrief"];
}

export interface LessonPosition {
  /** null only for the closing summary. */
  topic: number | null;
  step: LessonStepKind;
}

/** Every step of the lesson in order: each topic's steps, then the summary once. */
export function lessonOutline(lesson: readonly LessonTopic[]): LessonPosition[] {
  const steps: LessonPosition[] = lesson.flatMap((t) => lessonSteps(t).map((step) => ({ topic: t.topic, step })));
  steps.push({ topic: null, step: "summary" });
  return steps;
}

export type PredictionCounts = Pick<Counts, CountMetric>;

/**
 * The median of the per-team values; with an even number of teams, the mean of the two
 * middle values rounded half up (so one team at 0 and one at 1 reads as 1: something
 * happened). null when there is no team.
 */
export function teamMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid];
  return Math.floor((sorted[mid - 1] + sorted[mid] + 1) / 2);
}

/** The end with the most anomalies; null when none was attributed or two ends tie at the top. */
export function topEnd(ends: Readonly<Record<string, number>>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [end, count] of Object.entries(ends)) {
    if (count > bestCount) [best, bestCount, tie] = [end, count, false];
    else if (count === bestCount && count > 0) tie = true;
  }
  return tie ? null : best;
}

/**
 * The option the round's result falls in, or null when the round cannot answer: no team,
 * no anomaly attributed to any end, or a tie between ends.
 */
export function predictionResult(p: Prediction, perTeam: readonly PredictionCounts[], ends?: Readonly<Record<string, number>>): string | null {
  if (p.metric === "end") {
    const end = ends ? topEnd(ends) : null;
    return p.options.find((o) => o.end !== undefined && o.end === end)?.id ?? null;
  }
  const metric = p.metric;
  const value = teamMedian(perTeam.map((t) => t[metric]));
  if (value === null) return null;
  return p.options.find((o) => (o.min ?? 0) <= value && value <= (o.max ?? Infinity))?.id ?? null;
}
