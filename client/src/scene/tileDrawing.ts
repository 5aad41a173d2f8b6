// An overview tile: what a team's pipeline is doing, aggregated so that it reads from the
// back of the room and costs the same with 2 or 2,000 packets in flight. A title band (name,
// score), a flow band — one glyph per node in a column per role, and between two columns
// the packets on the wire each way as numbers on two arrows (messages out, acknowledgements
// back), the broker's queue depth as a number in its box over a bar — and the anomaly
// counts. Drawn with the 2D canvas API, into the overview's own canvas, only when its
// signature changes (overviewCanvas.ts). No Phaser here.

import type { NodeRole, TeamModel } from "./model.js";
import { clamp, type Rect } from "./layout.js";
import { DEFAULT_COUNT_KINDS, FONT_FAMILY, colours, countGlyphs, css, roleColours, tokenStyle, type CountKind } from "./palette.js";

/** A queue this deep fills the broker's bar. */
export const QUEUE_BAR_FULL = 20;

export interface TileBands {
  pad: number;
  titleSize: number;
  scoreSize: number;
  countSize: number;
  /** The numbers on the flow arrows and in the broker's box. */
  flowSize: number;
  /** Room for both directions, a row of numbers each; else only the messages going out. */
  twoRows: boolean;
  /** Height of the text band at the top (name, score) and at the bottom (counts). */
  titleH: number;
  countsH: number;
  /** Where the flows go, in tile coordinates. */
  pipe: Rect;
}

/** A tile's three bands: title, flows, anomaly counts. */
export function tileBands(width: number, height: number): TileBands {
  const pad = Math.max(5, Math.round(width * 0.045));
  const titleSize = Math.round(clamp(Math.min(height * 0.19, width * 0.11), 11, 30));
  const scoreSize = Math.round(clamp(Math.min(height * 0.22, width * 0.13), 12, 34));
  const countSize = Math.round(clamp(height * 0.17, 10, 26));
  const titleH = Math.ceil(pad * 0.6 + scoreSize * 1.2);
  const countsH = Math.ceil(pad * 0.6 + countSize * 1.3);
  const pipe = { x: pad, y: titleH, w: width - 2 * pad, h: Math.max(4, height - titleH - countsH) };
  const flowSize = Math.round(clamp(Math.min(pipe.h * 0.4, width * 0.12), 10, 22));
  const twoRows = pipe.h >= 2 * flowSize + 2;
  return { pad, titleSize, scoreSize, countSize, flowSize, twoRows, titleH, countsH, pipe };
}

export interface FlowColumn {
  role: NodeRole;
  nodes: { id: string; up: boolean }[];
  /** The column's load: for the broker, the messages queued. */
  load: number;
}

/** The links between two neighbouring columns, summed. */
export interface FlowGap {
  /** Packets on the wire away from producers (messages), and back (acknowledgements, replies). */
  out: number;
  back: number;
  cutOut: boolean;
  cutBack: boolean;
}

export interface FlowSummary {
  columns: FlowColumn[];
  /** gaps[i] joins columns[i] and columns[i + 1]. */
  gaps: FlowGap[];
}

const ROLE_ORDER: readonly NodeRole[] = ["producer", "broker", "consumer"];

/** A team's pipeline as columns of nodes and the traffic between them. */
export function flowSummary(team: TeamModel): FlowSummary {
  const columns: FlowColumn[] = [];
  for (const role of ROLE_ORDER) {
    const nodes = team.nodes.filter((n) => n.role === role);
    if (nodes.length) columns.push({ role, nodes: nodes.map((n) => ({ id: n.id, up: n.up })), load: nodes.reduce((sum, n) => sum + n.load, 0) });
  }
  const columnOf = new Map<string, number>();
  columns.forEach((column, index) => column.nodes.forEach((n) => columnOf.set(n.id, index)));
  const gaps: FlowGap[] = columns.slice(1).map(() => ({ out: 0, back: 0, cutOut: false, cutBack: false }));
  for (const link of team.links) {
    const from = columnOf.get(link.from);
    const to = columnOf.get(link.to);
    if (from === undefined || to === undefined || from === to) continue;
    const gap = gaps[Math.min(from, to)]!;
    if (from < to) {
      gap.out += link.cut ? 0 : link.flying;
      gap.cutOut ||= link.cut;
    } else {
      gap.back += link.cut ? 0 : link.flying;
      gap.cutBack ||= link.cut;
    }
  }
  return { columns, gaps };
}

/** Everything a tile shows: equal signatures draw equal pixels. */
export function tileSignature(team: TeamModel, focused: boolean, width: number, height: number, kinds: readonly CountKind[] = DEFAULT_COUNT_KINDS): string {
  const flows = flowSummary(team);
  let signature = `${width}x${height}|${focused ? 1 : 0}|${team.name}|${team.score}|${kinds.map((k) => `${k}:${team[k]}`).join(",")}|`;
  for (const column of flows.columns)
    signature += `${column.role[0]}${column.role === "broker" ? column.load : ""}:${column.nodes.map((n) => (n.up ? 1 : 0)).join("")};`;
  for (const gap of flows.gaps) signature += `${gap.out}${gap.cutOut ? "x" : ""}/${gap.back}${gap.cutBack ? "x" : ""};`;
  return signature;
}

/** Draws a whole tile at `tile`, in the overview canvas's pixels (numbers and glyphs only: no words to translate). */
export function drawTile(
  ctx: CanvasRenderingContext2D,
  team: TeamModel,
  tile: Rect,
  bands: TileBands,
  focused: boolean,
  kinds: readonly CountKind[] = DEFAULT_COUNT_KINDS,
): void {
  ctx.save();
  ctx.translate(tile.x, tile.y);
  const { w, h } = tile;
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = focused ? "#202c4b" : "#172036";
  ctx.fillRect(0, 0, w, h);
  const edge = focused ? 3 : 1.5;
  ctx.lineWidth = edge;
  ctx.strokeStyle = css(focused ? colours.focus : colours.panelEdge);
  ctx.strokeRect(edge / 2, edge / 2, w - edge, h - edge);
  ctx.textBaseline = "middle";
  drawTitle(ctx, team, w, bands, focused);
  drawFlows(ctx, flowSummary(team), bands);
  drawCounts(ctx, team, w, bands, kinds);
  ctx.restore();
}

function drawTitle(ctx: CanvasRenderingContext2D, team: TeamModel, width: number, bands: TileBands, focused: boolean): void {
  const y = bands.pad * 0.6 + bands.scoreSize * 0.6;
  ctx.font = `700 ${bands.scoreSize}px ${FONT_FAMILY}`;
  ctx.textAlign = "right";
  ctx.fillStyle = css(colours.text);
  const score = String(team.score);
  ctx.fillText(score, width - bands.pad, y);
  const scoreWidth = Math.ceil(ctx.measureText(score).width);
  ctx.font = `700 ${bands.titleSize}px ${FONT_FAMILY}`;
  ctx.textAlign = "left";
  ctx.fillStyle = css(focused ? colours.focus : colours.text);
  ctx.fillText(ellipsize(ctx, team.name, width - 3 * bands.pad - scoreWidth), bands.pad, y);
}

function drawCounts(ctx: CanvasRenderingContext2D, team: TeamModel, width: number, bands: TileBands, kinds: readonly CountKind[]): void {
  ctx.font = `700 ${bands.countSize}px ${FONT_FAMILY}`;
  ctx.textAlign = "left";
  const y = bands.titleH + bands.pipe.h + bands.countsH * 0.45;
  const slot = (width - 2 * bands.pad) / Math.max(1, kinds.length);
  kinds.forEach((kind, index) => {
    const value = team[kind];
    ctx.fillStyle = value > 0 ? css(colours[kind]) : css(colours.textDim, 0.55);
    ctx.fillText(`${countGlyphs[kind]} ${value}`, bands.pad + index * slot, y);
  });
}

/** Columns of node glyphs, the broker's box with its queue, and the two numbered arrows of each gap. */
function drawFlows(ctx: CanvasRenderingContext2D, flows: FlowSummary, bands: TileBands): void {
  const { pipe, flowSize } = bands;
  const mid = pipe.y + pipe.h / 2;
  const crowded = Math.max(1, ...flows.columns.map((c) => (c.role === "broker" ? 1 : c.nodes.length)));
  const radius = clamp(Math.min((pipe.h - 2) / crowded / 2 - 0.5, pipe.w * 0.045), 2.5, 9);
  ctx.font = `700 ${flowSize}px ${FONT_FAMILY}`;
  // Each column's width: node glyphs, or the broker's box sized to its number.
  const widths = flows.columns.map((c) => (c.role === "broker" ? Math.max(2.6 * radius, ctx.measureText(String(c.load)).width + 8) : 2 * radius));
  const free = pipe.w - widths.reduce((a, b) => a + b, 0);
  const gapW = flows.gaps.length ? free / flows.gaps.length : 0;
  let x = pipe.x + (flows.gaps.length ? 0 : free / 2);
  const spans: { x: number; w: number }[] = [];
  for (const width of widths) {
    spans.push({ x, w: width });
    x += width + gapW;
  }
  flows.gaps.forEach((gap, index) => drawGap(ctx, gap, spans[index]!.x + spans[index]!.w + 2, spans[index + 1]!.x - 2, mid, bands));
  flows.columns.forEach((column, index) => {
    const span = spans[index]!;
    if (column.role === "broker") drawBroker(ctx, column, span, mid, pipe, flowSize);
    else
      column.nodes.forEach((node, k) => {
        const cy = pipe.y + (pipe.h * (k + 0.5)) / column.nodes.length;
        drawNode(ctx, column.role, node.up, span.x + span.w / 2, cy, radius);
      });
  });
}

function drawGap(ctx: CanvasRenderingContext2D, gap: FlowGap, x1: number, x2: number, mid: number, bands: TileBands): void {
  if (x2 - x1 < 4) return;
  const size = bands.flowSize;
  const offset = Math.max(2, size * 0.18);
  const outColour = tokenStyle("publish").colour;
  const backColour = tokenStyle("confirm").colour;
  const cx = (x1 + x2) / 2;
  ctx.textAlign = "center";
  if (!bands.twoRows) {
    // A short band (a small window): the messages going out only, their number over the arrow.
    const y = Math.min(bands.pipe.y + bands.pipe.h - 2, mid + size * 0.5);
    arrow(ctx, x1, x2, y, gap.cutOut || gap.cutBack, 1);
    ctx.textBaseline = "bottom";
    ctx.fillStyle = gap.out > 0 ? css(outColour) : css(colours.textDim, 0.55);
    ctx.fillText(String(gap.out), cx, y - 1);
    ctx.textBaseline = "middle";
    return;
  }
  arrow(ctx, x1, x2, mid - offset, gap.cutOut, 1);
  arrow(ctx, x2, x1, mid + offset, gap.cutBack, 1);
  ctx.textBaseline = "bottom";
  ctx.fillStyle = gap.out > 0 ? css(outColour) : css(colours.textDim, 0.55);
  ctx.fillText(String(gap.out), cx, mid - offset - 1);
  ctx.textBaseline = "top";
  ctx.fillStyle = gap.back > 0 ? css(backColour) : css(colours.textDim, 0.55);
  ctx.fillText(String(gap.back), cx, mid + offset + 1);
  ctx.textBaseline = "middle";
}

/** A thin arrow from x1 to x2 at y: solid, or red and dashed when a link of the gap is cut. */
function arrow(ctx: CanvasRenderingContext2D, x1: number, x2: number, y: number, cut: boolean, width: number): void {
  const colour = css(cut ? colours.linkCut : colours.link);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = cut ? width * 2 : width;
  ctx.setLineDash(cut ? [3, 2] : []);
  ctx.beginPath();
  ctx.moveTo(x1, y);
  ctx.lineTo(x2, y);
  ctx.stroke();
  ctx.setLineDash([]);
  const dir = Math.sign(x2 - x1);
  const head = 4;
  ctx.beginPath();
  ctx.moveTo(x2, y);
  ctx.lineTo(x2 - dir * head, y - head * 0.7);
  ctx.lineTo(x2 - dir * head, y + head * 0.7);
  ctx.closePath();
  ctx.fill();
}

function drawBroker(ctx: CanvasRenderingContext2D, column: FlowColumn, span: { x: number; w: number }, mid: number, pipe: Rect, size: number): void {
  const up = column.nodes.every((n) => n.up);
  const h = Math.min(pipe.h - 2, size * 1.5);
  const top = mid - h / 2;
  ctx.fillStyle = css(up ? roleColours.broker : colours.down);
  ctx.fillRect(span.x, top, span.w, h);
  // The queue's depth as a bar along the box's foot, full at QUEUE_BAR_FULL.
  const fill = Math.min(1, column.load / QUEUE_BAR_FULL);
  if (fill > 0) {
    ctx.fillStyle = css(colours.busy);
    ctx.fillRect(span.x, top + h - Math.max(2, h * 0.14), span.w * fill, Math.max(2, h * 0.14));
  }
  ctx.fillStyle = "#ffffff";
  ctx.textAlign = "center";
  ctx.fillText(String(column.load), span.x + span.w / 2, mid - h * 0.04);
  if (!up) cross(ctx, span.x + span.w / 2, mid, Math.min(span.w, h) * 0.42);
}

function drawNode(ctx: CanvasRenderingContext2D, role: NodeRole, up: boolean, x: number, y: number, r: number): void {
  ctx.fillStyle = css(up ? roleColours[role] : colours.down);
  ctx.beginPath();
  if (role === "producer") ctx.arc(x, y, r, 0, 2 * Math.PI);
  else for (let k = 0; k < 6; k++) ctx.lineTo(x + r * Math.cos((k * Math.PI) / 3), y + r * Math.sin((k * Math.PI) / 3));
  ctx.closePath();
  ctx.fill();
  if (!up) cross(ctx, x, y, r);
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number, arm: number): void {
  ctx.strokeStyle = css(colours.cross);
  ctx.lineWidth = Math.max(1.5, arm * 0.45);
  ctx.beginPath();
  ctx.moveTo(x - arm, y - arm);
  ctx.lineTo(x + arm, y + arm);
  ctx.moveTo(x + arm, y - arm);
  ctx.lineTo(x - arm, y + arm);
  ctx.stroke();
}

/** Shortened names by font, width and name: a tile is redrawn far more often than a name changes. */
const shortened = new Map<string, string>();

function ellipsize(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  const key = `${ctx.font}|${Math.round(maxWidth)}|${text}`;
  const known = shortened.get(key);
  if (known !== undefined) return known;
  let out = text;
  if (ctx.measureText(text).width > maxWidth) {
    let end = text.length;
    while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > maxWidth) end -= 1;
    out = `${text.slice(0, end)}…`;
  }
  if (shortened.size > 2000) shortened.clear();
  shortened.set(key, out);
  return out;
}
