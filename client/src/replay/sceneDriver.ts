// Feeds the pipeline canvas (scene/model.ts's PipelineCanvas) from a replay: team
// models at the shown tick, the focused team's tokens and markers. Playing forward adds
// only what happened in the ticks crossed; a seek, a step back or another team redraws the
// canvas from the folded state (after `reset`, which clears the scene's tokens and markers).
import type { FollowStep } from "../../../shared/replay/follow.js";
import type { ReplayIndex, ReplayState } from "../../../shared/replay/replayIndex.js";
import { eventRange } from "../../../shared/replay/replayIndex.js";
import { markersBetween, teamModelAt, type SceneMarker } from "../../../shared/replay/sceneModel.js";
import type { Marker, PipelineCanvas, TeamModel, TokenFlight } from "../scene/model.js";

export interface MarkerWords {
  /** A scene marker's text, translated. */
  marker(m: SceneMarker): string;
  /** A followed message's step as a short canvas label, or null for a step not worth a marker. */
  step(step: FollowStep): { kind: Marker["kind"]; at: string; text: string } | null;
}

export class SceneDriver {
  private team = -1;
  private tick = -1;

  constructor(
    private readonly canvas: PipelineCanvas,
    private readonly index: ReplayIndex,
    private readonly markers: Map<number, SceneMarker[]>,
    private readonly words: MarkerWords,
  ) {}

  /** Forgets what is on the canvas: the next `show` redraws it from the state. */
  invalidate(): void {
    this.tick = -1;
  }

  /**
   * Draws `state` with `team` large. `followed` steps crossed while playing get a marker.
   * Forward moves of at most `maxStride` ticks are drawn as motion, anything else as a cut.
   * Returns false when the canvas already showed this tick of this team.
   */
  show(state: ReplayState, team: number, followed: readonly FollowStep[] | null, maxStride = 40): boolean {
    const previous = this.tick;
    const continuous = team === this.team && previous >= 0 && state.tick > previous && state.tick - previous <= maxStride;
    if (state.tick === previous && team === this.team) return false;
    const models: TeamModel[] = this.index.teamIds.map((id) => teamModelAt(this.index, state, id));
    this.canvas.setOverview(models);
    const focused = models.find((m) => m.team === team) ?? null;
    const flying = state.fold.teams.get(team)?.flying ?? [];
    const flights: TokenFlight[] = [];
    if (continuous) {
      this.canvas.setFocused(focused);
      for (const f of flying)
        if (f.sentAt > previous) flights.push({ token: f.token, msgId: f.msgId, kind: f.kind, link: f.link, sentTick: f.sentAt, arriveTick: f.arrive });
      const [from, to] = eventRange(this.index, previous, state.tick);
      for (let i = from; i < to; i++) {
        const e = this.index.events[i];
        if (e.team === team && e.type === "dropped") this.canvas.dropFlight(e.token, e.link, e.tick);
      }
      for (const m of markersBetween(this.markers.get(team) ?? [], previous, state.tick)) this.addMarker(m);
      for (const step of followed ?? []) if (step.tick > previous && step.tick <= state.tick) this.addStep(step);
    } else {
      // A cut: the tokens and markers go, the team's drawing stays (rebuilding its texts cost a seek ~10 ms).
      this.canvas.reset();
      this.canvas.setFocused(focused);
      for (const f of flying) flights.push({ token: f.token, msgId: f.msgId, kind: f.kind, link: f.link, sentTick: f.sentAt, arriveTick: f.arrive });
      for (const m of markersBetween(this.markers.get(team) ?? [], state.tick - 1, state.tick)) this.addMarker(m);
      for (const step of followed ?? []) if (step.tick === state.tick) this.addStep(step);
    }
    if (flights.length) this.canvas.addFlights(flights);
    this.team = team;
    this.tick = state.tick;
    return true;
  }

  /** Flags one step of the followed message on the canvas (a click in the step list). */
  addStep(step: FollowStep): void {
    const label = this.words.step(step);
    if (label) this.canvas.addMarker({ ...label, tick: step.tick });
  }

  private addMarker(m: SceneMarker): void {
    this.canvas.addMarker({ kind: m.kind, at: m.at, text: this.words.marker(m), tick: m.tick });
  }
}
