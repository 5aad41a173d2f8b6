// Lesson mode on a phone: while the instructor's poll is open, a few words to send
// (`poll-input`, `poll-submit`; editable until it closes, what was sent shown); while the
// prediction is open, one button per option (`prediction-option`; the chosen one marked,
// changeable until it closes). What the room has kept comes back in `yourAnswer`, so a
// reloaded phone shows it. The panel redraws only when what it shows changes: a student
// typing is never interrupted by the round's ticks.
import { h, replace } from "../dom.js";
import { currentLocale, tx } from "../i18n/locale.js";
import { t } from "../i18n/phoneWords.js";
import type { LessonMessageName, LessonPayloads, YourAnswer } from "../../../shared/protocol.js";
import { MAX_POLL_LENGTH } from "../../../shared/protocol.js";
import type { LessonStateView } from "../../../shared/view/roomState.js";
import type { LazyTexts } from "./lazyTexts.js";
import { pollDraft } from "./pollDraft.js";

type Send = <K extends LessonMessageName>(type: K, payload: LessonPayloads[K]) => void;

export class LessonPanel {
  readonly el = h("section", { class: "lesson", "aria-live": "polite" });
  private lesson: LessonStateView | null = null;
  private answer: YourAnswer = { poll: null, prediction: null };
  private draft = "";
  private draftError: "empty" | "tooLong" | null = null;
  private drawn = "";

  constructor(
    private readonly send: Send,
    private readonly texts: LazyTexts,
  ) {}

  update(lesson: LessonStateView | undefined): void {
    this.lesson = lesson ? { ...lesson } : null;
    this.render();
  }

  answered(answer: YourAnswer): void {
    // A poll answer the room kept becomes the draft, unless the student is already typing another.
    if (answer.poll !== null && (this.draft === "" || this.draft === this.answer.poll)) this.draft = answer.poll;
    this.answer = answer;
    this.render();
  }

  /** Redraws when what the panel shows changed (or always, after a language switch). */
  render(force = false): void {
    const l = this.lesson;
    const topic = l?.active ? this.texts.topic(l.topic) : null;
    const key = JSON.stringify([l?.topic, l?.pollOpen, l?.predictOpen, !!topic, this.answer, this.draftError, currentLocale()]);
    if (key === this.drawn && !force) return;
    this.drawn = key;
    const focused = document.activeElement?.getAttribute("data-testid") === "poll-input";
    const parts: HTMLElement[] = [];
    if (l?.active && topic && l.pollOpen && topic.poll) parts.push(this.poll(tx(topic.poll.question), tx(topic.poll.placeholder)));
    if (l?.active && topic && l.predictOpen)
      parts.push(
        this.prediction(
          tx(topic.prediction.question),
          topic.prediction.options.map((o) => ({ id: o.id, label: tx(o.label) })),
        ),
      );
    replace(this.el, ...parts);
    this.el.hidden = parts.length === 0;
    if (focused) (this.el.querySelector("[data-testid=poll-input]") as HTMLInputElement | null)?.focus();
  }

  private poll(question: string, placeholder: string): HTMLElement {
    const input = h("input", {
      class: "poll-input",
      testid: "poll-input",
      value: this.draft,
      placeholder,
      maxlength: MAX_POLL_LENGTH + 20,
      autocomplete: "off",
      enterkeyhint: "send",
      "aria-label": question,
    });
    const counter = h("small", { class: "counter" }, `${[...this.draft].length}/${MAX_POLL_LENGTH}`);
    input.addEventListener("input", () => {
      this.draft = input.value;
      counter.textContent = `${[...this.draft].length}/${MAX_POLL_LENGTH}`;
      counter.classList.toggle("over", [...this.draft].length > MAX_POLL_LENGTH);
    });
    const submit = () => {
      const draft = pollDraft(this.draft);
      this.draftError = draft.ok ? null : draft.error;
      if (draft.ok) this.send("lesson:poll", { text: draft.text });
      this.render(true);
    };
    const status = this.draftError
      ? h("p", { class: "error", role: "alert" }, this.draftError === "empty" ? t("pollEmpty") : t("pollTooLong", { max: MAX_POLL_LENGTH }))
      : this.answer.poll !== null
        ? h("p", { class: "sent-answer", testid: "poll-sent" }, t("pollSent", { text: this.answer.poll }))
        : null;
    return h(
      "form",
      { class: "card poll", onsubmit: (e: Event) => (e.preventDefault(), submit()) },
      h("h2", {}, t("poll")),
      h("p", { class: "question" }, question),
      input,
      counter,
      h("button", { class: "primary big", type: "submit", testid: "poll-submit" }, this.answer.poll !== null ? t("pollUpdate") : t("pollSend")),
      status,
    );
  }

  private prediction(question: string, options: { id: string; label: string }[]): HTMLElement {
    const chosen = this.answer.prediction;
    return h(
      "div",
      { class: "card prediction" },
      h("h2", {}, t("prediction")),
      h("p", { class: "question" }, question),
      h(
        "div",
        { class: "options" },
        ...options.map((o) =>
          h(
            "button",
            {
              class: `option ${o.id === chosen ? "chosen" : ""}`,
              type: "button",
              testid: "prediction-option",
              "data-option": o.id,
              "aria-pressed": String(o.id === chosen),
              onclick: () => this.send("lesson:predict", { option: o.id }),
            },
            o.id === chosen ? `✓ ${o.label}` : o.label,
          ),
        ),
      ),
      h("p", { class: "muted" }, chosen ? t("predictionChosen") : t("predictionPick")),
    );
  }
}
