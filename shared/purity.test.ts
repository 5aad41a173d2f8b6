// The project's shared/ is a pure core: no I/O, no clock, no ambient randomness, no
// framework. This test reads every source file of shared/ and fails on any of them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL(".", import.meta.url).pathname;

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+["']node:/, "a node:* import"],
  [/from\s+["'](fs|path|os|crypto|child_process|http|https|net|worker_threads|util)["']/, "a Node built-in import"],
  [/\brequire\s*\(/, "require()"],
  [/from\s+["'](@colyseus\/[^"']+|colyseus|phaser|express|redis)["']/, "a framework or I/O package"],
  [/\bimport\s*\(/, "a dynamic import"],
  [/\bMath\.random\s*\(/, "Math.random()"],
  [/\bDate\.now\s*\(|\bnew\s+Date\s*\(/, "the wall clock"],
  [/\bperformance\.now\s*\(/, "the wall clock"],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask)\s*\(/, "a timer"],
  [/\bprocess\./, "process"],
  [/\bfetch\s*\(/, "the network"],
  [/\bconsole\./, "console output (the shell decides what to log)"],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return d.name.endsWith(".ts") && !d.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("shared/ is pure", () => {
  const files = sources(ROOT);
  it("has sources to check", () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((f) => [relative(ROOT, f), f]))("%s imports and calls nothing impure", (_, file) => {
    const text = readFileSync(file, "utf8");
    for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${relative(ROOT, file)} uses ${what}`).toBe(false);
  });
  it("the check itself catches an impure line", () => {
    expect(FORBIDDEN.some(([p]) => p.test('import { readFileSync } from "node:fs";'))).toBe(true);
    expect(FORBIDDEN.some(([p]) => p.test("const x = Math.random();"))).toBe(true);
  });
});
