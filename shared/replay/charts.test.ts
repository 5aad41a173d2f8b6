import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate.js";
import { anomalyStrip, CHART_METRICS, sampleTicks, teamSeries } from "./charts.js";
import { indexLog } from "./replayIndex.js";
import { csvField, leaderboard, scoresCsv } from "./scores.js";
import { sceneMarkers, markersBetween, teamModelAt } from "./sceneModel.js";
import { seek } from "./replayIndex.js";
import { createRound, stepRound } from "../sim/round.js";
import type { Emitted } from "../engine/kernel.js";

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
    for (const m of strip) expect(m.position).toBeGreaterThanOrEqual(0), expect(m.position).toBeLessThanOrEqual(1);
    const one = anomalyStrip(index, 1, 100);
    expect(one.reduce((s, m) => s + m.count, 0)).toBe(index.anomalies.filter((a) => a.team === 1).length);
  });
});

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
});

describe("scene model", () => {
  it("matches the engine's nodes (up, queue, inbox, producer stack) at every tick of a round", () => {
    const round = createRound({ scenario: "t3-lost-messages", variant: "naive", seed: 6, teams: 2 });
    const events: Emitted[] = [];
    const states: { tick: number; up: Record<string, boolean>; load: Record<string, number> }[] = [];
    while (round.phase !== "over") {
      events.push(...stepRound(round));
      const s = round.teams[1];
      const up: Record<string, boolean> = { B: s.broker.up };
      const load: Record<string, number> = { B: s.broker.subscriptions.reduce((n, sub) => n + sub.partitions.reduce((m, q) => m + q.length, 0), 0) };
      for (const p of s.producers) (up[p.id] = p.up), (load[p.id] = p.stack.length);
      for (const c of s.consumers) (up[c.id] = c.up), (load[c.id] = c.inbox.length);
      states.push({ tick: s.tick - 1, up, load });
    }
    const idx = indexLog(round.header, events);
    for (const expected of states.filter((_, i) => i % 7 === 0)) {
      const model = teamModelAt(idx, seek(idx, expected.tick), 1);
      for (const node of model.nodes) {
        expect(node.up, `tick ${expected.tick} ${node.id} up`).toBe(expected.up[node.id]);
        expect(node.load, `tick ${expected.tick} ${node.id} load`).toBe(expected.load[node.id]);
      }
    }
  });

  it("flags duplicates and out-of-order applications where they happen", () => {
    const markers = sceneMarkers(log.events);
    const dups = [...markers.values()].flat().filter((m) => m.kind === "dup").length;
    expect(dups).toBe(log.report.totals.extraApplications);
    const team0 = markers.get(0) ?? [];
    const between = markersBetween(team0, 100, 300);
    expect(between.every((m) => m.tick > 100 && m.tick <= 300)).toBe(true);
    expect(between.length).toBe(team0.filter((m) => m.tick > 100 && m.tick <= 300).length);
  });
});
