// `npm run simulate -- … --design SPEC` and `npm run replay -- --verify` on a design round's log
// (docs/contracts.md#npm-run-simulate, docs/design-round.md), run as real processes.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseLog } from "../shared/log/log.js";
import { CAREFUL_DESIGN, NAIVE_DESIGN } from "../shared/design/settings.js";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const cli = (name: string, ...args: string[]) => run(TSX, [join(process.cwd(), "server", "cli", `${name}.ts`), ...args], { maxBuffer: 64 * 1024 * 1024 });

describe("a design round from the command line", () => {
  it("gives each team its design in the header, and the log re-simulates exactly", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "eo-design-")), "d.ndjson");
    const args = [
      "--scenario",
      "t9-end-to-end",
      "--variant",
      "design",
      "--seed",
      "4",
      "--teams",
      "3",
      "--design",
      "careful",
      "--design",
      "careful,storage=durable,routing=queue",
    ];
    await cli("simulate", ...args, "--log", file);
    const { header } = parseLog(readFileSync(file, "utf8"));
    expect(header!.teams.map((t) => t.design)).toEqual([CAREFUL_DESIGN, { ...CAREFUL_DESIGN, storage: "durable", routing: "queue" }, NAIVE_DESIGN]);
    const { stdout } = await cli("replay", "--verify", file);
    expect(JSON.parse(stdout.trim().split("\n").pop()!)).toMatchObject({ matches: true, summaryAgrees: true, headerAgrees: true });
  }, 60_000);

  it("refuses a design for another variant, or a value a setting does not have, with the reason", async () => {
    const refused = (...args: string[]) =>
      cli("simulate", "--seed", "1", ...args).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
    const other = await refused("--scenario", "t9-end-to-end", "--variant", "chaos", "--design", "careful");
    expect(other?.code).toBe(2);
    expect(other?.stderr).toMatch(/design round only/);
    const bad = await refused("--scenario", "t9-end-to-end", "--variant", "design", "--design", "storage=paper");
    expect(bad?.code).toBe(2);
    expect(bad?.stderr).toMatch(/storage has no value paper/);
  }, 60_000);
});
