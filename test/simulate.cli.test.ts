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
/** The contract's fields (docs/contracts.md#npm-run-simulate), in its order, then the counts the contract does not name (stale writes, compare-and-set conflicts, parked messages). */
const SUMMARY_FIELDS = [
  "scenario",
  "variant",
  "seed",
  "teams",
  "committed",
  "applied",
  "lost",
  "duplicated",
  "misordered",
  "inconsistent",
  "raceAnomalies",
  "wrongFinalState",
  "refused",
  "ticks",
  "tickMs",
  "staleWrites",
  "conflicts",
  "parked",
];
/** The variants of docs/contracts.md#scenario-ids built with the engine mechanisms of each fix, and the broker variants (t3 unreplicated/replicated, t7 single-active-consumer/requeue). */
const FIX_VARIANTS: Record<string, string[]> = {
  "t3-lost-messages": ["ack-before", "short-retention", "unreplicated", "replicated"],
  "t4-duplicates": ["broker-dedup", "dedup-table", "transactional-inbox"],
  "t5-dual-writes": ["publish-first", "outbox-cdc", "listen-to-yourself"],
  "t6-competing-consumers": ["single-consumer", "lock", "optimistic"],
  "t7-ordering": ["kafka-partition", "resequencer", "parallel-producer", "single-active-consumer", "requeue"],
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
    for (const k of [
      "committed",
      "applied",
      "lost",
      "duplicated",
      "misordered",
      "inconsistent",
      "raceAnomalies",
      "wrongFinalState",
      "refused",
      "staleWrites",
      "conflicts",
      "parked",
    ] as const)
      expect(summary[k], k).toBe(recomputed[k]);
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

  it("--list prints the catalogue as JSON, each variant with the broker profiles it may run on (its own first)", async () => {
    const { stdout } = await simulate("--list");
    const list = JSON.parse(stdout) as { id: string; variants: { id: string; profile: string; profiles: string[] }[] }[];
    expect(list.map((s) => s.id)).toContain("t8-exactly-once");
    expect(list.find((s) => s.id === "t2-queues-topics")?.variants.map((v) => v.id)).toEqual([
      "queue",
      "topic",
      "exchange-direct",
      "exchange-fanout",
      "exchange-topic",
    ]);
    for (const v of list.flatMap((s) => s.variants)) expect(v.profiles[0], v.id).toBe(v.profile);
    const variantOf = (scenario: string, variant: string) => list.find((s) => s.id === scenario)!.variants.find((v) => v.id === variant)!;
    expect(variantOf("t9-end-to-end", "chaos").profiles).toEqual(["sqs", "rabbitmq", "kafka", "activemq", "nats"]);
    expect(variantOf("t7-ordering", "requeue").profiles).toEqual(["rabbitmq"]);
    expect(variantOf("t6-competing-consumers", "fixed").profiles).toEqual(["kafka"]);
    expect(variantOf("t1-sync-vs-async", "naive").profiles).toEqual(["rabbitmq"]);
    // The variants tied to one broker, and the shared DB, which has none: its own profile only.
    expect(variantOf("t7-ordering", "kafka-partition").profiles).toEqual(["kafka"]);
    expect(variantOf("t8-exactly-once", "kafka-transactions").profiles).toEqual(["kafka"]);
    expect(variantOf("t8-exactly-once", "shared-db").profiles).toEqual(["rabbitmq"]);
    for (const [scenario, ids] of Object.entries(FIX_VARIANTS))
      expect(
        list.find((s) => s.id === scenario)?.variants.map((v) => v.id),
        scenario,
      ).toEqual(expect.arrayContaining(ids));
  });

  it("--profile runs a variant on another broker profile: the log's configuration says so, and the broker behaves as that one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eo-sim-"));
    const files = { sqs: join(dir, "sqs.ndjson"), rabbitmq: join(dir, "rabbitmq.ndjson") };
    const { stdout } = await simulate("--scenario", "t9-end-to-end", "--variant", "chaos", "--seed", "3", "--log", files.rabbitmq, "--profile", "rabbitmq");
    await simulate("--scenario", "t9-end-to-end", "--variant", "chaos", "--seed", "3", "--log", files.sqs);
    const [own, other] = [files.sqs, files.rabbitmq].map((f) => parseLog(readFileSync(f, "utf8")));
    expect(own.header!.config.broker).toMatchObject({ profile: "sqs", queueType: "standard", consumerLoss: "ackDeadline" });
    expect(other.header!.config.broker).toMatchObject({ profile: "rabbitmq", queueType: "classic", consumerLoss: "connection", redeliveryTicks: 0 });
    // SQS brings a message back when its visibility timeout runs out; RabbitMQ never on a timer.
    expect(own.events.some((e) => e.type === "requeued" && e.reason === "timeout")).toBe(true);
    expect(other.events.some((e) => e.type === "requeued" && e.reason === "timeout")).toBe(false);
    const summary = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(summary).toMatchObject({ scenario: "t9-end-to-end", variant: "chaos", seed: 3 });
    expect(summary.lost).toBe(check(other.header!, other.events).totals.lost);
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
    [
      ["--scenario", "t3-lost-messages", "--variant", "naive", "--seed", "1", "--profile", "mqtt"],
      /--profile must be one of rabbitmq, kafka, sqs, activemq, nats, got mqtt/,
    ],
    [
      ["--scenario", "t7-ordering", "--variant", "requeue", "--seed", "1", "--profile", "kafka"],
      /t7-ordering\/requeue does not run on kafka: .*RabbitMQ's; it runs on rabbitmq/,
    ],
    [
      ["--scenario", "t6-competing-consumers", "--variant", "fixed", "--seed", "1", "--profile", "sqs"],
      /does not run on sqs: partitioning by key, one consumer per partition, is Kafka's/,
    ],
    [
      ["--scenario", "t8-exactly-once", "--variant", "shared-db", "--seed", "1", "--profile", "nats"],
      /does not run on nats: it has no broker: a table in one ACID database is the queue/,
    ],
    [[], /usage/],
  ])("refuses bad arguments %j with a clear message and exit code 2", async (args, message) => {
    const error = (await simulate(...(args as string[])).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(message);
  });
});
