// The class tours the brokers, in a real browser: the host picks the broker a round runs on
// and the projector and a phone speak its words; the tour of the brokers shows the same
// round simulated on every broker the variant runs on, one column each; and a round behind a
// RabbitMQ topic exchange is played by a phone in the broker seat, routing each message by
// its routing key to the queues whose binding matches.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, withServerAndBrowser, joinPhone } from "./helpers/browser.js";
import type { Running } from "./helpers/servers.js";
import { bindingMatches } from "../shared/engine/exchange.js";

const available = chromiumAvailable();
let server: Running;
let browser: Browser;

// People are not replaced by bots while these tests tap slowly.
withServerAndBrowser({ IDLE_NUDGE_MS: "60000", IDLE_BOT_MS: "120000" }, (s, b) => ((server = s), (browser = b)));

const SLOW = { timeout: 15_000 };

async function projector(errors: string[]): Promise<{ page: Page; code: string }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en" });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`projector: ${String(e)}`));
  await page.goto(`${server.url}/host`);
  await page.getByTestId("create-room").click();
  const code = (await page.getByTestId("room-code").textContent())!.trim();
  await page.getByTestId("scenario-select").waitFor();
  return { page, code };
}

function phone(code: string, name: string, errors: string[]): Promise<Page> {
  return joinPhone(browser, server.url, code, name, errors, { locale: "en" });
}

/** Chooses a topic and variant and waits for the room to have them (the pickers are drawn from the room's state). */
async function choose(host: Page, scenario: string, variant: string): Promise<void> {
  await host.getByTestId("scenario-select").selectOption(scenario);
  await expect.poll(() => optionValues(host, "variant-select"), SLOW).toContain(variant);
  await host.getByTestId("variant-select").selectOption(variant);
  await expect.poll(() => host.getByTestId("variant-select").inputValue(), SLOW).toBe(variant);
  await expect.poll(() => host.getByTestId("variant-summary").getAttribute("data-variant"), SLOW).toBe(`${scenario}/${variant}`);
}

const optionValues = (page: Page, testid: string) =>
  page
    .getByTestId(testid)
    .locator("option")
    .evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));

describe.skipIf(!available)("the class tours the brokers", () => {
  it("the host picks NATS JetStream: the projector and a consumer's phone speak its words, and the debrief names them", async () => {
    const errors: string[] = [];
    const { page: host, code } = await projector(errors);
    const producer = await phone(code, "Ana", errors);
    const consumer = await phone(code, "Bia", errors);
    await choose(host, "t4-duplicates", "naive");
    // Only the brokers the variant runs on, its own first; a variant on one broker shows just that one.
    expect(await optionValues(host, "profile-select")).toEqual(["rabbitmq", "kafka", "sqs", "activemq", "nats"]);
    await host.getByTestId("profile-select").selectOption("nats");
    await expect.poll(() => host.getByTestId("profile-behaviour").getAttribute("data-profile"), SLOW).toBe("nats");
    expect(await host.getByTestId("profile-behaviour").textContent()).toContain("AckWait");

    await host.getByTestId("start-round").click();
    await host.getByTestId("round-profile").waitFor({ timeout: 20_000 });
    expect(await host.getByTestId("round-profile").getAttribute("data-profile")).toBe("nats");
    expect(await host.getByTestId("round-profile").textContent()).toBe("NATS JetStream · +ACK · PubAck · AckWait");
    // The fault buttons whose words differ between brokers say JetStream's: the dropped ACK to P1 is its PubAck.
    await expect.poll(() => host.getByTestId("fault-dropAck").textContent(), SLOW).toBe("Drop the next ACK to P1 (PubAck)");
    expect(await host.getByTestId("fault-crashBroker").textContent()).toBe("Crash NATS JetStream");
    expect(await host.getByTestId("fault-crashConsumer").textContent()).toBe("Crash C1");

    // Ana produces, Bia consumes: each phone's help and buttons in JetStream's words.
    await producer.getByTestId("role-help").waitFor({ timeout: 20_000 });
    expect(await producer.getByTestId("role-help-text").textContent()).toMatch(/NATS JetStream.*PubAck/);
    await consumer.getByTestId("role-help").waitFor({ timeout: 20_000 });
    expect(await consumer.getByTestId("role-help-text").textContent()).toMatch(/\+ACK.*AckWait/);
    expect(await consumer.locator(".buttons-help dt").allTextContents()).toContain("+ACK");
    await consumer.getByTestId("role-help-close").tap();
    expect(await consumer.getByTestId("action-ack").textContent()).toContain("+ACK");

    // The profile stays for the next round; the debrief speaks the round's broker.
    await host.locator("#phase", { hasText: "Round running" }).waitFor({ timeout: 20_000 });
    await host.getByTestId("end-round").click();
    await host.getByTestId("debrief").waitFor({ timeout: 90_000 });
    const words = host.getByTestId("debrief-vocabulary");
    expect(await words.getAttribute("data-profile")).toBe("nats");
    expect(await words.textContent()).toContain("Nats-Msg-Id");
    await host.getByTestId("debrief-close").click();
    await expect.poll(() => host.getByTestId("profile-select").inputValue(), SLOW).toBe("nats");

    // A variant that runs on RabbitMQ only: the choice waits, the room shows RabbitMQ.
    await choose(host, "t7-ordering", "requeue");
    await expect.poll(() => optionValues(host, "profile-select"), SLOW).toEqual(["rabbitmq"]);
    await expect.poll(() => host.getByTestId("profile-behaviour").getAttribute("data-profile"), SLOW).toBe("rabbitmq");
    expect(errors).toEqual([]);
  });

  it("the tour simulates the same round on every broker side by side, in about a second", async () => {
    const errors: string[] = [];
    const { page: host } = await projector(errors);
    await choose(host, "t4-duplicates", "naive");
    const started = Date.now();
    await host.getByTestId("broker-tour").click();
    const view = host.getByTestId("broker-tour-view");
    await expect.poll(() => view.getAttribute("data-done"), SLOW).toBe("true");
    const took = Date.now() - started;
    const columns = host.getByTestId("broker-tour-column");
    expect(await columns.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.profile))).toEqual(["rabbitmq", "kafka", "sqs", "activemq", "nats"]);
    const count = (profile: string, kind: string) =>
      host.locator(`[data-testid="broker-tour-column"][data-profile="${profile}"] [data-testid="tour-count"][data-kind="${kind}"]`).getAttribute("data-count");
    for (const profile of ["rabbitmq", "kafka", "sqs", "activemq", "nats"])
      for (const kind of ["applied", "lost", "duplicated", "misordered", "parked"])
        expect(Number(await count(profile, kind)), `${profile} ${kind}`).toBeGreaterThanOrEqual(0);
    // Kafka's idempotent producer drops the resends RabbitMQ stores twice.
    expect(Number(await count("rabbitmq", "duplicated"))).toBeGreaterThan(Number(await count("kafka", "duplicated")));
    // Each column carries its broker's behaviour.
    expect(await host.locator('[data-profile="sqs"] .behaviour').textContent()).toContain("visibility timeout");
    expect(took).toBeLessThan(5000);
    await host.getByTestId("broker-tour-close").click();
    await host.getByTestId("start-round").waitFor();
    expect(errors).toEqual([]);
  });

  it("a phone in the broker seat routes a topic exchange's messages by their routing keys", async () => {
    const errors: string[] = [];
    const { page: host, code } = await projector(errors);
    const producer = await phone(code, "Ana", errors);
    const broker = await phone(code, "Bia", errors);
    await choose(host, "t2-queues-topics", "exchange-topic");
    await expect.poll(() => broker.getByTestId("my-role").getAttribute("data-preview"), SLOW).toBe("B");
    await host.getByTestId("start-round").click();
    for (const p of [producer, broker]) {
      await p.getByTestId("role-help").waitFor({ timeout: 20_000 });
      await p.getByTestId("role-help-close").tap();
    }
    expect(await broker.getByTestId("action-route").textContent()).toContain("Route (binding)");
    expect(await broker.getByTestId("exchange-bindings").textContent()).toMatch(/billing ← br\.\*.*shipping ← #.*loyalty ← \*\.ana/);

    // Ana sends three events; Bia routes each to every queue whose binding its routing key matches, then confirms it.
    const bindings = [
      { queue: "billing", key: "br.*" },
      { queue: "shipping", key: "#" },
      { queue: "loyalty", key: "*.ana" },
    ];
    let routed = 0;
    for (let sent = 0; routed < 3;) {
      if (sent < 3 && (await producer.getByTestId("action-send").getAttribute("aria-disabled")) === "false") {
        await producer.getByTestId("action-send").tap();
        sent++;
      }
      const hint = broker.locator('[data-testid="seat-hint"][data-hint="brokerRouteKey"]');
      if ((await hint.count()) === 0) {
        await broker.waitForTimeout(200);
        continue;
      }
      const routingKey = /routing key (\S+):/.exec((await hint.textContent()) ?? "")?.[1];
      expect(routingKey).toBeTruthy();
      for (const b of bindings.filter((x) => bindingMatches("topic", x.key, routingKey!))) {
        await broker.getByTestId("route-target").selectOption(b.queue);
        await broker.getByTestId("action-route").tap();
        await expect.poll(() => broker.locator(".chip.ok").allTextContents(), SLOW).toEqual(expect.arrayContaining([expect.stringContaining(b.queue)]));
      }
      // Every matching binding done: the hint asks for the next step (a durable queue persists it first), then the confirm.
      expect(await broker.getByTestId("seat-hint").getAttribute("data-hint")).toBe("brokerRouteMore");
      await broker.locator('[data-testid="action-persist"].suggested').tap();
      await expect.poll(() => broker.locator('[data-testid="action-confirm"].suggested').count(), SLOW).toBe(1);
      await broker.getByTestId("action-confirm").tap();
      routed++;
      await expect.poll(() => broker.getByTestId("seat-hint").getAttribute("data-hint"), SLOW).not.toBe("brokerRouteMore");
    }

    // Routed by the bindings, nothing is lost or misrouted.
    await host.locator("#phase", { hasText: "Round running" }).waitFor({ timeout: 20_000 });
    await host.getByTestId("end-round").click();
    await host.getByTestId("debrief").waitFor({ timeout: 90_000 });
    const causes = await host.getByTestId("debrief-cause").evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.cause));
    expect(causes).not.toContain("misrouted");
    expect(await host.getByTestId("debrief-total").getAttribute("data-count")).toBe("0");
    expect(errors).toEqual([]);
  });
});
