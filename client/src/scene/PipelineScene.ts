// The projector's scene: the focused team large on the left, every team as a tile on the
// right. It only draws what the page hands it (see model.ts); no game rule lives here. The
// tiles are a 2D canvas of their own over the overview region (overviewCanvas.ts): Phaser
// redraws only what moves.

import Phaser from "phaser";
import type { CountKind, Marker, PipelineCanvas, SceneLabels, TeamModel, TokenFlight } from "./model.js";
import { TickClock } from "./clock.js";
import { FocusedTeamView } from "./focusedTeam.js";
import { FocusHeader } from "./focusHeader.js";
import { focusBands, splitRegions, type FocusBands, type ScaleReference, type SceneRegions } from "./layout.js";
import { MarkerLayer } from "./markers.js";
import { OverviewCanvas, type CanvasPlacement } from "./overviewCanvas.js";
import { colours, tokenKindsOf } from "./palette.js";
import { TokenLayer } from "./tokens.js";

export const DEFAULT_LABELS: SceneLabels = {
  roles: { producer: "producer", broker: "broker", consumer: "consumer" },
  bot: "bot",
  down: "down",
  queued: "queued",
  inbox: "inbox",
  toSend: "to send",
  team: "Team",
  score: "Score",
  tokens: {},
};

const depth = { panels: 0, links: 1, tokens: 2, nodes: 3, labels: 4, markers: 6 };

type SceneInput = Omit<PipelineCanvas, "destroy">;

export class PipelineScene extends Phaser.Scene implements SceneInput {
  /** Resolves once `create` has run and every method below may be called. */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private readonly clock = new TickClock();
  private labels: SceneLabels = DEFAULT_LABELS;
  private focusedTeam: TeamModel | null = null;
  private regions!: SceneRegions;
  private bands!: FocusBands;
  private panels!: Phaser.GameObjects.Graphics;
  private focus!: FocusedTeamView;
  private header!: FocusHeader;
  private tokens!: TokenLayer;
  private markers!: MarkerLayer;
  private overview!: OverviewCanvas;
  private pendingResize = false;
  private tornDown = false;

  /** `reference`: the size fonts and radii scale by (the canvas's own when absent). */
  constructor(private readonly reference?: () => ScaleReference) {
    super({ key: "pipeline" });
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  create(): void {
    const { width, height } = this.scale;
    this.regions = splitRegions(width, height, this.reference?.());
    this.bands = focusBands(this.regions.focus, this.regions.scale);
    this.panels = this.add.graphics().setDepth(depth.panels);
    this.focus = new FocusedTeamView(this, this.labels, depth);
    this.header = new FocusHeader(this, depth.labels);
    this.tokens = new TokenLayer(this, this.regions.scale, depth.tokens, this.game.config.renderType === Phaser.CANVAS);
    this.markers = new MarkerLayer(this, depth.markers);
    this.overview = new OverviewCanvas(this.game.canvas.parentElement ?? document.body);
    this.applyLayout();
    this.scale.on(Phaser.Scale.Events.RESIZE, () => {
      this.pendingResize = true;
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
    this.resolveReady();
  }

  override update(): void {
    const now = performance.now();
    if (this.pendingResize) {
      this.pendingResize = false;
      this.relayout();
    }
    const tick = this.clock.advance(now);
    this.tokens.update(tick, now, this.focus.laneOf, this.focus.laneVersion);
    this.markers.update(now);
    this.overview.update();
  }

  setClock(tick: number, tickMs: number): void {
    this.clock.set(tick, tickMs, performance.now());
  }

  setFocused(team: TeamModel | null): void {
    if (team?.team !== this.focusedTeam?.team) {
      this.tokens.clear();
      this.markers.clear();
    }
    this.focusedTeam = team;
    if (team) this.header.setTokenKinds(tokenKindsOf(team));
    this.focus.setTeam(team);
    this.header.setTeam(team, this.labels);
    this.overview.setFocused(team ? team.team : null);
  }

  reset(): void {
    this.tokens.clear();
    this.markers.clear();
    this.overview.hurry();
  }

  setOverview(teams: TeamModel[]): void {
    this.overview.setTeams(teams);
  }

  addFlights(flights: TokenFlight[]): void {
    this.tokens.add(flights);
  }

  /** Stops the token where it is drawn now; `tick` is when the room dropped it, a moment ago. */
  dropFlight(token: number, link: string, _tick: number): void {
    this.tokens.drop(token, performance.now(), this.focus.dropPointOf(link));
  }

  addMarker(marker: Marker): void {
    const anchor = this.focus.anchorOf(marker.at) ?? {
      x: this.regions.focus.x + this.regions.focus.w / 2,
      y: this.regions.focus.y + this.regions.focus.h / 2,
    };
    this.markers.add(marker, anchor, this.regions.focus, performance.now());
  }

  setLabels(labels: SceneLabels): void {
    this.labels = labels;
    this.focus.setLabels(labels);
    this.header.setTokenWords(labels.tokens);
    this.header.setTeam(this.focusedTeam, labels);
  }

  setCountKinds(kinds: readonly CountKind[]): void {
    this.header.setCountKinds(kinds);
    this.header.setTeam(this.focusedTeam, this.labels);
    this.overview.setCountKinds(kinds);
  }

  onTeamClicked(callback: (team: number) => void): void {
    this.overview.onTeamClicked(callback);
  }

  private relayout(): void {
    const { width, height } = this.scale;
    const previousScale = this.regions.scale;
    this.regions = splitRegions(width, height, this.reference?.());
    this.bands = focusBands(this.regions.focus, this.regions.scale);
    if (Math.abs(previousScale - this.regions.scale) > 0.01) this.tokens.rescale(this.regions.scale);
    this.markers.clear();
    this.applyLayout();
  }

  private applyLayout(): void {
    const { overview, scale } = this.regions;
    this.markers.setScale(scale);
    this.drawPanels();
    this.focus.setLayout(this.bands.pipeline, scale);
    this.header.setLayout(this.bands, scale);
    this.header.setTeam(this.focusedTeam, this.labels);
    this.overview.setArea(overview, scale);
    this.overview.place(this.placement());
  }

  /** Where the Phaser canvas is in its parent and how much CSS scales it (FIT mode letterboxes it). */
  private placement(): CanvasPlacement {
    const canvas = this.game.canvas;
    const box = canvas.getBoundingClientRect();
    return {
      left: canvas.offsetLeft,
      top: canvas.offsetTop,
      scaleX: box.width > 0 ? box.width / canvas.width : 1,
      scaleY: box.height > 0 ? box.height / canvas.height : 1,
    };
  }

  private drawPanels(): void {
    const { focus, scale } = this.regions;
    const g = this.panels;
    g.clear();
    // Before the page lays the canvas out it has no size: nothing to draw (the 2D canvas throws on a negative radius).
    if (focus.w <= 0 || focus.h <= 0) return;
    // Outlines only: a software renderer pays for every filled pixel, every frame.
    g.lineStyle(2, colours.panelEdge, 1);
    g.strokeRoundedRect(focus.x, focus.y, focus.w, focus.h, Math.min(18 * scale, focus.w / 2, focus.h / 2));
    const header = this.bands.header;
    g.lineStyle(2, colours.panelEdge, 1);
    g.lineBetween(header.x, header.y + header.h, header.x + header.w, header.y + header.h);
  }

  private teardown(): void {
    if (this.tornDown) return;
    this.tornDown = true;
    this.tokens.destroy();
    this.markers.destroy();
    this.overview.destroy();
    this.header.destroy();
    this.focus.destroy();
  }
}
