// The projector in a real browser, before any round: the pickers follow the chosen topic
// and variant, the lock button shows the room's real state, the whole page switches
// language at any moment, and the page fits the screen with no scroll.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, launch } from "./helpers/browser.js";
import { startInProcess, type Running } from "./helpers/servers.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  const clientDir = resolve("dist/client");
  if (!existsSync(`${clientDir}/host.html`)) throw new Error("the client is not built: run `npm run build` first");
  server = await startInProcess({ CLIENT_DIR: clientDir });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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

const options = (page: Page, testid: string) => page.getByTestId(testid).locator("option").evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
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
