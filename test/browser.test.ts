// The whole product in a real browser: a projector and three phones (390x844, touch) play a
// t3-lost-messages round; a refused action shows its reason; the language toggle switches
// to Portuguese; a reloaded phone returns to its seat; the projector canvas is not blank.
// Screenshots go to test-artifacts/ (not committed).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, PHONE, PROJECTOR, chromiumAvailable, launch } from "./helpers/browser.js";
import { startInProcess, type Running } from "./helpers/servers.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  const clientDir = resolve("dist/client");
  if (!existsSync(`${clientDir}/index.html`)) throw new Error("the client is not built: npm test runs `npm run build` first");
  server = await startInProcess({ CLIENT_DIR: clientDir });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phone(url: string, code: string, name: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${url}/?code=${code}`);
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-submit").tap();
  await page.getByTestId("my-role").waitFor();
  return page;
}

/** How many distinct colours the projector's canvas shows (a blank canvas has one). */
async function canvasColours(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const canvas = document.querySelector("#scene canvas") as HTMLCanvasElement | null;
    if (!canvas) return 0;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d") as CanvasRenderingContext2D;
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  });
}

describe.skipIf(!available)("in the browser", () => {
  it("a projector and three phones play a whole t3-lost-messages round", async () => {
    const hostContext = await browser.newContext({ ...PROJECTOR, locale: "en-US" });
    const host = await hostContext.newPage();
    const errors: string[] = [];
    host.on("pageerror", (e) => errors.push(String(e)));
    await host.goto(`${server.url}/host`);
    await host.getByTestId("create-room").click();
    const code = (await host.getByTestId("room-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const phones = [await phone(server.url, code, "Ana"), await phone(server.url, code, "Bia"), await phone(server.url, code, "Caio")];
    await host.getByTestId("scenario-select").selectOption("t3-lost-messages");
    await host.getByTestId("variant-select").selectOption("naive");
    await host.getByTestId("start-round").click();

    const roles = await Promise.all(
      phones.map(async (p) => {
        await p
          .getByText(/Producer P1|Consumer C\d/)
          .first()
          .waitFor({ timeout: 15_000 });
        return (await p.getByTestId("my-role").textContent()) ?? "";
      }),
    );
    const producer = phones[roles.findIndex((r) => r.includes("P1"))];
    const consumers = phones.filter((p) => p !== producer);
    await host.getByText(/Round running/).waitFor({ timeout: 15_000 });

    // The producer sends; consumers process what arrives.
    for (let i = 0; i < 6; i++) {
      await producer.getByTestId("action-send").tap();
      await producer.waitForTimeout(250);
      for (const c of consumers) if (await c.locator("li.token").count()) await c.getByTestId("action-process").tap();
    }
    await producer.getByText(/P1-1/).first().waitFor();

    // A pause covers the phones, and their buttons say why they cannot act.
    await host.getByTestId("pause-round").click();
    await host.getByText(/^Paused/).waitFor();
    await producer.getByTestId("overlay-paused").waitFor();
    await producer.getByTestId("action-send").getByText("paused").waitFor();
    await host.getByTestId("pause-round").click();
    await producer.getByTestId("overlay-paused").waitFor({ state: "detached" });

    // The language toggle switches to Portuguese.
    await consumers[0].getByTestId("lang-toggle").tap();
    await consumers[0].getByTestId("action-process").getByText("Processar").waitFor();
    expect(await consumers[0].evaluate(() => document.documentElement.lang)).toBe("pt-BR");

    // Reloading a phone mid-round returns it to its seat.
    const before = await consumers[1].getByTestId("my-role").textContent();
    await consumers[1].reload();
    await consumers[1]
      .getByTestId("my-role")
      .getByText(before ?? "")
      .waitFor({ timeout: 15_000 });

    // The projector draws the pipeline.
    await host.waitForTimeout(1500);
    expect(await canvasColours(host)).toBeGreaterThan(4);
    await host.screenshot({ path: `${ARTIFACTS}/projector.png` });
    await producer.screenshot({ path: `${ARTIFACTS}/phone-producer.png` });
    await consumers[0].screenshot({ path: `${ARTIFACTS}/phone-consumer-pt.png` });

    await host.getByTestId("end-round").click();
    await host.getByTestId("debrief").waitFor({ timeout: 60_000 });
    await host.screenshot({ path: `${ARTIFACTS}/projector-debrief.png` });
    await host.getByTestId("debrief-close").click();
    await producer.getByTestId("team-score").waitFor({ timeout: 15_000 });
    expect(await host.getByTestId("start-round").count()).toBe(1);
    expect(errors).toEqual([]);
  }, 240_000);

  it("the join page refuses an unknown code with a clear message", async () => {
    const page = await (await browser.newContext({ ...PHONE, locale: "pt-BR" })).newPage();
    await page.goto(`${server.url}/?code=QQQQQQ`);
    await page.getByTestId("join-name").fill("Davi");
    await page.getByTestId("join-submit").tap();
    await page.getByText("Nenhuma sala aberta tem esse código.").waitFor();
  }, 60_000);
});
