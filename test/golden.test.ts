// Golden logs: the simulator must reproduce these files byte for byte. A difference means
// the engine's behaviour changed: if on purpose, regenerate with `npm run golden:update`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLog } from "../shared/log/log.js";
import { resimulate } from "../shared/log/resimulate.js";
import { simulate } from "../shared/sim/simulate.js";
import { GOLDEN } from "./goldenCases.js";

describe("golden logs", () => {
  it.each(GOLDEN)("$file is reproduced byte for byte and replays cleanly", (g) => {
    const expected = readFileSync(new URL(`./golden/${g.file}`, import.meta.url), "utf8");
    const lines: string[] = [];
    simulate({ scenario: g.scenario, variant: g.variant, seed: g.seed, teams: g.teams }, (l) => lines.push(l));
    const actual = lines.join("\n") + "\n";
    if (actual !== expected) {
      const a = actual.split("\n");
      const e = expected.split("\n");
      const at = a.findIndex((line, i) => line !== e[i]);
      expect(a[at], `first difference at line ${at + 1} (npm run simulate -- --scenario ${g.scenario} --variant ${g.variant} --seed ${g.seed})`).toBe(e[at]);
    }
    const parsed = parseLog(expected);
    expect(resimulate(parsed.header!, parsed.events).ok).toBe(true);
  });
});
