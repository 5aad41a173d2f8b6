// One overview tile drawn with the 2D canvas API into its own small texture. A tile is
// redrawn only when its signature changes, so 40 teams cost 40 textured quads a frame.
// No Phaser here: the overview module owns the textures.

import type { TeamModel } from "./model.js";
import {
  clamp,
  crowdedColumn,
  hexagonPoints,
  linkLane,
  nodeCentres,
  type Lane,
  type Point,
  type Rect,
} from "./layout.js";
import { FONT_FAMILY, colours, countGlyphs, css, roleColours } from "./palette.js";

/** Dots drawn on a mini link; more packets than this still show as this many. */
export const MAX_DOTS = 4;

/**
 * Everything a tile's texture shows, as one string: equal signatures draw equal pixels.
 * Packets in flight change every tick, so they are not in the texture (see overview.ts).
 */
export function tileSignature(team: TeamModel, focused: boolean, width: number, height: number): string {
  let signature = `${width}x${height}|${focused ? 1 : 0}|${team.team}|${team.name}|${team.score}|${team.lost}|${team.duplicated}|${team.misordered}|`;
  for (const node of team.nodes) signature += `${node.id}:${node.role}:${node.up ? 1 : 0};`;
  signature += "|";
  for (const link of team.links) signature += `${link.id}:${link.from}:${link.to}:${link.cut ? 1 : 0};`;
  return signature;
}

export function drawTile(
  ctx: CanvasRenderingContext2D,
  team: TeamModel,
  width: number,
  height: number,
  focused: boolean,
): void {
  ctx.clearRect(0, 0, width, height);
  const edge = focused ? Math.max(3, height * 0.035) : 1.5;
  roundedRect(ctx, edge / 2, edge / 2, width - edge, height - edge, Math.min(12, height * 0.1));
  ctx.fillStyle = css(focused ? 0x1f2a47 : 0x182037);
  ctx.fill();
  ctx.lineWidth = edge;
  ctx.strokeStyle = css(focused ? colours.focus : colours.panelEdge);
  ctx.stroke();

  const { pad, titleY, countsY } = tileBands(width, height);
  const titleSize = clamp(height * 0.19, 11, 30);
  const scoreSize = clamp(height * 0.22, 12, 34);
  ctx.textBaseline = "middle";

  ctx.font = `700 ${scoreSize}px ${FONT_FAMILY}`;
  ctx.textAlign = "right";
  ctx.fillStyle = css(colours.text);
  const score = String(team.score);
  ctx.fillText(score, width - pad, titleY);
  const scoreWidth = ctx.measureText(score).width;

  ctx.font = `700 ${titleSize}px ${FONT_FAMILY}`;
  ctx.textAlign = "left";
  ctx.fillStyle = css(focused ? colours.focus : colours.text);
  ctx.fillText(ellipsize(ctx, team.name, width - 3 * pad - scoreWidth), pad, titleY);

  const countSize = clamp(height * 0.17, 10, 26);
  drawCounts(ctx, team, pad, countsY, width - 2 * pad, countSize);
  drawMiniPipeline(ctx, team, miniLayout(team, width, height));
}

function drawCounts(
  ctx: CanvasRenderingContext2D,
  team: TeamModel,
  x: number,
  y: number,
  width: number,
  size: number,
): void {
  const counts: [string, number, number][] = [
    [countGlyphs.lost, team.lost, colours.lost],
    [countGlyphs.duplicated, team.duplicated, colours.duplicated],
    [countGlyphs.misordered, team.misordered, colours.misordered],
  ];
  ctx.font = `700 ${size}px ${FONT_FAMILY}`;
  ctx.textAlign = "left";
  const slot = width / counts.length;
  counts.forEach(([glyph, value, colour], index) => {
    ctx.fillStyle = value > 0 ? css(colour) : css(colours.textDim, 0.55);
    ctx.fillText(`${glyph} ${value}`, x + index * slot, y);
  });
}

/** Where a tile's mini pipeline goes, in tile coordinates. */
export interface MiniLayout {
  radius: number;
  centres: Map<string, Point>;
  lanes: Map<string, Lane>;
  /** Lanes that carry messages away from producers (the rest carry acknowledgements). */
  forward: Set<string>;
}

/** The mini pipeline's geometry inside a tile of this size. */
export function miniLayout(team: TeamModel, width: number, height: number): MiniLayout {
  const { pipe } = tileBands(width, height);
  const inset = { x: pipe.x + pipe.w * 0.02, y: pipe.y, w: pipe.w * 0.96, h: pipe.h };
  const centres = nodeCentres(team.nodes, inset);
  const crowded = crowdedColumn(team.nodes);
  const radius = clamp(Math.min(pipe.h / crowded / 2 - 1, pipe.w * 0.06), 2.5, 16);
  const roles = new Map(team.nodes.map((node) => [node.id, node.role]));
  const offset = Math.max(1.5, radius * 0.35);
  const lanes = new Map<string, Lane>();
  const forward = new Set<string>();
  for (const link of team.links) {
    const from = centres.get(link.from);
    const to = centres.get(link.to);
    const fromRole = roles.get(link.from);
    const toRole = roles.get(link.to);
    if (!from || !to || !fromRole || !toRole) continue;
    lanes.set(link.id, linkLane({ centre: from, role: fromRole, radius }, { centre: to, role: toRole, radius }, offset));
    if (fromRole === "producer" || toRole === "consumer") forward.add(link.id);
  }
  return { radius, centres, lanes, forward };
}

/** A tile's three bands: title, mini pipeline, anomaly counts. */
export function tileBands(width: number, height: number): { pad: number; titleY: number; countsY: number; pipe: Rect } {
  const pad = Math.max(5, width * 0.045);
  const scoreSize = clamp(height * 0.22, 12, 34);
  const countSize = clamp(height * 0.17, 10, 26);
  const titleY = pad + scoreSize * 0.55;
  const countsY = height - pad - countSize * 0.5;
  const top = titleY + scoreSize * 0.6;
  const bottom = countsY - countSize * 0.75;
  return { pad, titleY, countsY, pipe: { x: pad, y: top, w: width - 2 * pad, h: Math.max(4, bottom - top) } };
}

function drawMiniPipeline(ctx: CanvasRenderingContext2D, team: TeamModel, layout: MiniLayout): void {
  const { radius, centres, lanes } = layout;
  for (const link of team.links) {
    const lane = lanes.get(link.id);
    if (!lane) continue;
    ctx.lineWidth = link.cut ? 2 : 1.5;
    ctx.strokeStyle = css(link.cut ? colours.linkCut : colours.link, link.cut ? 1 : 0.8);
    ctx.setLineDash(link.cut ? [4, 3] : []);
    ctx.beginPath();
    ctx.moveTo(lane.x1, lane.y1);
    ctx.lineTo(lane.x2, lane.y2);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  for (const node of team.nodes) {
    const centre = centres.get(node.id);
    if (!centre) continue;
    ctx.beginPath();
    if (node.role === "producer") {
      ctx.arc(centre.x, centre.y, radius, 0, Math.PI * 2);
    } else if (node.role === "broker") {
      roundedRect(ctx, centre.x - radius * 1.45, centre.y - radius * 1.05, radius * 2.9, radius * 2.1, radius * 0.4);
    } else {
      const points = hexagonPoints(centre.x, centre.y, radius);
      ctx.moveTo(points[0]!.x, points[0]!.y);
      for (const point of points.slice(1)) ctx.lineTo(point.x, point.y);
      ctx.closePath();
    }
    ctx.fillStyle = css(node.up ? roleColours[node.role] : colours.down);
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = css(node.up ? 0xffffff : colours.downEdge, node.up ? 0.7 : 1);
    ctx.stroke();
    if (!node.up) {
      const arm = radius * 0.8;
      ctx.strokeStyle = css(colours.cross);
      ctx.lineWidth = Math.max(1.5, radius * 0.35);
      ctx.beginPath();
      ctx.moveTo(centre.x - arm, centre.y - arm);
      ctx.lineTo(centre.x + arm, centre.y + arm);
      ctx.moveTo(centre.x + arm, centre.y - arm);
      ctx.lineTo(centre.x - arm, centre.y + arm);
      ctx.stroke();
    }
  }
}

function roundedRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > maxWidth) end -= 1;
  return `${text.slice(0, end)}…`;
}
