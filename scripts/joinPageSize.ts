// What a phone downloads to show the join page: index.html plus the JS and CSS it loads
// up front (static imports only, from Vite's manifest), raw and gzipped. Phaser must not be
// among them. Used by `npm run bench:join` and by test/joinPage.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

export interface PageWeight {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function joinPageWeight(dist = "dist/client"): PageWeight {
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, ManifestChunk>;
  const entry = manifest["index.html"];
  if (!entry) throw new Error("no index.html entry in the Vite manifest");
  const files = new Set<string>(["index.html"]);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit("index.html");
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], rawBytes, gzipBytes };
}

if (process.argv[1]?.endsWith("joinPageSize.ts")) {
  const weight = joinPageWeight();
  process.stdout.write(
    `${JSON.stringify({ page: "join", files: weight.files.length, rawKB: Math.round(weight.rawBytes / 102.4) / 10, gzipKB: Math.round(weight.gzipBytes / 102.4) / 10, budgetKB: 100 })}\n`,
  );
}
