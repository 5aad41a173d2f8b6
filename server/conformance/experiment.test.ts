// The pieces of the conformance run that need no broker: how observables are compared, how
// the per-key rule classifies nacks, the engine side of every experiment, the docs table.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sameObserved } from "./experiment.js";
import { BEGIN, checkTarget, conformanceTable, END, writeTable } from "./markdown.js";
import { perKeyShape } from "./rabbitNack.js";
import { EXPERIMENTS } from "./run.js";

describe("sameObserved", () => {
  it("compares values, arrays in order and objects whatever their key order", () => {
    expect(sameObserved({ a: [1, 2], b: { c: true, d: null } }, { b: { d: null, c: true }, a: [1, 2] })).toBe(true);
    expect(sameObserved({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameObserved({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameObserved({ a: [] }, { a: {} })).toBe(false);
    expect(sameObserved({}, {})).toBe(true);
  });
});

describe("the per-key rule", () => {
  // Keys a and b in rotation: 1a 2b 3a 4b 5a 6b.
  const keyed = (seqs: number[]): [number, string][] => seqs.map((s) => [s, s % 2 === 1 ? "a" : "b"]);

  it("says a nacked message keeps its place when it is handled before the later messages of its key", () => {
    const shape = perKeyShape([{ accepted: keyed([1, 2, 3, 4, 5, 6]), nacks: [{ seq: 1, waitingLater: [3, 5] }] }]);
    expect(shape.observed).toEqual({ nackedMessage: "keepsItsPlace" });
    expect(shape.detail).toMatchObject({ keyRuns: 2, keyRunsBroken: 0, overtaken: 0 });
  });

  it("says it goes behind when later messages of its key, already waiting, are handled first", () => {
    const shape = perKeyShape([{ accepted: keyed([2, 3, 4, 5, 6, 1]), nacks: [{ seq: 1, waitingLater: [3, 5] }] }]);
    expect(shape.observed).toEqual({ nackedMessage: "goesBehindLaterOnes" });
    expect(shape.detail).toMatchObject({ keyRunsBroken: 1, overtaken: 1 });
  });

  it("does not count a nack with nothing of its key waiting behind it, and says so when no nack counts", () => {
    expect(perKeyShape([{ accepted: keyed([1, 2, 3, 4, 5, 6]), nacks: [{ seq: 5, waitingLater: [] }] }]).observed).toEqual({ nackedMessage: "neverNacked" });
  });
});

describe("the engine side of every experiment", () => {
  it.each(EXPERIMENTS.map((e) => [e.id, e] as const))("%s runs without error and gives the same outcome every time", (_id, experiment) => {
    const first = experiment.engine();
    expect(first.error).toBeUndefined();
    expect(experiment.engine()).toEqual(first);
  });
});

describe("the docs table", () => {
  const line = {
    experiment: "nats.x",
    broker: "nats" as const,
    serverVersion: "2.9.10",
    real: { order: [1, 2, 3, 5], ok: true, detail: { lost: 7 } },
    engine: { order: [], missing: ["nack"] },
    match: false,
  };
  const table = conformanceTable([line], { experiments: 1, matched: 0, brokers: ["nats"] }, []);

  it("shows each side's compared observables only, sequences as ranges, and what the engine lacks", () => {
    const row = table.split("\n").find((r) => r.startsWith("| `nats.x` |"));
    expect(row).toBe("| `nats.x` |  | 2.9.10 | order: 1–3, 5; ok: yes | order: none; lacks a consumer's nack with requeue | **no** |");
    expect(table).toContain("NATS 2.9.10: 0 of 1 experiments match");
  });

  it("replaces only what lies between the markers, writes a new file, and refuses a file without markers", () => {
    const dir = mkdtempSync(join(tmpdir(), "eo-table-"));
    const doc = join(dir, "doc.md");
    writeFileSync(doc, `before\n${BEGIN}\nold\n${END}\nafter\n`);
    expect(checkTarget(doc)).toBeNull();
    writeTable(doc, "new");
    expect(readFileSync(doc, "utf8")).toBe(`before\n${BEGIN}\nnew\n${END}\nafter\n`);
    const fresh = join(dir, "fresh.md");
    writeTable(fresh, "new");
    expect(readFileSync(fresh, "utf8")).toContain(`${BEGIN}\nnew\n${END}`);
    const plain = join(dir, "plain.md");
    writeFileSync(plain, "no markers\n");
    expect(checkTarget(plain)).toMatch(/without the/);
  });
});
