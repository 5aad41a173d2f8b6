// Screenshots of the projector as a class sees it, for looking at and for docs/screens/: a
// built client served in this process, a projector in headless Chromium, and students as
// SDK clients that play their seats (naive bots) through a round. Lobby with everyone in,
// a round under way with a broker crash, the debrief; with --lesson, lesson mode's steps and
// its summary. Usage (after `npm run build`):
//   npx tsx scripts/projectorScreens.ts [--size 1920x1080] [--players 30] [--out dir] [--lang pt-BR] [--lesson]
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
import { chromium, type Page } from "playwright-core";
import { seatBotAction, type SeatDetail } from "../shared/bots/seatBot.js";
import type { ServerMessages } from "../shared/protocol.js";
import { CHROMIUM } from "../test/helpers/browser.js";
import { startInProcess } from "../test/helpers/servers.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1920x1080" },
    players: { type: "string", default: "30" },
    out: { type: "string", default: "test-artifacts/screens" },
    lang: { type: "string", default: "pt-BR" },
    lesson: { type: "boolean", default: false },
  },
});
const [width, height] = values.size.split("x").map(Number);
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const NAMES = [
  "Ana",
  "Bruno",
  "Carla",
  "Davi",
  "Elisa",
  "Fábio",
  "Gabi",
  "Heitor",
  "Iara",
  "João",
  "Karina",
  "Lucas",
  "Marina",
  "Nuno",
  "Olga",
  "Pedro",
  "Quésia",
  "Rafa",
  "Sofia",
  "Tiago",
  "Úrsula",
  "Vitor",
  "Wagner",
  "Xavier",
  "Yara",
  "Zeca",
  "Álvaro",
  "Bia",
  "Caio",
  "Duda",
];

/** A student on an SDK client: plays its seat with the naive bot every few hundred ms while a round runs. */
class Student {
  detail: SeatDetail | null = null;
  private timer: ReturnType<typeof setInterval>;
  constructor(readonly room: Room) {
    room.onMessage("seat", (d: ServerMessages["seat"]) => (this.detail = d));
    room.onMessage("*", () => undefined);
    this.timer = setInterval(
      () => {
        const state = room.state as { phase?: string };
        if (state.phase !== "running" || !this.detail) return;
        const act = seatBotAction(this.detail, "naive", Math.random() < 0.5);
        if (act) room.send("act", act);
      },
      350 + Math.random() * 300,
    );
  }
  answer(type: "lesson:poll" | "lesson:predict", value: object): void {
    this.room.send(type, value);
  }
  async leave(): Promise<void> {
    clearInterval(this.timer);
    await this.room.leave();
  }
}

const until = async (page: Page, what: () => Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await page.waitForTimeout(200);
  }
};

const server = await startInProcess({ CLIENT_DIR: resolve("dist/client") });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"] });
const students: Student[] = [];
const errors: string[] = [];
try {
  const context = await browser.newContext({ viewport: { width, height }, locale: values.lang });
  const host = await context.newPage();
  host.on("pageerror", (e) => errors.push(String(e)));
  const shot = async (name: string) => {
    await host.waitForTimeout(700);
    const path = `${out}/projector-${name}-${width}x${height}.png`;
    await host.screenshot({ path });
    const scroll = await host.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight);
    console.log(path, scroll > 0 ? `SCROLLS by ${scroll}px` : "fits");
  };
  await host.goto(`${server.url}/host`);
  await host.getByTestId("create-room").click();
  const code = (await host.getByTestId("room-code").textContent())!.trim();
  const n = Number(values.players);
  for (let i = 0; i < n; i++)
    students.push(
      new Student(
        await new Client(server.url).joinById(code, { name: NAMES[i % NAMES.length] + (i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : "") }),
      ),
    );
  await host.getByTestId("scenario-select").selectOption("t3-lost-messages");
  await shot("lobby");

  if (values.lesson) {
    await host.getByTestId("lesson-start").click();
    await host.getByTestId("lesson-step").waitFor();
    await shot("lesson-prompt");
    await host.getByTestId("lesson-next").click();
    await until(host, async () => (await host.getByTestId("lesson-step").getAttribute("data-step")) === "poll");
    const answers = [
      "não bloqueia",
      "não espera a resposta",
      "em paralelo",
      "não bloqueia",
      "depois",
      "fila",
      "não espera a resposta",
      "não bloqueia",
      "desacoplado no tempo",
      "em segundo plano",
    ];
    students.forEach((s, i) => s.answer("lesson:poll", { text: answers[i % answers.length] }));
    await host.waitForTimeout(1200);
    await host.locator(".cloud-word").first().click();
    await host.getByTestId("pin-submit").click();
    await shot("lesson-poll");
    await host.getByTestId("lesson-next").click();
    await until(host, async () => (await host.getByTestId("lesson-step").getAttribute("data-step")) === "predict");
    const options = ["none", "few", "many", "few", "most", "few"];
    students.forEach((s, i) => i % 4 !== 3 && s.answer("lesson:predict", { option: options[i % options.length] }));
    await host.waitForTimeout(1200);
    await shot("lesson-predict");
    // Walk to the summary: Topics 1, 3, 4 and 6 played (naive, then fixed where there is time), the rest skipped.
    const play: Record<string, number> = { "1": 1, "3": 2, "4": 2, "6": 1 };
    const place = async () =>
      `${await host.getByTestId("lesson-step").getAttribute("data-topic")}/${await host.getByTestId("lesson-step").getAttribute("data-step")}`;
    for (let i = 0; i < 80; i++) {
      const where = await place();
      const [topic, step] = where.split("/");
      if (step === "summary") break;
      if (step === "predict" && topic !== "1") {
        const ids = await host
          .getByTestId("prediction-results")
          .locator("li")
          .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.option ?? ""));
        students.forEach((s, i) => i % 5 !== 4 && s.answer("lesson:predict", { option: ids[(i * 7 + Number(topic)) % ids.length] }));
        await host.waitForTimeout(600);
      }
      if (step === "round")
        for (let round = 0; round < (play[topic] ?? 0); round++) {
          await host.getByTestId("start-round").click();
          await host.locator("#phase", { hasText: /Rodada em andamento|Round running/ }).waitFor({ timeout: 20_000 });
          await host.waitForTimeout(5000);
          await host.getByTestId(topic === "1" ? "fault-crashConsumer" : "fault-crashBroker").click();
          await host.locator("#fault-team").selectOption("all");
          await host.getByTestId("fault-crashConsumer").click();
          await host.waitForTimeout(5000);
          if (topic === "6" && round === 0) await shot("round-t6");
          await host.getByTestId("end-round").click();
          await host.getByTestId("debrief").waitFor({ timeout: 120_000 });
          await host.keyboard.press("Escape");
          await host.getByTestId("start-round").waitFor();
        }
      if (where === "3/debrief") await shot("lesson-debrief");
      await host.getByTestId("lesson-next").click();
      await until(host, async () => (await place()) !== where);
    }
    await host.getByTestId("lesson-summary").waitFor();
    await shot("lesson-summary");
  } else {
    await host.getByTestId("start-round").click();
    await host.getByText(/Rodada em andamento|Round running/).waitFor({ timeout: 20_000 });
    await host.waitForTimeout(6000);
    await host.locator("#fault-team").selectOption("all");
    await host.getByTestId("fault-crashBroker").click();
    await host.waitForTimeout(3000);
    await host.getByTestId("fault-crashConsumer").click();
    await host.waitForTimeout(4000);
    await shot("round");
    await host.getByTestId("end-round").click();
    await host.getByTestId("debrief").waitFor({ timeout: 90_000 });
    await shot("debrief");
  }
  console.log("page errors:", errors);
} finally {
  for (const s of students) await s.leave().catch(() => undefined);
  await browser.close();
  await server.close();
}
