// Lint rules that keep the house in order (docs/architecture.md): the deterministic core in
// shared/ stays pure, the three wings import in one direction only, and `any` stays out.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** What shared/ may never import: I/O, clocks, frameworks, and the two shells. */
const IMPURE_MODULES = [
  {
    group: ["node:*", "fs", "path", "os", "crypto", "child_process", "net", "http", "https", "worker_threads"],
    message: "shared/ is the pure core: no I/O (docs/architecture.md).",
  },
  {
    group: ["@colyseus/*", "phaser", "express", "redis", "playwright-core"],
    message: "shared/ is the pure core: no framework or service (docs/architecture.md).",
  },
  { group: ["**/server/**", "../server/*", "../../server/*"], message: "shared/ never imports server/." },
  { group: ["**/client/**", "../client/*", "../../client/*"], message: "shared/ never imports client/." },
];

const AMBIENT_CLOCK_AND_RANDOMNESS = [
  { object: "Date", property: "now", message: "The engine's time is its tick: no wall clock in shared/." },
  { object: "Math", property: "random", message: "Randomness comes from the seeded PRNG in shared/engine/prng.ts." },
  { object: "performance", property: "now", message: "The engine's time is its tick: no wall clock in shared/." },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "data/**", "test-artifacts/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    files: ["shared/**/*.ts"],
    ignores: ["shared/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: IMPURE_MODULES }],
      "no-restricted-properties": ["error", ...AMBIENT_CLOCK_AND_RANDOMNESS],
      "no-restricted-globals": [
        "error",
        { name: "setTimeout", message: "No timers in the pure core." },
        { name: "setInterval", message: "No timers in the pure core." },
        { name: "process", message: "No environment in the pure core." },
      ],
    },
  },
  {
    files: ["server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/client/**", "../client/*", "../../client/*"], message: "server/ never imports client/: it serves the built client as files." },
          ],
        },
      ],
    },
  },
  {
    files: ["client/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/server/**", "../server/*", "../../server/*", "node:*"], message: "client/ never imports server/ or Node modules." }] },
      ],
    },
  },
  {
    // Tests and tools may use loose types where they poke at wire messages and fakes.
    files: ["**/*.test.ts", "test/**/*.ts", "scripts/**/*.ts", "client/bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
