// A round: every team runs its own pipeline of the same scenario and seed. Seats without a
// person are played by bots. At the end of the round time no business event is committed
// any more, bots take every seat and the pipelines run until quiet (the drain).
import { botCommand, createBot, type BotState, type Strategy } from "../bots/bots.js";
import type { ProfileId, ScheduledFault, VariantConfig, WorkloadConfig } from "../engine/config.js";
import { TICK_MS } from "../engine/config.js";
import type { Emitted } from "../engine/kernel.js";
import { advanceTeam, applyCommand, createTeam, endDrain, isQuiescent, startDrain, expectedSubscriptions } from "../engine/team.js";
import type { Command, TeamState } from "../engine/types.js";
import { findVariant, seatsOf, variantOnProfile } from "../scenarios/catalogue.js";
import { applyDesign } from "../design/apply.js";
import { CAREFUL_DESIGN, isDesign, NAIVE_DESIGN, type Design } from "../design/settings.js";

export const ENGINE_VERSION = "3.1.0";

export interface PlayerInfo {
  seat: string;
  /** A person's display name, or null for a bot. */
  name: string | null;
  strategy: Strategy;
}

export interface TeamInfo {
  team: number;
  subscriptions: string[];
  players: PlayerInfo[];
  /** A design round: the team's design, applied over the header's configuration (docs/design-round.md). */
  design?: Design;
}

/** The first line of a game log (docs/log-format.md#the-header). */
export interface LogHeader {
  type: "header";
  gameId: string;
  scenario: string;
  variant: string;
  seed: number;
  engineVersion: string;
  tickMs: number;
  roundTicks: number;
  teams: TeamInfo[];
  config: VariantConfig;
  /** Set on a round rebuilt after a crash: the game whose log it continues. */
  restoredFrom?: string;
}

export type Phase = "running" | "draining" | "over";

export interface Round {
  header: LogHeader;
  teams: TeamState[];
  /** Bots by team, one per seat; a seat a person plays has its bot paused. */
  bots: BotState[][];
  humanSeats: Set<string>[];
  phase: Phase;
  drainRequested: boolean;
  drainStartedAt: number;
  tick: number;
}

export interface RoundOptions {
  scenario: string;
  variant: string;
  seed: number;
  teams: number;
  strategy?: Strategy;
  gameId?: string;
  /** Replaces the catalogue's round length (benchmarks, tests). */
  roundTicks?: number;
  /** Replaces parts of the variant's workload (a longer round needs more business events). */
  workload?: Partial<WorkloadConfig>;
  /** Faults added to the variant's own schedule (host-prepared plans, property tests). */
  faults?: ScheduledFault[];
  /** Runs the variant on another broker profile, where the variant allows it (catalogue: VariantDef.profiles). */
  profile?: ProfileId;
  /** Names of the people per team and seat; other seats are bots. */
  players?: { team: number; seat: string; name: string }[];
  /** A design round: each team's design (index = team number; docs/design-round.md). A team without one plays the variant's own configuration. */
  designs?: readonly (Design | undefined)[];
}

export class RoundError extends Error {}

/** The design round (docs/design-round.md): each team plays its own design over the variant's configuration. */
export function isDesignRound(scenario: string, variant: string): boolean {
  return scenario === "t9-end-to-end" && variant === "design";
}

export function createRound(options: RoundOptions): Round {
  let base = findVariant(options.scenario, options.variant);
  if (!base) throw new RoundError(`unknown scenario/variant: ${options.scenario} ${options.variant}`);
  if (options.profile !== undefined) {
    const onProfile = variantOnProfile(options.scenario, options.variant, options.profile);
    if (!onProfile.ok) throw new RoundError(onProfile.reason);
    base = onProfile.config;
  }
  if (!Number.isInteger(options.seed)) throw new RoundError("seed must be an integer");
  if (!Number.isInteger(options.teams) || options.teams < 1 || options.teams > 200) throw new RoundError("teams must be an integer from 1 to 200");
  const config: VariantConfig = { ...base, roundTicks: options.roundTicks ?? base.roundTicks, workload: { ...base.workload, ...options.workload } };
  if (options.faults?.length) config.faults = [...base.faults, ...options.faults].sort((a, b) => a.tick - b.tick);
  const strategy = options.strategy ?? "naive";
  const seats = seatsOf(config);
  const subscriptions = expectedSubscriptions(config);
  const teams: TeamState[] = [];
  const bots: BotState[][] = [];
  const humanSeats: Set<string>[] = [];
  const infos: TeamInfo[] = [];
  const designRound = isDesignRound(options.scenario, options.variant);
  if (options.designs?.some((d) => d !== undefined) && !designRound) throw new RoundError("designs are for the design round only (t9-end-to-end design)");
  for (const d of options.designs ?? []) if (d !== undefined && !isDesign(d)) throw new RoundError(`not a design: ${JSON.stringify(d)}`);
  if ((options.designs?.length ?? 0) > options.teams) throw new RoundError(`${options.designs?.length} designs for ${options.teams} teams`);
  for (let t = 0; t < options.teams; t++) {
    // A team nobody designed keeps its bots' design: the newcomer's defaults, or the lesson's fixes.
    const design = designRound ? (options.designs?.[t] ?? (strategy === "careful" ? CAREFUL_DESIGN : NAIVE_DESIGN)) : undefined;
    teams.push(createTeam(design ? applyDesign(config, design) : config, options.seed, t));
    bots.push(seats.map((x) => createBot(x.seat, strategy, options.seed, t)));
    const humans = (options.players ?? []).filter((p) => p.team === t);
    humanSeats.push(new Set(humans.map((h) => h.seat)));
    const players = seats.map((x) => ({ seat: x.seat, name: humans.find((h) => h.seat === x.seat)?.name ?? null, strategy }));
    infos.push(design ? { team: t, subscriptions, players, design: { ...design } } : { team: t, subscriptions, players });
  }
  const header: LogHeader = {
    type: "header",
    gameId: options.gameId ?? `sim-${options.scenario}-${options.variant}-${options.seed}`,
    scenario: options.scenario,
    variant: options.variant,
    seed: options.seed,
    engineVersion: ENGINE_VERSION,
    tickMs: TICK_MS,
    roundTicks: config.roundTicks,
    teams: infos,
    config,
  };
  return { header, teams, bots, humanSeats, phase: "running", drainRequested: false, drainStartedAt: -1, tick: 0 };
}

/**
 * One tick of every team. Every command of the tick comes first — people's commands given
 * here (or applied earlier with applyPlayerCommand), then the bots' for the seats nobody
 * holds — and only then does each team advance. The log keeps that order, which is what
 * lets a replay re-apply commands and advances exactly as they happened.
 */
export function stepRound(round: Round, commands: ReadonlyMap<number, Command[]> = new Map()): Emitted[] {
  const out: Emitted[] = [];
  if (round.phase === "over") return out;
  const beginDrain = round.phase === "running" && (round.tick >= round.header.config.roundTicks || round.drainRequested);
  if (beginDrain) {
    round.phase = "draining";
    round.drainStartedAt = round.tick;
  }
  const draining = round.phase === "draining";
  for (let t = 0; t < round.teams.length; t++) {
    const s = round.teams[t];
    if (beginDrain) startDrain(s, out);
    if (!draining) for (const command of commands.get(t) ?? []) applyCommand(s, out, command);
    const humans = round.humanSeats[t];
    for (const bot of round.bots[t]) {
      if (!draining && humans.has(bot.seat)) continue;
      const command = botCommand(s, bot);
      if (command) applyCommand(s, out, command);
    }
  }
  for (const s of round.teams) advanceTeam(s, out);
  round.tick++;
  if (draining) {
    const quiet = round.teams.every(isQuiescent);
    const timedOut = round.tick - round.drainStartedAt >= round.header.config.maxDrainTicks;
    if (quiet || timedOut) {
      for (const s of round.teams) endDrain(s, out);
      round.phase = "over";
    }
  }
  return out;
}

/** A person's command, applied at once (stamped with the tick about to run). Only while the round runs. */
export function applyPlayerCommand(round: Round, team: number, command: Command): Emitted[] {
  const out: Emitted[] = [];
  const s = round.teams[team];
  if (!s || round.phase !== "running" || round.drainRequested) return out;
  applyCommand(s, out, command);
  return out;
}

/** The host ends the round early: the drain starts at the next tick. */
export function requestDrain(round: Round): void {
  if (round.phase === "running") round.drainRequested = true;
}

/** Runs a bots-only round to its end, handing each tick's events to `sink`. */
export function runRound(options: RoundOptions, sink: (events: Emitted[]) => void = () => {}): Round {
  const round = createRound(options);
  while (round.phase !== "over") sink(stepRound(round));
  return round;
}
