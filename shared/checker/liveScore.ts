// Live counters for the leaderboard while a round runs, folded from events as they come.
// Lost and inconsistent are only known after the drain: the checker counts them then.
import type { Emitted } from "../engine/kernel.js";
import { scoreOf, type Counts } from "./checker.js";

export class LiveScore {
  readonly counts: Counts = { committed: 0, applied: 0, lost: 0, duplicated: 0, extraApplications: 0, misordered: 0, inconsistent: 0, raceAnomalies: 0, refused: 0 };
  private readonly applications = new Map<string, number>();
  private readonly highestSeq = new Map<string, number>();

  add(e: Emitted): void {
    const c = this.counts;
    switch (e.type) {
      case "committed":
        c.committed++;
        break;
      case "refused":
        c.refused++;
        break;
      case "applied": {
        c.applied++;
        const id = `${e.subscription}|${e.msgId}`;
        const n = (this.applications.get(id) ?? 0) + 1;
        this.applications.set(id, n);
        if (n === 2) c.duplicated++;
        if (n >= 2) c.extraApplications++;
        if (n === 1) {
          const sk = `${e.subscription}|${e.key}`;
          const highest = this.highestSeq.get(sk) ?? 0;
          if (e.seq < highest) c.misordered++;
          else this.highestSeq.set(sk, e.seq);
        }
        if (e.writeVersion !== e.readVersion + 1) c.raceAnomalies++;
        break;
      }
    }
  }

  /** Replaces the live counts with the checker's final ones. */
  settle(final: Counts): void {
    Object.assign(this.counts, final);
  }

  get score(): number {
    return scoreOf(this.counts);
  }
}
