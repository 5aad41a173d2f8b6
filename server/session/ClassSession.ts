// A class session: the people in a room and what they send. Plain TypeScript: it is handed a
// clock, an id source and its outputs (ports.ts), and never touches a socket, a timer or the
// store, so every rule here is unit-tested in milliseconds. The Colyseus room
// (server/rooms/ClassRoom.ts) only feeds it connections, messages and clock ticks.
//
// The session owns its pieces as fields, each saved in RoomSnapshot when it must survive a
// restart: the roster, what each person was last told (Messenger), and the room's rounds
// (RoomRounds: the phase machine, the settings, the round in play, the rounds played, lesson
// mode and who is idle). Here: who may come in, who comes back, and every message a client
// sends, acted on or refused.
import type { LessonRecord } from "../../shared/lesson/progress.js";
import { parseAct, parseDesign, parseHost, toCommand, type ConfigMessage } from "../../shared/protocol.js";
import { acceptsActions, acceptsDesign, type PhaseMachine, type RoomPhase } from "../../shared/session/phase.js";
import type { Restored } from "../../shared/sim/restore.js";
import { admit, type Admission } from "./auth.js";
import { runHostCommand } from "./hostCommands.js";
import type { IdleLimits } from "./IdleWatch.js";
import type { LessonProgress } from "./LessonProgress.js";
import { Messenger } from "./Messenger.js";
import type { RoomSettings, SessionPorts } from "./ports.js";
import { RateLimiter } from "./RateLimiter.js";
import { RoomRounds } from "./RoomRounds.js";
import type { PlayedRound, RoundHistory } from "./RoundHistory.js";
import type { RoundPlay } from "./RoundPlay.js";
import type { DesignsRecord } from "./TeamDesigns.js";
import { MAX_PLAYERS, Roster, RosterError, type Player, type RosterSnapshot } from "./Roster.js";

export type { Admission } from "./auth.js";
export { COUNTDOWN_MS } from "./RoomRounds.js";

export interface SessionOptions {
  roomCode: string;
  hostTokenHash: string;
  /** The address phones use to join, shown by the projector. */
  joinUrl: string;
  /** A seat whose people are all gone is played by a bot after this long. */
  botTakeoverMs: number;
  /** Idle students: nudged, then their seat lent to a bot (IdleWatch). */
  idle: IdleLimits;
}

/** What must survive a restart (resume tokens only as hashes). */
export interface RoomSnapshot {
  roster: RosterSnapshot;
  config: ConfigMessage;
  locked: boolean;
  round: number;
  /** Absent in snapshots saved before rounds were remembered and lessons walked. */
  history?: PlayedRound[];
  lesson?: LessonRecord;
  /** Each team's design for the design rounds; absent before the room's first design phase was saved. */
  designs?: DesignsRecord;
}

export class ClassSession {
  private rosterOfRoom: Roster;
  private readonly hosts = new Set<string>();
  private readonly messages: Messenger;
  private readonly limiter: RateLimiter;
  readonly rounds: RoomRounds;

  constructor(
    private readonly options: SessionOptions,
    private readonly ports: SessionPorts,
  ) {
    this.rosterOfRoom = new Roster(ports.ids);
    this.messages = new Messenger(ports.transport);
    this.limiter = new RateLimiter(8, 16, () => ports.clock.now());
    this.rounds = new RoomRounds({ options, ports, messages: this.messages, roster: () => this.rosterOfRoom, hostConnections: this.hosts });
  }

  get phases(): PhaseMachine {
    return this.rounds.phases;
  }
  get phase(): RoomPhase {
    return this.rounds.phase;
  }
  get roster(): Roster {
    return this.rosterOfRoom;
  }
  get config(): ConfigMessage {
    return this.rounds.config;
  }
  get play(): RoundPlay | null {
    return this.rounds.play;
  }
  get settings(): Readonly<RoomSettings> {
    return this.rounds.settings;
  }
  get lesson(): LessonProgress {
    return this.rounds.lesson;
  }
  get history(): RoundHistory {
    return this.rounds.history;
  }
  /** The connections of the projectors (host pages) in the room. */
  get hostConnections(): ReadonlySet<string> {
    return this.hosts;
  }

  /** The door (see auth.ts): a host token, a resume token, or a new name in an open room with space. */
  admit(options: unknown): Admission {
    const roster = this.roster;
    const byResumeToken = (token: unknown) => roster.byResumeToken(token);
    return admit(options, { hostTokenHash: this.options.hostTokenHash, locked: this.settings.locked, full: roster.size >= MAX_PLAYERS, byResumeToken });
  }

  /** An admitted connection is in; a player the roster still refuses (a race with the lock) gets the reason. */
  join(connectionId: string, admission: Admission & { ok: true }): { ok: true } | { ok: false; reason: RosterError["code"] } {
    const { mirror } = this.ports;
    const code = this.settings.code;
    if (admission.kind === "host") {
      this.hosts.add(connectionId);
      mirror.hostJoined(connectionId);
      this.messages.welcomeHost(connectionId, code, this.options.joinUrl);
      this.greet(connectionId, null);
      return { ok: true };
    }
    let player: Player;
    if (admission.resume) {
      player = admission.resume;
      this.roster.resume(player, connectionId);
      this.rounds.idle.active(player);
    } else {
      try {
        player = this.roster.add(admission.name as string, connectionId, this.phases.roundActive, this.settings.locked);
      } catch (error) {
        return { ok: false, reason: error instanceof RosterError ? error.code : "badName" };
      }
      mirror.playerJoined(player);
      this.ports.saveSoon();
      this.rounds.previewSeats();
    }
    mirror.playerChanged(player);
    mirror.playerPlaced(player);
    this.messages.forgetSeat(player.id);
    this.messages.welcomePlayer(connectionId, player, code);
    this.greet(connectionId, player);
    this.rounds.set({ playerCount: this.roster.size });
    return { ok: true };
  }

  /** The connection was lost; it may come back (reconnect) within the room's window. */
  drop(connectionId: string): void {
    const player = this.roster.drop(connectionId, this.ports.clock.now());
    if (player) this.ports.mirror.playerChanged(player);
  }

  reconnect(connectionId: string): void {
    if (this.hosts.has(connectionId)) return this.greet(connectionId, null);
    const player = this.roster.bySessionId(connectionId);
    if (!player) return;
    this.roster.resume(player, connectionId);
    this.rounds.idle.active(player);
    this.ports.mirror.playerChanged(player);
    this.messages.forgetSeat(player.id);
    this.greet(connectionId, player);
  }

  /**
   * What a page that (re)connects must be shown again: a phone its seat and what it
   * answered in the lesson; a projector the rounds played and the lesson's live results;
   * both the round's results while they are on screen (a reloaded phone keeps its results).
   */
  private greet(connectionId: string, player: Player | null): void {
    if (player) {
      this.sendSeat(player, true);
      this.lesson.playerJoined(player);
    } else {
      this.messages.history([connectionId], this.history.entries());
      this.lesson.hostJoined(connectionId);
    }
    if (this.phase === "over") this.messages.resendResults(connectionId, player?.id ?? null);
  }

  /** The connection is gone for good; a player may still come back with the resume token. */
  leave(connectionId: string): "host" | "player" | null {
    this.limiter.forget(connectionId);
    if (this.hosts.delete(connectionId)) return "host";
    const player = this.roster.detach(connectionId, this.ports.clock.now());
    if (!player) return null;
    this.ports.mirror.playerChanged(player);
    return "player";
  }

  /** Every message a client sends: acted on, or refused with a reason. Never throws. */
  receive(connectionId: string, type: string, payload: unknown): void {
    const action = type.slice(0, 24);
    if (!this.limiter.take(connectionId)) return this.messages.refuse(connectionId, action, "rateLimited");
    try {
      if (type === "act") return this.act(connectionId, payload);
      if (type === "design") return this.design(connectionId, payload);
      if (type.startsWith("host:")) return this.host(connectionId, type, payload);
      if (type.startsWith("lesson:")) return this.lesson.receive(connectionId, this.roster.bySessionId(connectionId), type, payload);
      this.messages.refuse(connectionId, action, "badMessage", undefined, "unknown message");
    } catch (error) {
      // Nothing a client sends may take the room down: report, refuse, carry on.
      this.ports.report(error, `message ${action}`);
      this.messages.refuse(connectionId, action, "badMessage");
    }
  }

  private act(connectionId: string, payload: unknown): void {
    const parsed = parseAct(payload);
    if (!parsed.ok) return this.messages.refuse(connectionId, "act", parsed.code, undefined, parsed.detail);
    const act = parsed.value;
    const player = this.roster.bySessionId(connectionId);
    if (!player) return this.messages.refuse(connectionId, act.action, this.hosts.has(connectionId) ? "noSeat" : "unknownPlayer", act.n);
    if (act.n !== undefined) player.lastAction = act.n;
    const play = this.play;
    if (!play || player.spectator || player.seat === null || player.team < 0) return this.messages.refuse(connectionId, act.action, "noSeat", act.n);
    if (this.phase === "paused") return this.messages.refuse(connectionId, act.action, "paused", act.n);
    if (!acceptsActions(this.phase) || play.round.drainRequested) return this.messages.refuse(connectionId, act.action, "notRunning", act.n);
    player.actions++;
    this.rounds.acted(player);
    this.ports.transport.actionApplied();
    const refused = play.apply(player.team, toCommand(player.seat, act), player.name).find((e) => e.type === "commandRefused");
    if (refused?.type === "commandRefused") {
      player.refusals++;
      this.messages.refuse(connectionId, act.action, refused.reason, act.n);
    }
    this.ports.mirror.playerChanged(player);
    this.sendSeat(player, false);
  }

  /** A student's design choice for their end of the pipeline, during the design phase only. */
  private design(connectionId: string, payload: unknown): void {
    const parsed = parseDesign(payload);
    if (!parsed.ok) return this.messages.refuse(connectionId, "design", parsed.code, undefined, parsed.detail);
    const player = this.roster.bySessionId(connectionId);
    if (!player) return this.messages.refuse(connectionId, "design", this.hosts.has(connectionId) ? "noSeat" : "unknownPlayer");
    if (!acceptsDesign(this.phase)) return this.messages.refuse(connectionId, "design", "notDesigning");
    const refusal = this.rounds.design.choose(player, parsed.value.setting, parsed.value.value);
    if (refusal) this.messages.refuse(connectionId, "design", refusal.code, undefined, refusal.detail);
  }

  private host(connectionId: string, type: string, payload: unknown): void {
    if (!this.hosts.has(connectionId)) return this.messages.refuse(connectionId, type, "notHost");
    const parsed = parseHost(type, payload);
    if (!parsed.ok) return this.messages.refuse(connectionId, type, parsed.code, undefined, parsed.detail);
    const refusal = runHostCommand(this.rounds, parsed.value);
    if (refusal) this.messages.refuse(connectionId, type, refusal);
  }

  /** One clock tick (TICK_MS): the countdown, or one step of the round. True when the round stepped. */
  tick(): boolean {
    return this.rounds.tick();
  }

  /** Hands the round's new log lines to the log writer. */
  flushLog(): void {
    this.rounds.flushLog();
  }

  gameIdFor(roundNumber: number): string {
    return this.rounds.gameIdFor(roundNumber);
  }

  snapshot(): RoomSnapshot {
    return { roster: this.roster.snapshot(), ...this.rounds.snapshot() };
  }

  /** Back from a snapshot after a crash: the roster (everyone offline until they resume), the settings, the rounds played, lesson mode. */
  restore(snapshot: RoomSnapshot): void {
    this.rosterOfRoom = Roster.restore(snapshot.roster, this.ports.clock.now(), this.ports.ids);
    for (const player of this.roster.players.values()) this.ports.mirror.playerJoined(player);
    this.rounds.restore(snapshot);
  }

  /** The round that was running, rebuilt from its log (see RoomPersistence): it continues, paused, or draining. */
  continueRound(restored: Restored): void {
    this.rounds.continueRound(restored);
  }

  private sendSeat(player: Player, force: boolean): void {
    this.messages.seat(this.play, player, force);
  }
}
