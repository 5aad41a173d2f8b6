// The repository's comments cite only documents it holds, and every `docs/…md#anchor` they
// (or the docs themselves) cite leads to a real heading: a comment that sends the next
// engineer to a missing page or section fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SOURCE_DIRS = ["shared", "server", "client", "test", "scripts"];
const SOURCE = /\.(ts|css|html)$/;

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "golden") continue;
    if (statSync(path).isDirectory()) out.push(...files(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

const anchors = new Map<string, Set<string>>();
for (const doc of files("docs", /\.md$/)) {
  const set = new Set<string>();
  for (const line of readFileSync(doc, "utf8").split("\n")) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (m) set.add(anchorOf(m[1]));
  }
  anchors.set(doc, set);
}

describe("documents cited by the code", () => {
  const sources = SOURCE_DIRS.flatMap((dir) => files(dir, SOURCE)).filter((f) => f !== join("test", "docs.test.ts"));

  it("are the repository's own (no product brief or outside notes)", () => {
    const outside = /\b(GAME|BROKERS|STYLE|STACK)\.md\b|lesson-plan\.(en|pt-BR)\.md/;
    const found = sources.filter((f) => outside.test(readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });

  it("hold no leftover merge markers", () => {
    const marker = /^(<{7}|>{7}|={7})( |$)/m;
    const found = [...sources, ...files("docs", /\.md$/), "README.md"].filter((f) => marker.test(readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });

  it("exist, and so do the sections they name", () => {
    const missing: string[] = [];
    const cite = /\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g;
    for (const f of [...sources, ...files("docs", /\.md$/), "README.md"]) {
      for (const m of readFileSync(f, "utf8").matchAll(cite)) {
        const doc = join("docs", m[1]);
        const set = anchors.get(doc);
        if (!set) missing.push(`${f}: ${m[0]} (no such document)`);
        else if (m[2] && !set.has(m[2])) missing.push(`${f}: ${m[0]} (no such section)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
