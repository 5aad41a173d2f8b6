// Screenshots of the class touring the brokers, for looking at and for docs/screens/: a built
// client served in this process, a 1920×1080 projector and two 390×844 phones in headless
// Chromium. The broker picker on NATS JetStream, the tour of the brokers, a round on NATS with
// a consumer's help and buttons in its words, the debrief, and a topic-exchange round routed
// by the phone in the broker seat. Usage (after `npm run build`):
//   npx tsx scripts/brokerScreens.ts [en|pt-BR] [out dir]
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, PHONE } from "../test/helpers/browser.js";
import { startInProcess } from "../test/helpers/servers.js";
import { bindingMatches } from "../shared/engine/exchange.js";

const lang = process.argv[2] ?? "en";
const out = resolve(process.argv[3] ?? "test-artifacts/screens");
mkdirSync(out, { recursive: true });
const server = await startInProcess({ CLIENT_DIR: resolve("dist/client"), IDLE_NUDGE_MS: "60000", IDLE_BOT_MS: "120000" });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const host = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: lang })).newPage();
await host.goto(`${server.url}/host`);
await host.getByTestId("create-room").click();
const code = (await host.getByTestId("room-code").textContent())!.trim();
const phone = async (name: string): Promise<Page> => {
  const p = await (await browser.newContext({ ...PHONE, locale: lang })).newPage();
  await p.goto(`${server.url}/?code=${code}`);
  await p.getByTestId("join-name").fill(name);
  await p.getByTestId("join-submit").tap();
  await p.getByTestId("my-role").waitFor();
  return p;
};
const ana = await phone("Ana");
const bia = await phone("Bia");
const choose = async (scenario: string, variant: string) => {
  await host.getByTestId("scenario-select").selectOption(scenario);
  await host.waitForTimeout(600);
  await host.getByTestId("variant-select").selectOption(variant);
  await host.waitForTimeout(600);
};
await choose("t4-duplicates", "naive");
await host.getByTestId("profile-select").selectOption("nats");
await host.waitForTimeout(800);
await host.screenshot({ path: `${out}/brokers-picker-${lang}.png` });
await host.getByTestId("broker-tour").click();
await host.locator('[data-testid="broker-tour-view"][data-done="true"]').waitFor();
await host.screenshot({ path: `${out}/brokers-tour-${lang}.png` });
await host.getByTestId("broker-tour-close").click();
await host.getByTestId("start-round").click();
await bia.getByTestId("role-help").waitFor({ timeout: 20000 });
await bia.waitForTimeout(500);
await bia.screenshot({ path: `${out}/brokers-phone-help-${lang}.png` });
await bia.getByTestId("role-help-close").tap();
await ana.getByTestId("role-help-close").tap();
for (let i = 0; i < 40; i++) {
  if ((await ana.getByTestId("action-send").getAttribute("aria-disabled")) === "false") await ana.getByTestId("action-send").tap();
  const proc = bia.locator('[data-testid="action-process"][aria-disabled="false"]');
  if (await proc.count()) await proc.tap();
  await host.waitForTimeout(250);
}
await bia.screenshot({ path: `${out}/brokers-phone-consumer-${lang}.png` });
await host.screenshot({ path: `${out}/brokers-round-${lang}.png` });
await host.getByTestId("end-round").click();
await host.getByTestId("debrief").waitFor({ timeout: 90000 });
await host.waitForTimeout(500);
await host.screenshot({ path: `${out}/brokers-debrief-${lang}.png` });
await host.getByTestId("debrief-close").click();
// The exchange round: Bia in the broker seat.
await choose("t2-queues-topics", "exchange-topic");
await host.waitForTimeout(1000);
await host.getByTestId("start-round").click();
await bia.getByTestId("role-help").waitFor({ timeout: 20000 });
await bia.getByTestId("role-help-close").tap();
await ana.getByTestId("role-help-close").tap();
const bindings = [
  { queue: "billing", key: "br.*" },
  { queue: "shipping", key: "#" },
  { queue: "loyalty", key: "*.ana" },
];
for (let sent = 0, done = 0; done < 3;) {
  if (sent < 4 && (await ana.getByTestId("action-send").getAttribute("aria-disabled")) === "false") {
    await ana.getByTestId("action-send").tap();
    sent++;
  }
  const hint = bia.locator('[data-testid="seat-hint"][data-hint="brokerRouteKey"]');
  if (!(await hint.count())) {
    await bia.waitForTimeout(200);
    continue;
  }
  // The hint names the routing key in both languages ("routing key br.ana:").
  const key = /routing key (\S+):/.exec((await hint.textContent()) ?? "")?.[1] ?? "";
  const matching = bindings.filter((b) => bindingMatches("topic", b.key, key));
  await bia.getByTestId("route-target").selectOption(matching[0].queue);
  await bia.getByTestId("action-route").tap();
  await bia.waitForTimeout(400);
  if (done === 2) {
    await bia.screenshot({ path: `${out}/brokers-phone-exchange-${lang}.png` });
    await host.screenshot({ path: `${out}/brokers-exchange-round-${lang}.png` });
  }
  for (const b of matching.slice(1)) {
    await bia.getByTestId("route-target").selectOption(b.queue);
    await bia.getByTestId("action-route").tap();
    await bia.waitForTimeout(300);
  }
  if (await bia.locator('[data-testid="action-persist"][aria-disabled="false"]').count()) await bia.getByTestId("action-persist").tap();
  await bia.waitForTimeout(300);
  await bia.getByTestId("action-confirm").tap();
  await bia.waitForTimeout(400);
  done++;
}
await browser.close();
await server.close();
process.exit(0);
