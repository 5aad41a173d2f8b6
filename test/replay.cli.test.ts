// `npm run replay -- --verify FILE` as a real process.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { tempDir } from "./helpers/servers.js";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const verify = (file: string) => run(TSX, ["server/cli/replay.ts", "--verify", file]).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
const GOLDEN = "test/golden/t4-duplicates-naive-2.ndjson";

describe("npm run replay -- --verify", () => {
  it("confirms a log re-simulates exactly and its summary agrees", async () => {
    const { code, stdout } = await verify(GOLDEN);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ matches: true, summaryAgrees: true, torn: false });
  });

  it("names the first divergence of a tampered log (exit 1), tolerates a torn last line, refuses a damaged file (exit 2)", async () => {
    const dir = tempDir();
    const lines = readFileSync(GOLDEN, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes('"type":"applied"'));
    const tampered = lines.map((l, i) => (i === at ? l.replace(/"balance":\d+/, '"balance":424242') : l)).join("\n");
    writeFileSync(join(dir, "tampered.ndjson"), tampered);
    const bad = await verify(join(dir, "tampered.ndjson"));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).divergence.index).toBe(at - 1);
    expect(bad.stderr).toMatch(/424242/);
    writeFileSync(join(dir, "torn.ndjson"), lines.slice(0, 300).join("\n") + "\n" + lines[300].slice(0, 15));
    const torn = await verify(join(dir, "torn.ndjson"));
    expect(torn.code).toBe(0);
    expect(JSON.parse(torn.stdout)).toMatchObject({ matches: true, torn: true });
    writeFileSync(join(dir, "junk.ndjson"), "hello\nworld\n");
    expect((await verify(join(dir, "junk.ndjson"))).code).toBe(2);
    expect((await verify(join(dir, "missing.ndjson"))).code).toBe(2);
  });
});
