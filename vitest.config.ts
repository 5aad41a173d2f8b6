import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["shared/**/*.test.ts", "server/**/*.test.ts", "client/**/*.test.ts", "test/**/*.test.ts"],
    // Deadlines, not durations (see test/helpers/servers.ts SLACK): generous for a busy machine.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
