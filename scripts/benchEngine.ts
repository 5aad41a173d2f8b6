// `npm run bench:engine`: engine events per second and simulated team-seconds per wall
// second for 1, 10 and 40 teams of the chaos round stretched to 5 minutes, plus the same
// run's baseline (pushing as many plain objects into an array) to compare machines.
import type { Emitted } from "../shared/engine/kernel.js";
import { createTeam, stepTeam } from "../shared/engine/team.js";
import type { Command } from "../shared/engine/types.js";
import { createRound, stepRound, type Round } from "../shared/sim/round.js";

const ROUND_TICKS = 3000; // 5 minutes at 100 ms
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

function newRound(teams: number): Round {
  // The catalogue's chaos round lasts 3 minutes; stretched to 5, its producers get work for the whole round.
  return createRound({ scenario: "t9-end-to-end", variant: "chaos", seed: 1, teams, roundTicks: ROUND_TICKS, workload: { eventsPerProducer: 180 } });
}

/** The whole round: engine plus bots deciding every seat. */
function runOnce(teams: number, record?: Map<number, Command[]>[]): { events: number; ms: number; ticks: number } {
  const round = newRound(teams);
  let events = 0;
  const start = performance.now();
  while (round.phase !== "over") {
    const out = stepRound(round);
    events += out.length;
    if (record) {
      const byTeam = new Map<number, Command[]>();
      for (const e of out) if (e.type === "command" || e.type === "commandRefused") byTeam.set(e.team, [...(byTeam.get(e.team) ?? []), e.command]);
      record.push(byTeam);
    }
  }
  return { events, ms: performance.now() - start, ticks: round.tick };
}

/** The engine alone: the same round's commands fed straight to stepTeam, as a replay does (no bots deciding). */
function engineOnly(teams: number, commands: Map<number, Command[]>[]): { events: number; ms: number } {
  const round = newRound(teams);
  const states = round.teams.map((t) => createTeam(round.header.config, round.header.seed, t.team));
  const out: Emitted[] = [];
  let events = 0;
  const none: Command[] = [];
  const start = performance.now();
  for (let tick = 0; tick < commands.length; tick++) {
    if (tick === ROUND_TICKS) for (const s of states) s.draining = true;
    const byTeam = commands[tick];
    for (const s of states) stepTeam(s, byTeam.get(s.team) ?? none, out);
    events += out.length;
    out.length = 0;
  }
  return { events, ms: performance.now() - start };
}

function baseline(n: number): number {
  const start = performance.now();
  let out: Emitted[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ type: "linkHealed", link: "P1>B", tick: i, team: 0 } as Emitted);
    if (out.length === 4096) out = [];
  }
  return performance.now() - start;
}

const rows: string[] = [];
for (const teams of [1, 10, 40]) {
  runOnce(teams); // warm-up
  let best = { events: 0, ms: Infinity, ticks: 0 };
  for (let r = 0; r < REPEAT; r++) {
    const result = runOnce(teams);
    if (result.ms < best.ms) best = result;
  }
  const eventsPerSecond = best.events / (best.ms / 1000);
  const teamSecondsPerSecond = (teams * best.ticks * 0.1) / (best.ms / 1000);
  const baseMs = baseline(best.events);
  const recorded: Map<number, Command[]>[] = [];
  runOnce(teams, recorded);
  engineOnly(teams, recorded);
  let engine = { events: 0, ms: Infinity };
  for (let r = 0; r < REPEAT; r++) {
    const result = engineOnly(teams, recorded);
    if (result.ms < engine.ms) engine = result;
  }
  rows.push(
    JSON.stringify({
      teams,
      ticks: best.ticks,
      events: best.events,
      computeMs: Math.round(best.ms),
      roundEventsPerSecond: Math.round(eventsPerSecond),
      engineOnlyMs: Math.round(engine.ms),
      engineEventsPerSecond: Math.round(engine.events / (engine.ms / 1000)),
      simulatedTeamSecondsPerWallSecond: Math.round(teamSecondsPerSecond),
      baselinePushMs: Math.round(baseMs * 10) / 10,
      engineCostVsBaseline: Math.round((best.ms / baseMs) * 10) / 10,
      heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    }),
  );
}
process.stdout.write(`${rows.join("\n")}\n`);
const forty = JSON.parse(rows[2]) as { computeMs: number; engineEventsPerSecond: number };
// computeMs is the whole round with bots; engineEventsPerSecond is the engine replaying the same commands.
process.stdout.write(
  `goal: >= 1,000,000 events/s -> ${forty.engineEventsPerSecond >= 1e6 ? "met" : "NOT met"}; 40-team 5-minute chaos round < 500 ms -> ${forty.computeMs < 500 ? "met" : "NOT met"} (${forty.computeMs} ms)\n`,
);
