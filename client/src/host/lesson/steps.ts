// Lesson mode's full-screen steps before a round: the topic's question (big) with its
// talking points (small); the poll, its answers as a live word cloud, and the definition the
// class pins; the prediction, its answers as live bars. "12 of 30 answered" under both.
import type { Connection } from "../../connection.js";
import { h, replace } from "../../dom.js";
import { t } from "../../i18n/hostWords.js";
import { tx } from "../../i18n/locale.js";
import { MAX_PIN_LENGTH } from "../../../../shared/protocol.js";
import { hostPage } from "../pageState.js";
import { lessonBar, lessonTopic } from "./lessonBar.js";
import { cloudSizes } from "./wordCloud.js";

function current() {
  const lesson = hostPage().room?.lesson;
  return { lesson, topic: lesson ? lessonTopic(lesson.topic) : null };
}

export function promptScreen(connection: Connection): HTMLElement {
  const { topic } = current();
  return h(
    "div",
    { class: "screen lesson-screen prompt" },
    lessonBar(connection),
    h(
      "div",
      { class: "prompt-body" },
      h("p", { class: "kicker" }, topic ? `${t("topicOf", { n: topic.topic })} · ${tx(topic.title)}` : ""),
      h("h1", { class: "prompt-question" }, tx(topic?.prompt)),
      h("ul", { class: "prompt-notes" }, ...(topic?.promptNotes ?? []).map((note) => h("li", {}, tx(note)))),
    ),
  );
}

function answeredLine(): HTMLElement {
  return h("p", { class: "answered", id: "answered" });
}

function updateAnswered(): void {
  const line = document.getElementById("answered");
  const { room, lessonResults } = hostPage();
  if (!line || !room) return;
  const answered = lessonResults?.topic === room.lesson.topic ? lessonResults.answered : room.lesson.answered;
  const eligible = lessonResults?.eligible ?? room.players?.size ?? 0;
  const text = t("answeredOf", { n: answered, total: Math.max(eligible, answered) });
  if (line.textContent !== text) line.textContent = text;
}

export function pollScreen(connection: Connection): HTMLElement {
  const { topic, lesson } = current();
  const input = h("input", {
    id: "pin-text",
    type: "text",
    maxlength: MAX_PIN_LENGTH,
    placeholder: t("pinPlaceholder"),
    "aria-label": t("pinPlaceholder"),
    value: lesson?.pinned ?? "",
  });
  const pin = (e: Event) => {
    e.preventDefault();
    connection.host("host:pin", { text: input.value });
  };
  return h(
    "div",
    { class: "screen lesson-screen poll" },
    lessonBar(connection),
    h("h1", { class: "step-question" }, tx(topic?.poll?.question ?? topic?.prompt), h("span", { class: "hint" }, ` · ${t("answerOnPhones")}`)),
    h("div", { class: "cloud", testid: "poll-results", id: "cloud", "aria-live": "polite" }),
    h(
      "footer",
      { class: "step-foot" },
      answeredLine(),
      h("p", { class: "pinned", id: "pinned", testid: "pinned-definition" }),
      h(
        "form",
        { class: "pin-form", onsubmit: pin },
        input,
        h("button", { type: "submit", class: "primary", testid: "pin-submit" }, t("pin")),
        h("button", { type: "button", onclick: () => connection.host("host:pin", { text: "" }) }, t("unpin")),
      ),
      h("span", { class: "muted small" }, t("pinHelp")),
      h(
        "button",
        { type: "button", id: "close-answers", testid: "poll-close", onclick: () => connection.host("host:lesson", { action: "closePoll" }) },
        t("closePoll"),
      ),
    ),
  );
}

let cloudDrawn = "";

function renderCloud(): void {
  const cloud = document.getElementById("cloud");
  const { lessonResults, room } = hostPage();
  if (!cloud || !room) return;
  const words = lessonResults?.topic === room.lesson.topic ? lessonResults.poll : [];
  const box = { width: cloud.clientWidth, height: cloud.clientHeight };
  const signature = `${box.width}x${box.height}|${words.map((w) => `${w.text}:${w.count}`).join("|")}`;
  if (signature === cloudDrawn) return;
  cloudDrawn = signature;
  if (words.length === 0) return replace(cloud, h("p", { class: "muted empty" }, t("noAnswersYet")));
  const unit = Math.min(innerHeight / 100, innerWidth / 177.78);
  const sizes = cloudSizes(words, box, { minPx: Math.round(unit * 2.3), maxPx: Math.round(unit * 10) });
  replace(
    cloud,
    ...words.map((w, i) =>
      h(
        "button",
        {
          type: "button",
          class: "cloud-word",
          style: `font-size:${sizes[i]}px`,
          "data-count": String(w.count),
          title: String(w.count),
          onclick: () => {
            const input = document.getElementById("pin-text") as HTMLInputElement | null;
            if (!input) return;
            input.value = w.text;
            input.focus();
          },
        },
        w.text,
        w.count > 1 ? h("sup", {}, String(w.count)) : null,
      ),
    ),
  );
}

export function predictScreen(connection: Connection): HTMLElement {
  const { topic } = current();
  return h(
    "div",
    { class: "screen lesson-screen predict" },
    lessonBar(connection),
    h("h1", { class: "step-question" }, tx(topic?.prediction.question), h("span", { class: "hint" }, ` · ${t("answerOnPhones")}`)),
    h("ul", { class: "bars", testid: "prediction-results", id: "bars" }),
    h(
      "footer",
      { class: "step-foot" },
      answeredLine(),
      h(
        "button",
        { type: "button", id: "close-answers", testid: "predict-close", onclick: () => connection.host("host:lesson", { action: "closePredict" }) },
        t("closePredict"),
      ),
    ),
  );
}

let barsDrawn = "";

function renderBars(): void {
  const bars = document.getElementById("bars");
  const { topic } = current();
  const { lessonResults, room } = hostPage();
  if (!bars || !topic || !room) return;
  const counts = lessonResults?.topic === topic.topic ? lessonResults.predictions : {};
  const signature = JSON.stringify(counts);
  if (signature === barsDrawn && bars.childElementCount) return;
  barsDrawn = signature;
  const answered = Object.values(counts).reduce((a, b) => a + b, 0);
  replace(
    bars,
    ...topic.prediction.options.map((option) => {
      const n = counts[option.id] ?? 0;
      const share = answered ? n / answered : 0;
      return h(
        "li",
        { "data-option": option.id, "data-count": String(n) },
        h("span", { class: "bar-label" }, tx(option.label)),
        h("span", { class: "meter" }, h("span", { class: "fill", style: `width:${Math.round(share * 100)}%` })),
        h("span", { class: "bar-count" }, `${n}${answered ? ` · ${Math.round(share * 100)}%` : ""}`),
      );
    }),
  );
}

/** What changes while a poll or a prediction is open: the answers, how many answered, the pinned text, open or closed. */
export function stepLive(): void {
  const { lesson } = current();
  if (!lesson) return;
  updateAnswered();
  renderCloud();
  renderBars();
  const pinned = document.getElementById("pinned");
  const text = lesson.pinned ? `❝ ${t("pinned")}: ${lesson.pinned}` : "";
  if (pinned && pinned.textContent !== text) pinned.textContent = text;
  const close = document.getElementById("close-answers") as HTMLButtonElement | null;
  const open = lesson.step === "poll" ? lesson.pollOpen : lesson.predictOpen;
  if (close) {
    close.disabled = !open;
    const label = open ? (lesson.step === "poll" ? t("closePoll") : t("closePredict")) : `✔ ${t("closed")}`;
    if (close.textContent !== label) close.textContent = label;
  }
}

/** A new screen draws its cloud and bars afresh. */
export function resetStepDrawings(): void {
  cloudDrawn = "";
  barsDrawn = "";
}
