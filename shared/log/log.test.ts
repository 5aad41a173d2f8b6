import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { eventLine, interruptedSummaryLine, parseLog, summaryLine } from "./log.js";

function sampleLog(): string {
  const lines: string[] = [];
  simulate({ scenario: "t3-lost-messages", variant: "naive", seed: 5, teams: 2 }, (l) => lines.push(l));
  return lines.join("\n") + "\n";
}

describe("log", () => {
  it("round-trips: parse(write(events)) gives the same lines, header first, summary last", () => {
    const text = sampleLog();
    const parsed = parseLog(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.header?.scenario).toBe("t3-lost-messages");
    expect(parsed.summary?.type).toBe("summary");
    const again = parsed.events.map(eventLine);
    expect(again).toEqual(text.trim().split("\n").slice(1, -1));
  });

  it("writes the summary line from the summary and the team reports, and reads it back as the summary", () => {
    const { summary, report } = simulate({ scenario: "t3-lost-messages", variant: "naive", seed: 5, teams: 2 });
    const line = summaryLine(summary, report.teams);
    expect(sampleLog().trim().split("\n").at(-1)).toBe(line);
    expect(JSON.parse(line)).toEqual({ type: "summary", ...summary, perTeam: report.teams });
    expect(JSON.parse(interruptedSummaryLine("ABC-2-x"))).toEqual({ type: "summary", interrupted: true, continuedIn: "ABC-2-x" });
  });

  it("puts type, tick and team first on every event line", () => {
    const line = sampleLog().split("\n")[1];
    expect(line.startsWith('{"type":')).toBe(true);
    expect(Object.keys(JSON.parse(line)).slice(0, 3)).toEqual(["type", "tick", "team"]);
  });

  it("tolerates a torn last line with a warning and loses nothing before it", () => {
    const text = sampleLog();
    const lines = text.trim().split("\n");
    const torn = lines.slice(0, 100).join("\n") + "\n" + lines[100].slice(0, 20);
    const parsed = parseLog(torn);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.events).toHaveLength(99);
  });

  it("reports a damaged line in the middle, a missing header, an empty file, time going backwards", () => {
    const lines = sampleLog().trim().split("\n");
    const middle = [...lines.slice(0, 10), "{not json", ...lines.slice(10)].join("\n") + "\n";
    expect(parseLog(middle).errors[0]).toMatch(/line 11 is not valid JSON/);
    expect(parseLog(lines.slice(1).join("\n")).errors[0]).toMatch(/header/);
    expect(parseLog("").errors[0]).toMatch(/empty/);
    const back = [lines[0], lines[20], lines[5]].join("\n") + "\n";
    const a = JSON.parse(lines[20]).tick;
    const b = JSON.parse(lines[5]).tick;
    if (a > b) expect(parseLog(back).errors[0]).toMatch(/back in time/);
    expect(parseLog('{"type":"header","gameId":"g"}\n').errors[0]).toMatch(/no "scenario"/);
    expect(parseLog("[1,2]\n").errors[0]).toMatch(/not a header/);
  });
});
