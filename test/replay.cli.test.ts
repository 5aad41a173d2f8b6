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
const replayCli = (...args: string[]) =>
  run(TSX, ["server/cli/replay.ts", ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
const verify = (file: string) => replayCli("--verify", file);
const GOLDEN = "test/golden/t4-duplicates-naive-2.ndjson";

describe("npm run replay -- --verify", () => {
  it("confirms a log re-simulates exactly and its summary agrees", async () => {
    const { code, stdout } = await verify(GOLDEN);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ matches: true, summaryAgrees: true, headerAgrees: true, torn: false });
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

/** A copy of a real simulated log with one line edited. */
function forge(
  source: string,
  name: string,
  edit: (record: Record<string, unknown>) => Record<string, unknown> | null,
  which: (record: Record<string, unknown>) => boolean,
): string {
  const lines = readFileSync(source, "utf8").trimEnd().split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (!which(record)) out.push(line);
    else {
      const edited = edit(record);
      if (edited) out.push(JSON.stringify(edited));
    }
  }
  const path = join(tempDir(), name);
  writeFileSync(path, out.join("\n") + "\n");
  return path;
}

const LOST = "test/golden/t3-lost-messages-naive-1.ndjson";
const isSummary = (r: Record<string, unknown>) => r.type === "summary";
const isHeader = (r: Record<string, unknown>) => r.type === "header";
type Teams = { team: number; subscriptions: string[]; players: { seat: string }[] }[];

describe("npm run replay -- --verify rejects a forged summary or header (exit 1)", () => {
  it("a summary line forged to lost 0 / duplicated 0", async () => {
    const original = JSON.parse(readFileSync(LOST, "utf8").trimEnd().split("\n").at(-1)!) as { lost: number };
    expect(original.lost).toBeGreaterThan(0);
    const forged = forge(LOST, "summary.ndjson", (r) => ({ ...r, lost: 0, duplicated: 0 }), isSummary);
    const result = await verify(forged);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ matches: true, summaryAgrees: false, headerAgrees: true });
    expect(result.stderr).toMatch(new RegExp(`summary lost: 0, recounted ${original.lost}`));
  });

  it("a team's count forged in perTeam only", async () => {
    const forged = forge(
      LOST,
      "perteam.ndjson",
      (r) => ({ ...r, perTeam: (r.perTeam as Record<string, unknown>[]).map((t) => ({ ...t, score: 12345 })) }),
      isSummary,
    );
    const result = await verify(forged);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/perTeam\[0\]\.score: 12345/);
  });

  it("a header whose team's subscriptions were cut to one, even with no summary line to betray it", async () => {
    const cut = (r: Record<string, unknown>) => ({ ...r, teams: (r.teams as Teams).map((t) => ({ ...t, subscriptions: t.subscriptions.slice(0, 1) })) });
    const forged = forge(LOST, "subs.ndjson", cut, isHeader);
    const bare = forge(forged, "subs-running.ndjson", () => null, isSummary);
    for (const path of [forged, bare]) {
      const result = await verify(path);
      expect(result.code, path).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ matches: true, headerAgrees: false });
      expect(result.stderr).toMatch(/team 0: subscriptions \[billing\], the configuration makes \[billing, shipping\]/);
    }
  });

  it("a header that lost a player's seat", async () => {
    const forged = forge(
      LOST,
      "seats.ndjson",
      (r) => ({ ...r, teams: (r.teams as Teams).map((t) => ({ ...t, players: t.players.filter((p) => p.seat !== "C2") })) }),
      isHeader,
    );
    const result = await verify(forged);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/players' seats \[P1, C1\]/);
  });

  it("and the untouched copy still passes", async () => {
    const copy = forge(LOST, "copy.ndjson", (r) => r, isSummary);
    const result = await verify(copy);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ matches: true, summaryAgrees: true, headerAgrees: true });
  });
});

describe("npm run replay -- --anomalies", () => {
  it("prints one JSON line per anomaly with its cause and its sentence, in the language asked", async () => {
    const file = "test/golden/t5-dual-writes-naive-3.ndjson";
    const summary = JSON.parse(readFileSync(file, "utf8").trimEnd().split("\n").at(-1)!) as {
      lost: number;
      inconsistent: number;
      duplicated: number;
      misordered: number;
      raceAnomalies: number;
      wrongFinalState: number;
    };
    const en = await replayCli("--anomalies", file);
    const pt = await replayCli("--anomalies", file, "--lang", "pt-BR");
    expect([en.code, pt.code]).toEqual([0, 0]);
    const lines = en.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown> & { cause: Record<string, unknown>; text: string });
    const ptLines = pt.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { text: string; cause: unknown });
    expect(lines.length).toBe(summary.lost + summary.inconsistent + summary.duplicated + summary.misordered + summary.raceAnomalies + summary.wrongFinalState);
    for (const [i, line] of lines.entries()) {
      expect(Object.keys(line)).toEqual(["team", "kind", "msgId", "key", "subscription", "cause", "text"]);
      expect(Object.keys(line.cause)).toEqual(["code", "tick", "node", "link", "end"]);
      expect(["lost", "duplicated", "misordered", "inconsistent", "race", "wrongFinalState"]).toContain(line.kind);
      expect(line.text).not.toMatch(/\{|\}| {2}|undefined|null/);
      expect(ptLines[i].cause).toEqual(line.cause);
      expect(ptLines[i].text).not.toBe(line.text);
    }
    expect(lines.some((l) => l.kind === "lost" && l.cause.code === "producerCrashBeforePublish")).toBe(true);
    expect(ptLines.some((l) => l.text.startsWith("perdida: "))).toBe(true);
  });

  it("refuses bad usage and unusable files with exit 2 and a line on stderr", async () => {
    const junk = join(tempDir(), "junk.ndjson");
    writeFileSync(junk, "hello\n");
    for (const args of [
      ["--anomalies", LOST, "--lang", "fr"],
      ["--anomalies", "missing.ndjson"],
      ["--anomalies", junk],
      ["--anomalies", LOST, "--verify", LOST],
      ["--verify", LOST, "--lang", "en"],
      ["--anomalies"],
    ]) {
      const result = await replayCli(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(/^replay: /);
    }
  });
});
