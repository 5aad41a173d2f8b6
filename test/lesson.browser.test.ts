// Lesson mode in a real browser, from `lesson-start` to the summary: a 1080p projector and
// three touch phones in Portuguese. Topic 1's poll is answered from the phones and becomes a
// live word cloud; the class's definition is pinned from it and survives a projector reload;
// the prediction is answered from the phones and shown live; one round is played and its
// debrief puts the prediction beside the result; every other step is walked with the
// buttons and a clicker's keys, rounds skipped, to the printable, exportable summary.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, PROJECTOR, chromiumAvailable, withServerAndBrowser, joinPhone } from "./helpers/browser.js";
import type { Running } from "./helpers/servers.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;

// Idle phones get a bot on their seat within seconds, so the round has work without tapping.
withServerAndBrowser({ IDLE_NUDGE_MS: "1000", IDLE_BOT_MS: "2000" }, (s, b) => ((server = s), (browser = b)));

const SLOW = { timeout: 15_000 };

function phone(code: string, name: string, errors: string[]): Promise<Page> {
  return joinPhone(browser, server.url, code, name, errors);
}

const place = async (host: Page) => {
  const step = host.getByTestId("lesson-step");
  return `${await step.getAttribute("data-topic")}/${await step.getAttribute("data-step")}`;
};

/** The page fits its viewport at a 720p projector and back at 1080p: no vertical scroll. */
async function fits(host: Page, what: string): Promise<void> {
  for (const viewport of [{ width: 1280, height: 720 }, PROJECTOR.viewport]) {
    await host.setViewportSize(viewport);
    await expect
      .poll(() => host.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight), {
        ...SLOW,
        message: `${what} at ${viewport.width}×${viewport.height}`,
      })
      .toBeLessThanOrEqual(0);
  }
}

/** Waits until the lesson shows this topic and step. */
const at = (host: Page, where: string) => expect.poll(() => place(host), SLOW).toBe(where);

describe.skipIf(!available)("lesson mode", () => {
  it("walks the nine topics from lesson-start to the summary, with a poll and a prediction from the phones", async () => {
    const errors: string[] = [];
    const host = await (await browser.newContext({ ...PROJECTOR, locale: "pt-BR", acceptDownloads: true })).newPage();
    host.on("pageerror", (e) => errors.push(`projector: ${String(e)}`));
    await host.goto(`${server.url}/host`);
    await host.getByTestId("create-room").click();
    const code = (await host.getByTestId("room-code").textContent())!.trim();
    const phones = [await phone(code, "Ana", errors), await phone(code, "Bia", errors), await phone(code, "Caio", errors)];

    // Topic 1 opens on its question.
    await host.getByTestId("lesson-start").click();
    await at(host, "1/prompt");
    expect(await host.locator(".prompt-question").textContent()).toBe("O que vocês entendem por “assíncrono”?");

    // A clicker's page-down: the poll. Each phone types a few words; the cloud counts alike answers together.
    await host.keyboard.press("PageDown");
    await at(host, "1/poll");
    const answers = ["não bloqueia", "Não bloqueia!", "em paralelo"];
    for (const [i, p] of phones.entries()) {
      await p.getByTestId("poll-input").fill(answers[i]);
      await p.getByTestId("poll-submit").tap();
    }
    const cloud = host.getByTestId("poll-results");
    await expect
      .poll(
        () => cloud.locator(".cloud-word").evaluateAll((els) => els.map((el) => `${el.firstChild?.textContent}:${(el as HTMLElement).dataset.count}`)),
        SLOW,
      )
      .toEqual(["não bloqueia:2", "em paralelo:1"]);
    await expect.poll(() => host.locator("#answered").textContent(), SLOW).toBe("3 de 3 responderam");
    await fits(host, "the poll");
    // The class agrees: the biggest answer, pinned with a word more.
    await cloud.locator(".cloud-word").first().click();
    await host.locator("#pin-text").fill("não bloqueia quem pediu");
    await host.getByTestId("pin-submit").click();
    await expect.poll(() => host.getByTestId("pinned-definition").textContent(), SLOW).toContain("não bloqueia quem pediu");

    // A projector reload comes back to the same step, the cloud and the definition with it.
    await host.reload();
    await at(host, "1/poll");
    await expect.poll(() => host.getByTestId("poll-results").locator(".cloud-word").count(), SLOW).toBe(2);
    await expect.poll(() => host.getByTestId("pinned-definition").textContent(), SLOW).toContain("não bloqueia quem pediu");

    // The prediction: the phones choose, the bars follow live.
    await host.getByTestId("lesson-next").click();
    await at(host, "1/predict");
    for (const [i, p] of phones.entries()) await p.locator(`[data-testid="prediction-option"][data-option="${i < 2 ? "few" : "many"}"]`).tap();
    const bars = host.getByTestId("prediction-results");
    await expect.poll(() => bars.locator('li[data-option="few"]').getAttribute("data-count"), SLOW).toBe("2");
    await expect.poll(() => bars.locator('li[data-option="many"]').getAttribute("data-count"), SLOW).toBe("1");
    await expect.poll(() => host.locator("#answered").textContent(), SLOW).toBe("3 de 3 responderam");

    // The round step: Topic 1's naive round, played; its debrief, full screen, inside the lesson.
    await host.getByTestId("lesson-next").click();
    await at(host, "1/round");
    await fits(host, "the lesson's room view");
    expect(await host.getByTestId("lesson-round").textContent()).toBe("Rodada 1 de 2: Chamada direta (RPC)");
    expect(await host.getByTestId("scenario-select").inputValue()).toBe("t1-sync-vs-async");
    expect(await host.getByTestId("variant-select").inputValue()).toBe("naive");
    await host.getByTestId("start-round").click();
    await host.locator("#phase", { hasText: "Rodada em andamento" }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => Number(await host.locator("#leaderboard tbody tr td.count.committed").first().textContent()), { timeout: 30_000 })
      .toBeGreaterThan(3);
    await host.getByTestId("fault-crashConsumer").click();
    await host.getByTestId("end-round").click();
    await host.getByTestId("debrief").waitFor({ timeout: 90_000 });
    await at(host, "1/round");
    // Back to the room: the lesson has moved on to the fixed variant.
    await host.keyboard.press("Escape");
    await expect.poll(() => host.getByTestId("variant-select").inputValue(), SLOW).toBe("fixed");

    // The debrief step: the round grouped by cause, the prediction beside the result, the takeaway.
    await host.getByTestId("lesson-next").click();
    await at(host, "1/debrief");
    await host.getByTestId("debrief").waitFor();
    const outcome = host.getByTestId("prediction-outcome");
    await expect.poll(() => outcome.textContent(), SLOW).toContain("2 de 3");
    expect(await outcome.locator("li.result").count()).toBe(1);
    expect(await host.locator(".takeaway").textContent()).toMatch(/acoplamento temporal/);
    await fits(host, "the lesson's debrief");
    await host.screenshot({ path: `${ARTIFACTS}/lesson-debrief.png` });

    // Every other step, rounds skipped: the buttons and the clicker's keys, one step at a time. The room refuses
    // a host faster than 8 messages a second ("rateLimited"): a step it refused is asked again, as a teacher would.
    const seen = new Set<string>();
    for (let i = 0; i < 80 && !(await place(host)).endsWith("summary"); i++) {
      const before = await place(host);
      seen.add(before);
      if (i % 2) await host.keyboard.press(i % 4 === 1 ? "PageDown" : "ArrowRight");
      else await host.getByTestId("lesson-next").click();
      const moved = await expect
        .poll(() => place(host), SLOW)
        .not.toBe(before)
        .then(() => true)
        .catch(() => false);
      if (!moved) expect(await host.locator("#live").textContent()).toMatch(/rápido demais/);
    }
    await at(host, "0/summary");
    for (let topic = 2; topic <= 9; topic++)
      for (const step of ["prompt", "predict", "round", "debrief"]) expect(seen, `${topic}/${step}`).toContain(`${topic}/${step}`);
    expect(seen).toContain("8/poll");

    // The summary: every topic, Topic 1's round and prediction, the pinned definition; the CSV is safe for a spreadsheet.
    const summary = host.getByTestId("lesson-summary");
    await expect.poll(() => summary.locator(".topic-card").count(), SLOW).toBe(9);
    await fits(host, "the summary");
    expect(await summary.locator('.topic-card[data-topic="1"] .topic-rounds li').count()).toBe(1);
    expect(await summary.locator('.topic-card[data-topic="1"] .prediction-line').textContent()).toContain("A turma previu");
    expect(await host.getByTestId("pinned-definition").textContent()).toContain("não bloqueia quem pediu");
    const [download] = await Promise.all([host.waitForEvent("download"), host.getByTestId("summary-csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    expect(csv[0].startsWith("topic,topic_title,round,variant,")).toBe(true);
    expect(csv.length).toBeGreaterThanOrEqual(10);
    expect(csv.every((line) => !/(^|,)[=+@-]/.test(line))).toBe(true);
    await host.screenshot({ path: `${ARTIFACTS}/lesson-summary.png` });

    // A clicker's page-up goes back.
    await host.keyboard.press("PageUp");
    await at(host, "9/debrief");
    expect(errors).toEqual([]);
  }, 400_000);
});
