// The rounds of a class room, one after another, from the lobby to the results: the one
// phase machine that says what each moment allows, the next round's settings (and, in the
// lobby, the seats it would deal), the countdown, each clock tick of the round in play, and
// its end — results, the room's history, the lesson's outcome. It carries out the host
// commands (when each is allowed is decided in hostCommands.ts) and lesson mode's changes
// to the room. The people and their messages are the ClassSession's.
import type { Fault } from "../../shared/engine/config.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import type { ConfigMessage, DesignBots, Refusal } from "../../shared/protocol.js";
import { findVariant, profileFor, seatsOf } from "../../shared/scenarios/catalogue.js";
import { PhaseMachine, type PhaseMove, type PhaseRefusal, type RoomPhase } from "../../shared/session/phase.js";
import type { Restored } from "../../shared/sim/restore.js";
import type { Round } from "../../shared/sim/round.js";
import type { RoomSnapshot, SessionOptions } from "./ClassSession.js";
import type { HostControls } from "./hostCommands.js";
import { IdleWatch } from "./IdleWatch.js";
import { LessonProgress, type LessonRoom } from "./LessonProgress.js";
import type { Messenger } from "./Messenger.js";
import type { RoomSettings, SessionPorts } from "./ports.js";
import { RoundHistory } from "./RoundHistory.js";
import { RoundResults } from "./roundResults.js";
import type { Player, Roster } from "./Roster.js";
import { createClassRound, RoundPlay } from "./RoundPlay.js";
import { DesignPhase } from "./DesignPhase.js";
import { designOfRound } from "./TeamDesigns.js";

export const COUNTDOWN_MS = 3000;

/** What the rounds need of their session. */
export interface RoundsContext {
  readonly options: SessionOptions;
  readonly ports: SessionPorts;
  readonly messages: Messenger;
  /** Asked each time: a restore replaces the roster. */
  roster(): Roster;
  readonly hostConnections: ReadonlySet<string>;
}

export class RoomRounds implements HostControls, LessonRoom {
  /** The only judge of what the room's phase allows; the shared state's phase mirrors it. */
  readonly phases = new PhaseMachine();
  readonly history = new RoundHistory();
  readonly lesson: LessonProgress;
  readonly idle: IdleWatch;
  /** The design round's design phase and each team's design. */
  readonly design: DesignPhase;
  private chosen: ConfigMessage = { scenario: "t3-lost-messages", variant: "naive", seed: null, roundSeconds: null, profile: null };
  private current: RoundPlay | null = null;
  private countdownUntil = 0;
  private readonly values: RoomSettings;

  constructor(private readonly room: RoundsContext) {
    const { ports, options, messages } = room;
    this.idle = new IdleWatch(options.idle);
    this.lesson = new LessonProgress(this, ports, messages);
    this.design = new DesignPhase(this, ports);
    const { scenario, variant } = this.chosen;
    // The schema's defaults, so the first mirror write changes nothing but the code.
    const code = options.roomCode;
    this.values = {
      code,
      phase: "lobby",
      scenario,
      variant,
      profile: "rabbitmq",
      seed: 0,
      gameId: "",
      round: 0,
      countdown: 0,
      designLeft: 0,
      locked: false,
      focusedTeam: 0,
      playerCount: 0,
    };
  }

  get phase(): RoomPhase {
    return this.phases.phase;
  }
  /** For lesson mode: a round is under way, its design phase included (the lesson waits for it). */
  get roundActive(): boolean {
    return this.phases.roundActive || this.phases.phase === "design";
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
  get roster(): Roster {
    return this.room.roster();
  }
  get hostConnections(): ReadonlySet<string> {
    return this.room.hostConnections;
  }

  /** Changes settings every client sees. */
  set(values: Partial<RoomSettings>): void {
    Object.assign(this.values, values);
    this.room.ports.mirror.settings(this.values);
  }

  /** Applies a phase move and mirrors it; returns why it was refused, if it was. */
  moveTo(move: PhaseMove): PhaseRefusal | null {
    const result = this.phases.apply(move);
    if (!result.ok) return result.reason;
    this.set(result.phase === "design" ? { phase: result.phase } : { phase: result.phase, designLeft: 0 });
    return null;
  }

  /**
   * The next round's topic, variant and broker profile; in the lobby the seats it would deal
   * are shown at once. The profile is kept across rounds (and lesson mode's changes of
   * variant); the room shows the one the round will run on: the variant's own where it does
   * not allow the chosen one.
   */
  configure(config: ConfigMessage): void {
    this.chosen = { ...config, profile: config.profile ?? null };
    this.room.ports.saveSoon();
    this.set({ scenario: config.scenario, variant: config.variant, seed: config.seed ?? 0, profile: this.profileOfChoice() });
    this.previewSeats();
  }

  /** Lesson mode sets up a round of its topic (no round is active): back to the lobby, configured. */
  configureRound(scenario: string, variant: string): void {
    this.moveTo("configure");
    this.configure({ ...this.chosen, scenario, variant });
  }

  /** Lesson mode chooses the next round's variant; the results of the last one stay on screen. */
  prepareNext(scenario: string, variant: string): void {
    this.configure({ ...this.chosen, scenario, variant });
  }

  private profileOfChoice(): string {
    return profileFor(this.chosen.scenario, this.chosen.variant, this.chosen.profile) ?? "rabbitmq";
  }

  injectFault(team: number, fault: Fault): Refusal["reason"] | null {
    const events = this.current?.apply(team, { seat: "host", action: "fault", fault }) ?? [];
    const refused = events.find((e) => e.type === "commandRefused");
    return refused?.type === "commandRefused" ? refused.reason : null;
  }

  movePlayer(playerId: string, team: number): boolean {
    const player = this.roster.move(playerId, team);
    if (!player) return false;
    this.room.ports.saveSoon();
    this.room.ports.mirror.playerChanged(player);
    this.room.ports.mirror.playerPlaced(player);
    this.previewSeats();
    return true;
  }

  /**
   * In the lobby the roster deals now the seats Start would deal (the same deal), so each
   * phone can say which role its person will play; the teams whose seats changed see them.
   */
  previewSeats(): void {
    const variant = findVariant(this.chosen.scenario, this.chosen.variant);
    const phase = this.phases.phase;
    if ((phase !== "lobby" && phase !== "design") || !variant) return;
    const { mirror } = this.room.ports;
    const before = new Map([...this.roster.players.values()].map((p) => [p.id, { team: p.team, seat: p.seat, spectator: p.spectator }]));
    this.roster.startRound(this.design.dealOrder(seatsOf(variant)));
    const teams = new Set<number>();
    for (const p of this.roster.players.values()) {
      const was = before.get(p.id);
      if (was && was.team === p.team && was.seat === p.seat && was.spectator === p.spectator) continue;
      teams.add(p.team).add(was?.team ?? p.team);
      mirror.playerChanged(p);
    }
    for (const t of teams) for (const p of this.roster.members(t)) mirror.playerPlaced(p);
    if (phase === "design") this.design.fit();
  }

  /**
   * The design phase of a design round: the seats are dealt as Start will deal them, every
   * team has a design (the ends nobody holds take the bots'), and the design clock runs;
   * at its end the round starts (hostCommands.ts checks the variant is a design round).
   */
  openDesign(seconds: number, bots: DesignBots): void {
    if (this.moveTo("design")) return;
    this.previewSeats();
    // Out of the last round's team views: each phone sees its team's people, as in the lobby.
    for (const p of this.roster.players.values()) this.room.ports.mirror.playerPlaced(p);
    this.design.begin(seconds, bots);
  }

  setLocked(locked: boolean): void {
    this.set({ locked });
    this.room.ports.saveSoon();
    this.room.ports.transport.setJoinable(!locked);
  }

  focus(team: number): void {
    this.set({ focusedTeam: team });
  }

  /** Deals the seats, creates the round and starts the countdown to it. */
  startCountdown(): void {
    const variant = findVariant(this.chosen.scenario, this.chosen.variant);
    if (!variant || this.moveTo("start")) return;
    const { ports, messages } = this.room;
    const seats = seatsOf(variant);
    this.roster.startRound(this.design.dealOrder(seats));
    const designs = this.design.forRound();
    const number = this.values.round + 1;
    const round = createClassRound(this.roster, seats, this.chosen, this.chosen.seed ?? ports.ids.seed(), this.gameIdFor(number), designs);
    this.beginRound(round, number, []);
    this.lesson.roundStarted();
    this.countdownUntil = ports.clock.now() + COUNTDOWN_MS;
    this.set({ countdown: Math.ceil(COUNTDOWN_MS / 1000) });
    messages.seats(this.current, this.roster.players.values());
    ports.saveSoon();
  }

  gameIdFor(roundNumber: number): string {
    return `${this.values.code}-${roundNumber}-${this.room.ports.ids.gameSuffix()}`;
  }

  /** Installs a round: scores, shared state, views, and its log (with the events it has already lived, after a restore). */
  private beginRound(round: Round, number: number, lived: readonly Emitted[]): void {
    const play = new RoundPlay(round, number, lived);
    this.current = play;
    const { ports, messages } = this.room;
    messages.forgetResults();
    this.idle.reset(this.roster.players.values());
    ports.mirror.roundBegan(
      round,
      round.teams.map((_, t) => this.roster.members(t).length),
      play.scores,
    );
    for (const player of this.roster.players.values()) {
      ports.mirror.playerChanged(player);
      ports.mirror.playerPlaced(player);
      messages.forgetSeat(player.id);
    }
    const header = round.header;
    this.set({
      focusedTeam: 0,
      gameId: header.gameId,
      round: number,
      seed: header.seed | 0,
      scenario: header.scenario,
      variant: header.variant,
      profile: header.config.broker.profile,
    });
    ports.log.begin(header, lived);
  }

  /** One clock tick (TICK_MS): the countdown, or one step of the round. True when the round stepped. */
  tick(): boolean {
    const phase = this.phases.phase;
    const { ports, messages, options } = this.room;
    const now = ports.clock.now();
    this.lesson.tick(now);
    if (phase !== "running") this.idle.pause();
    if (phase === "design") {
      if (this.design.tick(now)) this.startCountdown();
      return false;
    }
    if (phase === "countdown") {
      const left = this.countdownUntil - now;
      this.set({ countdown: Math.max(0, Math.ceil(left / 1000)) });
      if (left <= 0) this.moveTo("countdownDone");
      return false;
    }
    const play = this.current;
    if (!play || (phase !== "running" && phase !== "draining")) return false;
    if (phase === "running") this.mirrorPlayers(this.idle.watch(now, play.round, this.roster, (t, seat) => play.seatDetail(t, seat)?.detail.view ?? null));
    play.assignSeats(this.roster, now, options.botTakeoverMs);
    const events = play.step();
    if (play.round.phase === "draining" && phase === "running") {
      this.moveTo("drainStarted");
      this.mirrorPlayers(this.idle.reset(this.roster.players.values()));
    }
    ports.mirror.roundTicked(play.round, play.scores);
    messages.seats(play, this.roster.players.values());
    messages.projectorEvents(this.hostConnections, this.values.focusedTeam, events);
    this.flushLog();
    if (play.over) this.finishRound(play);
    return true;
  }

  /** A person acts: a seat lent to a bot because they were idle is theirs again at once. */
  acted(player: Player): void {
    if (this.idle.active(player)) this.current?.assignSeats(this.roster, this.room.ports.clock.now(), this.room.options.botTakeoverMs);
  }

  /** Hands the round's new log lines to the log writer. */
  flushLog(): void {
    const lines = this.current?.takeLines() ?? [];
    if (this.current && lines.length) this.room.ports.log.append(this.current.gameId, lines);
  }

  private finishRound(play: RoundPlay): void {
    const { ports, messages } = this.room;
    const { report, summary } = play.settle();
    ports.mirror.roundSettled(report);
    ports.log.finish(play.gameId, summary, report);
    this.moveTo("roundOver");
    const { scenario, variant } = play.round.header;
    const { topic, prediction } = this.lesson.roundEnded(scenario, variant, report);
    const design = designOfRound(play.round);
    const results = new RoundResults(play.gameId, summary, report, { previous: this.history.previous(scenario), topic, prediction, design });
    this.history.add({ round: play.number, gameId: play.gameId, scenario, variant, summary, topic }, results.groups);
    ports.saveSoon();
    messages.roundOver(this.hostConnections, this.roster.players.values(), results);
    messages.history(this.hostConnections, this.history.entries());
  }

  /** This part of the room's snapshot. */
  snapshot(): Omit<RoomSnapshot, "roster"> {
    const { chosen: config, values, history, lesson } = this;
    return { config, locked: values.locked, round: values.round, history: history.snapshot(), lesson: lesson.snapshot(), designs: this.design.snapshot() };
  }

  /** Back from a snapshot after a crash: the settings, the rounds played, lesson mode. */
  restore(snapshot: RoomSnapshot): void {
    this.chosen = snapshot.config;
    this.history.restore(snapshot.history);
    this.lesson.restore(snapshot.lesson);
    this.design.restore(snapshot.designs);
    const { scenario, variant } = snapshot.config;
    this.set({ locked: snapshot.locked, round: snapshot.round, scenario, variant, profile: this.profileOfChoice(), playerCount: this.roster.size });
  }

  /** The round that was running, rebuilt from its log (see RoomPersistence): it continues, paused, or draining. */
  continueRound(restored: Restored): void {
    this.beginRound(restored.round, this.values.round, restored.kept);
    this.moveTo(restored.round.phase === "draining" ? "restoreDraining" : "restorePaused");
    this.room.ports.saveSoon();
  }

  private mirrorPlayers(players: Iterable<Player>): void {
    for (const p of players) this.room.ports.mirror.playerChanged(p);
  }
}
