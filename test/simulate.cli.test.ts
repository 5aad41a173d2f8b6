// The `simulate` command line of docs/contracts.md#npm-run-simulate, run as a real process.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { check } from "../shared/checker/checker.js";
import { parseLog } from "../shared/log/log.js";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const CLI = join(process.cwd(), "server", "cli", "simulate.ts");
const simulate = (...args: string[]) => run(TSX, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 });
/** GAME.md §7's fields, in its order, then the counts the contract does not name (stale writes). */
const SUMMARY_FIELDS = ["scenario", "variant", "seed", "teams", "committed", "applied", "lost", "duplicated", "misordered", "inconsistent", "raceAnomalies", "wrongFinalState", "refused", "ticks", "tickMs", "staleWrites", "conflicts"];
/** The variants of GAME.md §4.1 built with the engine mechanisms of each fix (the others are another piece of work). */
const FIX_VARIANTS: Record<string, string[]> = {
  "t3-lost-messages": ["ack-before", "short-retention"],
  "t4-duplicates": ["broker-dedup", "dedup-table", "transactional-inbox"],
  "t5-dual-writes": ["publish-first", "outbox-cdc", "listen-to-yourself"],
  "t6-competing-consumers": ["single-consumer", "lock", "optimistic"],
  "t7-ordering": ["kafka-partition", "resequencer", "parallel-producer"],
  "t8-exactly-once": ["kafka-transactions", "shared-db"],
  "t9-end-to-end": ["cooperative"],
};

describe("npm run simulate", () => {
  it("prints one JSON summary as its last line, with exactly the contract's fields, and writes a log that the checker agrees with", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eo-sim-"));
    const file = join(dir, "a.ndjson");
    const { stdout } = await simulate("--scenario", "t4-duplicates", "--variant", "naive", "--seed", "7", "--teams", "3", "--log", file);
    const summary = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(Object.keys(summary)).toEqual(SUMMARY_FIELDS);
    expect(summary).toMatchObject({ scenario: "t4-duplicates", variant: "naive", seed: 7, teams: 3, tickMs: 100 });
    const parsed = parseLog(readFileSync(file, "utf8"));
    expect(parsed.errors).toEqual([]);
    const recomputed = check(parsed.header!, parsed.events).totals;
    for (const k of ["committed", "applied", "lost", "duplicated", "misordered", "inconsistent", "raceAnomalies", "wrongFinalState", "refused", "staleWrites", "conflicts"] as const) expect(summary[k], k).toBe(recomputed[k]);
    expect(parsed.summary).toMatchObject({ lost: summary.lost, duplicated: summary.duplicated });
  });

  it("gives the same log, byte for byte, for the same seed, and another for another seed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eo-sim-"));
    const files = ["a", "b", "c"].map((n) => join(dir, `${n}.ndjson`));
    await simulate("--scenario", "t9-end-to-end", "--variant", "chaos", "--seed", "42", "--teams", "2", "--log", files[0]);
    await simulate("--scenario", "t9-end-to-end", "--variant", "chaos", "--seed", "42", "--teams", "2", "--log", files[1]);
    await simulate("--scenario", "t9-end-to-end", "--variant", "chaos", "--seed", "43", "--teams", "2", "--log", files[2]);
    const [a, b, c] = files.map((f) => readFileSync(f));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it("--list prints the catalogue as JSON", async () => {
    const { stdout } = await simulate("--list");
    const list = JSON.parse(stdout) as { id: string; variants: { id: string }[] }[];
    expect(list.map((s) => s.id)).toContain("t8-exactly-once");
    expect(list.find((s) => s.id === "t2-queues-topics")?.variants.map((v) => v.id)).toEqual(["queue", "topic"]);
    for (const [scenario, ids] of Object.entries(FIX_VARIANTS)) expect(list.find((s) => s.id === scenario)?.variants.map((v) => v.id), scenario).toEqual(expect.arrayContaining(ids));
  });

  it("runs a §4.1 variant and names it in the summary", async () => {
    const { stdout } = await simulate("--scenario", "t6-competing-consumers", "--variant", "optimistic", "--seed", "3");
    const summary = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(summary).toMatchObject({ scenario: "t6-competing-consumers", variant: "optimistic", raceAnomalies: 0, staleWrites: 0 });
    expect(summary.conflicts).toBeGreaterThan(0);
  });

  it.each([
    [["--scenario", "t0", "--variant", "naive", "--seed", "1"], /unknown scenario/],
    [["--scenario", "t3-lost-messages", "--variant", "naive", "--seed", "x"], /--seed/],
    [["--scenario", "t3-lost-messages", "--variant", "naive", "--seed", "1", "--teams", "0"], /--teams/],
    [["--bogus"], /bogus/],
    [[], /usage/],
  ])("refuses bad arguments %j with a clear message and exit code 2", async (args, message) => {
    const error = (await simulate(...(args as string[])).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(message);
  });
});
