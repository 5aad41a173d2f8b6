// The replay viewer in a real browser: a simulated t4-duplicates naive log is opened from a
// file; the timeline is scrubbed by value and by keys; the round plays at 4x; a click on an
// anomaly jumps to its cause's tick; a message is followed hop by hop; the language switches
// to Portuguese. Wrong, torn and other-version files get their messages. Screenshots go to
// test-artifacts/ (not committed).
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { check } from "../shared/checker/checker.js";
import { followMessage } from "../shared/replay/follow.js";
import { indexLog } from "../shared/replay/replayIndex.js";
import { simulate, type SimulationResult } from "../shared/sim/simulate.js";
import { formatTick } from "../shared/replay/format.js";
import { ARTIFACTS, PROJECTOR, chromiumAvailable, launch } from "./helpers/browser.js";
import { hashToken } from "../server/session/auth.js";
import { createRoom, startInProcess, tempDir, type Running } from "./helpers/servers.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;
let logPath = "";
let lines: string[] = [];
let result: SimulationResult;

beforeAll(async () => {
  if (!available) return;
  const clientDir = resolve("dist/client");
  if (!existsSync(`${clientDir}/replay.html`)) throw new Error("the client is not built: npm test runs `npm run build` first");
  lines = [];
  result = simulate({ scenario: "t4-duplicates", variant: "naive", seed: 3, teams: 3 }, (line) => lines.push(line));
  logPath = join(tempDir("eo-replay-"), "t4-duplicates-naive-3.ndjson");
  writeFileSync(logPath, lines.join("\n") + "\n");
  server = await startInProcess({ CLIENT_DIR: clientDir });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(locale = "en-US"): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...PROJECTOR, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/replay`);
  return { page, errors };
}

/** Polls wait for a page that may be busy parsing Phaser. */
const SLOW = { timeout: 15_000 };

const tickOf = async (page: Page) => Number(await page.getByTestId("replay-timeline").inputValue());

describe.skipIf(!available)("the replay viewer in the browser", () => {
  it("opens a log file, scrubs, plays, jumps to an anomaly, follows a message, speaks Portuguese", async () => {
    const { page, errors } = await open();
    await page.getByTestId("replay-open-file").setInputFiles(logPath);
    const timeline = page.getByTestId("replay-timeline");
    await timeline.waitFor();
    const lastTick = result.report.ticks - 1;
    expect(await timeline.getAttribute("max")).toBe(String(lastTick));
    await expect.poll(() => page.getByTestId("replay-time").textContent(), SLOW).toBe(`0:00 / ${formatTick(lastTick)}`);
    // The canvas (Phaser, loaded after the page) is up; the overview tiles are a canvas of their own beside it.
    await page.locator("#scene canvas").first().waitFor({ timeout: 15_000 });

    // Scrub by value, then by keys on the range.
    await timeline.fill("300");
    await expect.poll(() => page.getByTestId("replay-tick").textContent(), SLOW).toBe(`tick 300 of ${lastTick}`);
    expect(await page.getByTestId("replay-time").textContent()).toMatch(/^0:30 \//);
    await timeline.focus();
    for (let i = 0; i < 5; i++) await timeline.press("ArrowRight");
    expect(await tickOf(page)).toBe(305);
    await expect.poll(() => page.getByTestId("replay-tick").textContent(), SLOW).toBe(`tick 305 of ${lastTick}`);
    await page.getByTestId("replay-step-back").click();
    expect(await tickOf(page)).toBe(304);

    // Play at 4x (40 ticks a second): time advances; pause stops it.
    await page.getByTestId("replay-speed").selectOption("4");
    await page.getByTestId("replay-play").click();
    expect(await page.getByTestId("replay-play").getAttribute("aria-pressed")).toBe("true");
    await page.waitForTimeout(1500);
    await page.getByTestId("replay-play").click();
    const played = await tickOf(page);
    expect(played).toBeGreaterThan(304 + 25);
    expect(played).toBeLessThan(304 + 150);
    expect(await page.getByTestId("replay-time").textContent()).not.toMatch(/^0:30 \//);
    await page.waitForTimeout(300);
    expect(await tickOf(page)).toBe(played);

    // The anomaly list is the checker's, each jump lands on its cause's tick.
    const report = check(result.header, result.events);
    const items = page.getByTestId("anomaly-item");
    expect(await items.count()).toBe(report.anomalies.length);
    const listed = await items.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.tick)));
    expect(listed.slice().sort((a, b) => a - b)).toEqual(report.anomalies.map((a) => a.cause.tick).sort((a, b) => a - b));
    const third = items.nth(2);
    const causeTick = Number(await third.getAttribute("data-tick"));
    expect(await third.textContent()).toMatch(/duplicate: /);
    await third.getByTestId("anomaly-jump").click();
    expect(await tickOf(page)).toBe(causeTick);
    await expect.poll(() => page.getByTestId("replay-team").inputValue(), SLOW).toBe(await third.getAttribute("data-team"));
    await expect.poll(() => page.getByTestId("anomaly-item").nth(2).getAttribute("aria-current"), SLOW).toBe("true");

    // Follow the message of a duplicate a producer retry caused: every hop is listed.
    const retry = report.anomalies.find((a) => a.cause.code === "dupProducerRetry");
    expect(retry, "t4 naive seed 3 has a duplicate from a producer retry").toBeDefined();
    await page.locator(`[data-testid="anomaly-item"][data-team="${retry!.team}"][data-msg="${retry!.msgId}"]`).first().getByTestId("anomaly-follow").click();
    const steps = page.getByTestId("follow-step");
    const expected = followMessage(indexLog(result.header, result.events), retry!.team, retry!.msgId);
    await expect.poll(() => steps.count(), SLOW).toBe(expected.steps.length);
    const texts = await steps.allTextContents();
    expect(texts.some((s) => /publish P1 → B, arrives/.test(s))).toBe(true);
    expect(texts.some((s) => /retry: publish P1 → B/.test(s))).toBe(true);
    expect(texts.some((s) => /applied it AGAIN/.test(s))).toBe(true);
    expect(await page.getByTestId("follow-summary").textContent()).toContain(`${retry!.msgId} in team ${retry!.team + 1}`);
    const again = expected.steps.findIndex((s) => s.kind === "duplicate");
    await steps.nth(again).getByRole("button").click();
    expect(await tickOf(page)).toBe(expected.steps[again].tick);
    // The sequence diagram draws the followed message, one arrow per hop.
    await expect.poll(() => page.locator('[data-testid="replay-sequence"] g.hop').count(), SLOW).toBeGreaterThanOrEqual(expected.hops);

    // A typed msgId is followed too; an unknown one is explained.
    await page.getByTestId("follow-message").fill("p1-2");
    await page.getByTestId("follow-go").click();
    await expect.poll(() => page.getByTestId("follow-summary").textContent(), SLOW).toContain("P1-2 in team");
    await page.getByTestId("follow-message").fill("Z9-1");
    await page.getByTestId("follow-go").click();
    await page.getByText('has no message "Z9-1"').waitFor();

    // Keyboard: space plays and pauses (focus on the page, not on a control).
    await page.locator("h1").click();
    await page.keyboard.press("Space");
    expect(await page.getByTestId("replay-play").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Space");
    expect(await page.getByTestId("replay-play").getAttribute("aria-pressed")).toBe("false");
    const before = await tickOf(page);
    await page.keyboard.press("ArrowRight");
    expect(await tickOf(page)).toBe(before + 1);

    // Charts, leaderboard and exports are there.
    expect(await page.locator('[data-testid="replay-charts"] svg.chart').count()).toBe(2);
    expect(await page.locator('[data-testid="replay-leaderboard"] tbody tr').count()).toBe(3);
    const download = page.waitForEvent("download");
    await page.getByTestId("replay-export-csv").click();
    expect((await download).suggestedFilename()).toMatch(/scores\.csv$/);

    // Back to the duplicate, then Portuguese.
    await page.locator(`[data-testid="anomaly-item"][data-team="${retry!.team}"][data-msg="${retry!.msgId}"]`).first().getByTestId("anomaly-follow").click();
    await steps.nth(again).getByRole("button").click();
    await page.getByTestId("lang-toggle").click();
    await page.getByText(/Anomalias \(\d+\)/).waitFor();
    expect(await page.getByTestId("lang-toggle").textContent()).toBe("English");
    expect(await page.getByTestId("replay-play").textContent()).toContain("Reproduzir");
    expect((await page.getByTestId("follow-step").allTextContents()).some((s) => /publicação P1 → B, chega em/.test(s))).toBe(true);
    expect(await page.getByTestId("anomaly-item").first().textContent()).toMatch(/duplicada/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${ARTIFACTS}/replay.png` });
    await page.screenshot({ path: `${ARTIFACTS}/replay-full.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("explains a wrong file, tolerates a torn one dropped on the page, opens another engine version's, compares two rounds", async () => {
    const { page, errors } = await open();
    const file = (name: string, text: string) => ({ name, mimeType: "application/x-ndjson", buffer: Buffer.from(text) });
    await page.getByTestId("replay-open-file").setInputFiles(file("notes.txt", "milk\neggs\n"));
    await expect.poll(() => page.getByTestId("replay-error").textContent(), SLOW).toContain("This is not a game log: its first line is not JSON");
    await page.getByTestId("replay-open-file").setInputFiles(file("empty.ndjson", ""));
    await expect.poll(() => page.getByTestId("replay-error").textContent(), SLOW).toContain("The file is empty.");
    await page.getByTestId("replay-open-file").setInputFiles(file("events.ndjson", lines.slice(1, 50).join("\n") + "\n"));
    await expect.poll(() => page.getByTestId("replay-error").textContent(), SLOW).toContain("its first line should be the header");

    const torn = lines.slice(0, 2000).join("\n") + "\n" + lines[2000].slice(0, 30);
    // Dropped on the page rather than picked.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "torn.ndjson", { type: "application/x-ndjson" }));
      document.querySelector("main")?.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, torn);
    await page.getByTestId("replay-timeline").waitFor();
    await expect.poll(() => page.getByTestId("replay-warning").allTextContents(), SLOW).toContainEqual(expect.stringContaining("(line 2001) was cut off"));
    expect(await page.getByTestId("replay-error").count()).toBe(0);

    const header = JSON.parse(lines[0]);
    const older = [JSON.stringify({ ...header, engineVersion: "0.9.0" }), ...lines.slice(1)].join("\n") + "\n";
    await page.getByTestId("replay-open-file").setInputFiles(file("old.ndjson", older));
    await expect
      .poll(() => page.getByTestId("replay-warning").allTextContents(), SLOW)
      .toContainEqual(expect.stringContaining("Written by engine version 0.9.0"));
    await expect.poll(async () => Number(await page.getByTestId("replay-timeline").getAttribute("max")), SLOW).toBe(result.report.ticks - 1);

    const fixed: string[] = [];
    simulate({ scenario: "t4-duplicates", variant: "fixed", seed: 3, teams: 3 }, (line) => fixed.push(line));
    await page.getByTestId("replay-open-compare").setInputFiles(file("fixed.ndjson", fixed.join("\n") + "\n"));
    await expect.poll(() => page.getByTestId("compare-side").count(), SLOW).toBe(2);
    const sides = await page.getByTestId("compare-side").allTextContents();
    expect(sides[0]).toContain("naive");
    expect(sides[1]).toContain("fixed");
    await page.screenshot({ path: `${ARTIFACTS}/replay-compare.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("lists this browser's games and opens one from the server with ?game=ID and the stored host token", async () => {
    const { page, errors } = await open();
    const room = await createRoom(server.url);
    const gameId = "g-replay-browser";
    const store = server.app.context.store;
    const header = JSON.parse(lines[0]);
    await store.createGame(
      {
        gameId,
        roomCode: room.roomCode,
        hostTokenHash: hashToken(room.hostToken),
        scenario: header.scenario,
        variant: header.variant,
        seed: header.seed,
        teams: header.teams.length,
        createdAt: new Date().toISOString(),
        endedAt: null,
        summary: null,
      },
      JSON.stringify({ ...header, gameId }),
    );
    await store.append(gameId, lines.slice(1, -1));
    await store.finishGame(gameId, lines[lines.length - 1], result.summary);
    // What Connection.createRoom stores when this browser creates a room.
    await page.evaluate((hosted) => localStorage.setItem("eo:hosted", JSON.stringify([hosted])), {
      roomCode: room.roomCode,
      hostToken: room.hostToken,
      createdAt: new Date().toISOString(),
    });
    await page.goto(`${server.url}/replay`);
    await page.locator(`a[href="/replay?game=${gameId}"]`).click();
    await page.getByTestId("replay-timeline").waitFor();
    await expect.poll(() => page.getByTestId("replay-round").textContent(), SLOW).toContain("t4-duplicates · naive · seed 3 · 3 teams");
    expect(await page.getByTestId("anomaly-item").count()).toBe(result.report.anomalies.length);
    expect(errors).toEqual([]);
  });

  it("says so when ?game= names a game this browser did not host", async () => {
    const { page, errors } = await open();
    await page.goto(`${server.url}/replay?game=g-unknown`);
    await expect.poll(() => page.getByTestId("replay-error").textContent(), SLOW).toContain("does not hold the host key of game g-unknown");
    expect(errors).toEqual([]);
  });
});
