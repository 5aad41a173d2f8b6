// Where things go on the canvas: pure geometry, no Phaser, so it can be unit tested.
// Everything is derived from the canvas size, so a resize is just a new layout.

import type { NodeRole } from "./model.js";

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The design size the fonts and radii are tuned for; other sizes scale from it. */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

export interface SceneRegions {
  /** The focused team's pipeline. */
  focus: Rect;
  /** The grid of every team. */
  overview: Rect;
  /** 1 at 1920×1080. */
  scale: number;
}

/** The size the scene's fonts and radii are scaled by: the canvas's own, or the screen's. */
export interface ScaleReference {
  width: number;
  height: number;
}

/**
 * Landscape canvases put the overview in a right-hand column (~35%); narrow ones put it
 * in a strip under the focused team. Fonts and radii follow `reference` (the canvas by
 * default): the projector passes the screen, so a canvas that fills part of a 1080p
 * projector still writes at the sizes a class reads from the back of the room.
 */
export function splitRegions(width: number, height: number, reference: ScaleReference = { width, height }): SceneRegions {
  const scale = clamp(Math.min(reference.width / DESIGN_WIDTH, reference.height / DESIGN_HEIGHT), 0.4, 3);
  const margin = Math.round(16 * scale);
  const inner = { x: margin, y: margin, w: width - 2 * margin, h: height - 2 * margin };
  if (width >= height * 1.2) {
    const focusW = Math.round(inner.w * 0.65);
    return {
      scale,
      focus: { x: inner.x, y: inner.y, w: focusW - margin / 2, h: inner.h },
      overview: { x: inner.x + focusW + margin / 2, y: inner.y, w: inner.w - focusW - margin / 2, h: inner.h },
    };
  }
  const focusH = Math.round(inner.h * 0.65);
  return {
    scale,
    focus: { x: inner.x, y: inner.y, w: inner.w, h: focusH - margin / 2 },
    overview: { x: inner.x, y: inner.y + focusH + margin / 2, w: inner.w, h: inner.h - focusH - margin / 2 },
  };
}

export interface FocusBands {
  header: Rect;
  pipeline: Rect;
  legend: Rect;
}

/** The focused team's panel: a title band, the pipeline, and a legend of token shapes. */
export function focusBands(focus: Rect, scale: number): FocusBands {
  const pad = 20 * scale;
  const headerH = 78 * scale;
  const legendH = 52 * scale;
  return {
    header: { x: focus.x + pad, y: focus.y + pad / 2, w: focus.w - 2 * pad, h: headerH },
    pipeline: {
      x: focus.x + pad,
      y: focus.y + pad / 2 + headerH,
      w: focus.w - 2 * pad,
      h: focus.h - headerH - legendH - pad,
    },
    legend: { x: focus.x + pad, y: focus.y + focus.h - legendH - pad / 2, w: focus.w - 2 * pad, h: legendH },
  };
}

/** Producers on the left, the broker in the middle, consumers on the right. */
const columnOf: Record<NodeRole, number> = { producer: 0.12, broker: 0.5, consumer: 0.88 };

/** Centre of every node, each role's column spread evenly over the area's height. */
export function nodeCentres(nodes: readonly { id: string; role: NodeRole }[], area: Rect): Map<string, Point> {
  const byRole: Record<NodeRole, string[]> = { producer: [], broker: [], consumer: [] };
  for (const node of nodes) byRole[node.role].push(node.id);
  const centres = new Map<string, Point>();
  for (const role of ["producer", "broker", "consumer"] as const) {
    const ids = byRole[role];
    ids.forEach((id, index) => {
      centres.set(id, {
        x: area.x + area.w * columnOf[role],
        y: area.y + (area.h * (index + 0.5)) / ids.length,
      });
    });
  }
  return centres;
}

/** How many nodes share the most crowded column. */
export function crowdedColumn(nodes: readonly { role: NodeRole }[]): number {
  const counts: Record<NodeRole, number> = { producer: 0, broker: 0, consumer: 0 };
  for (const node of nodes) counts[node.role] += 1;
  return Math.max(1, counts.producer, counts.broker, counts.consumer);
}

/**
 * The size unit of a node drawing (1 = a 60 px radius at 1080p): it shrinks when a column
 * holds many nodes so that the labels under each shape never run into the next one.
 */
export function nodeUnit(area: Rect, crowded: number, scale: number): number {
  const cell = area.h / crowded;
  // A node with its three label lines (who plays it, its role, its load) needs ~270 px of column at unit 1.
  return scale * clamp(cell / (270 * scale), 0.45, 1);
}

/** Half extents of a node's shape (the broker is a wide rounded rectangle). */
export function nodeHalfSize(role: NodeRole, radius: number): { hw: number; hh: number } {
  return role === "broker" ? { hw: radius * 1.45, hh: radius * 1.05 } : { hw: radius, hh: radius };
}

/** Distance from a node's centre to its outline along the unit vector (ux, uy). */
export function outlineDistance(role: NodeRole, radius: number, ux: number, uy: number): number {
  if (role !== "broker") return radius;
  const { hw, hh } = nodeHalfSize(role, radius);
  const tx = Math.abs(ux) > 1e-9 ? hw / Math.abs(ux) : Infinity;
  const ty = Math.abs(uy) > 1e-9 ? hh / Math.abs(uy) : Infinity;
  return Math.min(tx, ty);
}

/** The six corners of a hexagon with pointy sides left and right. */
export function hexagonPoints(cx: number, cy: number, radius: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < 6; i++) {
    const angle = (Math.PI / 3) * i;
    points.push({ x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  }
  return points;
}

export interface Lane {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LaneEnd {
  centre: Point;
  role: NodeRole;
  radius: number;
}

/**
 * The segment a link's tokens travel on: from the outline of `from` to the outline of `to`,
 * shifted `offset` to the right of the direction of travel, so that "P1>B" and "B>P1" run
 * side by side instead of on top of each other.
 */
export function linkLane(from: LaneEnd, to: LaneEnd, offset: number): Lane {
  const dx = to.centre.x - from.centre.x;
  const dy = to.centre.y - from.centre.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  // Screen y grows downwards, so (-uy, ux) points to the right of travel.
  const ox = -uy * offset;
  const oy = ux * offset;
  const start = outlineDistance(from.role, from.radius, ux, uy) + 4;
  const end = outlineDistance(to.role, to.radius, -ux, -uy) + 4;
  return {
    x1: from.centre.x + ux * start + ox,
    y1: from.centre.y + uy * start + oy,
    x2: to.centre.x - ux * end + ox,
    y2: to.centre.y - uy * end + oy,
  };
}

export function lanePoint(lane: Lane, t: number): Point {
  return { x: lane.x1 + (lane.x2 - lane.x1) * t, y: lane.y1 + (lane.y2 - lane.y1) * t };
}

export interface TileGrid {
  cols: number;
  rows: number;
  tileW: number;
  tileH: number;
  gap: number;
  area: Rect;
  count: number;
}

/**
 * The overview's grid: the column count that gives the tallest tiles no wider than they
 * should be, so 40 teams fit a 1080p column as 4×10 tiles of ~160×95 px.
 */
export function overviewGrid(count: number, area: Rect, scale: number): TileGrid {
  const gap = Math.max(4, Math.round(8 * scale));
  const maxH = 190 * scale;
  const aspect = 1.55;
  let best = { cols: 1, rows: Math.max(1, count), h: 0, w: area.w };
  for (let cols = 1; cols <= Math.max(1, count); cols++) {
    const rows = Math.max(1, Math.ceil(count / cols));
    const cellW = (area.w - gap * (cols - 1)) / cols;
    const cellH = (area.h - gap * (rows - 1)) / rows;
    const h = Math.min(cellH, cellW / aspect, maxH);
    if (h > best.h + 0.5) best = { cols, rows, h, w: cellW };
  }
  return {
    cols: best.cols,
    rows: best.rows,
    tileW: Math.floor(best.w),
    tileH: Math.floor(best.h),
    gap,
    area,
    count,
  };
}

export function tileRect(grid: TileGrid, index: number): Rect {
  const col = index % grid.cols;
  const row = Math.floor(index / grid.cols);
  return {
    x: Math.round(grid.area.x + col * (grid.tileW + grid.gap)),
    y: Math.round(grid.area.y + row * (grid.tileH + grid.gap)),
    w: grid.tileW,
    h: grid.tileH,
  };
}

/** The index of the tile under a point, or -1 (gaps and empty cells included). */
export function tileAt(grid: TileGrid, x: number, y: number): number {
  const lx = x - grid.area.x;
  const ly = y - grid.area.y;
  if (lx < 0 || ly < 0) return -1;
  const col = Math.floor(lx / (grid.tileW + grid.gap));
  const row = Math.floor(ly / (grid.tileH + grid.gap));
  if (col >= grid.cols || row >= grid.rows) return -1;
  if (lx - col * (grid.tileW + grid.gap) > grid.tileW) return -1;
  if (ly - row * (grid.tileH + grid.gap) > grid.tileH) return -1;
  const index = row * grid.cols + col;
  return index < grid.count ? index : -1;
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
