import { describe, expect, it } from "vitest";
import { cloudArea, cloudSizes } from "./wordCloud.js";

const box = { width: 1600, height: 600 };

describe("cloudSizes", () => {
  it("makes a more frequent answer bigger, within the bounds", () => {
    const words = [
      { text: "não bloqueia", count: 9 },
      { text: "em paralelo", count: 4 },
      { text: "depois", count: 1 },
    ];
    const sizes = cloudSizes(words, box, { minPx: 24, maxPx: 110 });
    expect(sizes[0]).toBeGreaterThan(sizes[1]);
    expect(sizes[1]).toBeGreaterThan(sizes[2]);
    expect(sizes[0]).toBeLessThanOrEqual(110);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  });

  it("shrinks a crowded cloud to fit its box, never below the readable size", () => {
    const words = Array.from({ length: 60 }, (_, i) => ({ text: `resposta número ${i}`, count: 60 - i }));
    const sizes = cloudSizes(words, box, { minPx: 24, maxPx: 110 });
    // Either it fits, or every word is already at the smallest readable size.
    expect(cloudArea(words, sizes) <= box.width * box.height * 0.55 || sizes.every((s) => s === 24)).toBe(true);
    expect(Math.min(...sizes)).toBe(24);
    const few = cloudSizes(words.slice(0, 8), box, { minPx: 24, maxPx: 110 });
    expect(cloudArea(words.slice(0, 8), few)).toBeLessThanOrEqual(box.width * box.height * 0.55);
    expect(Math.max(...few)).toBeGreaterThan(Math.max(...sizes));
  });

  it("gives the same size to answers given equally often, and nothing for no answer", () => {
    expect(
      new Set(
        cloudSizes(
          [
            { text: "a", count: 2 },
            { text: "b", count: 2 },
          ],
          box,
          { minPx: 24, maxPx: 80 },
        ),
      ).size,
    ).toBe(1);
    expect(cloudSizes([], box, { minPx: 24, maxPx: 80 })).toEqual([]);
  });
});
