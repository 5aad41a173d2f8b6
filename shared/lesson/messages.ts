// Lesson mode's part of the protocol (shared/protocol.ts re-exports it): the instructor's
// commands, the students' answers and how they are checked and cleaned, and what the room
// sends back — the live results, the closing summary, each phone's own answers.
import type { RoundSummary } from "../checker/checker.js";
import type { CauseGroup } from "../checker/groups.js";
import { bad, isInt, isPlainObject, isShortString, MAX_MESSAGE_BYTES, onlyKeys, payloadSize, type Parsed } from "../messageChecks.js";
import type { LessonStepKind } from "./plan.js";
import type { PredictionOutcome } from "./progress.js";

/** A poll answer's most characters, after cleaning. */
export const MAX_POLL_LENGTH = 60;
/** The pinned definition's most characters, after cleaning. */
export const MAX_PIN_LENGTH = 120;
export const LESSON_TOPICS = 9;
export const LESSON_STEP_KINDS: readonly LessonStepKind[] = ["prompt", "poll", "predict", "round", "debrief", "summary"];

/**
 * The instructor walks lesson mode: start (Topic 1, first step), next / prev (one step, a
 * clicker), goto (a topic, and a step of it; or the summary), stop (back to the free
 * pickers), summary (send the lesson summary again), closePoll / closePredict.
 */
export const LESSON_ACTIONS = ["start", "next", "prev", "stop", "goto", "summary", "closePoll", "closePredict"] as const;
export type LessonAction = (typeof LESSON_ACTIONS)[number];

export interface LessonCommand {
  action: LessonAction;
  /** goto: 1..9 (not needed for the summary). */
  topic?: number;
  /** goto: a step of that topic; its first step when absent. */
  step?: LessonStepKind;
}

/** A student's part in lesson mode: a poll answer (cleaned, at most MAX_POLL_LENGTH) and a prediction (an option id). */
export type LessonMessage = { type: "lesson:poll"; value: { text: string } } | { type: "lesson:predict"; value: { option: string } };
export type LessonPayloads = { [M in LessonMessage as M["type"]]: M["value"] };
export type LessonMessageName = keyof LessonPayloads;

/** Lesson mode, live on the projector (sent when it changes, at most 4 times a second). */
export interface LessonResults {
  topic: number;
  /** The topic's poll answers, normalised and counted, most first, at most 80. */
  poll: { text: string; count: number }[];
  /** Option id → people who chose it. */
  predictions: Record<string, number>;
  /** People who answered the open poll or prediction (the step's). */
  answered: number;
  /** People connected who could answer. */
  eligible: number;
}

export interface LessonSummaryRound {
  gameId: string;
  variant: string;
  summary: RoundSummary;
  /** The round's three largest cause groups. */
  groups: CauseGroup[];
}

/** The closing summary: every topic's rounds (in play order), its prediction, and the pinned definition. */
export interface LessonSummary {
  pinned: string;
  topics: { topic: number; rounds: LessonSummaryRound[]; prediction: PredictionOutcome | null }[];
}

/** What this phone answered for the current lesson topic (a reloaded phone shows it). */
export interface YourAnswer {
  poll: string | null;
  prediction: string | null;
}

/** Checks the payload of host:lesson. */
export function parseLessonCommand(p: Record<string, unknown>): Parsed<{ type: "host:lesson"; value: LessonCommand }> {
  const extra = onlyKeys(p, ["action", "topic", "step"]);
  if (extra) return bad(`unexpected field ${extra.slice(0, 20)}`);
  const { action, topic, step } = p;
  if (!(LESSON_ACTIONS as readonly unknown[]).includes(action)) return bad("lesson action");
  if (topic !== undefined && !isInt(topic, 1, LESSON_TOPICS)) return bad(`topic from 1 to ${LESSON_TOPICS}`);
  if (step !== undefined && !(LESSON_STEP_KINDS as readonly unknown[]).includes(step)) return bad("step");
  if (action === "goto" && topic === undefined && step !== "summary") return bad("goto needs a topic");
  const value: LessonCommand = { action: action as LessonAction };
  if (topic !== undefined) value.topic = topic as number;
  if (step !== undefined) value.step = step as LessonStepKind;
  return { ok: true, value: { type: "host:lesson", value } };
}

/** Checks the payload of host:pin: the cleaned text, at most MAX_PIN_LENGTH ("" unpins). */
export function parsePin(p: Record<string, unknown>): Parsed<{ type: "host:pin"; value: { text: string } }> {
  if (typeof p.text !== "string") return bad("text");
  const text = cleanAnswer(p.text);
  if ([...text].length > MAX_PIN_LENGTH) return { ok: false, code: "tooLong" };
  return { ok: true, value: { type: "host:pin", value: { text } } };
}

/** Checks a student's lesson message; `type` is the message name the client used. */
export function parseLesson(type: string, payload: unknown): Parsed<LessonMessage> {
  if (payloadSize(payload) > MAX_MESSAGE_BYTES) return { ok: false, code: "tooLarge" };
  if (!isPlainObject(payload)) return bad("an object is expected");
  switch (type) {
    case "lesson:poll": {
      if (typeof payload.text !== "string") return bad("text");
      const text = cleanAnswer(payload.text);
      if (text === "") return bad("blank");
      if ([...text].length > MAX_POLL_LENGTH) return { ok: false, code: "tooLong" };
      return { ok: true, value: { type, value: { text } } };
    }
    case "lesson:predict":
      if (!(isShortString(payload.option, 24) && /^[a-z0-9-]+$/i.test(payload.option))) return bad("option");
      return { ok: true, value: { type, value: { option: payload.option } } };
    default:
      return bad("unknown message");
  }
}

/**
 * A few words typed on a phone, made safe to show and to count: tags and stray angle
 * brackets removed, control and format characters removed, white space folded, trimmed.
 */
export function cleanAnswer(raw: string): string {
  return raw
    .replace(/<[/!]?[a-z][^<>]{0,60}>/gi, " ")
    .replace(/[<>]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/ {2,}/g, " ")
    .trim();
}
