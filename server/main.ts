// `npm start`: one server process. Prints every address phones can use.
import { readConfig } from "./config.js";
import { createApp } from "./app.js";
import { lanUrls } from "./net.js";

async function main(): Promise<void> {
  const config = readConfig();
  const app = await createApp(config);
  await app.server.listen(config.port);
  const recovered = await app.recover();
  const urls = lanUrls(config.port);
  process.stdout.write(
    [
      `Exactly Once is running on port ${config.port}${config.redisUrl ? " (Redis scale-out)" : ""}; data in ${config.dataDir}`,
      `  host (projector): http://localhost:${config.port}/host`,
      ...urls.map((u) => `  students join at:  ${u}/`),
      `  QR codes point to: ${app.context.joinBaseUrl}/${config.publicUrl ? " (PUBLIC_URL)" : ""}`,
      ...(recovered.length ? [`  rooms brought back after a restart: ${recovered.join(", ")} (a round that was running is paused; the host resumes)`] : []),
      "",
    ].join("\n"),
  );
  const stop = async (signal: string) => {
    process.stdout.write(`${signal}: closing rooms and logs\n`);
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`exactly-once: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
