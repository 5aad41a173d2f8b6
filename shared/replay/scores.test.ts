import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { indexLog } from "./replayIndex.js";
import { csvField, csvTable, leaderboard, scoresCsv } from "./scores.js";

const log = simulate({ scenario: "t9-end-to-end", variant: "chaos", seed: 4, teams: 3 });
const index = indexLog(log.header, log.events);

describe("scores", () => {
  it("rank teams by score and write one CSV row per seat, names defused", () => {
    const board = leaderboard(index);
    for (let i = 1; i < board.length; i++) expect(board[i].score).toBeLessThanOrEqual(board[i - 1].score);
    const csv = scoresCsv(index).trim().split("\n");
    const seats = log.header.teams.reduce((n, t) => n + t.players.length, 0);
    expect(csv).toHaveLength(1 + seats);
    expect(csv[0].split(",")[0]).toBe("team");
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField('Ana "A", B')).toBe('"Ana ""A"", B"');
    expect(csvField(12)).toBe("12");
  });

  it("writes a table with every field defused and quoted as needed", () => {
    expect(
      csvTable([
        ["name", "score"],
        ['=HYPERLINK("x")', -4],
        ["+1", "@a"],
        ["Ana, B", 3],
      ]),
    ).toBe('name,score\n"\'=HYPERLINK(""x"")",-4\n\'+1,\'@a\n"Ana, B",3\n');
  });
});
