// The session's public state, written into the Colyseus schema, and who sees what: each
// team's phones see their teammates (one StateView per team), the projector sees every
// player and every team's pipeline (the host view), everyone sees the root (with every
// team's counts). What it costs and why: docs/performance.md.
import { StateView } from "@colyseus/schema";
import type { Client } from "@colyseus/core";
import type { Counts, Report } from "../../shared/checker/checker.js";
import { designScore } from "../../shared/design/index.js";
import { designOfRound } from "../session/TeamDesigns.js";
import type { Design } from "../../shared/design/index.js";
import type { LiveScore } from "../../shared/checker/liveScore.js";
import type { Round } from "../../shared/sim/round.js";
import type { LessonStateView } from "../../shared/view/roomState.js";
import type { RoomSettings, StateMirror } from "../session/ports.js";
import type { Player, Roster } from "../session/Roster.js";
import { DesignState, PlayerState, type ClassState } from "./schema.js";
import { buildTeams, syncCounts, syncFlying, syncPipeline, teamStateView } from "./syncState.js";

export class SchemaMirror implements StateMirror {
  private teamStateViews: StateView[] = [];
  private hostView = new StateView();
  /** The phones that see the root only share this view. */
  private readonly rootOnly = new StateView();
  /** Each phone's lobby view and the players it shows, by player id. */
  private readonly lobbyViews = new Map<string, { view: StateView; shown: Set<PlayerState> }>();
  private phase = "lobby";
  /** A design round's teams are scored by the design score (shared/design/score.ts), live and final. */
  private designRound: Round | null = null;

  /** `session` is read lazily: the mirror is made before the session it mirrors. */
  constructor(
    private readonly state: ClassState,
    private readonly clientOf: (connectionId: string) => Client | undefined,
    private readonly session: () => { readonly roster: Roster; readonly hostConnections: Iterable<string> },
  ) {}

  settings(settings: Readonly<RoomSettings>): void {
    this.phase = settings.phase;
    const state = this.state;
    for (const key of Object.keys(settings) as (keyof RoomSettings)[]) {
      if (state[key] !== settings[key]) (state as unknown as Record<string, unknown>)[key] = settings[key];
    }
  }

  hostJoined(connectionId: string): void {
    const client = this.clientOf(connectionId);
    if (client) client.view = this.hostView;
  }

  playerJoined(player: Player): void {
    const ps = new PlayerState();
    this.state.players.set(player.id, ps);
    this.hostView.add(ps);
    this.playerChanged(player);
  }

  playerChanged(player: Player): void {
    const ps = this.state.players.get(player.id);
    if (!ps) return;
    if (ps.name !== player.name) ps.name = player.name;
    if (ps.team !== player.team) ps.team = player.team;
    if (ps.seat !== (player.seat ?? "")) ps.seat = player.seat ?? "";
    if (ps.connected !== player.connected) ps.connected = player.connected;
    if (ps.spectator !== player.spectator) ps.spectator = player.spectator;
    if (ps.lastAction !== player.lastAction) ps.lastAction = player.lastAction;
    if (ps.idle !== player.idle) ps.idle = player.idle;
  }

  /**
   * A phone sees its team (and the team's players) while it plays in one; in the lobby its
   * future team's players (the seats the roster previews); otherwise the root only.
   *
   * Views are reused, not made anew at each placement: Colyseus keeps a view's bits on
   * every object of the state until the view is collected, then clears them from every
   * object (a cost that grows with the room), so a lobby that made a view per placement
   * paid it hundreds of times a round. A phone keeps one lobby view (the members it shows
   * follow the deal); the phones that see nothing but the root share one view.
   */
  playerPlaced(player: Player): void {
    const client = player.sessionId ? this.clientOf(player.sessionId) : undefined;
    if (!client) return;
    const placed = player.team >= 0 && !player.spectator;
    if (!placed) {
      client.view = this.rootOnly;
      return;
    }
    const members = this.session()
      .roster.members(player.team)
      .map((member) => this.state.players.get(member.id))
      .filter((ps): ps is PlayerState => ps !== undefined);
    // In the lobby and the design phase a phone sees its (future) team's players through its own view.
    if (this.phase !== "lobby" && this.phase !== "design") {
      const view = this.teamStateViews[player.team];
      if (view) for (const ps of members) view.add(ps);
      client.view = view ?? this.rootOnly;
      return;
    }
    let lobby = this.lobbyViews.get(player.id);
    if (!lobby) this.lobbyViews.set(player.id, (lobby = { view: new StateView(), shown: new Set() }));
    const now = new Set(members);
    for (const ps of lobby.shown) if (!now.has(ps)) lobby.view.remove(ps);
    for (const ps of now) if (!lobby.shown.has(ps)) lobby.view.add(ps);
    lobby.shown = now;
    client.view = lobby.view;
  }

  roundBegan(round: Round, members: number[], scores: readonly LiveScore[]): void {
    const state = this.state;
    buildTeams(
      state,
      round.teams,
      round.teams.map((_, t) => `${t + 1}`),
      round.humanSeats,
    );
    this.designRound = designOfRound(round) ? round : null;
    state.teams.forEach((team, t) => {
      team.members = Math.min(255, members[t] ?? 0);
      syncCounts(team, scores[t].counts, scores[t].pending, this.liveDesignScore(scores[t].counts, round.tick));
    });
    this.teamStateViews = state.teams.map(() => teamStateView());
    // The projector sees every player and every team's pipeline (the overview), and draws the focused one large.
    this.hostView = new StateView();
    state.players.forEach((ps) => this.hostView.add(ps));
    for (const team of state.teams) this.hostView.add(team);
    for (const id of this.session().hostConnections) {
      const host = this.clientOf(id);
      if (host) host.view = this.hostView;
    }
    state.tick = round.tick;
    state.roundTicks = round.header.config.roundTicks;
  }

  /**
   * Bandwidth and patches: every phone receives the root (with every team's counts) and its
   * team's players; the projector every team's pipeline too. The clock and the counts go out
   * twice a second, on the same tick (the projector interpolates the clock; a count on the
   * board may be half a second late), so a phone gets one patch on that beat rather than one
   * every tick some team somewhere counted something; node loads five times a second and
   * packets in flight twice a second, which only the projector sees.
   */
  roundTicked(round: Round, scores: readonly LiveScore[]): void {
    const beat = round.tick % 5 === 0 || round.phase !== "running";
    if (beat) this.state.tick = round.tick;
    const loads = round.tick % 2 === 0;
    const flying = round.tick % 5 === 0;
    this.state.teams.forEach((team, t) => {
      if (beat) syncCounts(team, scores[t].counts, scores[t].pending, this.liveDesignScore(scores[t].counts, round.tick));
      if (loads) syncPipeline(team, round.teams[t], round.humanSeats[t]);
      if (flying) syncFlying(team, round.teams[t]);
    });
  }

  designs(designs: readonly Design[]): void {
    const list = this.state.designs;
    while (list.length > designs.length) list.pop();
    designs.forEach((design, team) => {
      let state = list[team];
      if (!state) list.push((state = new DesignState()));
      for (const [setting, value] of Object.entries(design)) if (state.choices.get(setting) !== value) state.choices.set(setting, value);
    });
  }

  lesson(state: Readonly<LessonStateView>): void {
    const lesson = this.state.lesson as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(state)) if (lesson[key] !== value) lesson[key] = value;
  }

  roundSettled(report: Report): void {
    const design = this.designRound ? designOfRound(this.designRound) : null;
    for (const t of report.teams) {
      const team = this.state.teams[t.team];
      if (team) syncCounts(team, t, 0, design ? Math.round(designScore(t, design.roundTicks).score) : undefined);
    }
  }

  /**
   * A design round's score while it plays: effects applied so far over the whole round's
   * minutes, minus the penalty of the anomalies already certain. It grows to the final score,
   * which the checker's counts and times settle (roundSettled).
   */
  private liveDesignScore(counts: Counts, tick: number): number | undefined {
    const round = this.designRound;
    if (!round) return undefined;
    return Math.round(designScore({ ...counts, firstCommitTick: 0, lastAppliedTick: tick }, round.header.roundTicks).score);
  }
}
