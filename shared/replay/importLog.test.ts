import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { ENGINE_VERSION } from "../sim/round.js";
import { importLog } from "./importLog.js";

function logText(): string {
  const lines: string[] = [];
  simulate({ scenario: "t4-duplicates", variant: "naive", seed: 3, teams: 2 }, (l) => lines.push(l));
  return lines.join("\n") + "\n";
}

const text = logText();
const lines = text.trim().split("\n");

describe("importing a log file", () => {
  it("opens a good log with neither errors nor warnings", () => {
    const result = importLog(text);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.log?.header.scenario).toBe("t4-duplicates");
    expect(result.log?.events.length).toBe(lines.length - 2);
    expect(result.log?.text).toBe(text);
  });

  it("refuses an empty file", () => {
    for (const empty of ["", "\n", "  \n\n"]) {
      const result = importLog(empty);
      expect(result.log).toBeNull();
      expect(result.errors.map((e) => e.code)).toEqual(["empty"]);
    }
  });

  it("refuses a file that is not JSON with one clear error, not one per line", () => {
    const result = importLog("hello world\nthis is a shopping list\nmilk, eggs\n");
    expect(result.log).toBeNull();
    expect(result.errors.map((e) => e.code)).toEqual(["firstLineNotJson"]);
    expect(importLog("\u0000\u0001PNG binary").errors[0].code).toBe("notText");
    expect(importLog("not json and no newline").errors[0].code).toBe("firstLineNotJson");
  });

  it("refuses a file whose first line is not a header", () => {
    const result = importLog(lines.slice(1).join("\n") + "\n");
    expect(result.errors.map((e) => e.code)).toEqual(["notHeader"]);
    expect(importLog("[1,2,3]\n").errors[0].code).toBe("notHeader");
    const missing = importLog('{"type":"header","gameId":"g"}\n');
    expect(missing.errors[0]).toMatchObject({ code: "headerMissingField", field: "scenario" });
    const header = JSON.parse(lines[0]);
    expect(importLog(JSON.stringify({ ...header, teams: [1, 2] }) + "\n" + lines[1] + "\n").errors[0].code).toBe("headerBadTeams");
  });

  it("tolerates a torn last line with a warning, and exports the log without it", () => {
    const torn = lines.slice(0, 300).join("\n") + "\n" + lines[300].slice(0, 25);
    const result = importLog(torn);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(["tornLine", "noSummary"]);
    expect(result.warnings[0].line).toBe(301);
    expect(result.log?.events).toHaveLength(299);
    expect(result.log?.text).toBe(lines.slice(0, 300).join("\n") + "\n");
  });

  it("names a damaged line in the middle, and a log that goes back in time", () => {
    const damaged = [...lines.slice(0, 10), '{"type":"hop","tick":', ...lines.slice(10)].join("\n") + "\n";
    const result = importLog(damaged);
    expect(result.log).toBeNull();
    expect(result.errors[0]).toMatchObject({ code: "badJson", line: 11 });
    const later = lines.findIndex((l, i) => i > 0 && JSON.parse(l).tick > 5);
    const back = [lines[0], lines[later], lines[1]].join("\n") + "\n";
    expect(importLog(back).errors[0].code).toBe("backInTime");
  });

  it("refuses a header with no events, and ticks out of range", () => {
    expect(importLog(lines[0] + "\n").errors[0].code).toBe("noEvents");
    const far = JSON.stringify({ ...JSON.parse(lines[1]), tick: 1e12 });
    expect(importLog([lines[0], far].join("\n") + "\n").errors[0].code).toBe("tickOutOfRange");
  });

  it("opens a log of another engine version, saying so", () => {
    const header = JSON.parse(lines[0]);
    const other = [JSON.stringify({ ...header, engineVersion: "0.9.0" }), ...lines.slice(1)].join("\n") + "\n";
    const result = importLog(other);
    expect(result.errors).toEqual([]);
    expect(result.log).not.toBeNull();
    expect(result.warnings).toEqual([expect.objectContaining({ code: "otherEngine", found: "0.9.0", expected: ENGINE_VERSION })]);
  });
});
