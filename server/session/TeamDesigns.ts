// Each team's design for a design round (docs/game.md, the design round): the settings of
// its producer, broker and consumer ends. A student changes only the settings of the end
// their seat plays; an end nobody holds keeps the bots' design (the defaults a newcomer
// keeps, or the lesson's fixes, as the host chose). Designs outlive a round: between rounds a
// team may change its design and play the same chaos again. Saved with the room's snapshot.
import {
  CAREFUL_DESIGN,
  checkDesignChoice,
  DESIGN_ENDS,
  DESIGN_SETTINGS,
  endOfSeat,
  isDesign,
  NAIVE_DESIGN,
  settingsOfEnd,
  withChoice,
  type Design,
  type DesignEnd,
} from "../../shared/design/index.js";
import type { Round } from "../../shared/sim/round.js";
import { isDesignRound as isDesignVariant } from "../../shared/sim/round.js";
import { designEndsOf } from "../../shared/view/designEnds.js";
import { DESIGN_SECONDS, type DesignBots, type ShellRefusal } from "../../shared/protocol.js";

/** A round configured on a variant with a design phase (the catalogue's design variant; the rule is shared/sim/round.ts's). */
export function isDesignRound(config: { scenario: string; variant: string }): boolean {
  return isDesignVariant(config.scenario, config.variant);
}

/**
 * The order a design round deals its seats in: one person per end before any end gets a
 * second (P1, B, C1, P2, C2…), so a small team still designs every end it can.
 */
export function designDealOrder<S extends { seat: string }>(seats: readonly S[]): S[] {
  const byEnd = DESIGN_ENDS.map((end) => seats.filter((s) => endOfSeat(s.seat) === end));
  const dealt: S[] = [];
  for (let i = 0; dealt.length < seats.length && i < seats.length; i++) for (const list of byEnd) if (list[i]) dealt.push(list[i]);
  for (const s of seats) if (!dealt.includes(s)) dealt.push(s);
  return dealt;
}

/** A finished design round's designs (from its log header) and the ticks played before its drain; null for other rounds. */
export function designOfRound(round: Round): { designs: Design[]; roundTicks: number } | null {
  // The header names each team's design (docs/log-format.md); a round of another variant has none.
  const designs = round.header.teams.map((t) => t.design);
  if (designs.length === 0 || !designs.every((d): d is Design => isDesign(d))) return null;
  const planned = round.header.roundTicks;
  return { designs, roundTicks: round.drainStartedAt >= 0 ? Math.min(planned, round.drainStartedAt) : planned };
}

/** What a restart must keep of the designs. */
export interface DesignsRecord {
  designs: Design[];
  bots: DesignBots;
  seconds: number;
}

export type DesignRefusal = { code: ShellRefusal; detail?: string };

export class TeamDesigns {
  private list: Design[] = [];
  private botsValue: DesignBots = "naive";
  private secondsValue: number = DESIGN_SECONDS.default;

  /** Index = team (0-based). */
  get all(): readonly Design[] {
    return this.list;
  }
  get bots(): DesignBots {
    return this.botsValue;
  }
  /** The design phase's length the host chose last. */
  get seconds(): number {
    return this.secondsValue;
  }

  /** The design the bots bring to an end nobody holds. */
  botDesign(): Design {
    return { ...(this.botsValue === "careful" ? CAREFUL_DESIGN : NAIVE_DESIGN) };
  }

  /** A new design phase: its length and whose design the empty ends take. */
  open(seconds: number, bots: DesignBots): void {
    this.secondsValue = seconds;
    this.botsValue = bots;
  }

  /**
   * The round's teams: one design each (a new team starts from a newcomer's defaults, a
   * team that went away is forgotten), and in each team the ends nobody holds take the bots'
   * values. `held(team)` names the seats a person holds in that team. True when a design changed.
   */
  fit(teamCount: number, held: (team: number) => readonly string[]): boolean {
    const before = JSON.stringify(this.list);
    this.list = this.list.slice(0, teamCount);
    while (this.list.length < teamCount) this.list.push({ ...NAIVE_DESIGN });
    const bot = this.botDesign();
    this.list = this.list.map((design, team) => {
      const ends = new Set(designEndsOf(held(team)).values());
      let next = design;
      for (const end of DESIGN_ENDS) if (!ends.has(end)) for (const setting of settingsOfEnd(end)) next = withChoice(next, setting, bot[setting]);
      return next;
    });
    return JSON.stringify(this.list) !== before;
  }

  /**
   * A student's choice for their team: applied, or the reason it is refused (the design is
   * then unchanged). `teamSeats`: the seats the team's people hold, which decide the end each designs.
   */
  choose(team: number, seat: string, teamSeats: readonly string[], setting: string, value: string): DesignRefusal | null {
    const end: DesignEnd | undefined = designEndsOf([...teamSeats, seat]).get(seat);
    const design = this.list[team];
    if (!end || !design) return { code: "noSeat" };
    const known = DESIGN_SETTINGS.find((s) => s.setting === setting);
    if (!known) return { code: "badChoice", detail: `unknown setting ${setting}` };
    if (known.end !== end) return { code: "wrongEnd", detail: `${setting} belongs to the ${known.end}, you design the ${end}` };
    const reason = checkDesignChoice(end, setting, value);
    if (reason) return { code: "badChoice", detail: reason };
    this.list[team] = withChoice(design, known.setting, value);
    return null;
  }

  snapshot(): DesignsRecord {
    return { designs: this.list.map((d) => ({ ...d })), bots: this.botsValue, seconds: this.secondsValue };
  }

  /** Back from a snapshot; a record from an older server (or a damaged one) leaves the designs empty. */
  restore(record: DesignsRecord | undefined): void {
    if (!record) return;
    this.list = Array.isArray(record.designs) ? record.designs.map((d) => (isDesign(d) ? { ...d } : this.botDesign())) : [];
    this.botsValue = record.bots === "careful" ? "careful" : "naive";
    const seconds = record.seconds;
    this.secondsValue = Number.isInteger(seconds) && seconds >= DESIGN_SECONDS.min && seconds <= DESIGN_SECONDS.max ? seconds : DESIGN_SECONDS.default;
  }
}
