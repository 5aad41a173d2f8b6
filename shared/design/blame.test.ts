import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { settingsBlamed } from "./blame.js";
import { CANDIDATE_DESIGNS } from "./candidates.js";
import { CAREFUL_DESIGN } from "./settings.js";

describe("settingsBlamed", () => {
  it("points every anomaly of a design round at a setting the team chose differently from the careful design", () => {
    const r = simulate({
      scenario: "t9-end-to-end",
      variant: "design",
      seed: 2,
      teams: CANDIDATE_DESIGNS.length,
      strategy: "careful",
      designs: CANDIDATE_DESIGNS.map((c) => c.design),
    });
    const anomalies = r.report.anomalies.filter((a) => a.kind !== "wrongFinalState");
    expect(anomalies.length).toBeGreaterThan(50);
    for (const a of anomalies) {
      const d = CANDIDATE_DESIGNS[a.team].design;
      const blamed = settingsBlamed(a.cause.code);
      expect(
        blamed.some((s) => d[s] !== CAREFUL_DESIGN[s]),
        `${CANDIDATE_DESIGNS[a.team].name} ${a.kind} ${a.cause.code} → ${blamed.join(", ")}`,
      ).toBe(true);
    }
    expect(settingsBlamed("brokerDiskLost")).toEqual(["storage"]);
    expect(settingsBlamed("wrongFinalState")).toEqual([]);
    expect(settingsBlamed("noSuchCause")).toEqual([]);
  });
});
