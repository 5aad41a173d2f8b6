import { describe, expect, it } from "vitest";
import { boardColumns, countKinds, isProvisional, pendingOf } from "./boardColumns.js";

const zero = { lost: 0, duplicated: 0, misordered: 0, staleWrites: 0, raceAnomalies: 0, inconsistent: 0 };

describe("board columns", () => {
  it("show what was recorded and the usual anomalies", () => {
    expect(boardColumns("t3-lost-messages", [zero, zero])).toEqual(["committed", "lost", "duplicated", "misordered"]);
  });

  it("add Topic 6's lost updates and Topic 5's inconsistent writes from the start", () => {
    expect(countKinds("t6-competing-consumers", [zero])).toEqual(["lost", "duplicated", "misordered", "staleWrites"]);
    expect(countKinds("t5-dual-writes", [zero])).toEqual(["lost", "duplicated", "misordered", "inconsistent"]);
  });

  it("add any anomaly that happened, at most four to a tile, dropping counts nobody has", () => {
    expect(countKinds("t9-end-to-end", [{ ...zero, staleWrites: 2 }])).toContain("staleWrites");
    expect(countKinds("t9-end-to-end", [{ ...zero, staleWrites: 2, inconsistent: 1 }])).toEqual(["lost", "duplicated", "staleWrites", "inconsistent"]);
    expect(countKinds("t6-competing-consumers", [{ ...zero, staleWrites: 9, raceAnomalies: 2, misordered: 1 }])).toEqual([
      "lost",
      "misordered",
      "staleWrites",
      "raceAnomalies",
    ]);
    expect(countKinds("t9-end-to-end", [{ ...zero, staleWrites: 2, raceAnomalies: 1, inconsistent: 1, misordered: 1, duplicated: 3 }])).toHaveLength(4);
  });

  it("put what the drain will settle beside lost while the round runs", () => {
    expect(boardColumns("t3-lost-messages", [zero], true)).toEqual(["committed", "lost", "pending", "duplicated", "misordered"]);
  });

  it("mark live numbers as provisional until the round is settled", () => {
    expect(["countdown", "running", "paused", "draining"].every(isProvisional)).toBe(true);
    expect(isProvisional("over") || isProvisional("lobby")).toBe(false);
    expect(pendingOf({ pending: 30 })).toBe(30);
    expect(pendingOf({})).toBe(0);
  });
});
