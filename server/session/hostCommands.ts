// What each host command may do, and when. One handler per message type (the table is
// typed by the protocol's HostMessage union, so a new command without a handler does not
// compile). A handler answers null when the command took effect, or the refusal reason.
import type { Fault } from "../../shared/engine/config.js";
import type { ConfigMessage, DesignBots, HostMessage, Refusal, ShellRefusal } from "../../shared/protocol.js";
import { findScenario, findVariant, profileFor } from "../../shared/scenarios/catalogue.js";
import { acceptsActions, type PhaseMachine, type PhaseMove, type PhaseRefusal } from "../../shared/session/phase.js";
import type { LessonProgress } from "./LessonProgress.js";
import type { RoundPlay } from "./RoundPlay.js";
import { isDesignRound } from "./TeamDesigns.js";

export type HostRefusal = ShellRefusal | Refusal["reason"];

/** The session as the host commands see it: its rules read the phase and the round, and call these effects. */
export interface HostControls {
  readonly phases: PhaseMachine;
  readonly play: RoundPlay | null;
  readonly config: ConfigMessage;
  moveTo(move: PhaseMove): PhaseRefusal | null;
  configure(config: ConfigMessage): void;
  startCountdown(): void;
  /** Opens the design phase of the configured design round. */
  openDesign(seconds: number, bots: DesignBots): void;
  /** The engine's refusal of the fault for that team, if it refused. */
  injectFault(team: number, fault: Fault): Refusal["reason"] | null;
  /** False when there is no such player or team. */
  movePlayer(playerId: string, team: number): boolean;
  setLocked(locked: boolean): void;
  focus(team: number): void;
  readonly lesson: LessonProgress;
}

type Handler<T extends HostMessage["type"]> = (session: HostControls, message: Extract<HostMessage, { type: T }>) => HostRefusal | null;

const HOST_COMMANDS: { [T in HostMessage["type"]]: Handler<T> } = {
  "host:config": (session, { value }) => {
    if (session.phases.roundActive) return "roundActive";
    if (!findScenario(value.scenario) || !findVariant(value.scenario, value.variant)) return "unknownScenario";
    // A profile asked for explicitly must be one the variant runs on (null: the variant's own).
    if (value.profile && profileFor(value.scenario, value.variant, value.profile) !== value.profile) return "profileNotAllowed";
    session.moveTo("configure");
    session.configure(value);
    return null;
  },
  "host:start": (session) => {
    if (session.phases.roundActive) return "roundActive";
    if (!findVariant(session.config.scenario, session.config.variant)) return "unknownScenario";
    session.startCountdown();
    return null;
  },
  "host:design": (session, { value }) => {
    if (session.phases.roundActive) return "roundActive";
    if (!isDesignRound(session.config)) return "notDesignRound";
    session.openDesign(value.seconds, value.bots);
    return null;
  },
  "host:pause": (session) => session.moveTo("pause"),
  "host:resume": (session) => session.moveTo("resume"),
  "host:end": (session) => {
    const play = session.play;
    if (!play) return "notRunning";
    const refusal = session.moveTo("end");
    if (refusal) return refusal;
    play.requestEnd();
    return null;
  },
  "host:fault": (session, { value }) => {
    const play = session.play;
    if (!play || !acceptsActions(session.phases.phase) || play.round.drainRequested) return "notRunning";
    const targets = value.team === "all" ? play.round.teams.map((_, t) => t) : [value.team];
    if (targets.some((t) => t >= play.teamCount)) return "unknownTeam";
    let refusal: HostRefusal | null = null;
    for (const t of targets) refusal = session.injectFault(t, value.fault) ?? refusal;
    // A fault on every team is refused only where it cannot apply; the host is told when it aimed at one team.
    return targets.length === 1 ? refusal : null;
  },
  "host:move": (session, { value }) => {
    if (session.phases.roundActive) return "roundActive";
    return session.movePlayer(value.player, value.team) ? null : "unknownPlayer";
  },
  "host:lock": (session, { value }) => {
    session.setLocked(value.locked);
    return null;
  },
  "host:focus": (session, { value }) => {
    if (!session.play || value.team >= session.play.teamCount) return "unknownTeam";
    session.focus(value.team);
    return null;
  },
  "host:lesson": (session, { value }) => session.lesson.command(value),
  "host:pin": (session, { value }) => session.lesson.pin(value.text),
};

/** Runs a checked host command against the session. */
export function runHostCommand(session: HostControls, message: HostMessage): HostRefusal | null {
  const handler = HOST_COMMANDS[message.type] as Handler<HostMessage["type"]>;
  return handler(session, message);
}
