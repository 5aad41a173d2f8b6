import { describe, expect, it } from "vitest";
import { acceptsDesign, isRoundActive, nextPhase, PhaseMachine, ROOM_PHASES, type PhaseMove } from "./phase.js";

/** Plays one whole round through the machine, as the room does: start → countdown → run → drain → over. */
function playRound(machine: PhaseMachine): void {
  for (const move of ["start", "countdownDone", "drainStarted", "roundOver"] as PhaseMove[]) expect(machine.apply(move), move).toMatchObject({ ok: true });
}

describe("room phase machine", () => {
  it("plays three rounds in a row, changing the topic between them", () => {
    const machine = new PhaseMachine();
    playRound(machine);
    expect(machine.phase).toBe("over");
    // Choosing the next topic after a round goes back to the lobby, and the lobby starts a round.
    expect(machine.apply("configure")).toEqual({ ok: true, phase: "lobby" });
    playRound(machine);
    // Starting again straight from "over" (same topic) works too.
    playRound(machine);
    expect(machine.phase).toBe("over");
  });

  it("refuses to reconfigure or restart while a round is in progress", () => {
    for (const phase of ["countdown", "running", "paused", "draining"] as const) {
      expect(isRoundActive(phase)).toBe(true);
      expect(nextPhase(phase, "configure")).toEqual({ ok: false, reason: "roundActive" });
      expect(nextPhase(phase, "start")).toEqual({ ok: false, reason: "roundActive" });
    }
    for (const phase of ["lobby", "design", "over"] as const) {
      expect(isRoundActive(phase)).toBe(false);
      expect(nextPhase(phase, "start")).toEqual({ ok: true, phase: "countdown" });
    }
  });

  it("pauses, resumes and ends only a running or paused round", () => {
    const machine = new PhaseMachine();
    expect(machine.apply("pause")).toEqual({ ok: false, reason: "notRunning" });
    expect(machine.apply("end")).toEqual({ ok: false, reason: "notRunning" });
    machine.apply("start");
    expect(machine.apply("pause")).toEqual({ ok: false, reason: "notRunning" });
    machine.apply("countdownDone");
    expect(machine.apply("resume")).toEqual({ ok: false, reason: "notRunning" });
    expect(machine.apply("pause")).toEqual({ ok: true, phase: "paused" });
    // Ending a paused round lets the clock run again for the drain.
    expect(machine.apply("end")).toEqual({ ok: true, phase: "running" });
    machine.apply("drainStarted");
    expect(machine.apply("pause")).toEqual({ ok: false, reason: "notRunning" });
    expect(machine.apply("roundOver")).toEqual({ ok: true, phase: "over" });
    expect(machine.apply("end")).toEqual({ ok: false, reason: "notRunning" });
  });

  it("never reaches a phase outside the list, whatever the order of moves", () => {
    const moves: PhaseMove[] = ["configure", "design", "start", "countdownDone", "pause", "resume", "end", "drainStarted", "roundOver"];
    for (const from of ROOM_PHASES)
      for (const move of moves) {
        const result = nextPhase(from, move);
        if (result.ok) expect(ROOM_PHASES).toContain(result.phase);
        else expect(["roundActive", "notRunning"]).toContain(result.reason);
      }
  });

  it("opens a design phase between rounds, which leads to the countdown or back to the lobby", () => {
    const machine = new PhaseMachine();
    expect(machine.apply("design")).toEqual({ ok: true, phase: "design" });
    expect(isRoundActive("design")).toBe(false);
    expect(acceptsDesign("design")).toBe(true);
    expect(machine.apply("pause")).toEqual({ ok: false, reason: "notRunning" });
    playRound(machine);
    expect(acceptsDesign(machine.phase)).toBe(false);
    // The same chaos again: a new design phase straight from the results.
    expect(machine.apply("design")).toEqual({ ok: true, phase: "design" });
    expect(machine.apply("configure")).toEqual({ ok: true, phase: "lobby" });
    for (const phase of ["countdown", "running", "paused", "draining"] as const)
      expect(nextPhase(phase, "design")).toEqual({ ok: false, reason: "roundActive" });
  });

  it("a refused move leaves the phase as it was", () => {
    const machine = new PhaseMachine("draining");
    expect(machine.apply("start").ok).toBe(false);
    expect(machine.phase).toBe("draining");
  });
});
