// The join page must be usable before the game engine loads: under 100 KB gzipped, no Phaser.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { joinPageWeight } from "../scripts/joinPageSize.js";

describe("join page weight", () => {
  it("loads under 100 KB gzipped, without Phaser", () => {
    const weight = joinPageWeight();
    expect(weight.gzipBytes).toBeLessThan(100 * 1024);
    for (const file of weight.files) expect(readFileSync(join("dist/client", file), "utf8")).not.toMatch(/Phaser\.(Game|Scene)\b|phaser\.io/);
  });
});
