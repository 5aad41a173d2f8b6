import { describe, expect, it } from "vitest";
import { PLAYER_ACTION_SPECS } from "./engine/actions.js";
import {
  cleanAnswer,
  isDrawn,
  isHostRoundOver,
  parseAct,
  parseDesign,
  parseHost,
  parseLesson,
  PLAYER_ACTIONS,
  toCommand,
  type RoundOverMessage,
} from "./protocol.js";
import { createRound, stepRound } from "./sim/round.js";

describe("protocol", () => {
  it("accepts every player action with the fields it needs, and makes the engine's command of it", () => {
    expect(PLAYER_ACTIONS).toHaveLength(14);
    const full = { token: 7, msgId: "P1-3", target: "all", requeue: true };
    for (const action of PLAYER_ACTIONS) {
      const needs = Object.keys(PLAYER_ACTION_SPECS[action].needs);
      const parsed = parseAct({ action, ...full, n: 4 });
      expect(parsed.ok, action).toBe(true);
      if (!parsed.ok) continue;
      const command = toCommand("C1", parsed.value);
      expect(Object.keys(command)).toEqual(["seat", "action", ...needs]);
      expect(command).toMatchObject({ seat: "C1", action });
    }
    expect(toCommand("B", { action: "route", token: 3, target: "all", msgId: "x" })).toEqual({ seat: "B", action: "route", token: 3, target: "all" });
  });

  it("refuses a missing field by naming the first one, an unknown action and an unexpected field", () => {
    expect(parseAct({ action: "route" })).toEqual({ ok: false, code: "badMessage", detail: "route needs a token" });
    expect(parseAct({ action: "route", token: 1 })).toEqual({ ok: false, code: "badMessage", detail: "route needs a target" });
    expect(parseAct({ action: "retry" })).toEqual({ ok: false, code: "badMessage", detail: "retry needs a msgId" });
    expect(parseAct({ action: "fault" })).toEqual({ ok: false, code: "badMessage", detail: "unknown action" });
    expect(parseAct({ action: "toString" })).toEqual({ ok: false, code: "badMessage", detail: "unknown action" });
    expect(parseAct({ action: "send", seat: "P2" })).toEqual({ ok: false, code: "badMessage", detail: "unexpected field seat" });
    expect(parseAct({ action: "send" })).toEqual({ ok: true, value: { action: "send" } });
    expect(parseAct({ action: "nack", token: 3 })).toEqual({ ok: false, code: "badMessage", detail: "nack needs a requeue" });
    expect(parseAct({ action: "nack", token: 3, requeue: "yes" })).toEqual({ ok: false, code: "badMessage", detail: "requeue must be true or false" });
    expect(toCommand("C1", { action: "nack", token: 3, requeue: false })).toEqual({ seat: "C1", action: "nack", token: 3, requeue: false });
  });

  it("tells the projector's drawing events from the rest", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 2, teams: 1 });
    const events = Array.from({ length: 30 }, () => stepRound(round)).flat();
    const drawn = new Set(events.filter(isDrawn).map((e) => e.type));
    expect(drawn.has("hop") && drawn.has("committed")).toBe(true);
    expect(events.some((e) => !isDrawn(e) && e.type === "command")).toBe(true);
  });

  it("tells the projector's end of round from a phone's", () => {
    const summary = {
      scenario: "s",
      variant: "v",
      seed: 1,
      teams: 1,
      committed: 0,
      applied: 0,
      lost: 0,
      duplicated: 0,
      misordered: 0,
      inconsistent: 0,
      raceAnomalies: 0,
      wrongFinalState: 0,
      refused: 0,
      ticks: 1,
      tickMs: 100,
      staleWrites: 0,
      conflicts: 0,
      parked: 0,
    };
    const host: RoundOverMessage = { gameId: "g", summary, teams: [], anomalies: [], groups: [], total: 0, previous: null, topic: null, prediction: null };
    const phone: RoundOverMessage = { gameId: "g", summary, team: null, you: { actions: 1, refusals: 0, seat: "P1" }, rank: 1, teamCount: 1, mainCause: null };
    expect([isHostRoundOver(host), isHostRoundOver(phone)]).toEqual([true, false]);
  });

  it("checks the instructor's lesson commands and pinned definition", () => {
    expect(parseHost("host:lesson", { action: "next" })).toEqual({ ok: true, value: { type: "host:lesson", value: { action: "next" } } });
    expect(parseHost("host:lesson", { action: "goto", topic: 4, step: "round" })).toEqual({
      ok: true,
      value: { type: "host:lesson", value: { action: "goto", topic: 4, step: "round" } },
    });
    expect(parseHost("host:lesson", { action: "goto", step: "summary" }).ok).toBe(true);
    expect(parseHost("host:lesson", { action: "goto" })).toMatchObject({ ok: false, code: "badMessage", detail: "goto needs a topic" });
    expect(parseHost("host:lesson", { action: "goto", topic: 10 })).toMatchObject({ ok: false, code: "badMessage" });
    expect(parseHost("host:lesson", { action: "goto", topic: 2, step: "nap" })).toMatchObject({ ok: false, code: "badMessage", detail: "step" });
    expect(parseHost("host:lesson", { action: "toString" })).toMatchObject({ ok: false, code: "badMessage" });
    expect(parseHost("host:lesson", { action: "next", extra: 1 })).toMatchObject({ ok: false, code: "badMessage" });
    expect(parseHost("host:pin", { text: " Não <b>espera</b> " })).toEqual({ ok: true, value: { type: "host:pin", value: { text: "Não espera" } } });
    expect(parseHost("host:pin", { text: "" })).toEqual({ ok: true, value: { type: "host:pin", value: { text: "" } } });
    expect(parseHost("host:pin", { text: "x".repeat(121) })).toEqual({ ok: false, code: "tooLong" });
    expect(parseHost("host:pin", {})).toMatchObject({ ok: false, code: "badMessage" });
  });

  it("checks and cleans a student's poll answer and prediction", () => {
    expect(parseLesson("lesson:poll", { text: "  fila\n\tde  <i>mensagens</i>\u0000\u200b " })).toEqual({
      ok: true,
      value: { type: "lesson:poll", value: { text: "fila de mensagens" } },
    });
    expect(parseLesson("lesson:poll", { text: "é".repeat(60) }).ok).toBe(true);
    expect(parseLesson("lesson:poll", { text: "é".repeat(61) })).toEqual({ ok: false, code: "tooLong" });
    expect(parseLesson("lesson:poll", { text: " \u0007 <br> " })).toMatchObject({ ok: false, code: "badMessage", detail: "blank" });
    expect(parseLesson("lesson:poll", { text: 5 })).toMatchObject({ ok: false, code: "badMessage" });
    expect(parseLesson("lesson:poll", { text: "x".repeat(3000) })).toEqual({ ok: false, code: "tooLarge" });
    expect(parseLesson("lesson:predict", { option: "few" })).toEqual({ ok: true, value: { type: "lesson:predict", value: { option: "few" } } });
    expect(parseLesson("lesson:predict", { option: "<few>" })).toMatchObject({ ok: false, code: "badMessage" });
    expect(parseLesson("lesson:vote", { option: "few" })).toMatchObject({ ok: false, code: "badMessage" });
    expect(cleanAnswer("a < b > c")).toBe("a b c");
    expect(cleanAnswer("<script>alert(1)</script>ok")).toBe("alert(1) ok");
  });

  it("checks a design choice's shape and the host's design phase", () => {
    expect(parseDesign({ setting: "storage", value: "durable" })).toEqual({ ok: true, value: { setting: "storage", value: "durable" } });
    expect(parseDesign({ setting: "storage" })).toEqual({ ok: false, code: "badMessage", detail: "value" });
    expect(parseDesign({ setting: "__proto__", value: "x" })).toEqual({ ok: false, code: "badMessage", detail: "setting" });
    expect(parseDesign({ setting: "ack", value: "afterProcessing", team: 2 })).toEqual({ ok: false, code: "badMessage", detail: "unexpected field team" });
    expect(parseDesign("storage=durable")).toMatchObject({ ok: false, code: "badMessage" });
    expect(parseHost("host:design", {})).toEqual({ ok: true, value: { type: "host:design", value: { seconds: 90, bots: "naive" } } });
    expect(parseHost("host:design", { seconds: 45, bots: "careful" })).toEqual({
      ok: true,
      value: { type: "host:design", value: { seconds: 45, bots: "careful" } },
    });
    expect(parseHost("host:design", { seconds: 5 })).toMatchObject({ ok: false, code: "badMessage" });
    expect(parseHost("host:design", { bots: "smart" })).toMatchObject({ ok: false, code: "badMessage" });
  });
});
