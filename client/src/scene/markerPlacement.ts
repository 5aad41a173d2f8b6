// Where a marker label goes: as close above its anchor as it can without covering another
// label still on screen. Pure, so the stacking rule is tested without a browser.

import type { Point, Rect } from "./layout.js";

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Tries slots stacked upwards from just above `anchor`, then downwards from just below it,
 * each kept inside `bounds`; returns the first slot that overlaps nothing in `occupied`.
 * When every slot is taken the label goes in the first one (overlap beats vanishing).
 */
export function placeLabel(anchor: Point, size: { w: number; h: number }, occupied: readonly Rect[], bounds: Rect, gap: number, maxSlots = 8): Rect {
  const x = clampTo(anchor.x - size.w / 2, bounds.x, bounds.x + bounds.w - size.w);
  const step = size.h + gap;
  const candidates: Rect[] = [];
  for (let slot = 0; slot < maxSlots; slot++) {
    candidates.push({ x, y: anchor.y - gap - size.h - slot * step, w: size.w, h: size.h });
  }
  for (let slot = 0; slot < maxSlots; slot++) {
    candidates.push({ x, y: anchor.y + gap + slot * step, w: size.w, h: size.h });
  }
  const inside = candidates.filter((c) => c.y >= bounds.y && c.y + c.h <= bounds.y + bounds.h);
  for (const candidate of inside) {
    if (!occupied.some((rect) => intersects(rect, candidate))) return candidate;
  }
  const first = inside[0] ?? candidates[0]!;
  return { ...first, y: clampTo(first.y, bounds.y, bounds.y + bounds.h - size.h) };
}

function clampTo(value: number, min: number, max: number): number {
  return max < min ? min : value < min ? min : value > max ? max : value;
}
