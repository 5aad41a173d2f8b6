import { describe, expect, it } from "vitest";
import { ellipsisCut, teamTitle } from "./text.js";

describe("teamTitle", () => {
  it("numbers teams from 1 and joins a real name", () => {
    expect(teamTitle("Equipe", 6, "Corujas")).toBe("Equipe 7 · Corujas");
  });

  it("does not repeat a name that is just the number", () => {
    expect(teamTitle("Team", 6, "Team 7")).toBe("Team 7");
    expect(teamTitle("Team", 6, "7")).toBe("Team 7");
    expect(teamTitle("Team", 6, "  ")).toBe("Team 7");
  });
});

describe("ellipsisCut", () => {
  it("keeps about the share of the text that fits, at least one character, never the whole text", () => {
    expect(ellipsisCut(20, 0.5)).toBe(9);
    expect(ellipsisCut(20, 0.01)).toBe(1);
    expect(ellipsisCut(20, 0.999)).toBe(18);
  });
});
