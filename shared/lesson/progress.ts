// Where a class is in lesson mode, and what it has answered so far: the record the room keeps
// (and saves with its snapshot) while the instructor walks the nine topics.
import type { LessonStepKind } from "./plan.js";

/** A step of the lesson: a topic (1..9) and one of its steps; the closing summary has topic 0. */
export interface LessonPlace {
  topic: number;
  step: LessonStepKind;
}

/** A topic's prediction beside what its round showed. */
export interface PredictionOutcome {
  topic: number;
  /** Option id → how many people chose it. */
  counts: Record<string, number>;
  /** The option the round's result falls in (predictionResult), null when the round cannot say. */
  result: string | null;
  /** The value read from the round: the median per team of the metric, or the end most anomalies point to. */
  value: number | string | null;
}

/** Lesson progress as it survives a restart of the server. */
export interface LessonRecord {
  active: boolean;
  /** Where the lesson is (meaningless while inactive). */
  place: LessonPlace;
  /** Index into the topic's `rounds` of the variant its next round plays. */
  roundIndex: number;
  pollOpen: boolean;
  predictOpen: boolean;
  /** The definition the class agreed on, "" until pinned. */
  pinned: string;
  /** By topic, each player's poll answer (player id → cleaned text). */
  polls: Record<number, Record<string, string>>;
  /** By topic, each player's prediction (player id → option id). */
  predictions: Record<number, Record<string, string>>;
  /** By topic, the outcome of its prediction once the round that answers it was played. */
  outcomes: Record<number, PredictionOutcome>;
}
