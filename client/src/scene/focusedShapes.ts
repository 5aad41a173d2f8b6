// The focused team's node and link drawing primitives, on a Graphics.

import type Phaser from "phaser";
import type { NodeRole } from "./model.js";
import { hexagonPoints, nodeHalfSize, type Lane, type Point } from "./layout.js";

/** Producer: circle; broker: rounded rectangle; consumer: hexagon. */
export function shapePath(g: Phaser.GameObjects.Graphics, role: NodeRole, c: Point, radius: number, fill: boolean): void {
  // A canvas too small to lay out gives no size: the 2D canvas throws on a negative radius.
  if (!(radius > 0)) return;
  if (role === "producer") {
    if (fill) g.fillCircle(c.x, c.y, radius);
    else g.strokeCircle(c.x, c.y, radius);
  } else if (role === "broker") {
    const { hw, hh } = nodeHalfSize(role, radius);
    if (fill) g.fillRoundedRect(c.x - hw, c.y - hh, hw * 2, hh * 2, radius * 0.3);
    else g.strokeRoundedRect(c.x - hw, c.y - hh, hw * 2, hh * 2, radius * 0.3);
  } else {
    const points = hexagonPoints(c.x, c.y, radius);
    g.beginPath();
    g.moveTo(points[0]!.x, points[0]!.y);
    for (let i = 1; i < points.length; i++) g.lineTo(points[i]!.x, points[i]!.y);
    g.closePath();
    if (fill) g.fillPath();
    else g.strokePath();
  }
}

export function dashedLine(g: Phaser.GameObjects.Graphics, lane: Lane, dash: number, gap: number): void {
  const length = Math.hypot(lane.x2 - lane.x1, lane.y2 - lane.y1);
  if (length === 0) return;
  const ux = (lane.x2 - lane.x1) / length;
  const uy = (lane.y2 - lane.y1) / length;
  for (let d = 0; d < length; d += dash + gap) {
    const e = Math.min(length, d + dash);
    g.lineBetween(lane.x1 + ux * d, lane.y1 + uy * d, lane.x1 + ux * e, lane.y1 + uy * e);
  }
}

export function arrowHead(g: Phaser.GameObjects.Graphics, lane: Lane, length: number, halfWidth: number, colour: number): void {
  const total = Math.hypot(lane.x2 - lane.x1, lane.y2 - lane.y1) || 1;
  const ux = (lane.x2 - lane.x1) / total;
  const uy = (lane.y2 - lane.y1) / total;
  const bx = lane.x2 - ux * length;
  const by = lane.y2 - uy * length;
  g.fillStyle(colour, 1);
  g.fillTriangle(lane.x2, lane.y2, bx - uy * halfWidth, by + ux * halfWidth, bx + uy * halfWidth, by - ux * halfWidth);
}
