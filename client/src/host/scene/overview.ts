// Every team as a compact tile: name, score, a mini pipeline, anomaly counts. Each tile is
// a small canvas texture redrawn only when what it shows changed (and at most a few per
// frame), so the overview costs a handful of quads a frame even with 40 teams.

import type Phaser from "phaser";
import type { TeamModel } from "./model.js";
import { overviewGrid, tileAt, tileRect, type Rect, type TileGrid } from "./layout.js";
import { drawTile, tileSignature } from "./tileDrawing.js";

/** Tiles redrawn per frame at most: a burst of changes is spread over a few frames. */
const REDRAWS_PER_FRAME = 10;

interface Tile {
  key: string;
  texture: Phaser.Textures.CanvasTexture;
  image: Phaser.GameObjects.Image;
  /** What the texture shows now, and what it should show. */
  drawn: string;
  wanted: string;
}

let tileSerial = 0;

export class OverviewPanel {
  private teams: TeamModel[] = [];
  private tiles: Tile[] = [];
  private grid: TileGrid;
  private focused: number | null = null;
  private readonly zone: Phaser.GameObjects.Zone;
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
    this.zone = scene.add.zone(area.x, area.y, area.w, area.h).setOrigin(0, 0).setDepth(depth + 1);
    this.zone.setInteractive({ useHandCursor: true });
    this.zone.on("pointerup", (pointer: Phaser.Input.Pointer) => {
      const index = tileAt(this.grid, pointer.x, pointer.y);
      const team = this.teams[index];
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
    else this.refreshWanted();
  }

  setFocused(team: number | null): void {
    if (team === this.focused) return;
    this.focused = team;
    this.refreshWanted();
  }

  /** Redraws the tiles whose content changed, oldest first, within the frame budget. */
  update(): void {
    let budget = REDRAWS_PER_FRAME;
    for (let index = 0; index < this.tiles.length && budget > 0; index++) {
      const tile = this.tiles[index]!;
      const team = this.teams[index];
      if (!team || tile.wanted === tile.drawn) continue;
      drawTile(tile.texture.getContext(), team, this.grid.tileW, this.grid.tileH, team.team === this.focused);
      tile.texture.refresh();
      tile.drawn = tile.wanted;
      budget -= 1;
    }
  }

  destroy(): void {
    this.destroyTiles();
    this.zone.destroy();
  }

  /** New grid, new textures: only when the team count or the panel size changes. */
  private rebuild(): void {
    this.destroyTiles();
    this.grid = overviewGrid(this.teams.length, this.area, this.scale);
    if (this.grid.tileW < 2 || this.grid.tileH < 2) return;
    for (let index = 0; index < this.teams.length; index++) {
      const rect = tileRect(this.grid, index);
      const key = `overview-tile-${++tileSerial}`;
      const texture = this.scene.textures.createCanvas(key, this.grid.tileW, this.grid.tileH);
      if (!texture) continue;
      const image = this.scene.add.image(rect.x, rect.y, key).setOrigin(0, 0).setDepth(this.depth);
      this.tiles.push({ key, texture, image, drawn: "", wanted: "" });
    }
    this.refreshWanted();
  }

  private refreshWanted(): void {
    this.tiles.forEach((tile, index) => {
      const team = this.teams[index];
      if (team) tile.wanted = tileSignature(team, team.team === this.focused, this.grid.tileW, this.grid.tileH);
    });
  }

  private destroyTiles(): void {
    for (const tile of this.tiles) {
      tile.image.destroy();
      this.scene.textures.remove(tile.key);
    }
    this.tiles = [];
  }
}
