// The design round has no dominant design (docs/design-round.md#no-dominant-design): a fixed set of
// sensible designs plays the round's own fault plan over seeds 1–10, every design as one team of
// the same round; at least three different designs top the ranking, and the design with every
// protection on does not top it every seed.
import { describe, expect, it } from "vitest";
import { CANDIDATE_DESIGNS } from "../shared/design/candidates.js";
import { designScore } from "../shared/design/score.js";
import { CAREFUL_DESIGN, designKey } from "../shared/design/settings.js";
import { simulate } from "../shared/sim/simulate.js";

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

function winnerOf(seed: number): { name: string; table: string } {
  const r = simulate({
    scenario: "t9-end-to-end",
    variant: "design",
    seed,
    teams: CANDIDATE_DESIGNS.length,
    strategy: "careful",
    designs: CANDIDATE_DESIGNS.map((c) => c.design),
  });
  const rows = r.report.teams.map((t, i) => ({ name: CANDIDATE_DESIGNS[i].name, ...designScore(t, r.header.roundTicks) }));
  // Ties go to the earlier design of the list, as a sort that keeps order does.
  rows.sort((a, b) => b.score - a.score);
  return { name: rows[0].name, table: rows.map((x) => `${x.name} ${x.score} (${x.throughputPerMin}/min, ${x.anomalies} anomalies)`).join("; ") };
}

describe("the design round", () => {
  it("has candidates with distinct designs, the careful one among them", () => {
    const keys = CANDIDATE_DESIGNS.map((c) => designKey(c.design));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(designKey(CAREFUL_DESIGN));
  });

  it("crowns at least three different designs over seeds 1-10, and not every protection on every seed", () => {
    const winners = new Map<number, string>();
    const tables: string[] = [];
    for (const seed of SEEDS) {
      const { name, table } = winnerOf(seed);
      winners.set(seed, name);
      tables.push(`seed ${seed}: ${table}`);
    }
    const why = `winners by seed: ${[...winners].map(([seed, name]) => `${seed}=${name}`).join(", ")}\n${tables.join("\n")}`;
    expect(new Set(winners.values()).size, why).toBeGreaterThanOrEqual(3);
    const careful = CANDIDATE_DESIGNS.find((c) => designKey(c.design) === designKey(CAREFUL_DESIGN))!.name;
    expect(
      [...winners.values()].every((name) => name === careful),
      why,
    ).toBe(false);
  }, 60_000);
});
