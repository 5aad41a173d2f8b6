import { describe, expect, it } from "vitest";
import type { TeamModel } from "./model.js";
import { MAX_DOTS, dotCounts, miniLayout, shapeSignature, textSignature, tileBands } from "./tileDrawing.js";

function team(): TeamModel {
  return {
    team: 3,
    name: "Night Owls",
    score: 10,
    committed: 0,
    applied: 0,
    lost: 0,
    duplicated: 0,
    misordered: 0,
    inconsistent: 0,
    raceAnomalies: 0,
    staleWrites: 0,
    nodes: [
      { id: "P1", role: "producer", up: true, load: 3, busy: false, bot: false },
      { id: "B", role: "broker", up: true, load: 0, busy: false, bot: true },
      { id: "C1", role: "consumer", up: true, load: 1, busy: true, bot: false },
    ],
    links: [
      { id: "P1>B", from: "P1", to: "B", cut: false, flying: 2 },
      { id: "B>P1", from: "B", to: "P1", cut: false, flying: 0 },
      { id: "B>C1", from: "B", to: "C1", cut: false, flying: 9 },
      { id: "C1>B", from: "C1", to: "B", cut: false, flying: 1 },
    ],
  };
}

describe("tile signatures", () => {
  it("ignore what the tile does not show (loads, busy, packets in flight)", () => {
    const a = team();
    const b = team();
    b.nodes[0]!.load = 99;
    b.nodes[1]!.busy = true;
    b.links[0]!.flying = 7;
    expect(textSignature(b, false, 160, 95)).toBe(textSignature(a, false, 160, 95));
    expect(shapeSignature(b, false)).toBe(shapeSignature(a, false));
  });

  it("change with what the text shows", () => {
    const a = team();
    const b = { ...team(), score: 11 };
    const c = { ...team(), lost: 1 };
    expect(textSignature(b, false, 160, 95)).not.toBe(textSignature(a, false, 160, 95));
    expect(textSignature(c, false, 160, 95)).not.toBe(textSignature(a, false, 160, 95));
    expect(textSignature(a, true, 160, 95)).not.toBe(textSignature(a, false, 160, 95));
    // A count the tile does not show changes nothing; once shown (Topic 6's lost updates), it does.
    const d = team();
    d.raceAnomalies = 4;
    expect(textSignature(d, false, 160, 95)).toBe(textSignature(a, false, 160, 95));
    expect(textSignature(d, false, 160, 95, ["lost", "raceAnomalies"])).not.toBe(textSignature(a, false, 160, 95, ["lost", "raceAnomalies"]));
  });

  it("change with what the mini pipeline shows", () => {
    const a = team();
    const down = team();
    down.nodes[2]!.up = false;
    const cut = team();
    cut.links[2]!.cut = true;
    expect(shapeSignature(down, false)).not.toBe(shapeSignature(a, false));
    expect(shapeSignature(cut, false)).not.toBe(shapeSignature(a, false));
  });

  it("count dots per link, capped, none on a cut link", () => {
    const a = team();
    expect(dotCounts(a)).toBe(`20${MAX_DOTS}1`);
    a.links[0]!.cut = true;
    expect(dotCounts(a)).toBe(`00${MAX_DOTS}1`);
  });
});

describe("tile geometry", () => {
  it("splits a tile into title, pipeline and counts bands that fit", () => {
    const bands = tileBands(160, 95);
    expect(bands.pipe.y).toBe(bands.titleH);
    expect(bands.titleH + bands.pipe.h + bands.countsH).toBeLessThanOrEqual(95);
    expect(bands.pipe.h).toBeGreaterThan(20);
  });

  it("keeps the mini pipeline inside its band", () => {
    const layout = miniLayout(team(), 160, 95);
    const { pipe } = tileBands(160, 95);
    expect(layout.lanes.size).toBe(4);
    for (const centre of layout.centres.values()) {
      expect(centre.x - layout.radius).toBeGreaterThanOrEqual(pipe.x);
      expect(centre.x + layout.radius).toBeLessThanOrEqual(pipe.x + pipe.w);
      expect(centre.y - layout.radius).toBeGreaterThanOrEqual(pipe.y - 1);
      expect(centre.y + layout.radius).toBeLessThanOrEqual(pipe.y + pipe.h + 1);
    }
    expect([...layout.forward].sort()).toEqual(["B>C1", "P1>B"]);
  });
});
