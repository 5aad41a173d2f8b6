// What the projector shows, decided from the page's state alone: the landing, the lobby
// (who joined, how to join, the next round's setup), a round, its debrief, or a step of
// lesson mode. A round always takes the screen while it runs; its debrief takes it when the
// round ends, until the instructor goes back to the room.

export type Screen = "landing" | "lobby" | "design" | "round" | "debrief" | "prompt" | "poll" | "predict" | "lessonDebrief" | "summary";

export interface ScreenInputs {
  inRoom: boolean;
  phase: string | null;
  lesson: { active: boolean; step: string } | null;
  /** A round's results are here and the instructor has not left them. */
  debriefOpen: boolean;
}

export function roundActive(phase: string | null): boolean {
  return phase === "countdown" || phase === "running" || phase === "paused" || phase === "draining";
}

export function screenOf({ inRoom, phase, lesson, debriefOpen }: ScreenInputs): Screen {
  if (!inRoom) return "landing";
  if (roundActive(phase)) return "round";
  // A design round's design phase takes the screen, in lesson mode too.
  if (phase === "design") return "design";
  if (lesson?.active) {
    switch (lesson.step) {
      case "prompt":
      case "poll":
      case "predict":
      case "summary":
        return lesson.step;
      case "debrief":
        return "lessonDebrief";
    }
  }
  return debriefOpen ? "debrief" : "lobby";
}
