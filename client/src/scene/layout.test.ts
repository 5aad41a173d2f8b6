import { describe, expect, it } from "vitest";
import {
  crowdedColumn,
  focusBands,
  linkLane,
  nodeCentres,
  nodeUnit,
  outlineDistance,
  overviewGrid,
  splitRegions,
  tileAt,
  tileRect,
  type Rect,
} from "./layout.js";
import type { NodeRole } from "./model.js";

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1e-6 && inner.y >= outer.y - 1e-6 && inner.x + inner.w <= outer.x + outer.w + 1e-6 && inner.y + inner.h <= outer.y + outer.h + 1e-6;

const pipeline: { id: string; role: NodeRole }[] = [
  { id: "P1", role: "producer" },
  { id: "P2", role: "producer" },
  { id: "B", role: "broker" },
  { id: "C1", role: "consumer" },
  { id: "C2", role: "consumer" },
  { id: "C3", role: "consumer" },
];

describe("splitRegions", () => {
  it("scales fonts and radii by a reference size when given one (the projector's screen), not by the canvas", () => {
    expect(splitRegions(1300, 800).scale).toBeCloseTo(0.68, 2);
    const regions = splitRegions(1300, 800, { width: 1920, height: 1080 });
    expect(regions.scale).toBe(1);
    expect(inside(regions.focus, { x: 0, y: 0, w: 1300, h: 800 })).toBe(true);
    expect(inside(regions.overview, { x: 0, y: 0, w: 1300, h: 800 })).toBe(true);
  });

  it("gives the focused team ~65% of a 1080p canvas and the overview the rest, side by side", () => {
    const { focus, overview, scale } = splitRegions(1920, 1080);
    expect(scale).toBe(1);
    expect(focus.w / (focus.w + overview.w)).toBeCloseTo(0.65, 1);
    expect(overview.x).toBeGreaterThan(focus.x + focus.w);
    expect(inside(focus, { x: 0, y: 0, w: 1920, h: 1080 })).toBe(true);
    expect(inside(overview, { x: 0, y: 0, w: 1920, h: 1080 })).toBe(true);
  });

  it("puts the overview in a strip under the focused team on a portrait canvas", () => {
    const { focus, overview } = splitRegions(900, 1400);
    expect(overview.y).toBeGreaterThan(focus.y + focus.h);
    expect(overview.w).toBe(focus.w);
  });

  it("scales with the canvas", () => {
    expect(splitRegions(960, 540).scale).toBe(0.5);
  });
});

describe("focusBands", () => {
  it("stacks header, pipeline and legend inside the focus region", () => {
    const { focus, scale } = splitRegions(1920, 1080);
    const bands = focusBands(focus, scale);
    expect(bands.header.y + bands.header.h).toBeLessThanOrEqual(bands.pipeline.y);
    expect(bands.pipeline.y + bands.pipeline.h).toBeLessThanOrEqual(bands.legend.y);
    for (const band of [bands.header, bands.pipeline, bands.legend]) expect(inside(band, focus)).toBe(true);
  });
});

describe("nodeCentres", () => {
  const area = { x: 100, y: 50, w: 1000, h: 900 };
  const centres = nodeCentres(pipeline, area);

  it("puts producers left, the broker in the middle and consumers right", () => {
    expect(centres.get("P1")!.x).toBeLessThan(centres.get("B")!.x);
    expect(centres.get("B")!.x).toBeLessThan(centres.get("C1")!.x);
    expect(centres.get("P1")!.x).toBe(centres.get("P2")!.x);
    expect(centres.get("B")!.x).toBe(area.x + area.w / 2);
  });

  it("spreads a column evenly over the height, centred", () => {
    const ys = ["C1", "C2", "C3"].map((id) => centres.get(id)!.y);
    expect(ys).toEqual([area.y + 150, area.y + 450, area.y + 750]);
    expect(centres.get("B")!.y).toBe(area.y + 450);
  });

  it("lays out direct RPC (no broker) the same way", () => {
    const rpc = nodeCentres(
      pipeline.filter((n) => n.role !== "broker"),
      area,
    );
    expect(rpc.size).toBe(5);
    expect(rpc.has("B")).toBe(false);
  });
});

describe("node sizes", () => {
  it("counts the most crowded column", () => {
    expect(crowdedColumn(pipeline)).toBe(3);
    expect(crowdedColumn([])).toBe(1);
  });

  it("shrinks nodes when a column is crowded, within bounds", () => {
    const area = { x: 0, y: 0, w: 1000, h: 900 };
    expect(nodeUnit(area, 3, 1)).toBe(1);
    expect(nodeUnit(area, 6, 1)).toBeLessThan(1);
    expect(nodeUnit(area, 50, 1)).toBe(0.45);
  });

  it("measures the broker's outline as a rectangle and the others as circles", () => {
    expect(outlineDistance("producer", 60, 1, 0)).toBe(60);
    expect(outlineDistance("broker", 60, 1, 0)).toBeCloseTo(87);
    expect(outlineDistance("broker", 60, 0, 1)).toBeCloseTo(63);
  });
});

describe("linkLane", () => {
  const p1 = { centre: { x: 100, y: 500 }, role: "producer" as const, radius: 60 };
  const b = { centre: { x: 600, y: 500 }, role: "broker" as const, radius: 60 };

  it("runs from outline to outline, not centre to centre", () => {
    const lane = linkLane(p1, b, 0);
    expect(lane.x1).toBeGreaterThan(160);
    expect(lane.x2).toBeLessThan(600 - 87);
  });

  it("keeps the two directions of a link apart", () => {
    const out = linkLane(p1, b, 12);
    const back = linkLane(b, p1, 12);
    expect(out.y1).toBe(512);
    expect(back.y1).toBe(488);
  });
});

describe("overview grid", () => {
  const area = splitRegions(1920, 1080).overview;

  it("fits 40 teams in a 1080p column as 4 × 10 readable tiles", () => {
    const grid = overviewGrid(40, area, 1);
    expect(grid.cols).toBe(4);
    expect(grid.rows).toBe(10);
    expect(grid.tileW).toBeGreaterThanOrEqual(150);
    expect(grid.tileH).toBeGreaterThanOrEqual(88);
    for (let i = 0; i < 40; i++) expect(inside(tileRect(grid, i), area)).toBe(true);
  });

  it("does not blow a single team up to the whole column", () => {
    const grid = overviewGrid(1, area, 1);
    expect(grid.tileH).toBeLessThanOrEqual(190);
  });

  it("finds the tile under a point, and no tile in gaps or empty cells", () => {
    const grid = overviewGrid(38, area, 1);
    for (const index of [0, 5, 37]) {
      const rect = tileRect(grid, index);
      expect(tileAt(grid, rect.x + rect.w / 2, rect.y + rect.h / 2)).toBe(index);
    }
    const first = tileRect(grid, 0);
    expect(tileAt(grid, first.x + first.w + grid.gap / 2, first.y + 5)).toBe(-1);
    const empty = tileRect(grid, 39);
    expect(tileAt(grid, empty.x + 5, empty.y + 5)).toBe(-1);
    expect(tileAt(grid, area.x - 5, area.y + 5)).toBe(-1);
  });
});
