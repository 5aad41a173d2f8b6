import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { anomalyStrip, CHART_METRICS, sampleTicks, teamSeries } from "./charts.js";
import { indexLog } from "./replayIndex.js";

const log = simulate({ scenario: "t9-end-to-end", variant: "chaos", seed: 4, teams: 3 });
const index = indexLog(log.header, log.events);

describe("chart series", () => {
  it("samples from tick 0 to the last tick", () => {
    expect(sampleTicks(1000, 5)).toEqual([0, 250, 500, 750, 1000]);
    expect(sampleTicks(3, 100)).toEqual([0, 1, 2, 3]);
  });

  it("rise from zero, never fall, and end at the checker's counts", () => {
    for (const team of log.report.teams) {
      const series = teamSeries(index, team.team, 120);
      expect(series.ticks.at(-1)).toBe(index.lastTick);
      for (const m of CHART_METRICS) {
        const values = series.values[m];
        expect(values[0]).toBeLessThanOrEqual(values.at(-1)!);
        for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
        expect(values.at(-1), `team ${team.team} ${m}`).toBe(team[m]);
      }
      expect(series.max).toBe(Math.max(...CHART_METRICS.map((m) => team[m])));
    }
  });

  it("for all teams, are the sums of the teams' series", () => {
    const all = teamSeries(index, "all", 50);
    const teams = log.report.teams.map((t) => teamSeries(index, t.team, 50));
    for (const m of CHART_METRICS) all.values[m].forEach((v, i) => expect(v).toBe(teams.reduce((s, t) => s + t.values[m][i], 0)));
    for (const m of CHART_METRICS) expect(all.values[m].at(-1)).toBe(log.report.totals[m]);
  });

  it("put every anomaly in the strip along the timeline", () => {
    const strip = anomalyStrip(index, null, 100);
    expect(strip.reduce((s, m) => s + m.count, 0)).toBe(index.anomalies.length);
    for (const m of strip) {
      expect(m.position).toBeGreaterThanOrEqual(0);
      expect(m.position).toBeLessThanOrEqual(1);
    }
    const one = anomalyStrip(index, 1, 100);
    expect(one.reduce((s, m) => s + m.count, 0)).toBe(index.anomalies.filter((a) => a.team === 1).length);
  });
});
