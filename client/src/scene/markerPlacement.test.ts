import { describe, expect, it } from "vitest";
import { intersects, placeLabel } from "./markerPlacement.js";
import type { Rect } from "./layout.js";

const bounds = { x: 0, y: 0, w: 1000, h: 800 };
const size = { w: 200, h: 40 };

describe("placeLabel", () => {
  it("puts the first label just above its anchor, centred", () => {
    const rect = placeLabel({ x: 500, y: 400 }, size, [], bounds, 4);
    expect(rect).toEqual({ x: 400, y: 356, w: 200, h: 40 });
  });

  it("stacks labels at the same place without overlap", () => {
    const placed: Rect[] = [];
    for (let i = 0; i < 5; i++) placed.push(placeLabel({ x: 500, y: 400 }, size, placed, bounds, 4));
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(intersects(placed[i]!, placed[j]!)).toBe(false);
    }
    expect(placed[1]!.y).toBeLessThan(placed[0]!.y);
  });

  it("goes below the anchor when there is no room above", () => {
    const rect = placeLabel({ x: 500, y: 20 }, size, [], bounds, 4);
    expect(rect.y).toBeGreaterThanOrEqual(20);
  });

  it("stays inside the bounds horizontally", () => {
    expect(placeLabel({ x: 10, y: 400 }, size, [], bounds, 4).x).toBe(0);
    expect(placeLabel({ x: 990, y: 400 }, size, [], bounds, 4).x).toBe(800);
  });

  it("overlaps rather than vanishes when every slot is taken", () => {
    const everything = [{ x: 0, y: 0, w: 1000, h: 800 }];
    const rect = placeLabel({ x: 500, y: 400 }, size, everything, bounds, 4);
    expect(rect.y).toBeGreaterThanOrEqual(0);
    expect(rect.y + rect.h).toBeLessThanOrEqual(800);
  });
});
