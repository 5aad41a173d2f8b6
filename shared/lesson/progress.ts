// Where a class is in lesson mode, and what it has answered so far: the record the room keeps
// (and saves with its snapshot) while the instructor walks the nine topics, and the pure
// rules of moving through it (one step on or back, a jump), of counting a poll's answers
// into a word cloud, and of setting a prediction beside its round's result.
import {
  LESSON,
  lessonOutline,
  predictionResult,
  teamMedian,
  topEnd,
  type CountMetric,
  type LessonStepKind,
  type LessonTopic,
  type Prediction,
  type PredictionCounts,
} from "./plan.js";

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

/** Every step of the lesson in order, the closing summary last (topic 0). */
export function lessonPlaces(lesson: readonly LessonTopic[] = LESSON): LessonPlace[] {
  return lessonOutline(lesson).map(({ topic, step }) => ({ topic: topic ?? 0, step }));
}

const PLACES = lessonPlaces();
const indexOf = (place: LessonPlace): number => PLACES.findIndex((p) => p.topic === place.topic && p.step === place.step);

export function firstPlace(): LessonPlace {
  return PLACES[0];
}

/** One step on (a clicker's page-down); the summary is the last step. */
export function nextPlace(place: LessonPlace): LessonPlace {
  return PLACES[Math.min(PLACES.length - 1, indexOf(place) + 1)];
}

/** One step back; Topic 1's first step is the first. */
export function prevPlace(place: LessonPlace): LessonPlace {
  return PLACES[Math.max(0, indexOf(place) - 1)];
}

/** A step to jump to: a topic's given step (its first when none is given), or the summary; null when the topic has no such step. */
export function placeFor(topic: number | undefined, step: LessonStepKind | undefined): LessonPlace | null {
  if (step === "summary") return PLACES[PLACES.length - 1];
  return PLACES.find((p) => p.topic === topic && (step === undefined || p.step === step)) ?? null;
}

export function topicOf(topic: number): LessonTopic | null {
  return LESSON.find((t) => t.topic === topic) ?? null;
}

export function emptyLessonRecord(): LessonRecord {
  return { active: false, place: firstPlace(), roundIndex: 0, pollOpen: false, predictOpen: false, pinned: "", polls: {}, predictions: {}, outcomes: {} };
}

/** What two answers share when they say the same thing: case, accents and surrounding punctuation aside. */
export function answerKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, "");
}

/**
 * The poll's word cloud: answers that say the same thing counted together, shown in their
 * most frequent spelling (the earliest on a tie); most frequent first, at most `max`.
 */
export function pollCloud(answers: Iterable<string>, max = 80): { text: string; count: number }[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const text of answers) {
    const key = answerKey(text) || text;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { count: 0, spellings: new Map() }));
    group.count++;
    group.spellings.set(text, (group.spellings.get(text) ?? 0) + 1);
  }
  const cloud = [...groups.values()].map(({ count, spellings }) => {
    let text = "";
    let best = 0;
    for (const [spelling, n] of spellings) if (n > best) [text, best] = [spelling, n];
    return { text, count };
  });
  return cloud.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).slice(0, max);
}

/** How many people chose each option of a prediction (every option present, 0 when nobody chose it). */
export function tallyPredictions(prediction: Prediction, chosen: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const option of prediction.options) counts[option.id] = 0;
  for (const id of chosen) if (id in counts) counts[id]++;
  return counts;
}

/** A topic's prediction beside its round: what the class chose, and the option (and value) the round's result falls in. */
export function predictionOutcome(
  topic: LessonTopic,
  chosen: Iterable<string>,
  perTeam: readonly PredictionCounts[],
  anomalies: readonly { cause: { end: string } }[],
): PredictionOutcome {
  const p = topic.prediction;
  const ends: Record<string, number> = {};
  for (const a of anomalies) ends[a.cause.end] = (ends[a.cause.end] ?? 0) + 1;
  const value = p.metric === "end" ? topEnd(ends) : teamMedian(perTeam.map((t) => t[p.metric as CountMetric]));
  return { topic: topic.topic, counts: tallyPredictions(p, chosen), result: predictionResult(p, perTeam, ends), value };
}
