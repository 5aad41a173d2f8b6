// Live counters for the leaderboard while a round runs, folded from events as they come by
// the same rules as the final checker (effects.ts). Duplicates, misorderings and lost
// updates count when they happen. Lost and inconsistent show only what is already certain
// (certain.ts), so a live figure never exceeds the final one; what may still arrive is
// `pending`; parked shows what is parked now (dead-lettered, or kept in the stream). Wrong final states are known only after the drain. `settle` replaces them
// with the final counts.
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";
import { CertainAnomalies } from "./certain.js";
import { scoreOf } from "./checker.js";
import { copyFacts, type CopyFacts } from "./copies.js";
import { EffectLedger, teamFacts, type Counts, type TeamFacts } from "./effects.js";

export class LiveScore {
  private readonly ledger: EffectLedger;
  private readonly certain: CertainAnomalies | null;
  private settled = false;

  /** Without the team's facts (its subscriptions), lost and inconsistent stay 0 until `settle` is given the checker's final counts. */
  constructor(
    private readonly facts?: TeamFacts,
    copies?: CopyFacts,
  ) {
    this.ledger = new EffectLedger(facts ?? { subscriptions: null, writesToDb: false });
    this.certain = facts && copies ? new CertainAnomalies(copies, facts.writesToDb) : null;
  }

  /** One live score per team of the round the header opens. */
  static forRound(header: LogHeader): LiveScore[] {
    return header.teams.map((t) => new LiveScore(teamFacts(header, t.team), copyFacts(header, t.team)));
  }

  /** The counts as the board shows them: during play, lost and inconsistent are the certain ones; after `settle`, the final ones. */
  get counts(): Readonly<Counts> {
    if (this.settled || !this.certain) return this.ledger.counts;
    return { ...this.ledger.counts, lost: this.certain.lost, inconsistent: this.certain.inconsistent, parked: this.certain.parked };
  }

  /** Committed expected effects not applied yet and not certainly lost (0 once settled). */
  get pending(): number {
    return this.settled || !this.certain ? 0 : this.certain.pending;
  }

  add(e: Emitted): void {
    this.ledger.add(e);
    this.certain?.add(e);
  }

  /**
   * The round has drained: lost, inconsistent and wrong final states are counted. A score built without its
   * team's facts cannot count them and takes them from `final` (the checker's), the way
   * the room did before it passed the facts.
   */
  settle(final?: Pick<Counts, "lost" | "inconsistent" | "wrongFinalState"> & Partial<Pick<Counts, "parked">>): void {
    if (this.facts || !final) this.ledger.settle();
    else {
      this.ledger.counts.lost = final.lost;
      this.ledger.counts.inconsistent = final.inconsistent;
      this.ledger.counts.wrongFinalState = final.wrongFinalState;
      this.ledger.counts.parked = final.parked ?? 0;
    }
    this.settled = true;
  }

  get score(): number {
    return scoreOf(this.counts);
  }
}
