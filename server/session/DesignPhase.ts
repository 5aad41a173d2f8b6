// The design phase of a design round, as a piece of the room's rounds (RoomRounds): each
// team's design (TeamDesigns), the deal that gives every end a person first, the design
// clock, and a student's choice. The phase machine's move into "design" and the round's
// start stay the rounds' own; this piece tells them when the clock has run out.
import type { Design } from "../../shared/design/index.js";
import type { ConfigMessage, DesignBots } from "../../shared/protocol.js";
import { findVariant, seatsOf, type SeatDef } from "../../shared/scenarios/catalogue.js";
import type { RoomSettings, SessionPorts } from "./ports.js";
import type { Player, Roster } from "./Roster.js";
import { designDealOrder, isDesignRound, TeamDesigns, type DesignRefusal, type DesignsRecord } from "./TeamDesigns.js";

/** What the design phase reads and changes of its room's rounds. */
export interface DesignRounds {
  readonly roster: Roster;
  readonly config: ConfigMessage;
  set(values: Partial<RoomSettings>): void;
}

export class DesignPhase {
  /** Each team's design for the design rounds, kept from one round to the next. */
  readonly designs = new TeamDesigns();
  private until = 0;

  constructor(
    private readonly rounds: DesignRounds,
    private readonly ports: Pick<SessionPorts, "clock" | "mirror" | "saveSoon">,
  ) {}

  /** The phase has opened (the seats are dealt): every team has a design and the clock runs. */
  begin(seconds: number, bots: DesignBots): void {
    this.designs.open(seconds, bots);
    this.fit();
    this.until = this.ports.clock.now() + seconds * 1000;
    this.rounds.set({ designLeft: seconds });
    this.ports.saveSoon();
  }

  /** One clock tick of the phase: the seconds left; true once they have run out. */
  tick(now: number): boolean {
    const left = this.until - now;
    this.rounds.set({ designLeft: Math.max(0, Math.ceil(left / 1000)) });
    return left <= 0;
  }

  /** A student's choice for their end; refused for another end or a value that does not exist, and then nothing changes. */
  choose(player: Player, setting: string, value: string): DesignRefusal | null {
    if (player.seat === null || player.team < 0 || player.spectator) return { code: "noSeat" };
    const teamSeats = this.rounds.roster.members(player.team).flatMap((p) => (p.seat !== null && !p.spectator ? [p.seat] : []));
    const refusal = this.designs.choose(player.team, player.seat, teamSeats, setting, value);
    if (refusal) return refusal;
    this.ports.mirror.designs(this.designs.all);
    this.ports.saveSoon();
    return null;
  }

  /** A design round deals one person per end first; other rounds in the catalogue's order. */
  dealOrder(seats: SeatDef[]): SeatDef[] {
    return isDesignRound(this.rounds.config) ? designDealOrder(seats) : seats;
  }

  /** One design per team of the deal; the ends nobody holds take the bots' design. */
  fit(): void {
    const { roster, config } = this.rounds;
    const variant = findVariant(config.scenario, config.variant);
    const seats = variant ? seatsOf(variant) : [];
    this.designs.fit(roster.teams.length, (team) => seats.filter((s) => roster.holders(team, s.seat).length > 0).map((s) => s.seat));
    this.ports.mirror.designs(this.designs.all);
  }

  /** The designs a round of the configured variant plays (after the deal), none for a round of another variant. */
  forRound(): readonly Design[] | undefined {
    if (!isDesignRound(this.rounds.config)) return undefined;
    this.fit();
    return this.designs.all;
  }

  snapshot(): DesignsRecord {
    return this.designs.snapshot();
  }

  restore(record: DesignsRecord | undefined): void {
    this.designs.restore(record);
    if (this.designs.all.length) this.ports.mirror.designs(this.designs.all);
  }
}
