import { describe, expect, it } from "vitest";
import type { TeamReport } from "../../../shared/checker/checker.js";
import { roundScoresCsv } from "./downloads.js";

const report = (team: number, score: number): TeamReport => ({
  team,
  score,
  committed: 60,
  applied: 100,
  lost: 20,
  duplicated: 0,
  extraApplications: 0,
  misordered: 1,
  inconsistent: 0,
  raceAnomalies: 0,
  refused: 2,
  wrongFinalState: 0,
  staleWrites: 0,
  conflicts: 0,
  parked: 0,
  firstCommitTick: 10,
  lastAppliedTick: 900,
});

describe("roundScoresCsv", () => {
  it("writes one row per player, and a name a spreadsheet would run is kept as text", () => {
    const csv = roundScoresCsv({ teams: [report(0, -40), report(1, 320)] }, [
      { name: '=HYPERLINK("http://x","y")', seat: "P1", team: 0 },
      { name: "Ana, da Silva", seat: "C1", team: 0 },
      { name: "+55 11", seat: "C2", team: 0 },
    ]);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("team,player,seat,score,committed,applied,lost,duplicated,misordered,inconsistent,raceAnomalies,refused");
    expect(lines[1]).toBe(`1,"'=HYPERLINK(""http://x"",""y"")",P1,-40,60,100,20,0,1,0,0,2`);
    expect(lines[2]).toBe('1,"Ana, da Silva",C1,-40,60,100,20,0,1,0,0,2');
    expect(lines[3].startsWith("1,'+55 11,C2,")).toBe(true);
    // A team nobody played still has its row.
    expect(lines[4]).toBe("2,,,320,60,100,20,0,1,0,0,2");
  });
});
