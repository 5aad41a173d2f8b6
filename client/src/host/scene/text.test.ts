import { describe, expect, it } from "vitest";
import { teamTitle } from "./text.js";

describe("teamTitle", () => {
  it("joins the team number and its name", () => {
    expect(teamTitle("Equipe", 7, "Corujas")).toBe("Equipe 7 · Corujas");
  });

  it("does not repeat a name that is just the number", () => {
    expect(teamTitle("Team", 7, "Team 7")).toBe("Team 7");
    expect(teamTitle("Team", 7, "  ")).toBe("Team 7");
  });
});
