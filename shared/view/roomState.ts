// What a browser reads of the room's synchronised state (the server's schema in
// server/rooms/schema.ts), as plain structural types: pages type their reads with these
// without depending on the schema library. Collections are described by the few methods the
// decoded collections share with Map and Array. Fields the schema marks as seen by some
// views only (a team's pipeline, the players) are absent for the others. The schema stores
// the phase and the roles as strings; `Phase` and `R` name the values the room writes
// (test/roomState.test.ts checks the structure against the schema with plain strings).
import type { Role } from "../engine/types.js";
import type { RoomPhase } from "../session/phase.js";

export interface StateMap<V> {
  readonly size: number;
  get(key: string): V | undefined;
  forEach(callback: (value: V, key: string) => void): void;
}

export interface StateList<V> extends Iterable<V> {
  readonly length: number;
  forEach(callback: (value: V, index: number) => void): void;
}

export interface NodeStateView<R extends string = Role> {
  role: R;
  up: boolean;
  /** Broker: messages queued; consumer: tokens in its inbox; producer: events still to send. */
  load: number;
  busy: boolean;
  bot: boolean;
}

export interface LinkStateView {
  cut: boolean;
  /** Packets on the wire. */
  flying: number;
}

export interface TeamStateView<R extends string = Role> {
  name: string;
  committed: number;
  applied: number;
  lost: number;
  duplicated: number;
  misordered: number;
  inconsistent: number;
  /** Keys whose balance a lost update made wrong. */
  raceAnomalies: number;
  /** Keys whose final balance is wrong (known once the round has drained). */
  wrongFinalState: number;
  refused: number;
  /** Committed effects not applied yet and not certainly lost during play (lost counts only what is certain); 0 once the round is settled. */
  pending: number;
  /** Writes based on a stale read. */
  staleWrites: number;
  /** Compare-and-set conflicts: writes refused because the version moved, read again and redone. */
  conflicts: number;
  /** Committed effects whose message is parked (dead-letter queue, or kept in the stream): never applied, waiting for a person. */
  parked: number;
  score: number;
  members: number;
  /** By node id ("P1", "B", "C1"); seen by the team's phones and the projector. */
  nodes?: StateMap<NodeStateView<R>>;
  /** By link id ("P1>B"). */
  links?: StateMap<LinkStateView>;
}

export interface PlayerStateView {
  name: string;
  team: number;
  seat: string;
  connected: boolean;
  spectator: boolean;
  /** The sequence number of the player's last action the room applied. */
  lastAction: number;
  /** An IdleState: "" | "nudged" | "bot" (a bot plays this person's seat for now). Always in the room's state; optional for views pages build themselves. */
  idle?: string;
}

/** Lesson mode (always present; `active` false outside it). */
export interface LessonStateView {
  active: boolean;
  /** 1..9; 0 when inactive and at the closing summary. */
  topic: number;
  /** A LessonStepKind, or "" when inactive. */
  step: string;
  /** Index into the topic's `rounds` (shared/lesson/topics.ts) of the variant the next or current round plays. */
  roundIndex: number;
  pollOpen: boolean;
  predictOpen: boolean;
  /** The definition the class agreed on, "" until pinned. */
  pinned: string;
  /** People who answered the open poll or prediction ("12/30"). */
  answered: number;
}

/** A team's design in a design round: setting -> value (shared/design/settings.ts names them). */
export interface DesignStateView {
  choices: StateMap<string>;
}

export interface RoomStateView<Phase extends string = RoomPhase, R extends string = Role> {
  code: string;
  phase: Phase;
  scenario: string;
  variant: string;
  /** The broker profile the next (or current) round runs on (rabbitmq, kafka, sqs, activemq, nats). */
  profile: string;
  seed: number;
  gameId: string;
  round: number;
  tick: number;
  roundTicks: number;
  countdown: number;
  /** Seconds left in the design phase (0 outside it). */
  designLeft: number;
  locked: boolean;
  focusedTeam: number;
  playerCount: number;
  teams: StateList<TeamStateView<R>>;
  /** By player id; seen by the projector and by each player's own team. */
  players?: StateMap<PlayerStateView>;
  lesson: LessonStateView;
  /** Index = team; empty until the room's first design phase. Every page sees every team's. */
  designs: StateList<DesignStateView>;
}
