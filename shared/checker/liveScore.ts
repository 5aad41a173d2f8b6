// Live counters for the leaderboard while a round runs, folded from events as they come by
// the same rules as the final checker (effects.ts). Lost, inconsistent and wrong final
// states are only known after the drain: `settle` counts them then, from what this score
// has seen.
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";
import { scoreOf } from "./checker.js";
import { EffectLedger, teamFacts, type Counts, type TeamFacts } from "./effects.js";

export class LiveScore {
  private readonly ledger: EffectLedger;

  /** Without the team's facts (its subscriptions), `settle` must be given the checker's final counts. */
  constructor(private readonly facts?: TeamFacts) {
    this.ledger = new EffectLedger(facts ?? { subscriptions: null, writesToDb: false });
  }

  /** One live score per team of the round the header opens. */
  static forRound(header: LogHeader): LiveScore[] {
    return header.teams.map((t) => new LiveScore(teamFacts(header, t.team)));
  }

  get counts(): Readonly<Counts> {
    return this.ledger.counts;
  }

  add(e: Emitted): void {
    this.ledger.add(e);
  }

  /**
   * The round has drained: lost, inconsistent and wrong final states are counted. A score built without its
   * team's facts cannot count them and takes them from `final` (the checker's), the way
   * the room did before it passed the facts.
   */
  settle(final?: Pick<Counts, "lost" | "inconsistent" | "wrongFinalState">): void {
    if (this.facts || !final) this.ledger.settle();
    else {
      this.ledger.counts.lost = final.lost;
      this.ledger.counts.inconsistent = final.inconsistent;
      this.ledger.counts.wrongFinalState = final.wrongFinalState;
    }
  }

  get score(): number {
    return scoreOf(this.counts);
  }
}
