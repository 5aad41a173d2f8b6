// The projector in a real browser. Before any round: the pickers follow the chosen topic and
// variant, the lock button shows the room's real state, the whole page switches language.
// Then a class of three phones plays three rounds in one room (t3 naive, t3 fixed, t4
// naive): the timer, each phone's role help, the grouped debrief whose counts add up, the
// replay opened at this round, at a cause and beside the previous round, a phone's language
// switched after joining, no scroll at 1080p and 720p, no page error anywhere.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, chromiumAvailable, withServerAndBrowser, joinPhone } from "./helpers/browser.js";
import type { Running } from "./helpers/servers.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;

// Idle phones get a bot on their seat within seconds, so rounds have work without tapping.
withServerAndBrowser({ IDLE_NUDGE_MS: "1000", IDLE_BOT_MS: "2000" }, (s, b) => ((server = s), (browser = b)));

const SLOW = { timeout: 15_000 };

async function projector(locale: string, viewport = { width: 1280, height: 720 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/host`);
  await page.getByTestId("create-room").click();
  await page.getByTestId("room-code").waitFor();
  return { page, errors };
}

const options = (page: Page, testid: string) =>
  page
    .getByTestId(testid)
    .locator("option")
    .evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
const labels = (page: Page, testid: string) => page.getByTestId(testid).locator("option").allTextContents();

describe.skipIf(!available)("the projector before a round", () => {
  it("pickers follow the topic and variant, the lock tells the truth, the page switches language", async () => {
    const { page, errors } = await projector("pt-BR");
    // The topic picker is "Tema da aula", never "Tópico".
    expect(await page.getByTestId("scenario-select").getAttribute("aria-label")).toBe("Tema da aula");

    // Topic 7: its own variants and goal, not topic 3's.
    await page.getByTestId("scenario-select").selectOption("t7-ordering");
    await expect.poll(() => labels(page, "variant-select"), SLOW).toContain("Ordem best-effort");
    expect(await labels(page, "variant-select")).not.toContain("Fire-and-forget");
    await expect.poll(() => page.getByTestId("scenario-goal").textContent(), SLOW).toMatch(/ordem/i);

    // Topic 2's `topic` variant is there at once, and choosing it changes the summary.
    await page.getByTestId("scenario-select").selectOption("t2-queues-topics");
    await expect.poll(() => options(page, "variant-select"), SLOW).toContain("topic");
    const queueSummary = await page.getByTestId("variant-summary").textContent();
    await page.getByTestId("variant-select").selectOption("topic");
    await expect.poll(() => page.getByTestId("variant-summary").textContent(), SLOW).not.toBe(queueSummary);
    expect(await page.getByTestId("variant-select").inputValue()).toBe("topic");

    // The lock button shows the real state, twice over.
    const lock = page.getByTestId("room-lock");
    expect(await lock.getAttribute("aria-pressed")).toBe("false");
    await lock.click();
    await expect.poll(() => lock.getAttribute("aria-pressed"), SLOW).toBe("true");
    expect(await lock.textContent()).toMatch(/trancada/i);
    await lock.click();
    await expect.poll(() => lock.getAttribute("aria-pressed"), SLOW).toBe("false");
    expect(await lock.textContent()).toMatch(/aberta/i);

    // English, all of it: the connection status too.
    expect(await page.locator("#status").textContent()).toBe("Conectado");
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => page.locator("#status").textContent(), SLOW).toBe("Connected");
    expect(await page.getByTestId("scenario-select").getAttribute("aria-label")).toBe("Lesson topic");
    expect(await page.getByTestId("room-lock").textContent()).toMatch(/open/i);
    expect(await page.getByTestId("variant-select").inputValue()).toBe("topic");
    expect(errors).toEqual([]);
  });
});

/** The page fits its viewport: no vertical scroll, at a 1080p and a 720p projector. */
async function fitsBothSizes(page: Page, what: string): Promise<void> {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(viewport);
    await expect
      .poll(() => page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight), {
        ...SLOW,
        message: `${what} at ${viewport.width}×${viewport.height}`,
      })
      .toBeLessThanOrEqual(0);
  }
}

function phone(url: string, code: string, name: string, errors: string[]): Promise<Page> {
  return joinPhone(browser, url, code, name, errors);
}

/** Plays a round from the lobby: start, let the seats (bots standing in for idle phones) work under a fault or two, end, wait for the debrief. */
async function playRound(host: Page, scenario: string, variant: string, faults: string[], phones: Page[] = []): Promise<void> {
  await host.getByTestId("scenario-select").selectOption(scenario);
  await expect.poll(() => host.getByTestId("scenario-select").inputValue(), SLOW).toBe(scenario);
  await host.getByTestId("variant-select").selectOption(variant);
  await expect.poll(() => host.getByTestId("variant-select").inputValue(), SLOW).toBe(variant);
  await host.getByTestId("start-round").click();
  await host.locator("#phase", { hasText: "Rodada em andamento" }).waitFor({ timeout: 20_000 });
  // Each phone shows its role's help as the round starts.
  for (const p of phones) await p.getByTestId("role-help").waitFor({ timeout: 20_000 });
  // The timer counts down.
  const timer = host.getByTestId("round-timer");
  await expect.poll(async () => /^\d+:\d\d$/.test((await timer.textContent()) ?? ""), SLOW).toBe(true);
  const first = Number(await timer.getAttribute("data-ms"));
  await expect.poll(async () => Number(await timer.getAttribute("data-ms")), SLOW).toBeLessThan(first - 500);
  // Work gets recorded (bots play the idle phones' seats), then faults strike.
  await expect
    .poll(async () => Number(await host.locator("#leaderboard tbody tr td.count.committed").first().textContent()), { timeout: 30_000 })
    .toBeGreaterThan(4);
  for (const fault of faults) await host.getByTestId(`fault-${fault}`).click();
  await expect
    .poll(async () => Number(await host.locator("#leaderboard tbody tr td.count.committed").first().textContent()), { timeout: 30_000 })
    .toBeGreaterThan(12);
  await host.getByTestId("end-round").click();
  await host.getByTestId("debrief").waitFor({ timeout: 90_000 });
}

/** The debrief's groups add up to its total; returns the total. */
async function groupedTotal(host: Page): Promise<number> {
  const total = Number(await host.getByTestId("debrief-total").getAttribute("data-count"));
  const counts = await host.getByTestId("debrief-cause").evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.count)));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  for (const code of await host.getByTestId("debrief-cause").evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.cause ?? "")))
    expect(code).toMatch(/^[a-zA-Z]+$/);
  // No sentence has a hole.
  for (const text of await host.locator(".sentence").allTextContents()) expect(text).not.toMatch(/\{\w+\}|\s{2}| ,/);
  return total;
}

describe.skipIf(!available)("a class in one room", () => {
  it("plays t3 naive, t3 fixed and t4 naive on a 1280×720 projector with three phones in Portuguese", async () => {
    const errors: string[] = [];
    const { page: host } = await projector("pt-BR");
    host.on("pageerror", (e) => errors.push(`projector: ${String(e)}`));
    const code = (await host.getByTestId("room-code").textContent())!.trim();
    const phones = [await phone(server.url, code, "Ana", errors), await phone(server.url, code, "Bia", errors), await phone(server.url, code, "Caio", errors)];

    // The lobby: who joined, big; the join address short and unbroken; it fits.
    await expect.poll(() => host.getByTestId("roster-count").textContent(), SLOW).toBe("3 na sala");
    expect(await host.getByTestId("join-address").textContent()).toBe(new URL(server.url).host);
    await fitsBothSizes(host, "the lobby");
    await host.setViewportSize({ width: 1920, height: 1080 });
    for (const testid of ["room-code", "join-address", "roster-count"])
      expect(await host.getByTestId(testid).evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), testid).toBeGreaterThanOrEqual(24);
    await host.setViewportSize({ width: 1280, height: 720 });

    // Round 1: t3 naive, the broker and a consumer crash.
    await playRound(host, "t3-lost-messages", "naive", ["crashBroker", "crashConsumer"], phones);
    await fitsBothSizes(host, "the debrief");
    await host.setViewportSize({ width: 1920, height: 1080 });
    expect(await host.getByTestId("debrief-total").evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
    await host.setViewportSize({ width: 1280, height: 720 });
    const total = await groupedTotal(host);
    expect(total).toBeGreaterThan(0);
    expect(await host.getByTestId("compare-previous").count()).toBe(0);

    // This round in the replay viewer, from the debrief.
    const [replay] = await Promise.all([host.context().waitForEvent("page"), host.getByTestId("open-replay").click()]);
    await replay.getByTestId("replay-timeline").waitFor({ timeout: 30_000 });
    await expect.poll(() => replay.getByTestId("replay-round").textContent(), SLOW).toContain("t3-lost-messages · naive");
    await replay.close();
    // A cause's first anomaly, at its moment.
    const firstCause = host.getByTestId("debrief-cause").first();
    const href = (await firstCause.getByTestId("cause-replay").getAttribute("href"))!;
    const tick = new URL(href, server.url).searchParams.get("tick");
    const [atCause] = await Promise.all([host.context().waitForEvent("page"), firstCause.getByTestId("cause-replay").click()]);
    await expect.poll(() => atCause.getByTestId("replay-timeline").inputValue(), { timeout: 30_000 }).toBe(tick);
    await atCause.close();

    // Back to the room with the key; the pickers still show the round's topic.
    await host.keyboard.press("Escape");
    await host.getByTestId("start-round").waitFor();
    expect(await host.getByTestId("scenario-select").inputValue()).toBe("t3-lost-messages");

    // Round 2: t3 fixed, compared with round 1 without downloading anything.
    await playRound(host, "t3-lost-messages", "fixed", ["crashBroker"]);
    await fitsBothSizes(host, "the debrief");
    await groupedTotal(host);
    const [compare] = await Promise.all([host.context().waitForEvent("page"), host.getByTestId("compare-previous").click()]);
    await expect.poll(() => compare.getByTestId("compare-side").count(), { timeout: 30_000 }).toBe(2);
    await compare.close();
    await host.getByTestId("debrief-close").click();

    // Round 3: t4 naive; the round itself fits both sizes while it runs.
    await host.getByTestId("scenario-select").selectOption("t4-duplicates");
    await expect.poll(() => host.getByTestId("variant-select").inputValue(), SLOW).toBe("naive");
    await host.getByTestId("start-round").click();
    await host.locator("#phase", { hasText: "Rodada em andamento" }).waitFor({ timeout: 20_000 });
    await fitsBothSizes(host, "a round");
    await host.setViewportSize({ width: 1920, height: 1080 });
    // The board is redrawn as the round runs: a score element read while it is replaced has no style yet, so read until one has.
    const fontSize = (testid: string) => () =>
      host
        .getByTestId(testid)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await expect.poll(fontSize("team-score"), SLOW).toBeGreaterThanOrEqual(24);
    await expect.poll(fontSize("round-timer"), SLOW).toBeGreaterThanOrEqual(24);
    await host.setViewportSize({ width: 1280, height: 720 });
    // A phone switches language after joining, completely and without an error.
    await phones[0].getByTestId("lang-toggle").tap();
    await expect.poll(() => phones[0].evaluate(() => document.documentElement.lang), SLOW).toBe("en");
    await expect.poll(() => phones[0].getByTestId("my-role").textContent(), SLOW).toMatch(/Producer|Consumer|Broker/);
    await expect
      .poll(async () => Number(await host.locator("#leaderboard tbody tr td.count.committed").first().textContent()), { timeout: 30_000 })
      .toBeGreaterThan(4);
    await host.getByTestId("fault-dropAck").click();
    await host.getByTestId("end-round").click();
    await host.getByTestId("debrief").waitFor({ timeout: 90_000 });
    // The round played is the one chosen just before Start, even on a slow connection.
    await expect.poll(() => host.locator(".debrief-head h1").textContent(), SLOW).toMatch(/duplica/i);
    await groupedTotal(host);
    // The previous round of t4 in this room: none.
    expect(await host.getByTestId("compare-previous").count()).toBe(0);

    // The projector switches language on the debrief too.
    await host.getByTestId("lang-toggle").click();
    await expect.poll(() => host.locator(".debrief-head h1").textContent(), SLOW).toMatch(/^Debrief · /);
    expect(await host.locator("#status").textContent()).toBe("Connected");
    await host.screenshot({ path: `${ARTIFACTS}/projector-three-rounds.png` });
    expect(errors).toEqual([]);
  }, 400_000);
});
