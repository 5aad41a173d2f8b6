// Students who stall their team. A connected person whose seat has work and who does nothing
// is nudged after `nudgeMs`; after `botMs` a bot plays the seat until the person acts again
// (the seat stays theirs: any action takes it back at once). Time counts only while the
// round runs and the seat has work, so waiting for a delivery never counts against anyone.
// A seat shared by several people stays human while any of them is active.
import type { IdleState } from "../../shared/protocol.js";
import { seatsOf } from "../../shared/scenarios/catalogue.js";
import type { Round } from "../../shared/sim/round.js";
import { seatHasWork } from "../../shared/view/seatHints.js";
import { seatView, type SeatView } from "../../shared/view/seatView.js";
import type { Player, Roster } from "./Roster.js";

/** Milliseconds of idleness with work to do; 0 turns the step off. */
export interface IdleLimits {
  nudgeMs: number;
  botMs: number;
}

export class IdleWatch {
  /** By player id: time spent idle while their seat had work, since their last action. */
  private readonly idleFor = new Map<string, number>();
  private lastAt: number | null = null;

  constructor(private readonly limits: IdleLimits) {}

  /** One clock tick of a running round; returns the people whose idle state changed. */
  /** `viewOf`: a seat's view as the phones get it (the round's cached one); computed from the round by default. */
  watch(
    now: number,
    round: Round,
    roster: Roster,
    viewOf: (team: number, seat: string) => SeatView | null = (t, seat) => seatView(round.teams[t], seat),
  ): Player[] {
    const elapsed = this.lastAt === null ? 0 : Math.max(0, now - this.lastAt);
    this.lastAt = now;
    const changed: Player[] = [];
    const seats = seatsOf(round.header.config);
    round.teams.forEach((_, t) => {
      for (const { seat } of seats) {
        const holders = roster.holders(t, seat).filter((p) => p.connected);
        if (holders.length === 0) continue;
        if (elapsed > 0 && seatHasWork(viewOf(t, seat))) for (const p of holders) this.idleFor.set(p.id, (this.idleFor.get(p.id) ?? 0) + elapsed);
        const seatAway = holders.every((p) => this.reached(p, this.limits.botMs));
        for (const p of holders) {
          const state: IdleState = seatAway ? "bot" : this.reached(p, this.limits.nudgeMs) ? "nudged" : "";
          if (p.idle === state) continue;
          p.idle = state;
          changed.push(p);
        }
      }
    });
    return changed;
  }

  /** The round does not run (paused, counting down, draining): time stands still. */
  pause(): void {
    this.lastAt = null;
  }

  /** The person acted or came back: active again. True when their idle state changed. */
  active(player: Player): boolean {
    this.idleFor.delete(player.id);
    if (player.idle === "") return false;
    player.idle = "";
    return true;
  }

  /** A round begins or drains: everyone starts afresh. Returns the people whose state changed. */
  reset(players: Iterable<Player>): Player[] {
    this.idleFor.clear();
    this.lastAt = null;
    const changed: Player[] = [];
    for (const p of players) if (this.active(p)) changed.push(p);
    return changed;
  }

  private reached(player: Player, limit: number): boolean {
    return limit > 0 && (this.idleFor.get(player.id) ?? 0) >= limit;
  }
}
