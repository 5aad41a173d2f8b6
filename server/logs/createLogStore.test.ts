import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogStore } from "./createLogStore.js";
import { FileLogStore } from "./FileLogStore.js";

describe("createLogStore", () => {
  it("gives files when no Redis URL is set", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "eo-logstore-"));
    const store = await createLogStore({ dataDir, redisUrl: "" });
    expect(store).toBeInstanceOf(FileLogStore);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses to start when the Redis URL cannot be reached, naming it", async () => {
    await expect(createLogStore({ dataDir: "unused", redisUrl: "redis://127.0.0.1:1" })).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
