// A class session: the people in a room, the rounds they play one after another, and the
// one phase machine that says what each moment allows. Plain TypeScript: it is handed a
// clock, an id source and its outputs (ports.ts), and never touches a socket, a timer or
// the store, so every rule here is unit-tested in milliseconds. The Colyseus room
// (server/rooms/ClassRoom.ts) only feeds it connections, messages and clock ticks.
//
// The session owns its pieces as fields, each saved in RoomSnapshot when it must survive a
// restart: the roster, the settings, the round in play (RoundPlay), what each person was
// last told (Messenger). Lesson progress is meant to be one more such piece: a field here,
// a `lesson` entry in RoomSnapshot, its host commands in hostCommands.ts, told of each
// round's outcome from finishRound.
import type { Fault } from "../../shared/engine/config.js";
import { parseAct, parseHost, toCommand, type ConfigMessage, type Refusal } from "../../shared/protocol.js";
import { findVariant, seatsOf } from "../../shared/scenarios/catalogue.js";
import { acceptsActions, PhaseMachine, type PhaseMove, type PhaseRefusal, type RoomPhase } from "../../shared/session/phase.js";
import type { Restored } from "../../shared/sim/restore.js";
import type { Round } from "../../shared/sim/round.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import { admit, type Admission } from "./auth.js";
import { runHostCommand, type HostControls } from "./hostCommands.js";
import { IdleWatch, type IdleLimits } from "./IdleWatch.js";
import { Messenger } from "./Messenger.js";
import type { RoomSettings, SessionPorts } from "./ports.js";
import { RateLimiter } from "./RateLimiter.js";
import { RoundHistory, type PlayedRound } from "./RoundHistory.js";
import { RoundResults } from "./roundResults.js";
import { MAX_PLAYERS, Roster, RosterError, type Player, type RosterSnapshot } from "./Roster.js";
import { createClassRound, RoundPlay } from "./RoundPlay.js";

export type { Admission } from "./auth.js";
export const COUNTDOWN_MS = 3000;

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
  /** Absent in snapshots saved before rounds were remembered. */
  history?: PlayedRound[];
}

export class ClassSession implements HostControls {
  /** The only judge of what the room's phase allows; the shared state's phase mirrors it. */
  readonly phases = new PhaseMachine();
  private rosterOfRoom: Roster;
  private chosen: ConfigMessage = { scenario: "t3-lost-messages", variant: "naive", seed: null, roundSeconds: null };
  private current: RoundPlay | null = null;
  private readonly hosts = new Set<string>();
  private readonly messages: Messenger;
  private readonly history = new RoundHistory();
  private readonly idle: IdleWatch;
  private readonly limiter: RateLimiter;
  private countdownUntil = 0;
  private readonly values: RoomSettings;

  constructor(
    private readonly options: SessionOptions,
    private readonly ports: SessionPorts,
  ) {
    this.rosterOfRoom = new Roster(ports.ids);
    this.messages = new Messenger(ports.transport);
    this.idle = new IdleWatch(options.idle);
    this.limiter = new RateLimiter(8, 16, () => ports.clock.now());
    const { scenario, variant } = this.chosen;
    // The schema's defaults, so the first mirror write changes nothing but the code.
    const code = options.roomCode;
    this.values = { code, phase: "lobby", scenario, variant, seed: 0, gameId: "", round: 0, countdown: 0, locked: false, focusedTeam: 0, playerCount: 0 };
  }

  get phase(): RoomPhase {
    return this.phases.phase;
  }
  get roster(): Roster {
    return this.rosterOfRoom;
  }
  get config(): ConfigMessage {
    return this.chosen;
  }
  get play(): RoundPlay | null {
    return this.current;
  }
  get settings(): Readonly<RoomSettings> {
    return this.values;
  }
  /** The connections of the projectors (host pages) in the room. */
  get hostConnections(): ReadonlySet<string> {
    return this.hosts;
  }

  /** The door (see auth.ts): a host token, a resume token, or a new name in an open room with space. */
  admit(options: unknown): Admission {
    const roster = this.roster;
    const byResumeToken = (token: unknown) => roster.byResumeToken(token);
    return admit(options, { hostTokenHash: this.options.hostTokenHash, locked: this.values.locked, full: roster.size >= MAX_PLAYERS, byResumeToken });
  }

  /** An admitted connection is in; a player the roster still refuses (a race with the lock) gets the reason. */
  join(connectionId: string, admission: Admission & { ok: true }): { ok: true } | { ok: false; reason: RosterError["code"] } {
    const { mirror } = this.ports;
    if (admission.kind === "host") {
      this.hosts.add(connectionId);
      mirror.hostJoined(connectionId);
      this.messages.welcomeHost(connectionId, this.values.code, this.options.joinUrl);
      this.messages.history([connectionId], this.history.entries());
      this.resendResults(connectionId, null);
      return { ok: true };
    }
    let player: Player;
    if (admission.resume) {
      player = admission.resume;
      this.roster.resume(player, connectionId);
      this.idle.active(player);
    } else {
      try {
        player = this.roster.add(admission.name as string, connectionId, this.phases.roundActive, this.values.locked);
      } catch (error) {
        return { ok: false, reason: error instanceof RosterError ? error.code : "badName" };
      }
      mirror.playerJoined(player);
      this.ports.saveSoon();
    }
    mirror.playerChanged(player);
    mirror.playerPlaced(player);
    this.messages.forgetSeat(player.id);
    this.messages.welcomePlayer(connectionId, player, this.values.code);
    this.sendSeat(player, true);
    this.resendResults(connectionId, player.id);
    this.set({ playerCount: this.roster.size });
    return { ok: true };
  }

  /** The connection was lost; it may come back (reconnect) within the room's window. */
  drop(connectionId: string): void {
    const player = this.roster.drop(connectionId, this.ports.clock.now());
    if (player) this.ports.mirror.playerChanged(player);
  }

  reconnect(connectionId: string): void {
    const player = this.roster.bySessionId(connectionId);
    if (!player) return;
    this.roster.resume(player, connectionId);
    this.idle.active(player);
    this.ports.mirror.playerChanged(player);
    this.messages.forgetSeat(player.id);
    this.sendSeat(player, true);
    this.resendResults(connectionId, player.id);
  }

  /** A page back while a round's results are shown gets them again (a reloaded phone keeps its results). */
  private resendResults(connectionId: string, playerId: string | null): void {
    if (this.phases.phase === "over") this.messages.resendResults(connectionId, playerId);
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
      if (type.startsWith("host:")) return this.host(connectionId, type, payload);
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
    const play = this.current;
    if (!play || player.spectator || player.seat === null || player.team < 0) return this.messages.refuse(connectionId, act.action, "noSeat", act.n);
    if (this.phases.phase === "paused") return this.messages.refuse(connectionId, act.action, "paused", act.n);
    if (!acceptsActions(this.phases.phase) || play.round.drainRequested) return this.messages.refuse(connectionId, act.action, "notRunning", act.n);
    player.actions++;
    // Any action hands a seat lent to a bot back to its person at once.
    if (this.idle.active(player)) play.assignSeats(this.roster, this.ports.clock.now(), this.options.botTakeoverMs);
    this.ports.transport.actionApplied();
    const refused = play.apply(player.team, toCommand(player.seat, act), player.name).find((e) => e.type === "commandRefused");
    if (refused?.type === "commandRefused") {
      player.refusals++;
      this.messages.refuse(connectionId, act.action, refused.reason, act.n);
    }
    this.ports.mirror.playerChanged(player);
    this.sendSeat(player, false);
  }

  private host(connectionId: string, type: string, payload: unknown): void {
    if (!this.hosts.has(connectionId)) return this.messages.refuse(connectionId, type, "notHost");
    const parsed = parseHost(type, payload);
    if (!parsed.ok) return this.messages.refuse(connectionId, type, parsed.code, undefined, parsed.detail);
    const refusal = runHostCommand(this, parsed.value);
    if (refusal) this.messages.refuse(connectionId, type, refusal);
  }

  /**
   * Applies a phase move and mirrors it; returns why it was refused, if it was. This and the
   * next five are the host commands' effects: when each is allowed is decided in hostCommands.ts.
   */
  moveTo(move: PhaseMove): PhaseRefusal | null {
    const result = this.phases.apply(move);
    if (!result.ok) return result.reason;
    this.set({ phase: result.phase });
    return null;
  }

  configure(config: ConfigMessage): void {
    this.chosen = config;
    this.ports.saveSoon();
    this.set({ scenario: config.scenario, variant: config.variant, seed: config.seed ?? 0 });
  }

  injectFault(team: number, fault: Fault): Refusal["reason"] | null {
    const events = this.current?.apply(team, { seat: "host", action: "fault", fault }) ?? [];
    const refused = events.find((e) => e.type === "commandRefused");
    return refused?.type === "commandRefused" ? refused.reason : null;
  }

  movePlayer(playerId: string, team: number): boolean {
    const player = this.roster.move(playerId, team);
    if (!player) return false;
    this.ports.saveSoon();
    this.ports.mirror.playerChanged(player);
    this.ports.mirror.playerPlaced(player);
    return true;
  }

  setLocked(locked: boolean): void {
    this.set({ locked });
    this.ports.saveSoon();
    this.ports.transport.setJoinable(!locked);
  }

  focus(team: number): void {
    this.set({ focusedTeam: team });
  }

  /** Deals the seats, creates the round and starts the countdown to it. */
  startCountdown(): void {
    const variant = findVariant(this.chosen.scenario, this.chosen.variant);
    if (!variant || this.moveTo("start")) return;
    const seats = seatsOf(variant);
    this.roster.startRound(seats);
    const number = this.values.round + 1;
    const round = createClassRound(this.roster, seats, this.chosen, this.chosen.seed ?? this.ports.ids.seed(), this.gameIdFor(number));
    this.beginRound(round, number, []);
    this.countdownUntil = this.ports.clock.now() + COUNTDOWN_MS;
    this.set({ countdown: Math.ceil(COUNTDOWN_MS / 1000) });
    this.messages.seats(round, this.roster.players.values());
    this.ports.saveSoon();
  }

  gameIdFor(roundNumber: number): string {
    return `${this.values.code}-${roundNumber}-${this.ports.ids.gameSuffix()}`;
  }

  /** Installs a round: scores, shared state, views, and its log (with the events it has already lived, after a restore). */
  private beginRound(round: Round, number: number, lived: readonly Emitted[]): void {
    const play = new RoundPlay(round, number, lived);
    this.current = play;
    this.messages.forgetResults();
    this.idle.reset(this.roster.players.values());
    const { mirror } = this.ports;
    mirror.roundBegan(round, round.teams.map((_, t) => this.roster.members(t).length), play.scores);
    for (const player of this.roster.players.values()) {
      mirror.playerChanged(player);
      mirror.playerPlaced(player);
      this.messages.forgetSeat(player.id);
    }
    const header = round.header;
    this.set({ focusedTeam: 0, gameId: header.gameId, round: number, seed: header.seed | 0, scenario: header.scenario, variant: header.variant });
    this.ports.log.begin(header, lived);
  }

  /** One clock tick (TICK_MS): the countdown, or one step of the round. True when the round stepped. */
  tick(): boolean {
    const phase = this.phases.phase;
    if (phase !== "running") this.idle.pause();
    if (phase === "countdown") {
      const left = this.countdownUntil - this.ports.clock.now();
      this.set({ countdown: Math.max(0, Math.ceil(left / 1000)) });
      if (left <= 0) this.moveTo("countdownDone");
      return false;
    }
    const play = this.current;
    if (!play || (phase !== "running" && phase !== "draining")) return false;
    const now = this.ports.clock.now();
    if (phase === "running") for (const p of this.idle.watch(now, play.round, this.roster)) this.ports.mirror.playerChanged(p);
    play.assignSeats(this.roster, now, this.options.botTakeoverMs);
    const events = play.step();
    if (play.round.phase === "draining" && phase === "running") {
      this.moveTo("drainStarted");
      for (const p of this.idle.reset(this.roster.players.values())) this.ports.mirror.playerChanged(p);
    }
    this.ports.mirror.roundTicked(play.round, play.scores);
    this.messages.seats(play.round, this.roster.players.values());
    this.messages.projectorEvents(this.hosts, this.values.focusedTeam, events);
    this.flushLog();
    if (play.over) this.finishRound(play);
    return true;
  }

  /** Hands the round's new log lines to the log writer. */
  flushLog(): void {
    const lines = this.current?.takeLines() ?? [];
    if (this.current && lines.length) this.ports.log.append(this.current.gameId, lines);
  }

  private finishRound(play: RoundPlay): void {
    const { report, summary } = play.settle();
    this.ports.mirror.roundSettled(report);
    this.ports.log.finish(play.gameId, summary, report);
    this.moveTo("roundOver");
    const { scenario, variant } = play.round.header;
    const results = new RoundResults(play.gameId, summary, report, { previous: this.history.previous(scenario), topic: null, prediction: null });
    this.history.add({ round: play.number, gameId: play.gameId, scenario, variant, summary, topic: null }, results.groups);
    this.ports.saveSoon();
    this.messages.roundOver(this.hosts, this.roster.players.values(), results);
    this.messages.history(this.hosts, this.history.entries());
  }

  snapshot(): RoomSnapshot {
    return { roster: this.roster.snapshot(), config: this.chosen, locked: this.values.locked, round: this.values.round, history: this.history.snapshot() };
  }

  /** Back from a snapshot after a crash: the roster (everyone offline until they resume) and the settings. */
  restore(snapshot: RoomSnapshot): void {
    this.rosterOfRoom = Roster.restore(snapshot.roster, this.ports.clock.now(), this.ports.ids);
    this.chosen = snapshot.config;
    this.history.restore(snapshot.history);
    for (const player of this.roster.players.values()) this.ports.mirror.playerJoined(player);
    const { scenario, variant } = snapshot.config;
    this.set({ locked: snapshot.locked, round: snapshot.round, scenario, variant, playerCount: this.roster.size });
  }

  /** The round that was running, rebuilt from its log (see RoomPersistence): it continues, paused, or draining. */
  continueRound(restored: Restored): void {
    this.beginRound(restored.round, this.values.round, restored.kept);
    this.moveTo(restored.round.phase === "draining" ? "restoreDraining" : "restorePaused");
    this.ports.saveSoon();
  }

  /** Changes settings every client sees. */
  private set(values: Partial<RoomSettings>): void {
    Object.assign(this.values, values);
    this.ports.mirror.settings(this.values);
  }

  private sendSeat(player: Player, force: boolean): void {
    this.messages.seat(this.current?.round ?? null, player, force);
  }
}
