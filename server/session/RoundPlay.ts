// One round as the room plays it: the engine's round, the live scores, every event it has
// lived (for the final check) and the log lines not yet handed to the log writer.
import { check, summaryOf, type Report, type RoundSummary } from "../../shared/checker/checker.js";
import { LiveScore } from "../../shared/checker/liveScore.js";
import type { Design } from "../../shared/design/index.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import type { Command } from "../../shared/engine/types.js";
import { eventLine } from "../../shared/log/log.js";
import type { ConfigMessage } from "../../shared/protocol.js";
import { TICK_MS } from "../../shared/engine/config.js";
import { profileFor, seatsOf, type SeatDef } from "../../shared/scenarios/catalogue.js";
import { applyPlayerCommand, createRound, requestDrain, stepRound, type Round } from "../../shared/sim/round.js";
import { seatMessage, seatViewsMoveWithClock } from "../../shared/view/seatView.js";
import type { SeatMessage } from "../../shared/protocol.js";
import type { Roster } from "./Roster.js";

/** The drain is bots only: it runs this many engine ticks per clock tick, so the class waits seconds, not minutes. */
export const DRAIN_SPEED = 10;

/**
 * The round the host configured, for the teams and seats the roster has just dealt: the
 * log header names who holds each seat ("Ana + Bia" when two share one); seats nobody
 * holds are bots.
 */
export function createClassRound(
  roster: Roster,
  seats: readonly SeatDef[],
  config: ConfigMessage,
  seed: number,
  gameId: string,
  designs?: readonly Design[],
): Round {
  const players: { team: number; seat: string; name: string }[] = [];
  roster.teams.forEach((_, t) => {
    for (const { seat } of seats) {
      const holders = roster.holders(t, seat);
      if (holders.length) players.push({ team: t, seat, name: holders.map((h) => h.name).join(" + ") });
    }
  });
  return createRound({
    scenario: config.scenario,
    variant: config.variant,
    seed,
    teams: roster.teams.length,
    gameId,
    players,
    roundTicks: config.roundSeconds ? Math.round((config.roundSeconds * 1000) / TICK_MS) : undefined,
    profile: profileFor(config.scenario, config.variant, config.profile) ?? undefined,
    // A design round: each team's own design, every team the same seed and fault plan.
    ...(designs ? { designs } : {}),
  });
}

/** A seat's detail as a phone receives it (without the person's idle flag), and its JSON to compare with what was sent. */
export interface SeatDetail {
  detail: SeatMessage;
  json: string;
}

export class RoundPlay {
  readonly scores: LiveScore[];
  private readonly events: Emitted[];
  private pendingLines: string[] = [];
  /**
   * Each team's revision: it moves with every command applied to the team, and with a step
   * of the round that gave the team an event or moved a clock-bound part of its seats
   * (seatViewsMoveWithClock), the only ways its seat views change. A seat's detail is
   * computed once a revision, however many of the room's checks ask for it (the phones'
   * messages every tick, the idle watch): most ticks, for most seats, none.
   */
  private readonly revisions: number[];
  /** By team, then by seat. */
  private readonly seatDetails: Map<string, SeatDetail & { revision: number }>[];

  /** `lived`: the events the round went through before it came here (after a restore). */
  constructor(
    readonly round: Round,
    readonly number: number,
    lived: readonly Emitted[],
  ) {
    this.scores = LiveScore.forRound(round.header);
    this.revisions = round.teams.map(() => 0);
    this.seatDetails = round.teams.map(() => new Map());
    this.events = [...lived];
    for (const e of lived) this.scores[e.team]?.add(e);
  }

  get gameId(): string {
    return this.round.header.gameId;
  }

  get teamCount(): number {
    return this.round.teams.length;
  }

  /** Players may act: the round runs and its end was not asked for. */
  get open(): boolean {
    return this.round.phase === "running" && !this.round.drainRequested;
  }

  get over(): boolean {
    return this.round.phase === "over";
  }

  /** A person's (or the host's) command, applied at once; `by` names the person in the log. */
  apply(team: number, command: Command, by?: string): Emitted[] {
    if (team >= 0 && team < this.revisions.length) this.revisions[team]++;
    const events = applyPlayerCommand(this.round, team, command);
    const played = events[0];
    if (by !== undefined && (played?.type === "command" || played?.type === "commandRefused")) played.by = by;
    this.absorb(events);
    return events;
  }

  requestEnd(): void {
    requestDrain(this.round);
  }

  /** One clock tick: one engine tick while people play, DRAIN_SPEED ticks during the drain. */
  step(): Emitted[] {
    const events: Emitted[] = [];
    let steps = 0;
    const { tick: from, phase } = this.round;
    do events.push(...stepRound(this.round));
    while (this.round.phase === "draining" && ++steps < DRAIN_SPEED);
    this.absorb(events);
    const moved = new Set<number>();
    for (const e of events) moved.add(e.team);
    this.round.teams.forEach((s, t) => {
      if (phase !== this.round.phase || moved.has(t) || seatViewsMoveWithClock(s, from, this.round.tick)) this.revisions[t]++;
    });
    return events;
  }

  revisionOf(team: number): number {
    return this.revisions[team] ?? -1;
  }

  /** The detail of a team's seat as it is now (computed once per revision of the team), or null for a team the round does not have. */
  seatDetail(team: number, seat: string): SeatDetail | null {
    const state = this.round.teams[team];
    if (!state) return null;
    const cached = this.seatDetails[team].get(seat);
    if (cached && cached.revision === this.revisions[team]) return cached;
    // The team's own configuration: in a design round each team's actions follow its design.
    const detail = seatMessage(state.config, state, team, seat);
    const fresh = { revision: this.revisions[team], detail, json: JSON.stringify(detail) };
    this.seatDetails[team].set(seat, fresh);
    return fresh;
  }

  /** The log lines since the last call. */
  takeLines(): string[] {
    const lines = this.pendingLines;
    this.pendingLines = [];
    return lines;
  }

  /** The final check of everything the round lived; the live scores take its counts. */
  settle(): { report: Report; summary: RoundSummary } {
    const report = check(this.round.header, this.events);
    for (const score of this.scores) score.settle();
    return { report, summary: summaryOf(this.round.header, report) };
  }

  /**
   * A seat is a person's while one of its holders is connected and not idle past the bot
   * threshold (IdleWatch), or dropped less than `takeoverMs` ago; otherwise its bot plays
   * it. A person coming back, or acting again, takes it again.
   */
  assignSeats(roster: Roster, now: number, takeoverMs: number): void {
    const seats = seatsOf(this.round.header.config);
    this.round.teams.forEach((_, t) => {
      const humans = this.round.humanSeats[t];
      for (const { seat } of seats) {
        const held = roster.holders(t, seat).some((p) => (p.connected ? p.idle !== "bot" : p.droppedAt !== null && now - p.droppedAt < takeoverMs));
        if (held) humans.add(seat);
        else humans.delete(seat);
      }
    });
  }

  private absorb(events: readonly Emitted[]): void {
    for (const e of events) {
      this.scores[e.team]?.add(e);
      this.events.push(e);
      this.pendingLines.push(eventLine(e));
    }
  }
}
