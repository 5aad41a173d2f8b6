// Everything the session tells people, worded once: welcomes, refusals, each phone's seat
// detail (sent when it changed since the last one that phone got, so a quiet seat costs
// nothing on the wire), the projector's drawing events, and the round's results (kept until
// the next round, so a page reloaded after the round gets them again).
import type { Emitted } from "../../shared/engine/kernel.js";
import {
  isDrawn,
  type DrawnEvent,
  type HistoryEntry,
  type HostRoundOver,
  type PlayerRoundOver,
  type Refusal,
  type ShellRefusal,
} from "../../shared/protocol.js";
import type { SeatDetail } from "./RoundPlay.js";
import type { SessionTransport } from "./ports.js";
import type { RoundResults } from "./roundResults.js";
import type { Player } from "./Roster.js";

export type RefusalCode = ShellRefusal | Refusal["reason"];

/** Where seat details come from: the round in play (RoundPlay), which computes each once per change of its team. */
export interface SeatSource {
  seatDetail(team: number, seat: string): SeatDetail | null;
  /** Moves whenever a seat detail of the team may have changed. */
  revisionOf(team: number): number;
}

export class Messenger {
  /** The last seat detail sent to each player: its JSON, the person's idle flag, and the team's revision it was checked at. */
  private readonly seatSent = new Map<string, { json: string; idle: string; source: SeatSource; team: number; seat: string; revision: number }>();
  /** The last round's results: the projector's, and each player's by player id. */
  private lastResults: { host: HostRoundOver; players: Map<string, PlayerRoundOver> } | null = null;

  constructor(private readonly transport: SessionTransport) {}

  welcomeHost(connectionId: string, code: string, joinUrl: string): void {
    this.transport.send(connectionId, "welcome", { role: "host", code, joinUrl });
  }

  welcomePlayer(connectionId: string, player: Player, code: string): void {
    const role = player.spectator ? "spectator" : "player";
    this.transport.send(connectionId, "welcome", { role, code, playerId: player.id, name: player.name, resumeToken: player.resumeToken });
  }

  /** `action` names what was refused (the action, or the message type); `n` echoes the client's sequence number. */
  refuse(connectionId: string, action: string, code: RefusalCode, n?: number, detail?: string): void {
    const reason = typeof code === "string" ? (detail ? { code, detail } : { code }) : code;
    this.transport.refuse(connectionId, n === undefined ? { action, reason } : { action, n, reason });
  }

  /** The next seat detail to this player goes out even if nothing changed (a new connection, a new round). */
  forgetSeat(playerId: string): void {
    this.seatSent.delete(playerId);
  }

  /** The player's seat detail, unless it has no seat in this round or (when not forced) nothing changed. */
  seat(source: SeatSource | null, player: Player, force: boolean): void {
    if (!source || !player.sessionId || player.spectator || player.seat === null || player.team < 0) return;
    const last = this.seatSent.get(player.id);
    const revision = source.revisionOf(player.team);
    const same = last && last.source === source && last.team === player.team && last.seat === player.seat && last.idle === player.idle;
    if (!force && same && last.revision === revision) return;
    const seat = source.seatDetail(player.team, player.seat);
    if (!seat) return;
    if (!force && same && last.json === seat.json) {
      last.revision = revision;
      return;
    }
    this.seatSent.set(player.id, { json: seat.json, idle: player.idle, source, team: player.team, seat: player.seat, revision });
    this.transport.send(player.sessionId, "seat", { ...seat.detail, idle: player.idle });
  }

  /** Every connected person's seat detail, where it changed. */
  seats(source: SeatSource | null, players: Iterable<Player>): void {
    for (const player of players) if (player.connected) this.seat(source, player, false);
  }

  /** The focused team's drawing events of this tick, to every projector. */
  projectorEvents(hosts: ReadonlySet<string>, focusedTeam: number, events: readonly Emitted[]): void {
    if (hosts.size === 0) return;
    const drawn = events.filter((e): e is DrawnEvent => e.team === focusedTeam && isDrawn(e));
    if (drawn.length === 0) return;
    for (const id of hosts) this.transport.send(id, "events", drawn);
  }

  /** The results: every team's and the cause groups to the projectors, each player their team's and their own. */
  roundOver(hosts: ReadonlySet<string>, players: Iterable<Player>, results: RoundResults): void {
    const host = results.forProjector();
    const mine = new Map<string, PlayerRoundOver>();
    for (const id of hosts) this.transport.send(id, "roundOver", host);
    for (const player of players) {
      if (player.team < 0 || player.spectator) continue;
      const message = results.forPlayer(player);
      mine.set(player.id, message);
      if (player.sessionId) this.transport.send(player.sessionId, "roundOver", message);
    }
    this.lastResults = { host, players: mine };
  }

  /** A new round begins: the last results are no longer what a page shows. */
  forgetResults(): void {
    this.lastResults = null;
  }

  /** The last results again, to a page that (re)connects while they are shown: a projector (`playerId` null) or a player's phone. */
  resendResults(connectionId: string, playerId: string | null): void {
    const results = this.lastResults;
    const message = playerId === null ? results?.host : results?.players.get(playerId);
    if (message) this.transport.send(connectionId, "roundOver", message);
  }

  history(hosts: Iterable<string>, rounds: HistoryEntry[]): void {
    for (const id of hosts) this.transport.send(id, "history", { rounds });
  }
}
