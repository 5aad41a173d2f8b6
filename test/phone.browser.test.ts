// The phone in a real browser (Chromium, 390×844, touch), driven against a real server; the
// instructor's commands go through the SDK. A student must understand their screen in ten
// seconds: the form fits, a refusal is a sentence, the lobby says "you're in" once and shows
// the seat to come, a round starts with the role's help and a hint, the language switches
// everything at any moment, pauses and lost connections cover the screen, the results come
// back after a reload, an idle student is nudged, and lesson mode's poll and prediction work
// from the phone and survive a reload.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { PHONE_WORDS } from "../client/src/i18n/phoneWords.js";
import { ROOM_WORDS } from "../client/src/i18n/roomWords.js";
import { ROUND_WORDS } from "../client/src/i18n/roundWords.js";
import { ACTION_TEXTS, ROLE_TEXTS } from "../shared/scenarios/roleTexts.js";
import { BROKER_VOCABULARY, BUTTON_HELP_IN_TERMS, fillTerms, ROLE_HELP_IN_TERMS, termText } from "../shared/scenarios/brokerVocabulary.js";
import type { Text } from "../shared/scenarios/texts.js";
import { LESSON } from "../shared/lesson/topics.js";
import { chromiumAvailable, launch, PHONE } from "./helpers/browser.js";
import { createRoom, join, startInProcess, until, type Recorder, type Running } from "./helpers/servers.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  if (!available) return;
  const clientDir = resolve("dist/client");
  if (!existsSync(`${clientDir}/index.html`)) throw new Error("the client is not built: npm test runs `npm run build` first");
  server = await startInProcess({ CLIENT_DIR: clientDir, IDLE_NUDGE_MS: "2500", IDLE_BOT_MS: "6000" });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function room(): Promise<{ code: string; host: Recorder }> {
  const { roomCode, hostToken } = await createRoom(server.url);
  return { code: roomCode, host: await join(server.url, roomCode, { hostToken }) };
}

async function openPhone(code: string, locale: "pt-BR" | "en"): Promise<Page> {
  const page = await (await browser.newContext({ ...PHONE, locale })).newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/?code=${code}`);
  return page;
}

async function joined(code: string, name: string, locale: "pt-BR" | "en" = "en"): Promise<Page> {
  const page = await openPhone(code, locale);
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-submit").tap();
  await page.getByTestId("you-are-in").waitFor();
  return page;
}

/**
 * The sentences of the phone's dictionaries in one language that another language words
 * differently: the longest piece of each between its placeholders (at least 7 characters).
 */
function sentences(from: "en" | "pt-BR"): string[] {
  const other = from === "en" ? "pt-BR" : "en";
  const texts: Text[] = [
    ...Object.values({ ...ROUND_WORDS, ...ROOM_WORDS, ...PHONE_WORDS }),
    ...Object.values(ACTION_TEXTS).flatMap((a) => [a.label, a.help]),
    ...Object.values(ROLE_TEXTS).flatMap((r) => [r.name, r.help]),
  ];
  const pieces = texts
    .map((text) =>
      text[from]
        .split(/\{\w+\}/)
        .sort((a, b) => b.length - a.length)[0]
        .trim(),
    )
    .filter((piece) => piece.length >= 7);
  const theirs = texts.map((text) => text[other]).join("\n");
  return [...new Set(pieces)].filter((piece) => !theirs.includes(piece));
}

/** What the page shows in the wrong language: sentences of `wrong` still on screen. */
async function leftovers(page: Page, wrong: "en" | "pt-BR"): Promise<string[]> {
  const shown = await page.evaluate(() => document.body.innerText);
  return sentences(wrong).filter((piece) => shown.includes(piece));
}

describe.skipIf(!available)("the phone", () => {
  it("the join form fits a 390 px screen", async () => {
    const { code } = await room();
    const page = await openPhone(code, "pt-BR");
    await page.getByTestId("join-submit").waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      right: Math.max(...[...document.querySelectorAll("input, button")].map((e) => e.getBoundingClientRect().right)),
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.right).toBeLessThanOrEqual(390);
  }, 60_000);

  it("a refused join reads as a sentence in the student's language", async () => {
    const { code, host } = await room();
    host.room.send("host:lock", { locked: true });
    await until(() => (host.room.state as { locked?: boolean }).locked === true);
    const pt = await openPhone(code, "pt-BR");
    await pt.getByTestId("join-name").fill("Davi");
    await pt.getByTestId("join-submit").tap();
    await pt.getByText("Esta sala está fechada para novos jogadores: peça ao professor para abri-la.").waitFor();
    const en = await openPhone(code, "en");
    await en.getByTestId("join-name").fill("Eva");
    await en.getByTestId("join-submit").tap();
    await en.getByText("This room is closed to new players: ask the instructor to open it.").waitFor();
    // The sentence follows the language toggle, and the page stays usable.
    await en.getByTestId("lang-toggle").tap();
    await en.getByText("Esta sala está fechada para novos jogadores", { exact: false }).waitFor();
    const nowhere = await openPhone("QQQQQQ", "pt-BR");
    await nowhere.getByTestId("join-name").fill("Davi");
    await nowhere.getByTestId("join-submit").tap();
    await nowhere.getByText("Nenhuma sala aberta tem esse código. Confira no telão.").waitFor();
    expect(await nowhere.getByText(/serverError|unknownRoom|roomLocked/).count()).toBe(0);
  }, 60_000);

  it("the lobby says you're in once, with the name as the projector shows it, and previews the seat", async () => {
    const { code, host } = await room();
    await joined(code, "Ana");
    const second = await joined(code, "Ana");
    await second.getByText("You're in, Ana 2!").waitFor();
    await second.getByTestId("my-role").and(second.locator("[data-preview]")).waitFor({ timeout: 15_000 });
    expect(await second.getByText("Waiting for the instructor to start the round.").count()).toBe(1);
    expect(await second.getByTestId("my-role").textContent()).toMatch(/^You will play (Producer P1|Consumer C\d|Broker B) in team 1\.$/);
    host.room.send("host:config", { scenario: "t2-queues-topics", variant: "topic" });
    await second.getByText(/You will play/).waitFor();
  }, 60_000);

  it("a round starts with the role's help, a hint, a clock; the language switches every text at any moment", async () => {
    const { code, host } = await room();
    const before = errors.length;
    const phones = [await joined(code, "Ana", "pt-BR"), await joined(code, "Bia", "pt-BR"), await joined(code, "Caio", "pt-BR")];
    host.room.send("host:config", { scenario: "t3-lost-messages", variant: "naive" });
    host.room.send("host:start", {});
    const p = phones[0];
    const help = p.getByTestId("role-help");
    await help.waitFor({ timeout: 20_000 });
    const role = (await p.getByTestId("my-role").textContent()) ?? "";
    const roleId = /Produtor/.test(role) ? "producer" : "consumer";
    // In the words of the round's broker (t3 naive runs on RabbitMQ).
    const helpIn = (locale: "en" | "pt-BR") => fillTerms(ROLE_HELP_IN_TERMS[roleId][locale], "rabbitmq", locale);
    expect(await help.textContent()).toContain(helpIn("pt-BR"));
    const labels = await help.locator("dt").allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(1);
    expect(await help.locator("dd").count()).toBe(labels.length);
    await p.getByTestId("seat-hint").waitFor({ timeout: 20_000 });
    await until(async () => /^\d:\d\d$/.test((await p.getByTestId("round-timer").textContent()) ?? ""));
    expect(await leftovers(p, "en")).toEqual([]);

    // Switch while the help is open, then after closing it: every text follows.
    await p.getByTestId("lang-toggle").tap();
    await p.getByTestId("role-help").getByText(helpIn("en")).waitFor();
    expect(await p.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await leftovers(p, "pt-BR")).toEqual([]);
    await p.getByTestId("role-help-close").tap();
    await p.getByTestId("role-help").waitFor({ state: "detached" });
    await p.getByTestId("lang-toggle").tap();
    await p.getByText("Conectado").waitFor();
    expect(await leftovers(p, "en")).toEqual([]);
    await p.getByTestId("role-help-open").tap();
    await p.getByTestId("role-help").waitFor();
    expect(errors.slice(before)).toEqual([]);
    host.room.send("host:end", {});
  }, 120_000);

  it("a pause covers the screen; a greyed-out button says why in a short toast", async () => {
    const { code, host } = await room();
    const p = await joined(code, "Ana");
    // Topic 3 fixed: whatever the seat, a button has nothing to act on at first (Retry, Ack).
    host.room.send("host:config", { scenario: "t3-lost-messages", variant: "fixed" });
    host.room.send("host:start", {});
    await p.getByTestId("role-help-close").tap({ timeout: 20_000 });
    await p.getByTestId("seat-hint").waitFor({ timeout: 20_000 });
    host.room.send("host:pause", {});
    await p.getByTestId("overlay-paused").getByText("The instructor paused the round.", { exact: false }).waitFor();
    host.room.send("host:resume", {});
    await p.getByTestId("overlay-paused").waitFor({ state: "detached" });
    const blocked = p.locator("[data-testid^=action-][aria-disabled=true]").first();
    await blocked.waitFor({ timeout: 20_000 });
    expect(await blocked.locator(".why").textContent()).not.toBe("");
    // Playwright will not tap what is marked aria-disabled; a thumb will.
    await blocked.tap({ force: true });
    const toast = p.getByTestId("refusal");
    await toast.waitFor();
    const shownAt = Date.now();
    await toast.waitFor({ state: "hidden", timeout: 5_000 });
    expect(Date.now() - shownAt).toBeLessThan(3_500);
    host.room.send("host:end", {});
  }, 120_000);

  it("where the variant hands a message back, a nack has two buttons, and Reject sends a nack without requeue", async () => {
    const { code, host } = await room();
    const phones = [await joined(code, "Ana"), await joined(code, "Bia"), await joined(code, "Caio")];
    // Topic 7 requeue: a single active consumer (C1 receives) on a quorum queue, with a nack.
    host.room.send("host:config", { scenario: "t7-ordering", variant: "requeue" });
    await until(async () => (await Promise.all(phones.map((p) => p.getByTestId("my-role").textContent()))).some((r) => /Consumer C1/.test(r ?? "")));
    const roles = await Promise.all(phones.map((p) => p.getByTestId("my-role").textContent()));
    const p = phones[roles.findIndex((r) => /Consumer C1/.test(r ?? ""))];
    host.room.send("host:start", {});
    // The buttons and their help speak RabbitMQ's words: basic.nack (requeue) and basic.reject.
    await p
      .getByTestId("role-help")
      .getByText(fillTerms(BUTTON_HELP_IN_TERMS.reject.en, "rabbitmq", "en"))
      .waitFor({ timeout: 20_000 });
    await p.getByTestId("role-help-close").tap();
    const rabbit = BROKER_VOCABULARY.rabbitmq.buttons;
    expect(await p.getByTestId("action-nack").locator(".label").textContent()).toBe(termText(rabbit.nack!, "en"));
    expect(await p.getByTestId("action-reject").locator(".label").textContent()).toBe(termText(rabbit.reject!, "en"));
    const first = p.locator("li.token").first();
    await first.waitFor({ timeout: 20_000 });
    const msgId = (await first.locator("strong").textContent()) ?? "";
    await first.tap();
    await p.locator("[data-testid=action-reject][aria-disabled=false]").tap();
    // Accepted, it leaves the inbox for the dead-letter queue (a refused nack would leave it where it is).
    await p.locator("li.token strong", { hasText: new RegExp(`^${msgId}$`) }).waitFor({ state: "detached", timeout: 10_000 });
    expect(await p.getByTestId("refusal").isVisible()).toBe(false);
    host.room.send("host:end", {});
  }, 120_000);

  it("an idle student with work is nudged, then a bot plays until they tap", async () => {
    const { code, host } = await room();
    const p = await joined(code, "Ana");
    host.room.send("host:config", { scenario: "t3-lost-messages", variant: "naive" });
    host.room.send("host:start", {});
    await p.getByTestId("role-help-close").tap({ timeout: 20_000 });
    const nudge = p.getByTestId("idle-nudge");
    await p.locator("[data-testid=idle-nudge][data-idle=nudged]").waitFor({ timeout: 20_000 });
    await p.locator("[data-testid=idle-nudge][data-idle=bot]").waitFor({ timeout: 20_000 });
    expect(await nudge.textContent()).toContain("A bot is playing for you");
    await p.locator("[data-testid^=action-]").first().tap();
    await nudge.waitFor({ state: "detached", timeout: 10_000 });
    host.room.send("host:end", {});
  }, 120_000);

  it("a phone reloaded after a round shows its results again, and no buttons", async () => {
    const { code, host } = await room();
    const p = await joined(code, "Ana", "pt-BR");
    host.room.send("host:config", { scenario: "t3-lost-messages", variant: "naive" });
    host.room.send("host:start", {});
    await p.getByTestId("role-help").waitFor({ timeout: 20_000 });
    await p.getByTestId("seat-hint").waitFor({ timeout: 20_000 });
    host.room.send("host:end", {});
    await p.getByTestId("results").waitFor({ timeout: 90_000 });
    const score = await p.getByTestId("team-score").textContent();
    const rank = await p.getByTestId("team-rank").textContent();
    // From the first byte of the reloaded page: no action button may appear, not even for a moment.
    await p.addInitScript(() => {
      const seen = () => document.querySelector('[data-testid^="action-"]') !== null;
      new MutationObserver(() => {
        if (seen()) document.documentElement.dataset.sawActions = "yes";
      }).observe(document, { childList: true, subtree: true });
    });
    await p.reload();
    await p.getByTestId("results").waitFor({ timeout: 20_000 });
    expect(await p.getByTestId("team-score").textContent()).toBe(score);
    expect(await p.getByTestId("team-rank").textContent()).toBe(rank);
    expect(await p.locator("[data-testid^=action-]").count()).toBe(0);
    expect(await p.evaluate(() => document.documentElement.dataset.sawActions ?? "no")).toBe("no");
    expect(await p.getByTestId("role-help").count()).toBe(0);
    expect(await leftovers(p, "en")).toEqual([]);
  }, 150_000);

  it("lesson mode: a poll answer and a prediction from a phone, kept across a reload", async () => {
    const { code, host } = await room();
    const p = await joined(code, "Ana", "pt-BR");
    host.room.send("host:lesson", { action: "start" });
    host.room.send("host:lesson", { action: "next" });
    const input = p.getByTestId("poll-input");
    await input.waitFor({ timeout: 20_000 });
    await input.fill("x".repeat(61));
    await p.getByTestId("poll-submit").tap();
    await p.getByText("No máximo 60 caracteres.").waitFor();
    await p.getByTestId("poll-input").fill("não <b>bloqueia</b> quem envia");
    await p.getByTestId("poll-submit").tap();
    await p.getByTestId("poll-sent").getByText("não bloqueia quem envia", { exact: false }).waitFor();
    await p.reload();
    await p.getByTestId("poll-sent").getByText("não bloqueia quem envia", { exact: false }).waitFor({ timeout: 20_000 });
    expect(await p.getByTestId("poll-input").inputValue()).toBe("não bloqueia quem envia");

    host.room.send("host:lesson", { action: "next" });
    const options = p.getByTestId("prediction-option");
    await options.first().waitFor({ timeout: 20_000 });
    expect(await options.count()).toBe(LESSON[0].prediction.options.length);
    await options.nth(1).tap();
    await p.locator("[data-testid=prediction-option][aria-pressed=true]").and(options.nth(1)).waitFor();
    await options.nth(2).tap();
    await p.locator("[data-testid=prediction-option][aria-pressed=true]").and(options.nth(2)).waitFor();
    expect(await p.locator("[data-testid=prediction-option][aria-pressed=true]").count()).toBe(1);
    await p.reload();
    const chosen = p.locator("[data-testid=prediction-option][aria-pressed=true]");
    await chosen.waitFor({ timeout: 20_000 });
    expect(await chosen.getAttribute("data-option")).toBe(LESSON[0].prediction.options[2].id);
    expect(await p.getByTestId("poll-input").count()).toBe(0);
  }, 120_000);
});
