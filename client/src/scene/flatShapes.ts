// Small shapes as flat triangles, for the WebGL renderer. With a software WebGL renderer
// (SwiftShader) a textured pixel costs several times a flat one, so tokens were made a few
// flat triangles each rather than sprites: measured ~2.5× the frame rate with 2,000 tokens
// (such a machine now gets the 2D canvas: renderProfile.ts). Triangles go into a flat array
// (x0,y0,x1,y1,x2,y2 each) reused between calls.

import type Phaser from "phaser";

/** Token radius in pixels at a scene scale (1 at 1080p). */
export function tokenRadius(scale: number): number {
  return Math.max(4.5, 8 * scale);
}

/** Draws triangles from a flat array into a Graphics with its current fill style. */
export function fillTriangles(g: Phaser.GameObjects.Graphics, tris: readonly number[]): void {
  for (let i = 0; i < tris.length; i += 6) {
    g.fillTriangle(tris[i]!, tris[i + 1]!, tris[i + 2]!, tris[i + 3]!, tris[i + 4]!, tris[i + 5]!);
  }
}

/** Corners of a regular octagon of radius 1: reads as a circle at token size. */
const OCTAGON: readonly number[] = Array.from({ length: 8 }, (_, k) => [
  Math.cos((k * Math.PI) / 4 + Math.PI / 8),
  Math.sin((k * Math.PI) / 4 + Math.PI / 8),
]).flat();

/**
 * Appends the triangles of a token outline (x0,y0,x1,y1,x2,y2 per triangle) to `out`:
 * a round token as an octagon fan (6 triangles), an acknowledgement as a diamond (2).
 */
export function tokenTriangles(shape: "circle" | "diamond", x: number, y: number, radius: number, out: number[]): void {
  if (shape === "diamond") {
    const r = radius * 1.2;
    out.push(x, y - r, x + r, y, x, y + r, x, y - r, x, y + r, x - r, y);
    return;
  }
  const ax = x + OCTAGON[0]! * radius;
  const ay = y + OCTAGON[1]! * radius;
  for (let k = 1; k < 7; k++) {
    out.push(ax, ay, x + OCTAGON[2 * k]! * radius, y + OCTAGON[2 * k + 1]! * radius, x + OCTAGON[2 * k + 2]! * radius, y + OCTAGON[2 * k + 3]! * radius);
  }
}

/** The two bars of an ✕ of half-size `arm` and thickness `width`, as 4 triangles. */
export function crossTriangles(x: number, y: number, arm: number, width: number, out: number[]): void {
  const half = width / 2 / Math.SQRT2;
  for (const [dx, dy] of [
    [1, 1],
    [1, -1],
  ] as const) {
    // A bar from (x - dx·arm, y - dy·arm) to (x + dx·arm, y + dy·arm), widened along its normal.
    const nx = -dy * half;
    const ny = dx * half;
    const x1 = x - dx * arm;
    const y1 = y - dy * arm;
    const x2 = x + dx * arm;
    const y2 = y + dy * arm;
    out.push(x1 + nx, y1 + ny, x2 + nx, y2 + ny, x2 - nx, y2 - ny, x1 + nx, y1 + ny, x2 - nx, y2 - ny, x1 - nx, y1 - ny);
  }
}
