// Screenshots of the design round (docs/game.md, the design round): the projector at 1920×1080
// and 1280×720 during the design phase and on the design table after the round, and a phone
// at 390×844 at each end of the pipeline, in Portuguese. Two teams of three choose different
// designs. `npx tsx scripts/designScreens.ts [dir]` (default docs/screens) after
// `npx vite build`. Prints each file written and any page error.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launch, PHONE, PROJECTOR } from "../test/helpers/browser.js";
import { startInProcess } from "../test/helpers/servers.js";

const dir = resolve(process.argv[2] ?? "docs/screens");
const locale = process.argv[3] ?? "pt-BR";
mkdirSync(dir, { recursive: true });
const server = await startInProcess({ CLIENT_DIR: resolve("dist/client"), IDLE_NUDGE_MS: "1000", IDLE_BOT_MS: "2000" });
const browser = await launch();
const errors: string[] = [];

const host = await (await browser.newContext({ ...PROJECTOR, locale })).newPage();
host.on("pageerror", (e) => errors.push(`projector: ${String(e)}`));
await host.goto(`${server.url}/host`);
await host.getByTestId("create-room").click();
const code = (await host.getByTestId("room-code").textContent())!.trim();

const names = ["Ana", "Bruno", "Caio", "Duda", "Enzo", "Fábio"];
const phones: Page[] = [];
for (const name of names) {
  const page = await (await browser.newContext({ ...PHONE, locale })).newPage();
  page.on("pageerror", (e) => errors.push(`${name}: ${String(e)}`));
  await page.goto(`${server.url}/?code=${code}`);
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-submit").tap();
  await page.getByTestId("you-are-in").waitFor();
  phones.push(page);
}

await host.getByTestId("scenario-select").selectOption("t9-end-to-end");
await host.getByTestId("variant-select").selectOption("design");
await host.locator("#seconds").fill("40");
await host.locator("#seconds").dispatchEvent("change");
await host.getByTestId("design-start").click();
await host.getByTestId("design-phase").waitFor();
for (const p of phones) await p.getByTestId("design-panel").waitFor();

/** Taps a design choice on a phone and waits until the room shows it pressed. */
async function choose(page: Page, setting: string, value: string): Promise<void> {
  const option = page.locator(`[data-testid=design-option][data-setting=${setting}][data-value=${value}]`);
  await option.tap();
  await option.and(page.locator("[aria-pressed=true]")).waitFor();
}

const endOf = (page: Page) => page.getByTestId("design-panel").getAttribute("data-end");
const byEnd = new Map<string, Page[]>();
for (const p of phones) {
  const end = (await endOf(p)) ?? "";
  byEnd.set(end, [...(byEnd.get(end) ?? []), p]);
}
// Team order follows the join order: the first phone of each end is team 1's.
const [producer1, producer2] = byEnd.get("producer") ?? [];
const [broker1, broker2] = byEnd.get("broker") ?? [];
const [consumer1, consumer2] = byEnd.get("consumer") ?? [];
await choose(producer1, "publish", "confirmRetryDedupId");
await choose(producer1, "write", "outbox");
await choose(broker1, "storage", "replicated");
await choose(broker1, "dedup", "on");
await choose(consumer1, "ack", "afterProcessing");
await choose(consumer1, "idempotency", "transactional");
await choose(producer2, "publish", "confirmRetry");
await choose(broker2, "storage", "durable");
await choose(consumer2, "ack", "afterProcessing");

const shot = async (page: Page, file: string, fullPage = false) => {
  await page.screenshot({ path: resolve(dir, file), fullPage });
  console.log(resolve(dir, file));
};
await host.waitForTimeout(400);
await shot(host, "design-phase-1080.png");
await host.setViewportSize({ width: 1280, height: 720 });
await host.waitForTimeout(300);
await shot(host, "design-phase-720.png");
await shot(producer1, "design-phone-producer.png");
await shot(broker1, "design-phone-broker.png");
await shot(consumer1, "design-phone-consumer.png");
await shot(consumer1, "design-phone-consumer-full.png", true);

await host.getByTestId("start-round").click();
await host
  .getByTestId("design-table")
  .waitFor({ timeout: 600_000 })
  .catch(async (error: unknown) => {
    await host.screenshot({ path: resolve(dir, "design-failed.png") });
    throw error;
  });
await host.waitForTimeout(300);
await shot(host, "design-debrief-720.png");
await host.setViewportSize(PROJECTOR.viewport);
await host.waitForTimeout(300);
await shot(host, "design-debrief-1080.png");

if (errors.length) console.log(errors.join("\n"));
await browser.close();
await server.close();
