// `npm run simulate -- --scenario ID --variant V --seed N [--teams T] [--log FILE] [--strategy S] [--profile P] [--design SPEC]…`
// and `npm run simulate -- --list` (docs/contracts.md#npm-run-simulate).
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { usageError } from "./usage.js";
import { STRATEGIES, type Strategy } from "../../shared/bots/bots.js";
import { catalogueJson } from "../../shared/scenarios/catalogue.js";
import { isProfileId, PROFILE_IDS } from "../../shared/engine/profiles.js";
import { RoundError } from "../../shared/sim/round.js";
import { simulate } from "../../shared/sim/simulate.js";
import { parseDesign, type Design } from "../../shared/design/settings.js";

const fail: (message: string) => never = usageError("simulate");

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: "string" },
        variant: { type: "string" },
        seed: { type: "string" },
        teams: { type: "string", default: "1" },
        log: { type: "string" },
        strategy: { type: "string", default: "naive" },
        profile: { type: "string" },
        design: { type: "string", multiple: true },
        list: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.list) {
    process.stdout.write(`${JSON.stringify(catalogueJson())}\n`);
    return;
  }
  if (!values.scenario || !values.variant || values.seed === undefined)
    fail(
      `usage: --scenario ID --variant V --seed N [--teams T] [--log FILE] [--strategy naive|careful] [--profile ${PROFILE_IDS.join("|")}] [--design naive|careful|[careful,]setting=value,…]… | --list`,
    );
  const seed = Number(values.seed);
  const teams = Number(values.teams);
  if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`);
  if (!/^\d+$/.test(values.teams) || teams < 1 || teams > 200) fail(`--teams must be an integer from 1 to 200, got ${values.teams}`);
  if (!STRATEGIES.includes(values.strategy as Strategy)) fail(`--strategy must be naive or careful, got ${values.strategy}`);
  if (values.profile !== undefined && !isProfileId(values.profile)) fail(`--profile must be one of ${PROFILE_IDS.join(", ")}, got ${values.profile}`);
  const designs: Design[] = [];
  for (const spec of values.design ?? []) {
    const d = parseDesign(spec);
    if (typeof d === "string") fail(`--design ${spec}: ${d}`);
    designs.push(d);
  }
  const profile = values.profile !== undefined && isProfileId(values.profile) ? values.profile : undefined;
  const file = values.log ? createWriteStream(values.log) : null;
  let buffer: string[] = [];
  const flush = () => {
    if (file && buffer.length) file.write(buffer.join(""));
    buffer = [];
  };
  let result;
  try {
    result = simulate(
      {
        scenario: values.scenario,
        variant: values.variant,
        seed: seed | 0,
        teams,
        strategy: values.strategy as Strategy,
        ...(profile ? { profile } : {}),
        ...(designs.length ? { designs } : {}),
      },
      file
        ? (line) => {
            buffer.push(line + "\n");
            if (buffer.length >= 4096) flush();
          }
        : undefined,
    );
  } catch (error) {
    if (error instanceof RoundError) fail(error.message);
    throw error;
  }
  flush();
  if (file) await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  process.stdout.write(`${JSON.stringify(result.summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
