import { describe, expect, it } from "vitest";
import { fitRoster, ROSTER_DEFAULTS } from "./rosterLayout.js";

// The lobby's roster area on a 1920×1080 projector, and the fonts the page asks for there.
const AT_1080 = { width: 1250, height: 760 };
const FONTS_1080 = { ...ROSTER_DEFAULTS, maxFont: 38, minFont: 16 };

const teams = (people: number, size = 3) => Array.from({ length: Math.ceil(people / size) }, (_, i) => Math.min(size, people - i * size));

describe("fitRoster", () => {
  it("shows 30 students in teams of 3 at a large font, every name", () => {
    const fit = fitRoster(teams(30), AT_1080, FONTS_1080);
    expect(fit.more.every((n) => n === 0)).toBe(true);
    expect(fit.font).toBeGreaterThanOrEqual(28);
    expect(fit.columns * fit.rows).toBeGreaterThanOrEqual(10);
    expect(fit.columns * FONTS_1080.columnEm * fit.font).toBeLessThanOrEqual(AT_1080.width);
  });

  it("fits 200 students by shrinking, and never overflows the box", () => {
    const fit = fitRoster(teams(200), AT_1080, FONTS_1080);
    const gap = fit.font * FONTS_1080.gapEm;
    const cardHeight = (AT_1080.height - gap * (fit.rows - 1)) / fit.rows;
    const tallest = Math.max(...fit.shown.map((n, i) => Math.max(n, fit.more[i] ? 1 : 0)));
    expect(FONTS_1080.headingEm * fit.font + tallest * FONTS_1080.lineEm * fit.font).toBeLessThanOrEqual(cardHeight + 1e-6);
    expect(fit.shown.reduce((a, b) => a + b, 0) + fit.more.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it("says +N for what cannot fit even at the smallest font", () => {
    const fit = fitRoster([40, 40], { width: 500, height: 300 }, { ...ROSTER_DEFAULTS, maxFont: 30, minFont: 20 });
    expect(fit.font).toBe(20);
    expect(fit.more[0]).toBeGreaterThan(0);
    // The names fill the card, "+N" follows the last one on its line.
    const lines = Math.floor((300 - ROSTER_DEFAULTS.headingEm * 20) / (ROSTER_DEFAULTS.lineEm * 20));
    expect(fit.shown[0]).toBe(lines);
    expect(fit.shown[0] + fit.more[0]).toBe(40);
  });

  it("handles an empty room and a lone team", () => {
    expect(fitRoster([], AT_1080, FONTS_1080)).toMatchObject({ columns: 1, rows: 1, shown: [], more: [] });
    expect(fitRoster([1], AT_1080, FONTS_1080)).toMatchObject({ font: 38, shown: [1], more: [0] });
  });
});
