// An overview tile, split by how often each part changes and by what it costs to draw:
// the text (name, score, anomaly counts) is drawn with the 2D canvas API into a small
// texture redrawn only when it changes; the card, the mini pipeline and the packets in
// flight are flat triangles (overviewShapes.ts), because a software WebGL renderer pays
// several times more for a textured pixel than for a flat one. No Phaser here.

import type { TeamModel } from "./model.js";
import { clamp, crowdedColumn, linkLane, nodeCentres, type Lane, type Point, type Rect } from "./layout.js";
import { DEFAULT_COUNT_KINDS, FONT_FAMILY, colours, countGlyphs, css, type CountKind } from "./palette.js";

/** Dots drawn on a mini link; more packets than this still show as this many. */
export const MAX_DOTS = 4;

export interface TileBands {
  pad: number;
  titleSize: number;
  scoreSize: number;
  countSize: number;
  /** Height of the text band at the top (name, score) and at the bottom (counts). */
  titleH: number;
  countsH: number;
  /** Where the mini pipeline goes, in tile coordinates. */
  pipe: Rect;
}

/** A tile's three bands: title, mini pipeline, anomaly counts. */
export function tileBands(width: number, height: number): TileBands {
  const pad = Math.max(5, Math.round(width * 0.045));
  const titleSize = Math.round(clamp(Math.min(height * 0.19, width * 0.11), 11, 30));
  const scoreSize = Math.round(clamp(Math.min(height * 0.22, width * 0.13), 12, 34));
  const countSize = Math.round(clamp(height * 0.17, 10, 26));
  const titleH = Math.ceil(pad * 0.6 + scoreSize * 1.2);
  const countsH = Math.ceil(pad * 0.6 + countSize * 1.3);
  const pipe = { x: pad, y: titleH, w: width - 2 * pad, h: Math.max(4, height - titleH - countsH) };
  return { pad, titleSize, scoreSize, countSize, titleH, countsH, pipe };
}

/** What a tile's text texture shows: equal signatures draw equal pixels. */
export function textSignature(team: TeamModel, focused: boolean, width: number, height: number, kinds: readonly CountKind[] = DEFAULT_COUNT_KINDS): string {
  return `${width}x${height}|${focused ? 1 : 0}|${team.name}|${team.score}|${kinds.map((k) => `${k}:${team[k]}`).join(",")}`;
}

/** What a tile's card and mini pipeline show (not the packets in flight). */
export function shapeSignature(team: TeamModel, focused: boolean): string {
  let signature = `${focused ? 1 : 0}|`;
  for (const node of team.nodes) signature += `${node.id}:${node.role}:${node.up ? 1 : 0};`;
  signature += "|";
  for (const link of team.links) signature += `${link.id}:${link.from}:${link.to}:${link.cut ? 1 : 0};`;
  return signature;
}

/** How many dots each link shows now. */
export function dotCounts(team: TeamModel): string {
  let counts = "";
  for (const link of team.links) counts += link.cut ? "0" : String(Math.min(link.flying, MAX_DOTS));
  return counts;
}

/** The drawn parts of a tile's text texture, in texture pixels: only these are shown. */
export interface TextExtents {
  name: Rect;
  score: Rect;
  counts: Rect;
}

/**
 * Draws the title band (name left, score right) at y = 0 and the counts band at
 * y = bands.titleH, on a transparent background (the card under it is flat geometry),
 * and returns where each part landed so that only those pixels are put on screen.
 */
export function drawTileText(
  ctx: CanvasRenderingContext2D,
  team: TeamModel,
  width: number,
  bands: TileBands,
  focused: boolean,
  kinds: readonly CountKind[] = DEFAULT_COUNT_KINDS,
): TextExtents {
  ctx.clearRect(0, 0, width, bands.titleH + bands.countsH);
  ctx.textBaseline = "middle";
  const titleY = bands.pad * 0.6 + bands.scoreSize * 0.6;

  ctx.font = `700 ${bands.scoreSize}px ${FONT_FAMILY}`;
  ctx.textAlign = "right";
  ctx.fillStyle = css(colours.text);
  const score = String(team.score);
  ctx.fillText(score, width - bands.pad, titleY);
  const scoreWidth = Math.ceil(ctx.measureText(score).width);

  ctx.font = `700 ${bands.titleSize}px ${FONT_FAMILY}`;
  ctx.textAlign = "left";
  ctx.fillStyle = css(focused ? colours.focus : colours.text);
  const name = ellipsize(ctx, team.name, width - 3 * bands.pad - scoreWidth);
  ctx.fillText(name, bands.pad, titleY);
  const nameWidth = Math.ceil(ctx.measureText(name).width);

  const counts: [string, number, number][] = kinds.map((kind) => [countGlyphs[kind], team[kind], colours[kind]]);
  ctx.font = `700 ${bands.countSize}px ${FONT_FAMILY}`;
  const countsY = bands.titleH + bands.countsH * 0.45;
  const slot = (width - 2 * bands.pad) / counts.length;
  let countsRight = bands.pad;
  counts.forEach(([glyph, value, colour], index) => {
    const text = `${glyph} ${value}`;
    ctx.fillStyle = value > 0 ? css(colour) : css(colours.textDim, 0.55);
    ctx.fillText(text, bands.pad + index * slot, countsY);
    countsRight = bands.pad + index * slot + ctx.measureText(text).width;
  });
  const margin = 2;
  return {
    name: { x: bands.pad - margin, y: 0, w: nameWidth + 2 * margin, h: bands.titleH },
    score: { x: width - bands.pad - scoreWidth - margin, y: 0, w: scoreWidth + 2 * margin, h: bands.titleH },
    counts: {
      x: bands.pad - margin,
      y: bands.titleH,
      w: Math.min(width - bands.pad + margin, Math.ceil(countsRight) + margin) - (bands.pad - margin),
      h: bands.countsH,
    },
  };
}

/** The mini pipeline's geometry, in tile coordinates. */
export interface MiniLayout {
  radius: number;
  centres: Map<string, Point>;
  lanes: Map<string, Lane>;
  /** Lanes that carry messages away from producers (the rest carry acknowledgements). */
  forward: Set<string>;
}

export function miniLayout(team: TeamModel, width: number, height: number): MiniLayout {
  const { pipe } = tileBands(width, height);
  const inset = { x: pipe.x + pipe.w * 0.03, y: pipe.y, w: pipe.w * 0.94, h: pipe.h };
  const centres = nodeCentres(team.nodes, inset);
  const crowded = crowdedColumn(team.nodes);
  const radius = clamp(Math.min(pipe.h / crowded / 2 - 1, pipe.w * 0.06), 2.5, 16);
  const roles = new Map(team.nodes.map((node) => [node.id, node.role]));
  const offset = Math.max(1.5, radius * 0.4);
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

function ellipsize(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > maxWidth) end -= 1;
  return `${text.slice(0, end)}…`;
}
