// Lesson mode as a piece of the session (docs/contracts.md#lesson-mode): where the class is among the nine
// topics' steps, each topic's poll answers and predictions, the pinned definition and each
// prediction's outcome. The step rules are pure (shared/lesson/progress.ts); this piece
// applies them to the room: entering a topic's predict or round step configures the room for
// the topic's next round, the projector gets the live results (at most every
// RESULTS_INTERVAL_MS) and the closing summary, each phone what it answered. Its record is
// saved with the room's snapshot, so a restart returns to the same step.
import type { Report } from "../../shared/checker/checker.js";
import { LESSON } from "../../shared/lesson/plan.js";
import {
  emptyLessonRecord,
  firstPlace,
  nextPlace,
  placeFor,
  pollCloud,
  predictionOutcome,
  prevPlace,
  tallyPredictions,
  topicOf,
  type LessonPlace,
  type LessonRecord,
  type PredictionOutcome,
} from "../../shared/lesson/progress.js";
import { parseLesson, type ConfigMessage, type LessonCommand, type LessonResults, type LessonSummary, type ShellRefusal } from "../../shared/protocol.js";
import type { LessonStateView } from "../../shared/view/roomState.js";
import type { Messenger } from "./Messenger.js";
import type { SessionPorts } from "./ports.js";
import type { RoundHistory } from "./RoundHistory.js";
import type { Player, Roster } from "./Roster.js";

/** The projector's live lesson results go out at most this often. */
export const RESULTS_INTERVAL_MS = 250;

/** What lesson mode reads and changes of its room. */
export interface LessonRoom {
  readonly roundActive: boolean;
  readonly config: ConfigMessage;
  readonly roster: Roster;
  readonly hostConnections: ReadonlySet<string>;
  readonly history: RoundHistory;
  /** Sets the room up for a round of `scenario` and `variant` (no round is active). */
  configureRound(scenario: string, variant: string): void;
  /** Chooses the next round's variant while the last round's results stay on screen. */
  prepareNext(scenario: string, variant: string): void;
}

export class LessonProgress {
  private record: LessonRecord = emptyLessonRecord();
  private resultsDue = false;
  private resultsSentAt = -Infinity;
  private eligibleSent = -1;

  constructor(
    private readonly room: LessonRoom,
    private readonly ports: Pick<SessionPorts, "clock" | "transport" | "mirror" | "saveSoon">,
    private readonly messages: Messenger,
  ) {}

  get active(): boolean {
    return this.record.active;
  }

  get place(): LessonPlace {
    return this.record.place;
  }

  /** The instructor's host:lesson. */
  command({ action, topic, step }: LessonCommand): ShellRefusal | null {
    const r = this.record;
    switch (action) {
      case "start":
        r.active = true;
        r.roundIndex = 0;
        this.enter(firstPlace());
        return null;
      case "stop":
        r.active = false;
        r.pollOpen = r.predictOpen = false;
        this.changed();
        return null;
      case "summary":
        this.sendSummary(this.room.hostConnections);
        return null;
      case "closePoll":
      case "closePredict": {
        if (!r.active) return "notInLesson";
        const key = action === "closePoll" ? "pollOpen" : "predictOpen";
        if (!r[key]) return "closed";
        r[key] = false;
        this.changed();
        return null;
      }
      default: {
        if (!r.active) return "notInLesson";
        if (this.room.roundActive) return "roundActive";
        const place = action === "next" ? nextPlace(r.place) : action === "prev" ? prevPlace(r.place) : placeFor(topic, step);
        if (!place) return "badMessage";
        this.enter(place);
        return null;
      }
    }
  }

  /** host:pin: the definition the class agreed on ("" unpins). */
  pin(text: string): ShellRefusal | null {
    if (!this.record.active) return "notInLesson";
    this.record.pinned = text;
    this.changed();
    return null;
  }

  /** A student's lesson:poll or lesson:predict: checked, kept (one per student, changeable while open), or refused. */
  receive(connectionId: string, player: Player | undefined, type: string, payload: unknown): void {
    const parsed = parseLesson(type, payload);
    if (!parsed.ok) return this.messages.refuse(connectionId, type, parsed.code, undefined, parsed.detail);
    if (!player) return this.messages.refuse(connectionId, type, "unknownPlayer");
    const r = this.record;
    const topic = r.place.topic;
    let refusal: ShellRefusal | null = null;
    if (!r.active) refusal = "notInLesson";
    else if (parsed.value.type === "lesson:poll") {
      if (r.pollOpen) (r.polls[topic] ??= {})[player.id] = parsed.value.value.text;
      else refusal = "closed";
    } else {
      const option = parsed.value.value.option;
      if (!r.predictOpen) refusal = "closed";
      else if (!topicOf(topic)?.prediction.options.some((o) => o.id === option)) refusal = "badOption";
      else (r.predictions[topic] ??= {})[player.id] = option;
    }
    if (refusal) return this.messages.refuse(connectionId, type, refusal);
    this.sendAnswer(player);
    this.changed();
  }

  /** A round of the room ended: its lesson topic, and its prediction's outcome when it is the round that answers it. */
  roundEnded(scenario: string, variant: string, report: Report): { topic: number | null; prediction: PredictionOutcome | null } {
    const r = this.record;
    const topic = r.active ? topicOf(r.place.topic) : null;
    if (!topic || topic.scenario !== scenario) return { topic: null, prediction: null };
    let prediction: PredictionOutcome | null = null;
    if (variant === topic.prediction.answeredBy) {
      prediction = predictionOutcome(topic, Object.values(r.predictions[topic.topic] ?? {}), report.teams, report.anomalies);
      r.outcomes[topic.topic] = prediction;
    }
    // Naive, then fixed: the next round of the topic is chosen, the results stay on screen.
    if (topic.rounds[r.roundIndex] === variant && r.roundIndex + 1 < topic.rounds.length) {
      r.roundIndex++;
      this.room.prepareNext(scenario, topic.rounds[r.roundIndex]);
    }
    this.changed();
    return { topic: topic.topic, prediction };
  }

  /** A round starts: the phones leave the poll and the prediction for the game. */
  roundStarted(): void {
    const r = this.record;
    if (!r.pollOpen && !r.predictOpen) return;
    r.pollOpen = r.predictOpen = false;
    this.changed();
  }

  /** A projector (re)joins: the live results, and the summary at the summary step. */
  hostJoined(connectionId: string): void {
    if (!this.record.active) return;
    this.ports.transport.send(connectionId, "lessonResults", this.results());
    if (this.record.place.step === "summary") this.sendSummary([connectionId]);
  }

  /** A phone (re)joins: what it answered for the current topic. */
  playerJoined(player: Player): void {
    if (this.record.active) this.sendAnswer(player);
  }

  /** Each clock tick: the live results to the projectors when they changed (and not more often than RESULTS_INTERVAL_MS). */
  tick(now: number): void {
    if (!this.record.active) return;
    const eligible = this.eligible();
    if (eligible !== this.eligibleSent) this.resultsDue = true;
    if (!this.resultsDue || now - this.resultsSentAt < RESULTS_INTERVAL_MS) return;
    const results = this.results();
    for (const id of this.room.hostConnections) this.ports.transport.send(id, "lessonResults", results);
    [this.resultsDue, this.resultsSentAt, this.eligibleSent] = [false, now, results.eligible];
  }

  results(): LessonResults {
    const r = this.record;
    const topic = r.place.topic;
    const prediction = topicOf(topic)?.prediction;
    const predictions = prediction ? tallyPredictions(prediction, Object.values(r.predictions[topic] ?? {})) : {};
    return { topic, poll: pollCloud(Object.values(r.polls[topic] ?? {})), predictions, answered: this.answered(), eligible: this.eligible() };
  }

  /** Every topic's rounds (from the room's history), its prediction beside its result, and the pinned definition. */
  summary(): LessonSummary {
    const topics = LESSON.map(({ topic }) => ({
      topic,
      rounds: this.room.history.ofTopic(topic).map(({ gameId, variant, summary, groups }) => ({ gameId, variant, summary, groups })),
      prediction: this.record.outcomes[topic] ?? null,
    }));
    return { pinned: this.record.pinned, topics };
  }

  snapshot(): LessonRecord {
    return structuredClone(this.record);
  }

  restore(record: LessonRecord | undefined): void {
    this.record = { ...emptyLessonRecord(), ...structuredClone(record ?? {}) };
    this.changed();
  }

  /** What the shared state shows of the lesson. */
  state(): LessonStateView {
    const { active, place, roundIndex, pollOpen, predictOpen, pinned } = this.record;
    if (!active) return { active, topic: 0, step: "", roundIndex: 0, pollOpen: false, predictOpen: false, pinned, answered: 0 };
    return { active, topic: place.topic, step: place.step, roundIndex, pollOpen, predictOpen, pinned, answered: this.answered() };
  }

  private enter(place: LessonPlace): void {
    const r = this.record;
    if (place.topic !== r.place.topic) r.roundIndex = 0;
    r.place = place;
    r.pollOpen = place.step === "poll";
    r.predictOpen = place.step === "predict";
    const topic = topicOf(place.topic);
    if (topic && (place.step === "predict" || place.step === "round") && !this.room.roundActive) {
      const variant = topic.rounds[r.roundIndex] ?? topic.rounds[0];
      const { scenario: now, variant: nowVariant } = this.room.config;
      if (now !== topic.scenario || nowVariant !== variant) this.room.configureRound(topic.scenario, variant);
    }
    if (r.pollOpen || r.predictOpen) for (const p of this.room.roster.players.values()) if (p.connected) this.sendAnswer(p);
    if (place.step === "summary") this.sendSummary(this.room.hostConnections);
    this.changed();
  }

  /** The record changed: the shared state follows, the projectors' results are due, the snapshot is saved soon. */
  private changed(): void {
    this.ports.mirror.lesson(this.state());
    this.resultsDue = true;
    this.ports.saveSoon();
  }

  private answered(): number {
    const { place, polls, predictions } = this.record;
    const answers = place.step === "poll" ? polls[place.topic] : place.step === "predict" ? predictions[place.topic] : undefined;
    return Object.keys(answers ?? {}).length;
  }

  private eligible(): number {
    let n = 0;
    for (const p of this.room.roster.players.values()) if (p.connected) n++;
    return n;
  }

  private sendAnswer(player: Player): void {
    if (!player.sessionId) return;
    const topic = this.record.place.topic;
    const poll = this.record.polls[topic]?.[player.id] ?? null;
    const prediction = this.record.predictions[topic]?.[player.id] ?? null;
    this.ports.transport.send(player.sessionId, "yourAnswer", { poll, prediction });
  }

  private sendSummary(hosts: Iterable<string>): void {
    const summary = this.summary();
    for (const id of hosts) this.ports.transport.send(id, "lessonSummary", summary);
  }
}
