import { describe, expect, it } from "vitest";
import { memoryLogData } from "../logs/MemoryLogStore.js";
import { LESSON } from "../../shared/lesson/plan.js";
import { lessonPlaces, predictionOutcome } from "../../shared/lesson/progress.js";
import { RESULTS_INTERVAL_MS } from "./LessonProgress.js";
import { classroom, endRound, enter, HOST_TOKEN, startRound, testRoom, type TestRoom } from "./testKit.js";

/** The instructor's clicker, at a pace the room's rate limit lets through. */
const lesson = (room: TestRoom, action: string, extra: Record<string, unknown> = {}) => {
  room.clock.advance(150);
  room.session.receive("host", "host:lesson", { action, ...extra });
};
const refusal = (room: TestRoom, from: string, type: string, payload: unknown) => {
  const before = room.transport.refusals.length;
  room.session.receive(from, type, payload);
  return room.transport.refusals.length > before ? room.transport.lastRefusal(from) : null;
};
/** Lets the throttled live results go out. */
const flush = (room: TestRoom) => {
  room.clock.advance(RESULTS_INTERVAL_MS);
  room.session.tick();
};
/** A short round the class plays to its end; lesson rounds keep the length chosen with host:config. */
const playRound = (room: TestRoom) => {
  startRound(room);
  endRound(room);
};
const SHORT = { scenario: "t3-lost-messages", variant: "naive", seed: 5, roundSeconds: 30 };

describe("lesson progress", () => {
  it("walks all nine topics and the summary with next, back with prev, and jumps with goto, rounds skipped", () => {
    const room = classroom(3, SHORT);
    const { mirror, transport } = room;
    expect(refusal(room, "host", "host:lesson", { action: "next" })).toBe("notInLesson");
    lesson(room, "start");
    const seen = [{ topic: mirror.lessonSeen!.topic, step: mirror.lessonSeen!.step }];
    for (let i = 0; i < 60 && mirror.lessonSeen!.step !== "summary"; i++) {
      lesson(room, "next");
      seen.push({ topic: mirror.lessonSeen!.topic, step: mirror.lessonSeen!.step });
    }
    expect(seen).toEqual(lessonPlaces());
    const summary = transport.to("host", "lessonSummary").at(-1)!;
    expect(summary.topics.map((t) => t.topic)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    lesson(room, "next");
    expect(mirror.lessonSeen).toMatchObject({ active: true, topic: 0, step: "summary" });
    lesson(room, "prev");
    expect(mirror.lessonSeen).toMatchObject({ topic: 9, step: "debrief" });
    lesson(room, "goto", { topic: 4, step: "round" });
    expect(mirror.lessonSeen).toMatchObject({ topic: 4, step: "round", roundIndex: 0 });
    lesson(room, "next");
    expect(mirror.lessonSeen).toMatchObject({ topic: 4, step: "debrief" });
    lesson(room, "goto", { topic: 6 });
    expect(mirror.lessonSeen).toMatchObject({ topic: 6, step: "prompt" });
    expect(refusal(room, "host", "host:lesson", { action: "goto", topic: 3, step: "poll" })).toBe("badMessage");
    expect(refusal(room, "host", "host:lesson", { action: "goto", topic: 10 })).toBe("badMessage");
    expect(refusal(room, "host", "host:lesson", { action: "jump" })).toBe("badMessage");
    expect(refusal(room, "s1", "host:lesson", { action: "next" })).toBe("notHost");
    lesson(room, "goto", { step: "summary" });
    expect(mirror.lessonSeen).toMatchObject({ topic: 0, step: "summary" });
    lesson(room, "stop");
    expect(mirror.lessonSeen).toMatchObject({ active: false, topic: 0, step: "" });
  });

  it("configures the room on entering a topic's predict or round step, advances naive → fixed after its round, and never moves during one", () => {
    const room = classroom(3, SHORT);
    const { session, transport } = room;
    lesson(room, "start");
    lesson(room, "goto", { topic: 4, step: "predict" });
    expect(session.settings).toMatchObject({ scenario: "t4-duplicates", variant: "naive", phase: "lobby" });
    lesson(room, "next");
    expect(session.settings).toMatchObject({ scenario: "t4-duplicates", variant: "naive" });
    startRound(room);
    expect(refusal(room, "host", "host:lesson", { action: "next" })).toBe("roundActive");
    expect(refusal(room, "host", "host:lesson", { action: "goto", topic: 1 })).toBe("roundActive");
    endRound(room);
    const naive = transport.hostOver("host").at(-1)!;
    expect(naive).toMatchObject({ topic: 4, summary: { variant: "naive" } });
    expect(naive.prediction).not.toBeNull();
    // The next round of the topic is chosen, and its results stay on screen.
    expect(session.settings).toMatchObject({ scenario: "t4-duplicates", variant: "fixed", phase: "over" });
    expect(room.mirror.lessonSeen).toMatchObject({ topic: 4, step: "round", roundIndex: 1 });
    playRound(room);
    const fixed = transport.hostOver("host").at(-1)!;
    expect(fixed).toMatchObject({ topic: 4, prediction: null, summary: { variant: "fixed" }, previous: { gameId: naive.gameId, variant: "naive" } });
    // Then the topic's next fix (Topic 4 plays its variants in the lesson's order).
    expect(room.mirror.lessonSeen?.roundIndex).toBe(2);
    expect(session.settings).toMatchObject({ scenario: "t4-duplicates", variant: "broker-dedup" });
    // A variant the instructor adds is allowed, and counted in the topic.
    session.receive("host", "host:config", { ...SHORT, scenario: "t4-duplicates", variant: "fixed" });
    playRound(room);
    expect(transport.hostOver("host").at(-1)!.topic).toBe(4);
    expect(
      transport
        .to("host", "history")
        .at(-1)!
        .rounds.map((r) => r.topic),
    ).toEqual([4, 4, 4]);
    // Going to another topic's round step configures the room again (from the results back to the lobby).
    lesson(room, "goto", { topic: 7, step: "round" });
    expect(session.settings).toMatchObject({ scenario: "t7-ordering", variant: "naive", phase: "lobby" });
    // A round outside the topic's scenario is not the topic's.
    session.receive("host", "host:config", SHORT);
    playRound(room);
    expect(transport.hostOver("host").at(-1)!.topic).toBeNull();
    lesson(room, "summary");
    const summary = transport.to("host", "lessonSummary").at(-1)!;
    expect(summary.topics[3].rounds.map((r) => r.variant)).toEqual(["naive", "fixed", "fixed"]);
    expect(summary.topics[3].prediction).toEqual(naive.prediction);
    expect(summary.topics[3].rounds[0].groups.length).toBeLessThanOrEqual(3);
  });

  it("collects one poll answer per student, editable until closed, cleaned and limited, and shows them live", () => {
    const room = classroom(3, SHORT);
    const { transport, mirror } = room;
    expect(refusal(room, "s1", "lesson:poll", { text: "cedo" })).toBe("notInLesson");
    lesson(room, "start");
    expect(refusal(room, "s1", "lesson:poll", { text: "cedo" })).toBe("closed");
    lesson(room, "next");
    expect(mirror.lessonSeen).toMatchObject({ topic: 1, step: "poll", pollOpen: true, answered: 0 });
    expect(transport.to("s1", "yourAnswer").at(-1)).toEqual({ poll: null, prediction: null });
    flush(room);
    const sentBefore = transport.to("host", "lessonResults").length;
    expect(refusal(room, "s1", "lesson:poll", { text: "  Não <b>bloqueia</b>\u0007 " })).toBeNull();
    expect(refusal(room, "s2", "lesson:poll", { text: "não bloqueia!" })).toBeNull();
    expect(refusal(room, "s3", "lesson:poll", { text: "depois" })).toBeNull();
    expect(refusal(room, "s3", "lesson:poll", { text: "x".repeat(60) })).toBeNull();
    expect(refusal(room, "s3", "lesson:poll", { text: "Não bloqueia" })).toBeNull();
    expect(transport.to("s3", "yourAnswer").at(-1)).toEqual({ poll: "Não bloqueia", prediction: null });
    expect(refusal(room, "s2", "lesson:poll", { text: "y".repeat(61) })).toBe("tooLong");
    expect(refusal(room, "s2", "lesson:poll", { text: " <i></i>\u0000 " })).toBe("badMessage");
    expect(refusal(room, "s2", "lesson:poll", { words: "x" })).toBe("badMessage");
    expect(refusal(room, "host", "lesson:poll", { text: "the projector" })).toBe("unknownPlayer");
    expect(mirror.lessonSeen?.answered).toBe(3);
    // Many answers within the interval, one message with all of them.
    expect(transport.to("host", "lessonResults")).toHaveLength(sentBefore);
    flush(room);
    flush(room);
    expect(transport.to("host", "lessonResults")).toHaveLength(sentBefore + 1);
    expect(transport.to("host", "lessonResults").at(-1)).toEqual({
      topic: 1,
      poll: [{ text: "Não bloqueia", count: 3 }],
      predictions: { none: 0, few: 0, many: 0, most: 0 },
      answered: 3,
      eligible: 3,
    });
    lesson(room, "closePoll");
    expect(mirror.lessonSeen?.pollOpen).toBe(false);
    expect(refusal(room, "s1", "lesson:poll", { text: "tarde" })).toBe("closed");
    expect(refusal(room, "host", "host:lesson", { action: "closePoll" })).toBe("closed");
    // A phone that reloads sees what it answered.
    const token = transport.to("s1", "welcome")[0].resumeToken;
    room.session.leave("s1");
    enter(room.session, "s1-again", { resumeToken: token });
    expect(transport.to("s1-again", "yourAnswer")).toEqual([{ poll: "Não bloqueia", prediction: null }]);
  });

  it("takes predictions while open, changeable, only the topic's options, and sets them beside the round's result", () => {
    const room = classroom(3, SHORT);
    const { transport, mirror } = room;
    lesson(room, "start");
    lesson(room, "goto", { topic: 3, step: "predict" });
    expect(mirror.lessonSeen).toMatchObject({ predictOpen: true, pollOpen: false });
    expect(refusal(room, "s1", "lesson:predict", { option: "few" })).toBeNull();
    expect(refusal(room, "s1", "lesson:predict", { option: "many" })).toBeNull();
    expect(refusal(room, "s2", "lesson:predict", { option: "none" })).toBeNull();
    expect(refusal(room, "s3", "lesson:predict", { option: "most" })).toBe("badOption");
    expect(refusal(room, "s3", "lesson:predict", { option: "<script>" })).toBe("badMessage");
    expect(transport.to("s1", "yourAnswer").at(-1)).toEqual({ poll: null, prediction: "many" });
    expect(mirror.lessonSeen?.answered).toBe(2);
    lesson(room, "closePredict");
    expect(refusal(room, "s3", "lesson:predict", { option: "few" })).toBe("closed");
    lesson(room, "next");
    playRound(room);
    const over = transport.hostOver("host").at(-1)!;
    const expected = predictionOutcome(LESSON[2], ["many", "none"], over.teams, over.anomalies);
    expect(over.prediction).toEqual(expected);
    expect(over.prediction?.counts).toEqual({ none: 1, few: 0, several: 0, many: 1 });
    expect(over.prediction?.value).toBe(Math.round(over.teams[0].lost));
  });

  it("pins the definition the class agreed on, cleaned and limited, and unpins it", () => {
    const room = classroom(1, SHORT);
    expect(refusal(room, "host", "host:pin", { text: "x" })).toBe("notInLesson");
    lesson(room, "start");
    expect(refusal(room, "host", "host:pin", { text: "Quem envia <em>não espera</em>\n a resposta" })).toBeNull();
    expect(room.mirror.lessonSeen?.pinned).toBe("Quem envia não espera a resposta");
    expect(refusal(room, "host", "host:pin", { text: "z".repeat(121) })).toBe("tooLong");
    expect(refusal(room, "s1", "host:pin", { text: "mine" })).toBe("notHost");
    lesson(room, "summary");
    expect(room.transport.to("host", "lessonSummary").at(-1)!.pinned).toBe("Quem envia não espera a resposta");
    expect(refusal(room, "host", "host:pin", { text: "" })).toBeNull();
    expect(room.mirror.lessonSeen?.pinned).toBe("");
  });

  it("survives a restart: the same step, answers, predictions, pinned definition and outcomes", async () => {
    const data = memoryLogData();
    const before = testRoom({ data });
    const { session } = before;
    enter(session, "host", { hostToken: HOST_TOKEN });
    for (let i = 1; i <= 3; i++) enter(session, `s${i}`, { name: `Player ${i}` });
    session.receive("host", "host:config", SHORT);
    lesson(before, "start");
    lesson(before, "next");
    session.receive("s1", "lesson:poll", { text: "fila" });
    session.receive("s2", "lesson:poll", { text: "Fila" });
    session.receive("host", "host:pin", { text: "não espera" });
    lesson(before, "next");
    session.receive("s3", "lesson:predict", { option: "few" });
    lesson(before, "next");
    playRound(before);
    lesson(before, "next");
    const seen = before.mirror.lessonSeen;
    expect(seen).toMatchObject({ topic: 1, step: "debrief", roundIndex: 1, pinned: "não espera" });
    before.persistence.save(session.snapshot());
    await before.writer.settled();

    const after = testRoom({ data, clock: before.clock });
    await after.persistence.restore(after.session);
    expect(after.mirror.lessonSeen).toEqual(seen);
    expect(after.session.settings).toMatchObject({ scenario: "t1-sync-vs-async", variant: "fixed" });
    enter(after.session, "host", { hostToken: HOST_TOKEN });
    expect(after.transport.to("host", "lessonResults")[0]).toMatchObject({ topic: 1, predictions: { few: 1 } });
    lesson(after, "prev");
    lesson(after, "prev");
    lesson(after, "prev");
    expect(after.mirror.lessonSeen).toMatchObject({ step: "poll", answered: 2 });
    after.clock.advance(RESULTS_INTERVAL_MS);
    after.session.tick();
    expect(after.transport.to("host", "lessonResults").at(-1)!.poll).toEqual([{ text: "fila", count: 2 }]);
    lesson(after, "summary");
    const summary = after.transport.to("host", "lessonSummary").at(-1)!;
    expect(summary.topics[0].prediction?.counts).toMatchObject({ few: 1 });
    expect(summary.topics[0].rounds).toHaveLength(1);
  });
});
