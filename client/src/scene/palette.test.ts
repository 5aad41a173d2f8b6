import { describe, expect, it } from "vitest";
import type { TeamModel } from "./model.js";
import { tokenKindsOf } from "./palette.js";

const team = (links: [string, string][], nodes: [string, "producer" | "broker" | "consumer"][]): TeamModel => ({
  team: 0,
  name: "1",
  score: 0,
  committed: 0,
  applied: 0,
  lost: 0,
  duplicated: 0,
  misordered: 0,
  inconsistent: 0,
  raceAnomalies: 0,
  staleWrites: 0,
  nodes: nodes.map(([id, role]) => ({ id, role, up: true, load: 0, busy: false, bot: false })),
  links: links.map(([from, to]) => ({ id: `${from}>${to}`, from, to, cut: false, flying: 0 })),
});

describe("the legend's token kinds", () => {
  it("are direct calls and replies when a producer calls a consumer, else the broker's four", () => {
    expect(
      tokenKindsOf(
        team(
          [
            ["P1", "C1"],
            ["C1", "P1"],
          ],
          [
            ["P1", "producer"],
            ["C1", "consumer"],
          ],
        ),
      ),
    ).toEqual(["rpc", "reply"]);
    expect(
      tokenKindsOf(
        team(
          [
            ["P1", "B"],
            ["B", "C1"],
          ],
          [
            ["P1", "producer"],
            ["B", "broker"],
            ["C1", "consumer"],
          ],
        ),
      ),
    ).toEqual(["publish", "deliver", "confirm", "ack"]);
  });
});
