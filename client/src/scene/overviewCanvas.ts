// Every team as a tile (tileDrawing.ts), on a 2D canvas of its own laid over the Phaser
// canvas's overview region. The pipeline canvas is redrawn every frame because its tokens
// move; the overview changes a few times a second at most, so it lives apart and a tile is
// redrawn only when what it shows changed (for a few milliseconds a frame at most, a burst
// spread over frames). An unchanged overview costs a frame nothing, whatever the team count.

import type { TeamModel } from "./model.js";
import { overviewGrid, tileAt, tileRect, type Rect, type TileGrid } from "./layout.js";
import { DEFAULT_COUNT_KINDS, type CountKind } from "./palette.js";
import { drawTile, tileBands, tileSignature, type TileBands } from "./tileDrawing.js";

/** Time a frame may spend redrawing tiles (at least one is redrawn): a burst of changes is spread over frames. */
const REDRAW_BUDGET_MS = 3;

/** Where the Phaser canvas sits in its parent, and how much CSS scales it. */
export interface CanvasPlacement {
  left: number;
  top: number;
  scaleX: number;
  scaleY: number;
}

export class OverviewCanvas {
  readonly element: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private teams: TeamModel[] = [];
  /** What each tile shows now, and what it should show. */
  private drawn: string[] = [];
  private wanted: string[] = [];
  private grid: TileGrid;
  private bands: TileBands;
  private focused: number | null = null;
  private kinds: readonly CountKind[] = DEFAULT_COUNT_KINDS;
  private clicked: ((team: number) => void) | undefined;
  private area: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private scale = 1;
  private placement: CanvasPlacement = { left: 0, top: 0, scaleX: 1, scaleY: 1 };
  private hurried = false;

  constructor(parent: HTMLElement) {
    if (getComputedStyle(parent).position === "static") parent.style.position = "relative";
    this.element = document.createElement("canvas");
    this.element.className = "overview-canvas";
    Object.assign(this.element.style, { position: "absolute", zIndex: "1", cursor: "pointer", display: "block" });
    parent.appendChild(this.element);
    this.ctx = this.element.getContext("2d")!;
    this.grid = overviewGrid(0, this.area, 1);
    this.bands = tileBands(1, 1);
    this.element.addEventListener("click", (event) => {
      const x = this.area.x + event.offsetX / this.placement.scaleX;
      const y = this.area.y + event.offsetY / this.placement.scaleY;
      const team = this.teams[tileAt(this.grid, x, y)];
      if (team && this.clicked) this.clicked(team.team);
    });
  }

  onTeamClicked(callback: (team: number) => void): void {
    this.clicked = callback;
  }

  /** The overview's region in the Phaser canvas's pixels, and the scene's scale. */
  setArea(area: Rect, scale: number): void {
    this.area = area;
    this.scale = scale;
    this.element.width = Math.max(1, Math.round(area.w));
    this.element.height = Math.max(1, Math.round(area.h));
    this.rebuild();
    this.place(this.placement);
  }

  /** Follows the Phaser canvas on the page (its offset and CSS scale). */
  place(placement: CanvasPlacement): void {
    this.placement = placement;
    Object.assign(this.element.style, {
      left: `${placement.left + this.area.x * placement.scaleX}px`,
      top: `${placement.top + this.area.y * placement.scaleY}px`,
      width: `${this.area.w * placement.scaleX}px`,
      height: `${this.area.h * placement.scaleY}px`,
    });
  }

  setTeams(teams: readonly TeamModel[]): void {
    const countChanged = teams.length !== this.teams.length;
    this.teams = [...teams];
    if (countChanged) this.rebuild();
    else this.refresh();
  }

  setCountKinds(kinds: readonly CountKind[]): void {
    if (kinds.join() === this.kinds.join()) return;
    this.kinds = [...kinds];
    this.refresh();
  }

  setFocused(team: number | null): void {
    if (team === this.focused) return;
    this.focused = team;
    this.refresh();
  }

  /** The next frame redraws every changed tile, whatever it takes (a jump in time: the whole view should change at once). */
  hurry(): void {
    this.hurried = true;
  }

  /** Once a frame: redraws the tiles that changed, for a few milliseconds at most. */
  update(): void {
    const until = this.hurried ? Infinity : performance.now() + REDRAW_BUDGET_MS;
    this.hurried = false;
    for (let index = 0; index < this.teams.length; index++) {
      if (this.wanted[index] === this.drawn[index]) continue;
      const team = this.teams[index]!;
      const tile = tileRect(this.grid, index);
      drawTile(this.ctx, team, { ...tile, x: tile.x - this.area.x, y: tile.y - this.area.y }, this.bands, team.team === this.focused, this.kinds);
      this.drawn[index] = this.wanted[index]!;
      if (performance.now() >= until) break;
    }
  }

  destroy(): void {
    this.element.remove();
  }

  /** A new grid: when the team count or the region changes. */
  private rebuild(): void {
    this.grid = overviewGrid(this.teams.length, this.area, this.scale);
    this.bands = tileBands(this.grid.tileW, this.grid.tileH);
    this.ctx.clearRect(0, 0, this.element.width, this.element.height);
    this.drawn = [];
    this.refresh();
  }

  private refresh(): void {
    const { tileW, tileH } = this.grid;
    if (tileW < 8 || tileH < 8) {
      this.wanted = [];
      return;
    }
    this.wanted = this.teams.map((team) => tileSignature(team, team.team === this.focused, tileW, tileH, this.kinds));
  }
}
