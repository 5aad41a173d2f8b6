// A finished round's results as each screen receives them: the projector gets every team,
// the anomalies grouped by cause and what to compare with; each phone gets its team's
// report, its place among the teams and the cause that cost it most.
import type { Report, RoundSummary, TeamReport } from "../../shared/checker/checker.js";
import { groupAnomalies, type CauseGroup } from "../../shared/checker/groups.js";
import { designScore, type Design } from "../../shared/design/index.js";
import type { DesignResults, HostRoundOver, PlayerRoundOver, PredictionOutcome, PreviousRound } from "../../shared/protocol.js";
import type { Player } from "./Roster.js";

/** The anomalies sent one by one to the projector; the groups count them all. */
export const MAX_ANOMALIES_SENT = 500;

/** A design round's table shows each team's largest cause groups, this many. */
export const MAX_TEAM_CAUSES = 6;

/** Each team's place by score (the report's, or another, such as a design round's), 1-based; equal scores share a place (1, 1, 3). */
export function teamRanks(teams: readonly TeamReport[], scoreOf: (t: TeamReport) => number = (t) => t.score): Map<number, number> {
  const ranks = new Map<number, number>();
  for (const t of teams) ranks.set(t.team, 1 + teams.filter((other) => scoreOf(other) > scoreOf(t)).length);
  return ranks;
}

export interface RoundContext {
  previous: PreviousRound | null;
  topic: number | null;
  prediction: PredictionOutcome | null;
  /** A design round: each team's design and the ticks played before the drain. */
  design?: { designs: Design[]; roundTicks: number } | null;
}

export class RoundResults {
  readonly groups: CauseGroup[];
  private readonly ranks: Map<number, number>;
  private readonly mainCauses = new Map<number, CauseGroup | null>();

  constructor(
    readonly gameId: string,
    readonly summary: RoundSummary,
    private readonly report: Report,
    private readonly context: RoundContext,
  ) {
    this.groups = groupAnomalies(report.anomalies);
    // A design round ranks its teams by the design score, as its debrief does.
    const design = context.design;
    this.ranks = design ? teamRanks(report.teams, (t) => designScore(t, design.roundTicks).score) : teamRanks(report.teams);
  }

  forProjector(): HostRoundOver {
    const { gameId, summary, report } = this;
    const { design, ...context } = this.context;
    const over: HostRoundOver = {
      gameId,
      summary,
      teams: report.teams,
      anomalies: report.anomalies.slice(0, MAX_ANOMALIES_SENT),
      groups: this.groups,
      total: report.anomalies.length,
      ...context,
    };
    if (design) over.design = this.designResults(design.designs, design.roundTicks);
    return over;
  }

  private designResults(designs: Design[], roundTicks: number): DesignResults {
    const causes = designs.map((_, team) => groupAnomalies(this.report.anomalies.filter((a) => a.team === team)).slice(0, MAX_TEAM_CAUSES));
    return { designs, roundTicks, causes };
  }

  /** A player's results; `you` is read now, so call it when the round ends. */
  forPlayer(player: Player): PlayerRoundOver {
    const team = this.report.teams.find((t) => t.team === player.team) ?? null;
    const you = { actions: player.actions, refusals: player.refusals, seat: player.seat };
    const standing = {
      rank: team ? (this.ranks.get(team.team) ?? 0) : 0,
      teamCount: this.report.teams.length,
      mainCause: team ? this.mainCause(team.team) : null,
    };
    const design = this.context.design;
    const over: PlayerRoundOver = { gameId: this.gameId, summary: this.summary, team, you, ...standing };
    if (design && team) {
      const { score, throughputPerMin } = designScore(team, design.roundTicks);
      over.design = { score, throughputPerMin };
    }
    return over;
  }

  /** The team's largest cause group. */
  mainCause(team: number): CauseGroup | null {
    if (!this.mainCauses.has(team)) this.mainCauses.set(team, groupAnomalies(this.report.anomalies.filter((a) => a.team === team))[0] ?? null);
    return this.mainCauses.get(team) ?? null;
  }
}
