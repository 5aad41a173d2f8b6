import { describe, expect, it } from "vitest";
import type { TeamModel } from "./model.js";
import { flowSummary, tileBands, tileSignature } from "./tileDrawing.js";

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
  it("ignore what the tile does not show (busy nodes, a consumer's inbox, who plays)", () => {
    const a = team();
    const b = team();
    b.nodes[1]!.busy = true;
    b.nodes[2]!.load = 9;
    b.nodes[0]!.players = ["Ana"];
    expect(tileSignature(b, false, 160, 95)).toBe(tileSignature(a, false, 160, 95));
  });

  it("change with the text, the flows, the queue and the nodes' state", () => {
    const a = tileSignature(team(), false, 160, 95);
    const changed = (change: (t: ReturnType<typeof team>) => void, kinds?: Parameters<typeof tileSignature>[4]) => {
      const t = team();
      change(t);
      return tileSignature(t, false, 160, 95, kinds);
    };
    expect(changed((t) => (t.score = 11))).not.toBe(a);
    expect(changed((t) => (t.lost = 1))).not.toBe(a);
    expect(changed((t) => (t.links[0]!.flying = 3))).not.toBe(a);
    expect(changed((t) => (t.links[3]!.cut = true))).not.toBe(a);
    expect(changed((t) => (t.nodes[1]!.load = 4))).not.toBe(a);
    expect(changed((t) => (t.nodes[2]!.up = false))).not.toBe(a);
    expect(tileSignature(team(), true, 160, 95)).not.toBe(a);
    // A count the tile does not show changes nothing; once shown (Topic 6's lost updates), it does.
    expect(changed((t) => (t.raceAnomalies = 4))).toBe(a);
    expect(changed((t) => (t.raceAnomalies = 4), ["lost", "raceAnomalies"])).not.toBe(tileSignature(team(), false, 160, 95, ["lost", "raceAnomalies"]));
  });
});

describe("aggregated flows", () => {
  it("sum the packets on the wire between neighbouring columns, each way", () => {
    const t = team();
    t.nodes.push({ id: "C2", role: "consumer", up: false, load: 0, busy: false, bot: true });
    t.links.push({ id: "B>C2", from: "B", to: "C2", cut: false, flying: 4 });
    const flows = flowSummary(t);
    expect(flows.columns.map((c) => c.role)).toEqual(["producer", "broker", "consumer"]);
    expect(flows.columns[1]!.load).toBe(0);
    expect(flows.columns[2]!.nodes).toEqual([
      { id: "C1", up: true },
      { id: "C2", up: false },
    ]);
    expect(flows.gaps).toEqual([
      { out: 2, back: 0, cutOut: false, cutBack: false },
      { out: 13, back: 1, cutOut: false, cutBack: false },
    ]);
  });

  it("count nothing on a cut link and flag its direction", () => {
    const t = team();
    t.links[2]!.cut = true;
    expect(flowSummary(t).gaps[1]).toEqual({ out: 0, back: 1, cutOut: true, cutBack: false });
  });

  it("join producers straight to consumers when there is no broker", () => {
    const t = team();
    t.nodes = t.nodes.filter((n) => n.role !== "broker");
    t.links = [
      { id: "P1>C1", from: "P1", to: "C1", cut: false, flying: 5 },
      { id: "C1>P1", from: "C1", to: "P1", cut: false, flying: 2 },
    ];
    const flows = flowSummary(t);
    expect(flows.columns.map((c) => c.role)).toEqual(["producer", "consumer"]);
    expect(flows.gaps).toEqual([{ out: 5, back: 2, cutOut: false, cutBack: false }]);
  });
});

describe("tile geometry", () => {
  it("splits a tile into title, flows and counts bands that fit, with numbers no smaller than 10 px", () => {
    for (const [w, h] of [
      [160, 95],
      [103, 68],
    ] as const) {
      const bands = tileBands(w, h);
      expect(bands.pipe.y).toBe(bands.titleH);
      expect(bands.titleH + bands.pipe.h + bands.countsH).toBeLessThanOrEqual(h);
      expect(bands.flowSize).toBeGreaterThanOrEqual(10);
      // Two rows of numbers (out above, back below) fit the flow band.
      expect(bands.twoRows).toBe(true);
      expect(2 * bands.flowSize).toBeLessThanOrEqual(bands.pipe.h);
    }
  });

  it("keeps one row of numbers when a small window leaves no room for two", () => {
    const bands = tileBands(86, 50);
    expect(bands.twoRows).toBe(false);
    expect(bands.flowSize).toBeLessThanOrEqual(bands.pipe.h);
  });
});
