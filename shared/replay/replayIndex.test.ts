import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { simulate } from "../sim/simulate.js";
import { advanceTo, applyEvent, emptyFold, type PipelineFold } from "../view/pipelineFold.js";
import { advance, countsAt, eventRange, indexLog, nearestAnomaly, seek, type ReplayIndex } from "./replayIndex.js";

/** mulberry32: a tiny seeded PRNG, so a failure names the seed that reproduces it. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reference: fold every event up to `tick` from the start. */
function foldFromStart(events: readonly Emitted[], tick: number): PipelineFold {
  const fold = emptyFold();
  for (const e of events) {
    if (e.tick > tick) break;
    applyEvent(fold, e);
  }
  advanceTo(fold, tick);
  return fold;
}

const SEEDS = process.env.REPLAY_SEED ? [Number(process.env.REPLAY_SEED)] : [11, 22, 33];
const logs = [
  simulate({ scenario: "t4-duplicates", variant: "naive", seed: 3, teams: 3 }),
  simulate({ scenario: "t9-end-to-end", variant: "chaos", seed: 5, teams: 4 }),
  simulate({ scenario: "t3-lost-messages", variant: "naive", seed: 2, teams: 2 }),
];

describe("replay index: seeking", () => {
  for (const log of logs) {
    const name = `${log.header.scenario}/${log.header.variant}`;
    for (const every of [undefined, 7, 64]) {
      const index = indexLog(log.header, log.events, { snapshotEvery: every });
      for (const seed of SEEDS) {
        it(`${name}, snapshots every ${index.snapshotEvery} ticks: a seek equals folding from the start (seed=${seed}; reproduce with REPLAY_SEED=${seed})`, () => {
          const random = prng(seed);
          const ticks = [
            0,
            index.lastTick,
            index.snapshotEvery,
            index.snapshotEvery - 1,
            ...Array.from({ length: 40 }, () => Math.floor(random() * (index.lastTick + 1))),
          ];
          for (const tick of ticks) {
            const state = seek(index, tick);
            expect(state.tick, `seed=${seed} tick=${tick}`).toBe(Math.max(0, Math.min(index.lastTick, tick)));
            expect(state.fold, `seed=${seed} tick=${tick}`).toEqual(foldFromStart(log.events, state.tick));
          }
        });
      }
    }
  }

  it("a seek never changes the snapshots it starts from", () => {
    const log = logs[1];
    const index = indexLog(log.header, log.events, { snapshotEvery: 20 });
    const before = JSON.stringify([...index.snapshots[3].fold.teams]);
    const state = seek(index, 75);
    advance(index, state, 79);
    expect(JSON.stringify([...index.snapshots[3].fold.teams])).toBe(before);
  });

  it("playing forward tick by tick, at any stride, lands where a seek lands", () => {
    const log = logs[1];
    const index = indexLog(log.header, log.events, { snapshotEvery: 50 });
    for (const stride of [1, 3, 17, 120]) {
      let state = seek(index, 0);
      for (let tick = 0; tick <= index.lastTick; tick += stride) {
        state = advance(index, state, tick);
        if (tick % (stride * 13) === 0) expect(state.fold, `stride ${stride} tick ${tick}`).toEqual(seek(index, tick).fold);
      }
    }
    // Backwards goes through a seek.
    const back = advance(index, seek(index, 400), 100);
    expect(back.fold).toEqual(foldFromStart(log.events, 100));
  });

  it("indexes where each tick starts, and the events between two ticks", () => {
    const { header, events } = logs[0];
    const index = indexLog(header, events);
    for (let t = 0; t <= index.lastTick + 1; t++) {
      const i = index.firstEventAt[t];
      if (i < events.length) expect(events[i].tick).toBeGreaterThanOrEqual(t);
      if (i > 0) expect(events[i - 1].tick).toBeLessThan(t);
    }
    const [a, b] = eventRange(index, 100, 140);
    expect(events.slice(a, b).every((e) => e.tick > 100 && e.tick <= 140)).toBe(true);
    expect(b - a).toBe(events.filter((e) => e.tick > 100 && e.tick <= 140).length);
  });
});

describe("replay index: counts over time", () => {
  it("at the last tick, every team's counts are the checker's", () => {
    for (const log of logs) {
      const index: ReplayIndex = indexLog(log.header, log.events);
      for (const team of log.report.teams) {
        const counts = countsAt(index, team.team, index.lastTick);
        const { team: _t, score: _s, firstCommitTick: _f, lastAppliedTick: _l, ...expected } = team;
        expect(counts, `${log.header.scenario} team ${team.team}`).toEqual(expected);
      }
    }
  });

  it("counts never go down, and are zero before the round starts", () => {
    const log = logs[1];
    const index = indexLog(log.header, log.events);
    expect(Object.values(countsAt(index, 0, -1)).every((v) => v === 0)).toBe(true);
    let previous = countsAt(index, 0, 0);
    for (let tick = 10; tick <= index.lastTick; tick += 10) {
      const now = countsAt(index, 0, tick);
      for (const k of Object.keys(now) as (keyof typeof now)[]) expect(now[k]).toBeGreaterThanOrEqual(previous[k]);
      previous = now;
    }
  });

  it("orders anomalies by their cause's tick, and finds the next and previous one", () => {
    const log = logs[0];
    const index = indexLog(log.header, log.events);
    expect(index.anomalies.length).toBeGreaterThan(0);
    for (let i = 1; i < index.anomalies.length; i++) expect(index.anomalies[i].cause.tick).toBeGreaterThanOrEqual(index.anomalies[i - 1].cause.tick);
    const first = index.anomalies[0];
    expect(nearestAnomaly(index, -1, 1)).toBe(first);
    expect(nearestAnomaly(index, first.cause.tick, -1)).toBeNull();
    const next = nearestAnomaly(index, first.cause.tick, 1, 1);
    expect(next?.team).toBe(1);
    expect(next!.cause.tick).toBeGreaterThan(first.cause.tick);
  });
});
