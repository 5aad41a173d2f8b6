// Every team as a compact tile: name, score, a mini pipeline, anomaly counts. Nothing is
// redrawn unless it changed: the text of a tile is a small canvas texture (re-rendered on
// a new score or count, a few tiles per frame at most), the cards and mini pipelines one
// Graphics (re-issued when a node goes down or a link is cut), the packets in flight
// another (re-issued when a dot count changes, at most once per frame).

import type Phaser from "phaser";
import type { TeamModel } from "./model.js";
import { DEFAULT_COUNT_KINDS, type CountKind } from "./palette.js";
import { overviewGrid, tileAt, tileRect, type Rect, type TileGrid } from "./layout.js";
import { drawCard, drawDots, drawMiniPipeline } from "./overviewShapes.js";
import {
  dotCounts,
  drawTileText,
  miniLayout,
  shapeSignature,
  textSignature,
  tileBands,
  type MiniLayout,
  type TileBands,
} from "./tileDrawing.js";

/** Tile texts re-rendered per frame at most: a burst of changes is spread over frames. */
const TEXT_REDRAWS_PER_FRAME = 8;

interface Tile {
  key: string;
  texture: Phaser.Textures.CanvasTexture;
  images: Phaser.GameObjects.Image[];
  origin: Rect;
  drawnText: string;
  wantedText: string;
  shapes: string;
  dots: string;
  structure: string;
  layout: MiniLayout | undefined;
}

let textureSerial = 0;

export class OverviewPanel {
  private teams: TeamModel[] = [];
  private tiles: Tile[] = [];
  private grid: TileGrid;
  private bands: TileBands;
  private focused: number | null = null;
  private kinds: readonly CountKind[] = DEFAULT_COUNT_KINDS;
  private readonly zone: Phaser.GameObjects.Zone;
  private readonly shapes: Phaser.GameObjects.Graphics;
  private readonly dots: Phaser.GameObjects.Graphics;
  private shapesDirty = false;
  private dotsDirty = false;
  private clicked: ((team: number) => void) | undefined;
  private area: Rect;
  private scale: number;

  constructor(
    private readonly scene: Phaser.Scene,
    area: Rect,
    scale: number,
    private readonly depth: number,
  ) {
    this.area = area;
    this.scale = scale;
    this.grid = overviewGrid(0, area, scale);
    this.bands = tileBands(1, 1);
    this.shapes = scene.add.graphics().setDepth(depth);
    this.dots = scene.add.graphics().setDepth(depth + 1);
    this.zone = scene.add.zone(area.x, area.y, area.w, area.h).setOrigin(0, 0).setDepth(depth + 3);
    this.zone.setInteractive({ useHandCursor: true });
    this.zone.on("pointerup", (pointer: Phaser.Input.Pointer) => {
      const team = this.teams[tileAt(this.grid, pointer.x, pointer.y)];
      if (team && this.clicked) this.clicked(team.team);
    });
  }

  onTeamClicked(callback: (team: number) => void): void {
    this.clicked = callback;
  }

  setArea(area: Rect, scale: number): void {
    this.area = area;
    this.scale = scale;
    this.zone.setPosition(area.x, area.y).setSize(area.w, area.h);
    if (this.zone.input) this.zone.input.hitArea.setTo(0, 0, area.w, area.h);
    this.rebuild();
  }

  setTeams(teams: readonly TeamModel[]): void {
    const countChanged = teams.length !== this.teams.length;
    this.teams = [...teams];
    if (countChanged) this.rebuild();
    else this.refresh();
  }

  /** The counts each tile shows. */
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

  update(): void {
    let budget = TEXT_REDRAWS_PER_FRAME;
    for (let index = 0; index < this.tiles.length && budget > 0; index++) {
      const tile = this.tiles[index]!;
      const team = this.teams[index];
      if (!team || tile.wantedText === tile.drawnText) continue;
      const extents = drawTileText(tile.texture.getContext(), team, this.grid.tileW, this.bands, team.team === this.focused, this.kinds);
      tile.texture.refresh();
      // Show only the drawn pixels: with a software renderer every textured pixel costs.
      (["name", "score", "counts"] as const).forEach((part, i) => {
        const rect = extents[part];
        const frame = tile.texture.get(part);
        frame.setSize(rect.w, rect.h, rect.x, rect.y);
        tile.images[i]!.setFrame(frame).setPosition(tile.origin.x + rect.x, this.bandTop(tile, part));
      });
      tile.drawnText = tile.wantedText;
      budget -= 1;
    }
    if (this.shapesDirty) {
      this.shapesDirty = false;
      this.shapes.clear();
      this.tiles.forEach((tile, index) => {
        const team = this.teams[index];
        if (!team || !tile.layout) return;
        drawCard(this.shapes, tile.origin, team.team === this.focused);
        drawMiniPipeline(this.shapes, tile.origin, team, tile.layout);
      });
    }
    if (this.dotsDirty) {
      this.dotsDirty = false;
      this.dots.clear();
      this.tiles.forEach((tile, index) => {
        const team = this.teams[index];
        if (team && tile.layout) drawDots(this.dots, tile.origin, team, tile.layout);
      });
    }
  }

  destroy(): void {
    this.destroyTiles();
    this.shapes.destroy();
    this.dots.destroy();
    this.zone.destroy();
  }

  /** New grid, new textures: only when the team count or the panel size changes. */
  private rebuild(): void {
    this.destroyTiles();
    this.grid = overviewGrid(this.teams.length, this.area, this.scale);
    const { tileW, tileH } = this.grid;
    this.bands = tileBands(tileW, tileH);
    if (this.teams.length > 0 && tileW >= 8 && tileH >= 8) {
      const textH = this.bands.titleH + this.bands.countsH;
      for (let index = 0; index < this.teams.length; index++) {
        const origin = tileRect(this.grid, index);
        const key = `overview-text-${++textureSerial}`;
        const texture = this.scene.textures.createCanvas(key, tileW, textH);
        if (!texture) continue;
        const images = (["name", "score", "counts"] as const).map((part) => {
          texture.add(part, 0, 0, 0, 1, 1);
          return this.scene.add.image(origin.x, origin.y, key, part).setOrigin(0, 0).setDepth(this.depth + 2);
        });
        this.tiles.push({
          key,
          texture,
          images,
          origin,
          drawnText: "",
          wantedText: "",
          shapes: "",
          dots: "",
          structure: "",
          layout: undefined,
        });
      }
    }
    this.shapesDirty = true;
    this.dotsDirty = true;
    this.refresh();
  }

  /** Compares what each tile should show with what it shows, and marks what to redraw. */
  private refresh(): void {
    const { tileW, tileH } = this.grid;
    this.tiles.forEach((tile, index) => {
      const team = this.teams[index];
      if (!team) return;
      const focused = team.team === this.focused;
      tile.wantedText = textSignature(team, focused, tileW, tileH, this.kinds);
      const structure = `${team.nodes.map((n) => `${n.id}/${n.role}`).join(",")}|${team.links.map((l) => `${l.id}/${l.from}/${l.to}`).join(",")}`;
      if (structure !== tile.structure) {
        tile.structure = structure;
        tile.layout = miniLayout(team, tileW, tileH);
      }
      const shapes = shapeSignature(team, focused);
      if (shapes !== tile.shapes) {
        tile.shapes = shapes;
        this.shapesDirty = true;
      }
      const dots = dotCounts(team);
      if (dots !== tile.dots) {
        tile.dots = dots;
        this.dotsDirty = true;
      }
    });
  }

  /** Screen y of a text part's band: the title at the top of the tile, the counts at the bottom. */
  private bandTop(tile: Tile, part: "name" | "score" | "counts"): number {
    return part === "counts" ? tile.origin.y + this.grid.tileH - this.bands.countsH : tile.origin.y;
  }

  private destroyTiles(): void {
    for (const tile of this.tiles) {
      for (const image of tile.images) image.destroy();
      this.scene.textures.remove(tile.key);
    }
    this.tiles = [];
  }
}
