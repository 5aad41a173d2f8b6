// Screenshots of the phone at 390×844 (touch, headless Chromium) in Portuguese and English:
// the join form, the lobby, the role's help, each role during a round (Topic 2's topic
// variant has a human broker), the idle nudge, the end of a t3 round, a poll and a
// prediction, Topic 7's consumer with its five buttons. `npx tsx scripts/phoneScreens.ts
// [dir]` (default docs/screens) after `npm run build`. The committed ones are compressed with
// `convert F -strip +dither -colors 32 PNG8:F` (flat colours: ~30 KB each).
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch, PHONE } from "../test/helpers/browser.js";
import { createRoom, join, startInProcess, type Recorder } from "../test/helpers/servers.js";

const dir = resolve(process.argv[2] ?? "docs/screens");
mkdirSync(dir, { recursive: true });
const server = await startInProcess({ CLIENT_DIR: resolve("dist/client"), IDLE_NUDGE_MS: "3000", IDLE_BOT_MS: "600000" });
const browser = await launch();
const errors: string[] = [];

async function phone(b: Browser, url: string, code: string, locale: string): Promise<Page> {
  const page = await (await b.newContext({ ...PHONE, locale })).newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}/?code=${code}`);
  return page;
}

async function enter(page: Page, name: string): Promise<void> {
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-submit").tap();
  await page.getByTestId("you-are-in").waitFor();
}

/** Each phone taps the button its hint suggests, a few times a second, for `ms`. */
async function play(phones: Page[], ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until)
    for (const p of phones) {
      const button = p.locator(".action.suggested:not(.blocked)").first();
      if (await button.count()) await button.tap().catch(() => undefined);
      await p.waitForTimeout(60);
    }
}

const roleOf = async (p: Page) => (await p.getByTestId("my-role").textContent()) ?? "";
const shot = (p: Page, name: string) => p.screenshot({ path: `${dir}/${name}.png` });

async function session(locale: string): Promise<void> {
  const suffix = locale === "pt-BR" ? "pt" : "en";
  const { roomCode, hostToken } = await createRoom(server.url);
  const host: Recorder = await join(server.url, roomCode, { hostToken });
  const names = locale === "pt-BR" ? ["Ana Luíza", "Bruno", "Caio", "Dani"] : ["Amy", "Ben", "Chloe", "Dan"];
  const phones: Page[] = [];
  for (let i = 0; i < names.length; i++) phones.push(await phone(browser, server.url, roomCode, locale));
  await shot(phones[0], `phone-join-${suffix}`);
  for (const [i, p] of phones.entries()) await enter(p, names[i]);
  host.room.send("host:config", { scenario: "t2-queues-topics", variant: "topic" });
  await phones[0].getByTestId("my-role").and(phones[0].locator("[data-preview]")).waitFor();
  await shot(phones[0], `phone-lobby-${suffix}`);

  // Topic 2, topic variant: a producer, a human broker, consumers; the last phone stays idle.
  host.room.send("host:start", {});
  for (const p of phones) await p.getByTestId("role-help").waitFor({ timeout: 20_000 });
  const roles = await Promise.all(phones.map(roleOf));
  const find = (re: RegExp) => phones[roles.findIndex((r) => re.test(r))];
  const [producer, broker] = [find(/P1/), find(/\bB\b/)];
  const consumer = phones.find((p, i) => /C\d/.test(roles[i]) && p !== phones[3]) ?? find(/C\d/);
  await shot(broker, `phone-help-${suffix}`);
  const active = phones.filter((p) => p !== phones[3]);
  for (const p of phones) await p.getByTestId("role-help-close").tap();
  await play(active, 7000);
  // The broker lets a few messages pile up, so its screen shows what it routes.
  await play(
    active.filter((p) => p !== broker),
    3000,
  );
  await shot(producer, `phone-producer-${suffix}`);
  await shot(broker, `phone-broker-${suffix}`);
  await shot(consumer, `phone-consumer-${suffix}`);
  await phones[3].getByTestId("idle-nudge").waitFor({ timeout: 20_000 });
  await shot(phones[3], `phone-nudge-${suffix}`);
  host.room.send("host:end", {});
  await phones[0].getByTestId("results").waitFor({ timeout: 60_000 });

  // Topic 3, naive: play a while, end, read the results and their main cause.
  host.room.send("host:config", { scenario: "t3-lost-messages", variant: "naive" });
  host.room.send("host:start", {});
  for (const p of phones) await p.getByTestId("role-help").waitFor({ timeout: 20_000 });
  for (const p of phones) await p.getByTestId("role-help-close").tap();
  await play(phones, 25_000);
  host.room.send("host:end", {});
  for (const p of phones) await p.getByTestId("results").waitFor({ timeout: 90_000 });
  const withCause = (await Promise.all(phones.map((p) => p.getByTestId("main-cause").count()))).findIndex((n) => n > 0);
  await shot(phones[Math.max(0, withCause)], `phone-end-${suffix}`);

  // Topic 7, fixed: the consumer's five buttons, and the hint that says which one now.
  host.room.send("host:config", { scenario: "t7-ordering", variant: "fixed" });
  host.room.send("host:start", {});
  for (const p of phones) await p.getByTestId("role-help").waitFor({ timeout: 20_000 });
  const t7 = phones[(await Promise.all(phones.map(roleOf))).findIndex((r) => /C\d/.test(r))];
  await shot(t7, `phone-help-t7-${suffix}`);
  for (const p of phones) await p.getByTestId("role-help-close").tap();
  await play(phones, 8000);
  await shot(t7, `phone-consumer-t7-${suffix}`);
  host.room.send("host:end", {});
  for (const p of phones) await p.getByTestId("results").waitFor({ timeout: 90_000 });

  // Lesson mode, Topic 1: the poll, then the prediction.
  host.room.send("host:lesson", { action: "start" });
  host.room.send("host:lesson", { action: "next" });
  const p = phones[1];
  await p.getByTestId("poll-input").waitFor({ timeout: 20_000 });
  await p.getByTestId("poll-input").fill(locale === "pt-BR" ? "não esperar a resposta" : "not waiting for the answer");
  await p.getByTestId("poll-submit").tap();
  await p.getByTestId("poll-sent").waitFor();
  await shot(p, `phone-poll-${suffix}`);
  host.room.send("host:lesson", { action: "next" });
  await p.getByTestId("prediction-option").first().waitFor({ timeout: 20_000 });
  await p.getByTestId("prediction-option").nth(1).tap();
  await p.locator("[data-testid=prediction-option][aria-pressed=true]").waitFor();
  await shot(p, `phone-prediction-${suffix}`);
  await host.room.leave();
  for (const page of phones) await page.context().close();
}

try {
  for (const locale of ["pt-BR", "en"]) await session(locale);
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  process.stdout.write(`screenshots in ${dir}\n`);
} finally {
  await browser.close();
  await server.close();
}
