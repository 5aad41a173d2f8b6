// What a class session is given instead of reaching for it: the time, the random ids and
// seeds, and where its outcomes go. The Colyseus room plugs in the real ones; unit tests
// plug in a hand-moved clock and recording fakes, so a whole round runs in milliseconds.
import { randomBytes, randomInt } from "node:crypto";
import type { Design } from "../../shared/design/index.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import type { Report, RoundSummary } from "../../shared/checker/checker.js";
import type { Refusal, ServerMessages } from "../../shared/protocol.js";
import type { LiveScore } from "../../shared/checker/liveScore.js";
import type { LogHeader, Round } from "../../shared/sim/round.js";
import type { LessonStateView } from "../../shared/view/roomState.js";
import { newResumeToken } from "./auth.js";
import type { Player } from "./Roster.js";

/** Milliseconds of wall time: the countdown, the bot takeover grace period, idle students and the lesson results' pace read it. */
export interface Clock {
  now(): number;
}

/** Where every unpredictable value of a session comes from. */
export interface IdSource {
  playerId(): string;
  resumeToken(): string;
  /** A few random characters that make a game id unique in the store. */
  gameSuffix(): string;
  /** The seed of a round whose host chose none: a positive 31-bit integer. */
  seed(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const randomIds: IdSource = {
  playerId: () => randomBytes(6).toString("base64url"),
  resumeToken: newResumeToken,
  gameSuffix: () => randomBytes(3).toString("hex"),
  seed: () => randomInt(1, 2 ** 31 - 1),
};

/** Messages to the people in the room, addressed by connection id (a phone or a projector). */
export interface SessionTransport {
  send<K extends Exclude<keyof ServerMessages, "refused">>(connectionId: string, type: K, message: ServerMessages[K]): void;
  refuse(connectionId: string, refusal: Refusal): void;
  /** Whether new people may still find and join the room (the host's lock). */
  setJoinable(joinable: boolean): void;
  /** A player's action changed the state: the next patch carries its effect (for the latency metric). */
  actionApplied(): void;
}

/** The values every client sees at the root of the shared state. */
export interface RoomSettings {
  code: string;
  phase: string;
  scenario: string;
  variant: string;
  /** The broker profile the next (or current) round runs on. */
  profile: string;
  seed: number;
  gameId: string;
  round: number;
  countdown: number;
  /** Seconds left in the design phase (0 outside it). */
  designLeft: number;
  locked: boolean;
  focusedTeam: number;
  playerCount: number;
}

/**
 * The shared state the clients see, kept by the room (the Colyseus schema and its views).
 * Each call says what changed; the mirror copies it and decides what each client may see.
 */
export interface StateMirror {
  settings(settings: Readonly<RoomSettings>): void;
  hostJoined(connectionId: string): void;
  playerJoined(player: Player): void;
  playerChanged(player: Player): void;
  /** The player's team or role changed (or the player connected): what their phone sees follows. */
  playerPlaced(player: Player): void;
  /** A round's teams exist: build their state and views. `members` counts the people of each team. */
  roundBegan(round: Round, members: number[], scores: readonly LiveScore[]): void;
  roundTicked(round: Round, scores: readonly LiveScore[]): void;
  roundSettled(report: Report): void;
  /** Each team's design (index = team): every phone and the projector see every end's choices. */
  designs(designs: readonly Design[]): void;
  /** Lesson mode's step and what the phones show of it. */
  lesson(state: Readonly<LessonStateView>): void;
}

/** The game logs of the room's rounds (see GameLogWriter). Writes are queued, in call order. */
export interface GameLog {
  /** A round's log begins: its header, then the events it has already lived (after a restore). */
  begin(header: LogHeader, lived: readonly Emitted[]): void;
  append(gameId: string, lines: string[]): void;
  finish(gameId: string, summary: RoundSummary, report: Report): void;
  /** A round cut by a crash ends with a summary naming the game that continues it, if any. */
  interrupt(gameId: string, continuedIn: string | null): void;
}

export interface SessionPorts {
  clock: Clock;
  ids: IdSource;
  transport: SessionTransport;
  mirror: StateMirror;
  log: GameLog;
  /** Something a restart must keep changed (roster, settings, round number, rounds played, lesson progress): save it soon. */
  saveSoon(): void;
  /** A message broke the code (a bug, not a bad input): the session refuses it, carries on, and reports it here. */
  report(error: unknown, context: string): void;
}
