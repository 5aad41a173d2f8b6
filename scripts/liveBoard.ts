// What the live board shows during a round, next to the final check:
// `npx tsx scripts/liveBoard.ts [--scenario ID] [--variant V] [--seed N] [--every T]`.
// Columns: the ledger alone (what the board showed before lost was judged live: lost 0
// until the drain), and the board now (certain lost, pending, the score over those counts).
import { parseArgs } from "node:util";
import { check, scoreOf } from "../shared/checker/checker.js";
import { EffectLedger, teamFacts } from "../shared/checker/effects.js";
import { LiveScore } from "../shared/checker/liveScore.js";
import type { Emitted } from "../shared/engine/kernel.js";
import { createRound, stepRound } from "../shared/sim/round.js";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "t3-lost-messages" },
    variant: { type: "string", default: "naive" },
    seed: { type: "string", default: "1" },
    every: { type: "string", default: "100" },
  },
});
const round = createRound({ scenario: values.scenario, variant: values.variant, seed: Number(values.seed), teams: 1 });
const [live] = LiveScore.forRound(round.header);
const ledger = new EffectLedger(teamFacts(round.header, 0));
const events: Emitted[] = [];
const every = Number(values.every);
const row = (cells: (string | number)[]) => process.stdout.write(`${cells.map((c) => String(c).padStart(9)).join(" ")}\n`);
row(["tick", "phase", "committed", "applied", "lost:was", "score:was", "lost:now", "pending", "score:now"]);
while (round.phase !== "over") {
  for (const e of stepRound(round)) {
    events.push(e);
    live.add(e);
    ledger.add(e);
  }
  const phase: string = round.phase; // stepRound moved it on
  if (round.tick % every === 0 || phase === "over") {
    const c = live.counts;
    row([round.tick, phase, c.committed, c.applied, ledger.counts.lost, scoreOf(ledger.counts), c.lost, live.pending, live.score]);
  }
}
const final = check(round.header, events).teams[0];
row(["final", "checked", final.committed, final.applied, final.lost, final.score, final.lost, 0, final.score]);
