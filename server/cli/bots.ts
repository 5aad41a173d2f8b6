// `npm run bots -- --url http://HOST:PORT --scenario ID --variant V --players N
//   [--strategy naive|careful] [--seconds S] [--seed N] [--join-url URL]`  (docs/contracts.md#npm-run-bots)
import { parseArgs } from "node:util";
import { usageError } from "./usage.js";
import { STRATEGIES, type Strategy } from "../../shared/bots/bots.js";
import { findVariant } from "../../shared/scenarios/catalogue.js";
import { runNetworkBots } from "./networkBots.js";

const fail: (message: string) => never = usageError("bots");

/** Says the players are connected, and waits for the benchmark's go (any line on stdin). */
async function waitForGo(): Promise<void> {
  process.stdout.write(`${JSON.stringify({ event: "joined" })}\n`);
  await new Promise<void>((resolve) => {
    process.stdin.once("data", () => resolve());
    process.stdin.once("end", () => resolve());
  });
  process.stdin.pause();
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: "string" },
        "join-url": { type: "string" },
        scenario: { type: "string" },
        variant: { type: "string" },
        players: { type: "string" },
        strategy: { type: "string", default: "careful" },
        seconds: { type: "string", default: "30" },
        seed: { type: "string" },
        // Not part of the contract: adds bytes per second and action counts to the last line (benchmarks).
        metrics: { type: "boolean", default: false },
        // Not part of the contract either: the round's length (30-900 s), for long soaks.
        "round-seconds": { type: "string" },
        // Not part of the contract either: only every Nth phone decodes the state (benchmarks' load generator).
        "decode-every": { type: "string" },
        // Not part of the contract either: once every player is connected, print {"event":"joined"} and wait for a line on stdin.
        "wait-for-go": { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const { url, scenario, variant } = values;
  if (!url || !scenario || !variant || values.players === undefined)
    fail("usage: --url URL --scenario ID --variant V --players N [--strategy naive|careful] [--seconds S] [--seed N] [--join-url URL]");
  if (!/^https?:\/\//.test(url)) fail(`--url must be http(s)://HOST:PORT, got ${url}`);
  if (!findVariant(scenario, variant)) fail(`unknown scenario/variant: ${scenario} ${variant}`);
  const players = Number(values.players);
  if (!Number.isInteger(players) || players < 0 || players > 200) fail("--players must be a whole number from 0 to 200");
  const seconds = Number(values.seconds);
  if (!(seconds > 0 && seconds <= 3600)) fail("--seconds must be from 1 to 3600");
  if (!STRATEGIES.includes(values.strategy as Strategy)) fail("--strategy must be naive or careful");
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) fail("--seed must be an integer");
  const roundSeconds = values["round-seconds"] === undefined ? undefined : Number(values["round-seconds"]);
  if (roundSeconds !== undefined && !(Number.isInteger(roundSeconds) && roundSeconds >= 30 && roundSeconds <= 900))
    fail("--round-seconds must be a whole number from 30 to 900");
  const decodeEvery = values["decode-every"] === undefined ? undefined : Number(values["decode-every"]);
  if (decodeEvery !== undefined && !(Number.isInteger(decodeEvery) && decodeEvery >= 1)) fail("--decode-every must be a whole number from 1");
  const result = await runNetworkBots({
    roundSeconds,
    decodeEvery,
    url: url.replace(/\/+$/, ""),
    joinUrl: values["join-url"]?.replace(/\/+$/, ""),
    scenario,
    variant,
    players,
    strategy: values.strategy as Strategy,
    seconds,
    seed,
    beforeStart: values["wait-for-go"] ? waitForGo : undefined,
    onStarted: (info) => process.stdout.write(`${JSON.stringify({ event: "started", ...info })}\n`),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const { gameId, roomCode, hostToken, latencyMs, summary } = result;
  const extra = values.metrics
    ? { bytesPerSecond: result.bytesPerSecond, framesPerSecond: result.framesPerSecond, actions: result.actions, refusals: result.refusals }
    : {};
  process.stdout.write(`${JSON.stringify({ gameId, roomCode, hostToken, players: result.players, latencyMs, summary, ...extra })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
