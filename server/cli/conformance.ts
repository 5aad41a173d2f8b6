// `npm run conformance [-- --markdown FILE] [-- --only TEXT]` (docs/contracts.md#conformance-with-real-brokers):
// each experiment against the real RabbitMQ and NATS JetStream and against the engine, one
// JSON line each, then the summary line. Exit 0 when all match, 1 when one does not, 2 when
// a broker cannot be reached (one sentence on stderr) or the arguments are wrong.
import { parseArgs } from "node:util";
import { checkTarget, conformanceTable, writeTable } from "../conformance/markdown.js";
import { EXPERIMENTS, runConformance } from "../conformance/run.js";
import { usageError } from "./usage.js";

const fail: (message: string) => never = usageError("conformance");

function finish(code: number): void {
  process.stdout.write("", () => process.exit(code));
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { markdown: { type: "string" }, only: { type: "string" } }, strict: true }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.markdown) {
    const problem = checkTarget(values.markdown);
    if (problem) fail(problem);
  }
  // A test names the run to check afterwards that nothing of it is left on the brokers.
  const runId = process.env.CONFORMANCE_RUN_ID || undefined;
  if (runId !== undefined && !/^[a-z0-9]{1,24}$/.test(runId)) fail("CONFORMANCE_RUN_ID must be 1 to 24 lowercase letters or digits");
  const result = await runConformance({
    rabbitUrl: process.env.RABBITMQ_URL || "amqp://127.0.0.1:5672",
    natsUrl: process.env.NATS_URL || "nats://127.0.0.1:4222",
    only: values.only,
    runId,
    print: (line) => process.stdout.write(`${line}\n`),
  });
  if (!result.ok) {
    process.stderr.write(result.unreachable.map((sentence) => `${sentence}\n`).join(""));
    finish(2);
    return;
  }
  process.stdout.write(`${JSON.stringify(result.summary)}\n`);
  if (values.markdown) writeTable(values.markdown, conformanceTable(result.lines, result.summary, EXPERIMENTS));
  finish(result.summary.matched === result.summary.experiments ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`conformance: ${(error as Error)?.stack ?? String(error)}\n`);
  finish(1);
});
