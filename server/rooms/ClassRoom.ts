// The class room: a thin shell around the engine. It maps network messages to engine
// commands (after checking shape, seat and round state) and engine events to schema state,
// logs every tick, and lets bots hold the seats nobody plays. No game rule lives here.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { joinLimiter } from "../http/AddressLimiter.js";
import { StateView } from "@colyseus/schema";
import { check } from "../../shared/checker/checker.js";
import { LiveScore } from "../../shared/checker/liveScore.js";
import { TICK_MS } from "../../shared/engine/config.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import { eventLine, headerLine, parseLog } from "../../shared/log/log.js";
import { restoreRound } from "../../shared/sim/restore.js";
import { cleanName, parseAct, parseHost, toCommand, type ConfigMessage, type HostMessage, type Refusal, type ShellRefusal } from "../../shared/protocol.js";
import { actionsFor, findScenario, findVariant, seatsOf } from "../../shared/scenarios/catalogue.js";
import { applyPlayerCommand, createRound, requestDrain, stepRound, type Round } from "../../shared/sim/round.js";
import { summaryOf } from "../../shared/checker/checker.js";
import { acceptsActions, PhaseMachine, type PhaseMove } from "../../shared/session/phase.js";
import { roleOfSeat, seatView } from "../../shared/view/seatView.js";
import { serverContext } from "../context.js";
import { RateLimiter } from "./RateLimiter.js";
import { MAX_PLAYERS, Roster, RosterError, type Player, type RosterSnapshot } from "./Roster.js";
import { ClassState, PlayerState, type TeamState } from "./schema.js";
import { buildTeams, syncCounts, syncFlying, syncPipeline, teamView } from "./syncState.js";

export interface ClassRoomOptions {
  roomCode: string;
  hostTokenHash: string;
  /** Re-created after a crash: bring back the roster and the running round. */
  restore?: boolean;
}

interface RoomSnapshot {
  roster: RosterSnapshot;
  config: ConfigMessage;
  locked: boolean;
  round: number;
}

interface Auth {
  kind: "host" | "player";
  name?: string;
  resume?: Player;
}

/** Seconds a dropped phone keeps its connection slot (phones sleep). */
export const RECONNECT_SECONDS = 120;
/** A seat whose people are all gone is played by a bot after this long. */
export const BOT_TAKEOVER_MS = 8000;
const COUNTDOWN_MS = 3000;
const DRAIN_SPEED = 10;
/** Drawing events the projector receives for its focused team. */
const DRAWN = new Set(["hop", "dropped", "crashed", "restarted", "linkCut", "linkHealed", "applied", "committed", "refused", "requeued", "deduplicated", "discarded", "skipped", "fault", "drainStarted", "drainEnded"]);

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: unknown, hash: string): boolean {
  if (typeof token !== "string" || token.length < 16 || token.length > 256) return false;
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(hash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export class ClassRoom extends Room<{ state: ClassState }> {
  /** How long a seat waits for its dropped people before a bot plays it (tests shorten it). */
  static botTakeoverMs = BOT_TAKEOVER_MS;
  maxClients = MAX_PLAYERS + 40;
  /** Past this a client is disconnected: a flood, not a person tapping (the limiter answers before). */
  maxMessagesPerSecond = 50;
  patchRate = 50;
  state = new ClassState();

  private readonly ctx = serverContext();
  private hostTokenHash = "";
  private roster = new Roster();
  private createdAt = new Date().toISOString();
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly limiter = new RateLimiter(8, 16);
  private round: Round | null = null;
  private scores: LiveScore[] = [];
  private roundEvents: Emitted[] = [];
  private pendingLines: string[] = [];
  private appendChain: Promise<void> = Promise.resolve();
  private teamViews: StateView[] = [];
  private hostView = new StateView();
  private readonly hosts = new Set<string>();
  private readonly seatSent = new Map<string, string>();
  private config: ConfigMessage = { scenario: "t3-lost-messages", variant: "naive", seed: null, roundSeconds: null };
  private countdownUntil = 0;
  /** The only judge of what the room's phase allows; `state.phase` mirrors it. */
  private readonly phases = new PhaseMachine();
  /** Arrival times of actions whose effect is waiting for the next patch. */
  private actionsAwaitingPatch: number[] = [];

  async onCreate(options: ClassRoomOptions): Promise<void> {
    this.roomId = options.roomCode;
    this.hostTokenHash = options.hostTokenHash;
    this.state.code = options.roomCode;
    this.autoDispose = false;
    this.onMessage("*", (client: Client, type: string | number, message: unknown) => this.receive(client, String(type), message));
    if (options.restore) await this.restore();
    this.setTimestep(() => this.tick(), TICK_MS);
    this.ctx.metrics.rooms++;
  }

  onAuth(_client: Client, options: unknown, context?: AuthContext): Auth {
    if (!joinLimiter.allow(context?.ip)) throw new ServerError(4429, "rateLimited");
    const o = (typeof options === "object" && options !== null ? options : {}) as Record<string, unknown>;
    if (o.hostToken !== undefined) {
      if (!tokenMatches(o.hostToken, this.hostTokenHash)) throw new ServerError(4401, "notHost");
      return { kind: "host" };
    }
    const resume = this.roster.byResumeToken(o.resumeToken);
    if (resume) return { kind: "player", resume };
    const name = cleanName(o.name);
    if (!name) throw new ServerError(4400, "badName");
    if (this.state.locked) throw new ServerError(4403, "roomLocked");
    if (this.roster.size >= MAX_PLAYERS) throw new ServerError(4409, "roomFull");
    return { kind: "player", name };
  }

  onJoin(client: Client, _options: unknown, auth: Auth): void {
    if (auth.kind === "host") {
      this.hosts.add(client.sessionId);
      client.view = this.hostView;
      client.send("welcome", { role: "host", code: this.state.code, joinUrl: `${this.ctx.joinBaseUrl}/?code=${this.state.code}` });
      return;
    }
    let player: Player;
    if (auth.resume) {
      player = auth.resume;
      this.roster.resume(player, client.sessionId);
    } else {
      try {
        player = this.roster.add(auth.name as string, client.sessionId, this.phases.roundActive, this.state.locked);
      } catch (error) {
        throw new ServerError(4403, error instanceof RosterError ? error.code : "badName");
      }
      const ps = new PlayerState();
      this.state.players.set(player.id, ps);
      this.hostView.add(ps);
    }
    this.ctx.metrics.players++;
    if (!auth.resume) this.persist();
    this.syncPlayer(player);
    this.attachView(client, player);
    this.seatSent.delete(player.id);
    client.send("welcome", { role: player.spectator ? "spectator" : "player", code: this.state.code, playerId: player.id, name: player.name, resumeToken: player.resumeToken });
    this.sendSeat(client, player, true);
    this.state.playerCount = this.roster.size;
  }

  onDrop(client: Client): void {
    const player = this.roster.drop(client.sessionId, Date.now());
    if (player) this.syncPlayer(player);
    this.allowReconnection(client, RECONNECT_SECONDS).catch(() => undefined);
  }

  onReconnect(client: Client): void {
    const player = this.roster.bySessionId(client.sessionId);
    if (!player) return;
    this.roster.resume(player, client.sessionId);
    this.syncPlayer(player);
    this.seatSent.delete(player.id);
    this.sendSeat(client, player, true);
  }

  onLeave(client: Client): void {
    this.limiter.forget(client.sessionId);
    if (this.hosts.delete(client.sessionId)) return;
    const player = this.roster.detach(client.sessionId);
    if (player) {
      this.ctx.metrics.players = Math.max(0, this.ctx.metrics.players - 1);
      this.syncPlayer(player);
    }
  }

  async onDispose(): Promise<void> {
    this.ctx.metrics.rooms = Math.max(0, this.ctx.metrics.rooms - 1);
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.flushLog();
    await this.appendChain;
  }

  broadcastPatch(): boolean {
    const sent = super.broadcastPatch();
    if (this.actionsAwaitingPatch.length) {
      const now = performance.now();
      for (const at of this.actionsAwaitingPatch) this.ctx.metrics.actionToPatch(now - at);
      this.actionsAwaitingPatch = [];
    }
    return sent;
  }

  // --- messages -------------------------------------------------------------------------

  private refuse(client: Client, action: string, code: ShellRefusal | Refusal["reason"], n?: number, detail?: string): void {
    const reason = typeof code === "string" ? (detail ? { code, detail } : { code }) : code;
    this.ctx.metrics.refusal(reason.code);
    const refusal: Refusal = n === undefined ? { action, reason } : { action, n, reason };
    client.send("refused", refusal);
  }

  private receive(client: Client, type: string, payload: unknown): void {
    this.ctx.metrics.message();
    if (!this.limiter.take(client.sessionId)) return this.refuse(client, type.slice(0, 24), "rateLimited");
    try {
      if (type === "act") return this.act(client, payload);
      if (type.startsWith("host:")) return this.host(client, type, payload);
      this.refuse(client, type.slice(0, 24), "badMessage", undefined, "unknown message");
    } catch (error) {
      // Nothing a client sends may take the room down: report, refuse, carry on.
      console.error(`room ${this.state.code}: message ${type.slice(0, 24)} failed`, error);
      this.refuse(client, type.slice(0, 24), "badMessage");
    }
  }

  private act(client: Client, payload: unknown): void {
    const parsed = parseAct(payload);
    if (!parsed.ok) return this.refuse(client, "act", parsed.code, undefined, parsed.detail);
    const act = parsed.value;
    const player = this.roster.bySessionId(client.sessionId);
    if (!player) return this.refuse(client, act.action, this.hosts.has(client.sessionId) ? "noSeat" : "unknownPlayer", act.n);
    if (act.n !== undefined) player.lastAction = act.n;
    if (!this.round || player.spectator || player.seat === null || player.team < 0) return this.refuse(client, act.action, "noSeat", act.n);
    if (this.phases.phase === "paused") return this.refuse(client, act.action, "paused", act.n);
    if (!acceptsActions(this.phases.phase) || this.round.drainRequested) return this.refuse(client, act.action, "notRunning", act.n);
    player.actions++;
    this.actionsAwaitingPatch.push(performance.now());
    const events = applyPlayerCommand(this.round, player.team, toCommand(player.seat, act));
    this.absorb(events);
    const refused = events.find((e) => e.type === "commandRefused");
    if (refused && refused.type === "commandRefused") {
      player.refusals++;
      this.refuse(client, act.action, refused.reason, act.n);
    }
    this.syncPlayer(player);
    this.sendSeat(client, player, false);
  }

  private host(client: Client, type: string, payload: unknown): void {
    if (!this.hosts.has(client.sessionId)) return this.refuse(client, type, "notHost");
    const parsed = parseHost(type, payload);
    if (!parsed.ok) return this.refuse(client, type, parsed.code, undefined, parsed.detail);
    const message: HostMessage = parsed.value;
    switch (message.type) {
      case "host:config": {
        if (this.phases.roundActive) return this.refuse(client, type, "roundActive");
        const scenario = findScenario(message.value.scenario);
        if (!scenario || !findVariant(message.value.scenario, message.value.variant)) return this.refuse(client, type, "unknownScenario");
        this.moveTo("configure");
        this.config = message.value;
        this.persist();
        this.state.scenario = message.value.scenario;
        this.state.variant = message.value.variant;
        this.state.seed = message.value.seed ?? 0;
        return;
      }
      case "host:start":
        if (this.phases.roundActive) return this.refuse(client, type, "roundActive");
        if (!findVariant(this.config.scenario, this.config.variant)) return this.refuse(client, type, "unknownScenario");
        return this.startCountdown();
      case "host:pause":
      case "host:resume": {
        const refusal = this.moveTo(message.type === "host:pause" ? "pause" : "resume");
        if (refusal) return this.refuse(client, type, refusal);
        return;
      }
      case "host:end": {
        if (!this.round) return this.refuse(client, type, "notRunning");
        const refusal = this.moveTo("end");
        if (refusal) return this.refuse(client, type, refusal);
        requestDrain(this.round);
        return;
      }
      case "host:fault": {
        if (!this.round || !acceptsActions(this.phases.phase) || this.round.drainRequested) return this.refuse(client, type, "notRunning");
        const targets = message.value.team === "all" ? this.round.teams.map((_, t) => t) : [message.value.team];
        if (targets.some((t) => t >= this.round!.teams.length)) return this.refuse(client, type, "unknownTeam");
        for (const t of targets) {
          const events = applyPlayerCommand(this.round, t, { seat: "host", action: "fault", fault: message.value.fault });
          this.absorb(events);
          const refused = events.find((e) => e.type === "commandRefused");
          if (refused && refused.type === "commandRefused" && targets.length === 1) this.refuse(client, type, refused.reason);
        }
        return;
      }
      case "host:move": {
        if (this.phases.roundActive) return this.refuse(client, type, "roundActive");
        const player = this.roster.move(message.value.player, message.value.team);
        if (!player) return this.refuse(client, type, "unknownPlayer");
        this.persist();
        this.syncPlayer(player);
        const c = player.sessionId ? this.clients.get(player.sessionId) : undefined;
        if (c) this.attachView(c, player);
        return;
      }
      case "host:lock":
        this.state.locked = message.value.locked;
        this.persist();
        void (message.value.locked ? this.lock() : this.unlock());
        return;
      case "host:focus": {
        if (!this.round || message.value.team >= this.round.teams.length) return this.refuse(client, type, "unknownTeam");
        this.state.focusedTeam = message.value.team;
        return;
      }
    }
  }

  // --- rounds -----------------------------------------------------------------------------

  private startCountdown(): void {
    const config = findVariant(this.config.scenario, this.config.variant);
    if (!config || this.moveTo("start")) return;
    const seats = seatsOf(config);
    this.roster.startRound(seats);
    const seed = this.config.seed ?? randomInt(1, 2 ** 31 - 1);
    const roundNumber = this.state.round + 1;
    const players: { team: number; seat: string; name: string }[] = [];
    this.roster.teams.forEach((_, t) => {
      for (const { seat } of seats) {
        const holders = this.roster.holders(t, seat);
        if (holders.length) players.push({ team: t, seat, name: holders.map((h) => h.name).join(" + ") });
      }
    });
    const round = createRound({
      scenario: this.config.scenario,
      variant: this.config.variant,
      seed,
      teams: this.roster.teams.length,
      gameId: this.newGameId(roundNumber),
      players,
      roundTicks: this.config.roundSeconds ? Math.round((this.config.roundSeconds * 1000) / TICK_MS) : undefined,
    });
    this.beginRound(round, roundNumber, []);
    this.countdownUntil = Date.now() + COUNTDOWN_MS;
    this.state.countdown = Math.ceil(COUNTDOWN_MS / 1000);
    this.sendSeats();
    this.persist();
  }

  private newGameId(roundNumber: number): string {
    return `${this.state.code}-${roundNumber}-${randomBytes(3).toString("hex")}`;
  }

  /** Installs a round: scores, schema teams, views, and its log (with the events it has already lived, after a restore). */
  private beginRound(round: Round, roundNumber: number, lived: Emitted[]): void {
    this.round = round;
    this.scores = round.teams.map(() => new LiveScore());
    this.roundEvents = [...lived];
    for (const e of lived) this.scores[e.team]?.add(e);
    this.pendingLines = [];
    buildTeams(this.state, round.teams, this.roster.teams.map((_, t) => `${t + 1}`), round.humanSeats);
    this.state.teams.forEach((team, t) => {
      set(team, this.roster.members(t).length);
      syncCounts(team, this.scores[t].counts);
    });
    this.teamViews = this.state.teams.map((team) => teamView(team));
    for (const player of this.roster.players.values()) {
      this.syncPlayer(player);
      const client = player.sessionId ? this.clients.get(player.sessionId) : undefined;
      if (client) this.attachView(client, player);
      this.seatSent.delete(player.id);
    }
    // The projector sees every player and every team's pipeline (the overview), and draws the focused one large.
    this.state.focusedTeam = 0;
    this.hostView = new StateView();
    this.state.players.forEach((ps) => this.hostView.add(ps));
    for (const team of this.state.teams) this.hostView.add(team);
    for (const id of this.hosts) {
      const host = this.clients.get(id);
      if (host) host.view = this.hostView;
    }
    const header = round.header;
    this.state.gameId = header.gameId;
    this.state.round = roundNumber;
    this.state.seed = header.seed | 0;
    this.state.scenario = header.scenario;
    this.state.variant = header.variant;
    this.state.tick = round.tick;
    this.state.roundTicks = header.config.roundTicks;
    const lines = lived.map(eventLine);
    this.appendChain = this.appendChain.then(async () => {
      try {
        await this.ctx.store.createGame(
          { gameId: header.gameId, roomCode: this.state.code, hostTokenHash: this.hostTokenHash, scenario: header.scenario, variant: header.variant, seed: header.seed, teams: header.teams.length, createdAt: new Date().toISOString(), endedAt: null, summary: null },
          headerLine(header),
        );
        for (let i = 0; i < lines.length; i += 2000) await this.ctx.store.append(header.gameId, lines.slice(i, i + 2000));
      } catch (error) {
        console.error(`room ${this.state.code}: cannot create game log`, error);
      }
    });
  }

  /** What must survive a restart (roster with hashed resume tokens, settings), saved shortly after each change. */
  private persist(): void {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      const snapshot: RoomSnapshot = { roster: this.roster.snapshot(), config: this.config, locked: this.state.locked, round: this.state.round };
      this.appendChain = this.appendChain.then(() =>
        this.ctx.store.saveRoom({ roomCode: this.state.code, hostTokenHash: this.hostTokenHash, createdAt: this.createdAt, snapshot }).catch((error: unknown) => console.error(`room ${this.state.code}: cannot save the roster`, error)),
      );
    }, 300);
  }

  /**
   * After a crash: the roster comes back from the room's metadata, and a round that was
   * running is rebuilt from its log (see restoreRound) and continues, paused, in a new
   * game whose log starts with the old one's complete ticks.
   */
  private async restore(): Promise<void> {
    const meta = await this.ctx.store.getRoom(this.state.code);
    if (!meta) return;
    this.createdAt = meta.createdAt;
    const snapshot = meta.snapshot as RoomSnapshot | undefined;
    if (!snapshot) return;
    this.roster = Roster.restore(snapshot.roster);
    this.config = snapshot.config;
    this.state.locked = snapshot.locked;
    this.state.round = snapshot.round;
    this.state.scenario = snapshot.config.scenario;
    this.state.variant = snapshot.config.variant;
    for (const player of this.roster.players.values()) {
      const ps = new PlayerState();
      this.state.players.set(player.id, ps);
      this.hostView.add(ps);
      this.syncPlayer(player);
    }
    this.state.playerCount = this.roster.size;
    const games = await this.ctx.store.listGames({ hostTokenHash: this.hostTokenHash, limit: 20 });
    const last = games.find((g) => g.roomCode === this.state.code);
    if (!last || last.endedAt !== null) return;
    const text = await this.ctx.store.readLog(last.gameId);
    const parsed = text === null ? null : parseLog(text);
    if (!parsed?.header) return;
    const restored = restoreRound(parsed.header, parsed.events, this.newGameId(this.state.round));
    const interrupted = JSON.stringify({ type: "summary", interrupted: true, continuedIn: restored?.round.header.gameId ?? null });
    this.appendChain = this.appendChain.then(() => this.ctx.store.finishGame(last.gameId, interrupted, { interrupted: true }).catch(() => undefined));
    if (!restored) return;
    this.beginRound(restored.round, this.state.round, restored.kept);
    this.moveTo(restored.round.phase === "draining" ? "restoreDraining" : "restorePaused");
    this.persist();
  }

  private tick(): void {
    const started = performance.now();
    const phase = this.phases.phase;
    if (phase === "countdown") {
      const left = this.countdownUntil - Date.now();
      this.state.countdown = Math.max(0, Math.ceil(left / 1000));
      if (left <= 0) this.moveTo("countdownDone");
      return;
    }
    const round = this.round;
    if (!round || (phase !== "running" && phase !== "draining")) return;
    this.updateBotSeats(round);
    // The drain is bots only: it runs DRAIN_SPEED times faster than the round, so the class waits seconds, not minutes.
    const events: Emitted[] = [];
    let steps = 0;
    do events.push(...stepRound(round));
    while (round.phase === "draining" && ++steps < DRAIN_SPEED);
    this.absorb(events);
    if (round.phase === "draining") this.moveTo("drainStarted");
    // Bandwidth: every phone receives the root and its team's pipeline. The clock goes out
    // twice a second (the projector interpolates), node loads five times a second, packets
    // in flight twice a second; anomaly counts at once.
    if (round.tick % 5 === 0 || round.phase === "over") this.state.tick = round.tick;
    const loads = round.tick % 2 === 0;
    const flying = round.tick % 5 === 0;
    this.state.teams.forEach((team, t) => {
      syncCounts(team, this.scores[t].counts);
      if (loads) syncPipeline(team, round.teams[t], round.humanSeats[t]);
      if (flying) syncFlying(team, round.teams[t]);
    });
    this.sendSeats();
    this.sendProjectorEvents(events);
    this.flushLog();
    if (round.phase === "over") this.finishRound(round);
    this.ctx.metrics.tick(performance.now() - started);
  }

  /** Events enter the live scores, the round's record and the log queue. */
  private absorb(events: Emitted[]): void {
    for (const e of events) {
      this.scores[e.team]?.add(e);
      this.roundEvents.push(e);
      this.pendingLines.push(eventLine(e));
    }
  }

  private flushLog(): void {
    if (!this.round || this.pendingLines.length === 0) return;
    const lines = this.pendingLines;
    this.pendingLines = [];
    const gameId = this.round.header.gameId;
    this.appendChain = this.appendChain.then(() => this.ctx.store.append(gameId, lines).catch((error: unknown) => console.error(`room ${this.state.code}: log append failed`, error)));
  }

  /** A seat is a person's while one of its holders is connected or dropped less than BOT_TAKEOVER_MS ago; otherwise a bot plays it. */
  private updateBotSeats(round: Round): void {
    const now = Date.now();
    const seats = seatsOf(round.header.config);
    round.teams.forEach((_, t) => {
      const humans = round.humanSeats[t];
      for (const { seat } of seats) {
        const held = this.roster.holders(t, seat).some((p) => p.connected || (p.droppedAt !== null && now - p.droppedAt < ClassRoom.botTakeoverMs));
        if (held) humans.add(seat);
        else humans.delete(seat);
      }
    });
  }

  private finishRound(round: Round): void {
    const report = check(round.header, this.roundEvents);
    const summary = summaryOf(round.header, report);
    report.teams.forEach((t) => {
      this.scores[t.team]?.settle(t);
      const team = this.state.teams[t.team];
      if (team) syncCounts(team, t);
    });
    const gameId = round.header.gameId;
    const summaryLine = JSON.stringify({ type: "summary", ...summary, perTeam: report.teams });
    this.appendChain = this.appendChain.then(() => this.ctx.store.finishGame(gameId, summaryLine, summary).catch((error: unknown) => console.error(`room ${this.state.code}: cannot finish game log`, error)));
    this.moveTo("roundOver");
    this.persist();
    for (const id of this.hosts) this.clients.get(id)?.send("roundOver", { gameId, summary, teams: report.teams, anomalies: report.anomalies.slice(0, 500) });
    for (const player of this.roster.players.values()) {
      const client = player.sessionId ? this.clients.get(player.sessionId) : undefined;
      if (!client || player.team < 0) continue;
      client.send("roundOver", { gameId, summary, team: report.teams[player.team] ?? null, you: { actions: player.actions, refusals: player.refusals, seat: player.seat } });
    }
  }

  /** Applies a phase move and mirrors it in the schema; returns why it was refused, if it was. */
  private moveTo(move: PhaseMove): "roundActive" | "notRunning" | null {
    const result = this.phases.apply(move);
    if (!result.ok) return result.reason;
    if (this.state.phase !== result.phase) this.state.phase = result.phase;
    return null;
  }

  // --- views ------------------------------------------------------------------------------

  private attachView(client: Client, player: Player): void {
    const view = player.team >= 0 && !player.spectator ? this.teamViews[player.team] : undefined;
    if (view) {
      for (const member of this.roster.members(player.team)) {
        const ps = this.state.players.get(member.id);
        if (ps) view.add(ps);
      }
    }
    client.view = view ?? new StateView();
  }

  private syncPlayer(player: Player): void {
    const ps = this.state.players.get(player.id);
    if (!ps) return;
    if (ps.name !== player.name) ps.name = player.name;
    if (ps.team !== player.team) ps.team = player.team;
    if (ps.seat !== (player.seat ?? "")) ps.seat = player.seat ?? "";
    if (ps.connected !== player.connected) ps.connected = player.connected;
    if (ps.spectator !== player.spectator) ps.spectator = player.spectator;
    if (ps.lastAction !== player.lastAction) ps.lastAction = player.lastAction;
  }

  /** Each person's seat detail, sent only when it changed. */
  private sendSeats(): void {
    for (const player of this.roster.players.values()) {
      if (!player.connected || !player.sessionId) continue;
      const client = this.clients.get(player.sessionId);
      if (client) this.sendSeat(client, player, false);
    }
  }

  private sendSeat(client: Client, player: Player, force: boolean): void {
    if (!this.round || player.spectator || player.seat === null || player.team < 0) return;
    const s = this.round.teams[player.team];
    if (!s) return;
    const config = this.round.header.config;
    const role = roleOfSeat(config, player.seat);
    const detail = { seat: player.seat, team: player.team, role, actions: role ? actionsFor(config, role) : [], view: seatView(s, player.seat) };
    const json = JSON.stringify(detail);
    if (!force && this.seatSent.get(player.id) === json) return;
    this.seatSent.set(player.id, json);
    client.send("seat", detail);
  }

  private sendProjectorEvents(events: Emitted[]): void {
    if (this.hosts.size === 0) return;
    const focus = this.state.focusedTeam;
    const drawn = events.filter((e) => e.team === focus && DRAWN.has(e.type));
    if (drawn.length === 0) return;
    for (const id of this.hosts) this.clients.get(id)?.send("events", drawn);
  }
}

function set(team: TeamState, members: number): void {
  team.members = Math.min(255, members);
}
