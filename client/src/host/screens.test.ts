import { describe, expect, it } from "vitest";
import { screenOf } from "./screens.js";

const base = { inRoom: true, phase: "lobby", lesson: null, debriefOpen: false };

describe("screenOf", () => {
  it("walks a free room: landing, lobby, round, debrief, back to the room", () => {
    expect(screenOf({ ...base, inRoom: false })).toBe("landing");
    expect(screenOf(base)).toBe("lobby");
    for (const phase of ["countdown", "running", "paused", "draining"]) expect(screenOf({ ...base, phase })).toBe("round");
    expect(screenOf({ ...base, phase: "over", debriefOpen: true })).toBe("debrief");
    expect(screenOf({ ...base, phase: "over" })).toBe("lobby");
    // A design round's design phase, even over the last debrief and in lesson mode.
    expect(screenOf({ ...base, phase: "design", debriefOpen: true })).toBe("design");
    expect(screenOf({ ...base, phase: "design", lesson: { active: true, step: "round" } })).toBe("design");
  });

  it("shows each lesson step full screen, a running round above all", () => {
    const lesson = (step: string) => ({ ...base, lesson: { active: true, step } });
    expect(screenOf(lesson("prompt"))).toBe("prompt");
    expect(screenOf(lesson("poll"))).toBe("poll");
    expect(screenOf(lesson("predict"))).toBe("predict");
    expect(screenOf(lesson("round"))).toBe("lobby");
    expect(screenOf({ ...lesson("round"), phase: "running" })).toBe("round");
    expect(screenOf({ ...lesson("round"), phase: "over", debriefOpen: true })).toBe("debrief");
    expect(screenOf(lesson("debrief"))).toBe("lessonDebrief");
    expect(screenOf(lesson("summary"))).toBe("summary");
    expect(screenOf({ ...base, lesson: { active: false, step: "" } })).toBe("lobby");
  });
});
