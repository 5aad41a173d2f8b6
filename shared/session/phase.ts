// The class room's phase, as one state machine. The room asks it before every host command
// and every player action, and the schema only mirrors its answer: no other code decides
// whether a round is in progress. A room plays any number of rounds: "over" leads back to
// a new countdown (or to the lobby when the host changes the topic) with nobody rejoining.

/**
 * lobby     → no round yet, or the host is choosing the next one
 * design    → before a design round: each student chooses the settings of their end of the
 *             pipeline; the host's start (or the design clock) leads to the countdown
 * countdown → a round was started, seats are dealt, the clock runs down
 * running   → people and bots play
 * paused    → the host froze the round
 * draining  → no new business event; bots run the pipeline until it is quiet
 * over      → the round's results are final; the host may configure or start the next one
 */
export type RoomPhase = "lobby" | "design" | "countdown" | "running" | "paused" | "draining" | "over";

export const ROOM_PHASES: readonly RoomPhase[] = ["lobby", "design", "countdown", "running", "paused", "draining", "over"];

/** What can happen to a room's phase: host commands, the clock, and the engine's own progress. */
export type PhaseMove =
  | "configure" // the host picks a topic, variant, seed or length
  | "design" // the host opens the design phase of a design round
  | "start" // the host starts a round (or the design clock ran out)
  | "countdownDone" // the countdown reached zero
  | "pause"
  | "resume"
  | "end" // the host ends the round early: the drain starts on the next tick
  | "drainStarted" // the engine entered its drain (round time up, or after "end")
  | "roundOver" // the engine's drain finished: results are final
  | "restorePaused" // a crashed room's running round came back from its log
  | "restoreDraining"; // …or its drain did

export type PhaseRefusal = "roundActive" | "notRunning";

export type PhaseResult = { ok: true; phase: RoomPhase } | { ok: false; reason: PhaseRefusal };

/** A round exists and its results are not final: seats are fixed, the topic cannot change. */
export function isRoundActive(phase: RoomPhase): boolean {
  return phase === "countdown" || phase === "running" || phase === "paused" || phase === "draining";
}

/** Students may choose their end's design settings. */
export function acceptsDesign(phase: RoomPhase): boolean {
  return phase === "design";
}

/** Players may act (the engine may still refuse the action itself). */
export function acceptsActions(phase: RoomPhase): boolean {
  return phase === "running";
}

/** The next phase after `move`, or why the move is not allowed now. Pure: the caller applies it. */
export function nextPhase(phase: RoomPhase, move: PhaseMove): PhaseResult {
  const to = (next: RoomPhase): PhaseResult => ({ ok: true, phase: next });
  switch (move) {
    case "configure":
      // From the design phase too: the designs stay, the phase closes.
      return isRoundActive(phase) ? { ok: false, reason: "roundActive" } : to("lobby");
    case "design":
      return isRoundActive(phase) ? { ok: false, reason: "roundActive" } : to("design");
    case "start":
      return isRoundActive(phase) ? { ok: false, reason: "roundActive" } : to("countdown");
    case "countdownDone":
      return phase === "countdown" ? to("running") : { ok: false, reason: "notRunning" };
    case "pause":
      return phase === "running" ? to("paused") : { ok: false, reason: "notRunning" };
    case "resume":
      return phase === "paused" ? to("running") : { ok: false, reason: "notRunning" };
    case "end":
      // A paused round ends too: the drain needs the clock, so the room runs again.
      return phase === "running" || phase === "paused" ? to("running") : { ok: false, reason: "notRunning" };
    case "drainStarted":
      return phase === "running" || phase === "draining" ? to("draining") : { ok: false, reason: "notRunning" };
    case "roundOver":
      return phase === "running" || phase === "draining" ? to("over") : { ok: false, reason: "notRunning" };
    case "restorePaused":
      return to("paused");
    case "restoreDraining":
      return to("draining");
  }
}

/** A small holder for rooms: the current phase and one way to change it. */
export class PhaseMachine {
  constructor(private current: RoomPhase = "lobby") {}

  get phase(): RoomPhase {
    return this.current;
  }

  get roundActive(): boolean {
    return isRoundActive(this.current);
  }

  /** Applies `move` when allowed; returns the result either way. */
  apply(move: PhaseMove): PhaseResult {
    const result = nextPhase(this.current, move);
    if (result.ok) this.current = result.phase;
    return result;
  }
}
