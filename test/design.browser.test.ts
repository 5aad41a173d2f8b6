// The design round in a real browser: a 1080p projector and four touch phones in two teams of
// two (a producer and a consumer each; the broker is the bots'). The instructor opens the
// design phase; each phone shows only its own end's `design-option`s; the teams choose
// differently and see their whole pipeline; the round runs under the same seed and faults
// for both; the debrief's `design-table` has one row per team, best score first, whose counts
// are the log's (read through the HTTP API and recounted by the checker). No page scrolls.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { check } from "../shared/checker/checker.js";
import { SCORED_ANOMALIES, settingsOfEnd, type DesignEnd } from "../shared/design/index.js";
import { parseLog } from "../shared/log/log.js";
import { ARTIFACTS, PROJECTOR, chromiumAvailable, withServerAndBrowser, joinPhone } from "./helpers/browser.js";
import { fetchLog, type Running } from "./helpers/servers.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;

// Idle phones get a bot on their seat within seconds, so the round has work without tapping.
withServerAndBrowser({ IDLE_NUDGE_MS: "1000", IDLE_BOT_MS: "2000" }, (s, b) => ((server = s), (browser = b)));

const SLOW = { timeout: 15_000 };

function phone(code: string, name: string, errors: string[]): Promise<Page> {
  return joinPhone(browser, server.url, code, name, errors, { until: "you-are-in" });
}

/** No vertical scroll at a 720p projector nor at 1080p. */
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

const option = (page: Page, setting: string, value: string) => page.locator(`[data-testid=design-option][data-setting=${setting}][data-value=${value}]`);

/** Taps a choice and waits for the room to show it pressed on this phone. */
async function choose(page: Page, setting: string, value: string): Promise<void> {
  await option(page, setting, value).tap();
  await expect.poll(() => option(page, setting, value).getAttribute("aria-pressed"), SLOW).toBe("true");
}

describe.skipIf(!available)("the design round", () => {
  it("two teams design their pipelines end by end, play the same chaos, and the design table counts what the log says", async () => {
    const errors: string[] = [];
    const host = await (await browser.newContext({ ...PROJECTOR, locale: "pt-BR" })).newPage();
    host.on("pageerror", (e) => errors.push(`projector: ${String(e)}`));
    await host.goto(`${server.url}/host`);
    await host.getByTestId("create-room").click();
    const code = (await host.getByTestId("room-code").textContent())!.trim();
    const [ana, bia, caio, duda] = [
      await phone(code, "Ana", errors),
      await phone(code, "Bia", errors),
      await phone(code, "Caio", errors),
      await phone(code, "Duda", errors),
    ];

    await host.getByTestId("scenario-select").selectOption("t9-end-to-end");
    await host.getByTestId("variant-select").selectOption("design");
    await host.getByTestId("design-start").waitFor();
    // Two teams of two: Caio joins Duda.
    await host.getByRole("button", { name: "Mover alunos" }).click();
    await host.getByLabel("mover para equipe Caio").selectOption("1");
    await expect.poll(() => host.getByTestId("roster-team").count(), SLOW).toBe(2);
    await host.getByRole("button", { name: "Pronto" }).click();
    // A 30-second round after a design phase of at most a minute.
    await host.locator("#seconds").fill("30");
    await host.locator("#seconds").dispatchEvent("change");
    await host.getByTestId("design-seconds").fill("60");
    await host.getByTestId("design-seconds").dispatchEvent("change");
    await host.locator("#design-bots").selectOption("careful");
    await host.getByTestId("design-start").click();
    await host.getByTestId("design-phase").waitFor();
    await expect.poll(async () => Number((await host.getByTestId("design-timer").textContent())?.split(":")[0]), SLOW).toBeLessThanOrEqual(1);
    await expect(host.getByTestId("score-formula").textContent()).resolves.toContain("por minuto");

    // Each phone: only its end's settings, every value of each, the chosen one pressed.
    const endOf = async (p: Page) => (await p.getByTestId("design-panel").getAttribute("data-end")) as DesignEnd;
    const phones = { ana, bia, caio, duda };
    const ends: Record<string, DesignEnd> = {};
    for (const [name, p] of Object.entries(phones)) {
      await p.getByTestId("design-panel").waitFor(SLOW);
      ends[name] = await endOf(p);
      const settings = await p.getByTestId("design-option").evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-setting")))]);
      expect(settings, name).toEqual(settingsOfEnd(ends[name]));
      expect(await p.locator("[data-testid=design-option][aria-pressed=true]").count(), name).toBe(settings.length);
      expect(await p.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth), `${name}: no horizontal scroll`).toBeLessThanOrEqual(0);
    }
    // The teams as dealt: Ana and Bia, Duda and Caio; a producer and a consumer in each.
    expect([ends.ana, ends.bia].sort()).toEqual(["consumer", "producer"]);
    expect([ends.duda, ends.caio].sort()).toEqual(["consumer", "producer"]);
    const nameOf = new Map<Page, string>(Object.entries(phones).map(([name, p]) => [p, name]));
    const at = (team: [Page, Page], end: DesignEnd) => team.find((p) => ends[nameOf.get(p)!] === end)!;
    const team1: [Page, Page] = [ana, bia];
    const team2: [Page, Page] = [duda, caio];

    // The broker nobody holds is the careful bots' in both teams. Team 1 builds exactly-once
    // processing around it; team 2 retries without a de-duplication id and acks before processing.
    await choose(at(team1, "producer"), "publish", "confirmRetryDedupId");
    await choose(at(team1, "producer"), "write", "outbox");
    await choose(at(team1, "consumer"), "ack", "afterProcessing");
    await choose(at(team1, "consumer"), "idempotency", "transactional");
    await choose(at(team2, "producer"), "publish", "confirmRetry");
    await choose(at(team2, "consumer"), "ack", "beforeProcessing");
    // The teammate sees the choice in the team's pipeline; the projector shows both teams live.
    await expect
      .poll(() => at(team1, "consumer").locator("[data-testid=design-pipeline] [data-setting=publish] strong").textContent(), SLOW)
      .toBe("Retry + id de dedup");
    await expect
      .poll(() => host.locator("[data-testid=design-team][data-team='1'] [data-setting=idempotency]").getAttribute("data-value"), SLOW)
      .toBe("transactional");
    await expect
      .poll(() => host.locator("[data-testid=design-team][data-team='2'] [data-setting=ack]").getAttribute("data-value"), SLOW)
      .toBe("beforeProcessing");
    await fits(host, "the design phase");
    await host.screenshot({ path: `${ARTIFACTS}/design-phase.png` });

    // The instructor starts the round before the design clock runs out.
    await host.getByTestId("start-round").click();
    await host.getByTestId("round-timer").waitFor(SLOW);
    for (const p of Object.values(phones)) await expect(p.getByTestId("design-option").count()).resolves.toBe(0);
    await host.getByTestId("design-table").waitFor({ timeout: 600_000 });
    await fits(host, "the design debrief");
    await host.screenshot({ path: `${ARTIFACTS}/design-debrief.png` });

    // The log, through the HTTP API with the host's key.
    const href = (await host.locator("[data-testid=open-replay]:not([data-team])").getAttribute("href"))!;
    const gameId = new URL(href, server.url).searchParams.get("game")!;
    const hostToken = await host.evaluate(() => (JSON.parse(localStorage.getItem("eo:hosted") ?? "[]") as { hostToken: string }[])[0].hostToken);
    const log = parseLog((await fetchLog(server.url, gameId, hostToken))!);
    const header = log.header!;
    expect(header.teams.map((t) => t.design?.publish)).toEqual(["confirmRetryDedupId", "confirmRetry"]);
    expect(header.teams[0].design?.idempotency).toBe("transactional");
    expect(header.teams[1].design?.ack).toBe("beforeProcessing");
    // The same chaos: every scheduled fault hit both teams at the same tick.
    const faults = (team: number) => log.events.filter((e) => e.type === "fault" && e.team === team).map((e) => JSON.stringify({ ...e, team: 0 }));
    expect(faults(0).length).toBeGreaterThan(0);
    expect(faults(1)).toEqual(faults(0));

    // One row per team, best score first, with the log's counts (its summary line, and a recount).
    const report = check(header, log.events);
    const perTeam = (log.summary!.perTeam as Record<string, number>[]) ?? [];
    const rows = host.getByTestId("design-row");
    expect(await rows.count()).toBe(2);
    const scores: number[] = [];
    for (let i = 0; i < 2; i++) {
      const row = rows.nth(i);
      const team = Number(await row.getAttribute("data-team")) - 1;
      scores.push(Number(await row.getAttribute("data-score")));
      for (const k of SCORED_ANOMALIES) {
        const shown = Number(await row.getAttribute(`data-${k.toLowerCase()}`));
        expect(shown, `team ${team + 1} ${k}`).toBe(report.teams[team][k]);
        expect(shown, `team ${team + 1} ${k} in the summary line`).toBe(perTeam[team][k]);
      }
      expect(await row.locator("[data-setting=publish]").getAttribute("data-value")).toBe(header.teams[team].design?.publish);
      expect(await row.locator("[data-testid=open-replay]").getAttribute("href")).toContain(`team=${team + 1}`);
    }
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]);
    expect(new Set([await rows.nth(0).getAttribute("data-team"), await rows.nth(1).getAttribute("data-team")])).toEqual(new Set(["1", "2"]));
    expect(await host.locator("[data-testid=design-row][data-team='1'] [data-testid=named-fix]").getAttribute("data-fix")).toBe("exactlyOnceInOrder");
    expect(await host.locator("[data-testid=design-row][data-team='2'] [data-testid=named-fix]").getAttribute("data-fix")).toBe("atMostOnce");
    // The debrief's total is the log's.
    expect(Number(await host.getByTestId("debrief-total").getAttribute("data-count"))).toBe(report.anomalies.length);

    // The same chaos again: the design phase reopens on the designs the teams played.
    await host.getByTestId("design-again").click();
    await host.getByTestId("design-phase").waitFor(SLOW);
    await expect
      .poll(() => host.locator("[data-testid=design-team][data-team='1'] [data-setting=idempotency]").getAttribute("data-value"), SLOW)
      .toBe("transactional");
    await expect.poll(() => option(at(team2, "consumer"), "ack", "beforeProcessing").getAttribute("aria-pressed"), SLOW).toBe("true");
    expect(errors).toEqual([]);
  }, 900_000);
});
