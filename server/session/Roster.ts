// Who is in a class room: players (with their resume tokens), the teams they form, and
// the seats they hold in a round. No networking here; the room calls it on join, drop,
// return, host moves and round starts.
import type { SeatDef } from "../../shared/scenarios/catalogue.js";
import { MAX_NAME_LENGTH, type IdleState } from "../../shared/protocol.js";
import { hashToken } from "./auth.js";
import { randomIds, type IdSource } from "./ports.js";

export const MAX_PLAYERS = 200;
export const MIN_TEAM = 3;
export const MAX_TEAM = 6;

export interface Player {
  id: string;
  name: string;
  resumeToken: string;
  sessionId: string | null;
  connected: boolean;
  /** Joined while a round ran: watches until the next round. */
  spectator: boolean;
  team: number;
  seat: string | null;
  droppedAt: number | null;
  lastAction: number;
  /** This round's actions and refusals. */
  actions: number;
  refusals: number;
  /** Idle while the seat has work (see IdleWatch); not saved: everyone comes back playing. */
  idle: IdleState;
}

/** What survives a restart: everything but live connections. Resume tokens only as hashes. */
export interface RosterSnapshot {
  players: (Omit<Player, "resumeToken" | "sessionId" | "connected" | "droppedAt" | "idle"> & { resumeTokenHash: string })[];
  teams: string[][];
  teamSize: number;
}

export class RosterError extends Error {
  constructor(readonly code: "roomFull" | "roomLocked" | "badName") {
    super(code);
  }
}

export class Roster {
  readonly players = new Map<string, Player>();
  /** By sessionId and by the hash of the resume token. */
  private readonly bySession = new Map<string, Player>();
  private readonly byResume = new Map<string, Player>();
  /** Each player's resume token hash: after a restore only the hash is known, and the next snapshot must keep it. */
  private readonly resumeHashes = new Map<string, string>();
  /** Members of each team, by player id; a team of the current round keeps its index. */
  teams: string[][] = [];
  /** Target team size, from the seats of the scenario (3 to 6). */
  teamSize = 3;

  constructor(private readonly ids: Pick<IdSource, "playerId" | "resumeToken"> = randomIds) {}

  get size(): number {
    return this.players.size;
  }

  bySessionId(sessionId: string): Player | undefined {
    return this.bySession.get(sessionId);
  }

  byResumeToken(token: unknown): Player | undefined {
    return typeof token === "string" && token.length <= 64 ? this.byResume.get(hashToken(token)) : undefined;
  }

  snapshot(): RosterSnapshot {
    return {
      players: [...this.players.values()].map(({ resumeToken: _t, sessionId: _s, connected: _c, droppedAt: _d, idle: _i, ...rest }) => ({
        ...rest,
        resumeTokenHash: this.resumeHashes.get(rest.id) as string,
      })),
      teams: this.teams.map((t) => [...t]),
      teamSize: this.teamSize,
    };
  }

  /** A roster back from a snapshot: everyone offline (dropped at `now`) until they resume with their token. */
  static restore(snapshot: RosterSnapshot, now: number, ids?: Pick<IdSource, "playerId" | "resumeToken">): Roster {
    const roster = new Roster(ids);
    roster.teams = snapshot.teams.map((t) => [...t]);
    roster.teamSize = snapshot.teamSize;
    for (const { resumeTokenHash, ...rest } of snapshot.players) {
      const player: Player = { ...rest, resumeToken: "", sessionId: null, connected: false, droppedAt: now, idle: "" };
      roster.players.set(player.id, player);
      roster.byResume.set(resumeTokenHash, player);
      roster.resumeHashes.set(player.id, resumeTokenHash);
    }
    return roster;
  }

  /** Adds a player with a name made unique in the room ("Ana", "Ana 2"…). */
  add(rawName: string, sessionId: string, roundActive: boolean, locked: boolean): Player {
    if (locked) throw new RosterError("roomLocked");
    if (this.players.size >= MAX_PLAYERS) throw new RosterError("roomFull");
    const name = this.uniqueName(rawName);
    const player: Player = {
      id: this.ids.playerId(),
      name,
      resumeToken: this.ids.resumeToken(),
      sessionId,
      connected: true,
      spectator: roundActive,
      team: -1,
      seat: null,
      droppedAt: null,
      lastAction: 0,
      actions: 0,
      refusals: 0,
      idle: "",
    };
    this.players.set(player.id, player);
    this.bySession.set(sessionId, player);
    const resumeHash = hashToken(player.resumeToken);
    this.byResume.set(resumeHash, player);
    this.resumeHashes.set(player.id, resumeHash);
    if (!roundActive) this.placeInTeam(player);
    return player;
  }

  private uniqueName(raw: string): string {
    const taken = new Set([...this.players.values()].map((p) => p.name.toLowerCase()));
    if (!taken.has(raw.toLowerCase())) return raw;
    for (let n = 2; ; n++) {
      const suffix = ` ${n}`;
      const candidate = raw.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  /** The smallest team with room, or a new team when all are at the target size. */
  private placeInTeam(player: Player): void {
    let best = -1;
    for (let t = 0; t < this.teams.length; t++)
      if (this.teams[t].length < this.teamSize && (best < 0 || this.teams[t].length < this.teams[best].length)) best = t;
    if (best < 0) {
      best = this.teams.findIndex((members) => members.length === 0);
      if (best < 0) {
        this.teams.push([]);
        best = this.teams.length - 1;
      }
    }
    this.teams[best].push(player.id);
    player.team = best;
  }

  /** The same person back (page reload, phone woke up): same player, new session. */
  resume(player: Player, sessionId: string): void {
    if (player.sessionId) this.bySession.delete(player.sessionId);
    player.sessionId = sessionId;
    player.connected = true;
    player.droppedAt = null;
    this.bySession.set(sessionId, player);
  }

  drop(sessionId: string, now: number): Player | undefined {
    const player = this.bySession.get(sessionId);
    if (!player) return undefined;
    player.connected = false;
    player.droppedAt = now;
    return player;
  }

  /** The connection is gone for good (reconnection window over); the player can still resume with the token. */
  detach(sessionId: string, now: number): Player | undefined {
    const player = this.bySession.get(sessionId);
    if (!player) return undefined;
    this.bySession.delete(sessionId);
    player.sessionId = null;
    player.connected = false;
    player.droppedAt ??= now;
    return player;
  }

  /** The host moves a player to another team (a new team at the end if `team` is one past the last). */
  move(playerId: string, team: number): Player | null {
    const player = this.players.get(playerId);
    if (!player || team < 0 || team > this.teams.length || team >= Math.ceil(MAX_PLAYERS / MIN_TEAM)) return null;
    if (team === this.teams.length) this.teams.push([]);
    if (player.team >= 0) this.teams[player.team] = this.teams[player.team].filter((id) => id !== player.id);
    this.teams[team].push(player.id);
    player.team = team;
    player.spectator = false;
    return player;
  }

  /**
   * Forms the teams of a new round: spectators join, empty teams go, teams past six are
   * split and teams under three merged where the class is big enough; then every member
   * gets a seat (several members of a team may share one). The same deal previews the
   * seats in the lobby, so what a phone announces there is what Start gives.
   */
  startRound(seats: SeatDef[]): void {
    this.teamSize = Math.min(MAX_TEAM, Math.max(MIN_TEAM, seats.length));
    for (const p of this.players.values())
      if (p.spectator) {
        p.spectator = false;
        this.placeInTeam(p);
      }
    let teams = this.teams.filter((members) => members.length > 0);
    const total = teams.reduce((n, m) => n + m.length, 0);
    const oversized = teams.some((m) => m.length > MAX_TEAM);
    const undersized = total >= MIN_TEAM * 2 && teams.filter((m) => m.length < MIN_TEAM).length > 0;
    if (oversized || undersized) {
      const count = Math.max(Math.ceil(total / MAX_TEAM), Math.min(Math.floor(total / MIN_TEAM), Math.round(total / this.teamSize)));
      const everyone = teams.flat();
      teams = Array.from({ length: Math.max(1, count) }, () => []);
      everyone.forEach((id, i) => teams[i % teams.length].push(id));
    }
    this.teams = teams.length ? teams : [[]];
    this.teams.forEach((members, t) =>
      members.forEach((id, i) => {
        const p = this.players.get(id) as Player;
        p.team = t;
        p.seat = seats.length ? seats[i % seats.length].seat : null;
        p.actions = 0;
        p.refusals = 0;
      }),
    );
  }

  /** The people holding each seat of a team, connected or not. */
  holders(team: number, seat: string): Player[] {
    return (this.teams[team] ?? []).map((id) => this.players.get(id) as Player).filter((p) => p.seat === seat && !p.spectator);
  }

  members(team: number): Player[] {
    return (this.teams[team] ?? []).map((id) => this.players.get(id) as Player);
  }
}
