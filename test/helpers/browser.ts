// Debian's Chromium driven by playwright-core (no browser download). In CI a missing
// Chromium is a failure, never a skip: .ci/run installs it.
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startInProcess, type Running } from "./servers.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = "test-artifacts";

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (see .ci/run)`);
  return false;
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
export const PROJECTOR = { viewport: { width: 1920, height: 1080 } } as const;

/**
 * A test file's server, serving the built client with `env` set, and its browser: started
 * before the file's tests (when Chromium is there) and closed after them. `use` receives both.
 */
export function withServerAndBrowser(env: Record<string, string>, use: (server: Running, browser: Browser) => void): void {
  let server: Running | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!chromiumAvailable()) return;
    const clientDir = resolve("dist/client");
    if (!existsSync(`${clientDir}/host.html`)) throw new Error("the client is not built: run `npm run build` first");
    server = await startInProcess({ CLIENT_DIR: clientDir, ...env });
    browser = await launch();
    use(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** A touch phone (390×844) that joins room `code` as `name` and waits for `until` to show; its page errors go to `errors`. */
export async function joinPhone(
  browser: Browser,
  url: string,
  code: string,
  name: string,
  errors: string[],
  { locale = "pt-BR", until = "my-role" }: { locale?: string; until?: "my-role" | "you-are-in" } = {},
): Promise<Page> {
  const page = await (await browser.newContext({ ...PHONE, locale })).newPage();
  page.on("pageerror", (e) => errors.push(`${name}: ${String(e)}`));
  await page.goto(`${url}/?code=${code}`);
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-submit").tap();
  await page.getByTestId(until).waitFor();
  return page;
}
