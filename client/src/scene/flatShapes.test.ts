import { describe, expect, it } from "vitest";
import { crossTriangles, tokenRadius, tokenTriangles } from "./flatShapes.js";

function bounds(tris: number[]): { minX: number; maxX: number; minY: number; maxY: number } {
  const xs = tris.filter((_, i) => i % 2 === 0);
  const ys = tris.filter((_, i) => i % 2 === 1);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

describe("flat shapes", () => {
  it("draws a round token as 6 triangles within its radius", () => {
    const tris: number[] = [];
    tokenTriangles("circle", 100, 50, 8, tris);
    expect(tris.length).toBe(6 * 6);
    const b = bounds(tris);
    expect(b.maxX - 100).toBeLessThanOrEqual(8);
    expect(50 - b.minY).toBeLessThanOrEqual(8);
  });

  it("draws an ACK as a diamond of 2 triangles, a little larger than a token", () => {
    const tris: number[] = [];
    tokenTriangles("diamond", 0, 0, 10, tris);
    expect(tris.length).toBe(12);
    expect(bounds(tris)).toEqual({ minX: -12, maxX: 12, minY: -12, maxY: 12 });
  });

  it("appends, so many shapes share one array", () => {
    const tris: number[] = [];
    tokenTriangles("diamond", 0, 0, 10, tris);
    tokenTriangles("circle", 0, 0, 10, tris);
    crossTriangles(0, 0, 10, 2, tris);
    expect(tris.length).toBe(12 + 36 + 24);
  });

  it("scales the token radius with the canvas, with a floor", () => {
    expect(tokenRadius(1)).toBe(8);
    expect(tokenRadius(0.1)).toBe(4.5);
  });
});
