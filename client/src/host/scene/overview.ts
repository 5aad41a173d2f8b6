// Every team as a compact tile: name, score, a mini pipeline, anomaly counts. Each tile is
// a small canvas texture redrawn only when what it shows changed (and at most a few per
// frame); the packets in flight, which change every tick, are dots of one Blitter on top,
// so a tick costs no texture upload. 40 teams: 40 quads plus a few hundred tiny dots.

import type Phaser from "phaser";
import type { TeamModel } from "./model.js";
import { clamp, lanePoint, overviewGrid, tileAt, tileRect, type Rect, type TileGrid } from "./layout.js";
import { colours, css } from "./palette.js";
import { MAX_DOTS, drawTile, miniLayout, tileSignature, type MiniLayout } from "./tileDrawing.js";

/** Tiles redrawn per frame at most: a burst of changes is spread over a few frames. */
const REDRAWS_PER_FRAME = 8;

interface LinkDots {
  bobs: Phaser.GameObjects.Bob[];
  shown: number;
}

interface Tile {
  key: string;
  texture: Phaser.Textures.CanvasTexture;
  image: Phaser.GameObjects.Image;
  origin: Rect;
  /** What the texture shows now, and what it should show. */
  drawn: string;
  wanted: string;
  /** Node and link ids the dots were laid out for. */
  structure: string;
  layout: MiniLayout | undefined;
  dots: Map<string, LinkDots>;
}

let textureSerial = 0;

export class OverviewPanel {
  private teams: TeamModel[] = [];
  private tiles: Tile[] = [];
  private grid: TileGrid;
  private focused: number | null = null;
  private readonly zone: Phaser.GameObjects.Zone;
  private clicked: ((team: number) => void) | undefined;
  private area: Rect;
  private scale: number;
  private dotKey = "";
  private dotHalf = 0;
  private dotBlitter: Phaser.GameObjects.Blitter | undefined;

  constructor(
    private readonly scene: Phaser.Scene,
    area: Rect,
    scale: number,
    private readonly depth: number,
  ) {
    this.area = area;
    this.scale = scale;
    this.grid = overviewGrid(0, area, scale);
    this.zone = scene.add.zone(area.x, area.y, area.w, area.h).setOrigin(0, 0).setDepth(depth + 2);
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
    if (countChanged) {
      this.rebuild();
      return;
    }
    this.refreshWanted();
    this.tiles.forEach((_, index) => this.syncDots(index));
  }

  setFocused(team: number | null): void {
    if (team === this.focused) return;
    this.focused = team;
    this.refreshWanted();
  }

  /** Redraws the tiles whose content changed, first tiles first, within the frame budget. */
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
    if (this.teams.length === 0 || this.grid.tileW < 8 || this.grid.tileH < 8) return;
    this.createDotTexture();
    for (let index = 0; index < this.teams.length; index++) {
      const origin = tileRect(this.grid, index);
      const key = `overview-tile-${++textureSerial}`;
      const texture = this.scene.textures.createCanvas(key, this.grid.tileW, this.grid.tileH);
      if (!texture) continue;
      const image = this.scene.add.image(origin.x, origin.y, key).setOrigin(0, 0).setDepth(this.depth);
      this.tiles.push({ key, texture, image, origin, drawn: "", wanted: "", structure: "", layout: undefined, dots: new Map() });
    }
    this.refreshWanted();
    this.tiles.forEach((_, index) => this.syncDots(index));
  }

  private refreshWanted(): void {
    this.tiles.forEach((tile, index) => {
      const team = this.teams[index];
      if (team) tile.wanted = tileSignature(team, team.team === this.focused, this.grid.tileW, this.grid.tileH);
    });
  }

  /** Shows min(flying, MAX_DOTS) dots evenly spread on each mini link. */
  private syncDots(index: number): void {
    const tile = this.tiles[index];
    const team = this.teams[index];
    const blitter = this.dotBlitter;
    if (!tile || !team || !blitter) return;
    const structure = `${team.nodes.map((n) => `${n.id}/${n.role}`).join(",")}|${team.links.map((l) => l.id).join(",")}`;
    if (structure !== tile.structure) {
      for (const dots of tile.dots.values()) for (const bob of dots.bobs) bob.destroy();
      tile.dots.clear();
      tile.structure = structure;
      tile.layout = miniLayout(team, this.grid.tileW, this.grid.tileH);
      for (const link of team.links) {
        const frame = tile.layout.forward.has(link.id) ? "forward" : "back";
        const bobs: Phaser.GameObjects.Bob[] = [];
        for (let i = 0; i < MAX_DOTS; i++) bobs.push(blitter.create(0, 0, frame, false));
        tile.dots.set(link.id, { bobs, shown: 0 });
      }
    }
    for (const link of team.links) {
      const dots = tile.dots.get(link.id);
      const lane = tile.layout?.lanes.get(link.id);
      if (!dots || !lane) continue;
      const shown = link.cut ? 0 : Math.min(link.flying, MAX_DOTS);
      if (shown === dots.shown) continue;
      dots.shown = shown;
      dots.bobs.forEach((bob, i) => {
        if (i >= shown) {
          bob.visible = false;
          return;
        }
        const point = lanePoint(lane, (i + 1) / (shown + 1));
        bob.x = tile.origin.x + point.x - this.dotHalf;
        bob.y = tile.origin.y + point.y - this.dotHalf;
        bob.visible = true;
      });
    }
  }

  private createDotTexture(): void {
    const radius = clamp(this.grid.tileH * 0.028, 1.8, 5);
    const half = Math.ceil(radius + 1);
    const key = `overview-dots-${++textureSerial}`;
    const texture = this.scene.textures.createCanvas(key, half * 4, half * 2);
    if (!texture) return;
    const ctx = texture.getContext();
    [0x4cc9f0, 0xffd166].forEach((colour, i) => {
      ctx.beginPath();
      ctx.arc(half * (2 * i + 1), half, radius, 0, Math.PI * 2);
      ctx.fillStyle = css(colour);
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = css(colours.background);
      ctx.stroke();
    });
    texture.add("forward", 0, 0, 0, half * 2, half * 2);
    texture.add("back", 0, half * 2, 0, half * 2, half * 2);
    texture.refresh();
    this.dotKey = key;
    this.dotHalf = half;
    this.dotBlitter = this.scene.add.blitter(0, 0, key).setDepth(this.depth + 1);
  }

  private destroyTiles(): void {
    for (const tile of this.tiles) {
      tile.image.destroy();
      this.scene.textures.remove(tile.key);
    }
    this.tiles = [];
    this.dotBlitter?.destroy();
    this.dotBlitter = undefined;
    if (this.dotKey) this.scene.textures.remove(this.dotKey);
    this.dotKey = "";
  }
}
