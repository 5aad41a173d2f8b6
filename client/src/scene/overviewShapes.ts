// The flat parts of an overview tile: the card, the mini pipeline (nodes by role, up or
// down; links, cut or not) and the packets in flight as dots, all in one Graphics each.

import type Phaser from "phaser";
import type { TeamModel } from "./model.js";
import type { Point, Rect } from "./layout.js";
import { colours, roleColours } from "./palette.js";
import { crossTriangles, fillTriangles, hexagonTriangles, tokenTriangles } from "./flatShapes.js";
import { MAX_DOTS, type MiniLayout } from "./tileDrawing.js";

const scratch: number[] = [];

export function drawCard(g: Phaser.GameObjects.Graphics, tile: Rect, focused: boolean): void {
  g.fillStyle(focused ? 0x202c4b : 0x172036, 1);
  g.fillRect(tile.x, tile.y, tile.w, tile.h);
  const edge = focused ? 3 : 1.5;
  g.lineStyle(edge, focused ? colours.focus : colours.panelEdge, 1);
  g.strokeRect(tile.x + edge / 2, tile.y + edge / 2, tile.w - edge, tile.h - edge);
}

export function drawMiniPipeline(g: Phaser.GameObjects.Graphics, origin: Point, team: TeamModel, layout: MiniLayout): void {
  const { radius, centres, lanes } = layout;
  for (const link of team.links) {
    const lane = lanes.get(link.id);
    if (!lane) continue;
    const x1 = origin.x + lane.x1;
    const y1 = origin.y + lane.y1;
    const x2 = origin.x + lane.x2;
    const y2 = origin.y + lane.y2;
    if (!link.cut) {
      g.lineStyle(1.5, colours.link, 0.85);
      g.lineBetween(x1, y1, x2, y2);
      continue;
    }
    g.lineStyle(2, colours.linkCut, 1);
    const length = Math.hypot(x2 - x1, y2 - y1);
    for (let d = 0; d < length; d += 7) {
      const e = Math.min(length, d + 4);
      g.lineBetween(x1 + ((x2 - x1) * d) / length, y1 + ((y2 - y1) * d) / length, x1 + ((x2 - x1) * e) / length, y1 + ((y2 - y1) * e) / length);
    }
  }
  for (const node of team.nodes) {
    const centre = centres.get(node.id);
    if (!centre) continue;
    const x = origin.x + centre.x;
    const y = origin.y + centre.y;
    g.fillStyle(node.up ? roleColours[node.role] : colours.down, 1);
    if (node.role === "broker") {
      g.fillRect(x - radius * 1.45, y - radius * 1.05, radius * 2.9, radius * 2.1);
    } else {
      scratch.length = 0;
      if (node.role === "producer") tokenTriangles("circle", x, y, radius, scratch);
      else hexagonTriangles(x, y, radius, scratch);
      fillTriangles(g, scratch);
    }
    if (!node.up) {
      scratch.length = 0;
      crossTriangles(x, y, radius * 0.85, Math.max(1.5, radius * 0.4), scratch);
      g.fillStyle(colours.cross, 1);
      fillTriangles(g, scratch);
    }
  }
}

/** Up to MAX_DOTS dots per link, spread evenly: round for messages, diamonds for ACKs. */
export function drawDots(g: Phaser.GameObjects.Graphics, origin: Point, team: TeamModel, layout: MiniLayout): void {
  const radius = Math.max(1.8, layout.radius * 0.4);
  for (const link of team.links) {
    const lane = layout.lanes.get(link.id);
    if (!lane || link.cut) continue;
    const shown = Math.min(link.flying, MAX_DOTS);
    if (shown === 0) continue;
    const forward = layout.forward.has(link.id);
    g.fillStyle(forward ? 0x4cc9f0 : 0xffd166, 1);
    scratch.length = 0;
    for (let i = 1; i <= shown; i++) {
      const t = i / (shown + 1);
      const x = origin.x + lane.x1 + (lane.x2 - lane.x1) * t;
      const y = origin.y + lane.y1 + (lane.y2 - lane.y1) * t;
      tokenTriangles(forward ? "circle" : "diamond", x, y, radius, scratch);
    }
    fillTriangles(g, scratch);
  }
}
