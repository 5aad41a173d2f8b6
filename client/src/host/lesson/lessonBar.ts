// Lesson mode's ribbon on every screen of the lesson: where the class is (topic n of 9, its
// title, the topic's steps with the current one lit), and the buttons a clicker also drives.
import type { Connection } from "../../connection.js";
import { h } from "../../dom.js";
import { t, type HostKey } from "../../i18n/hostWords.js";
import { tx } from "../../i18n/locale.js";
import { LESSON, lessonSteps } from "../../../../shared/lesson/plan.js";
import { hostPage } from "../pageState.js";

export function lessonTopic(n: number) {
  return LESSON.find((x) => x.topic === n) ?? null;
}

export function lessonBar(connection: Connection): HTMLElement {
  const lesson = hostPage().room?.lesson;
  const topic = lesson ? lessonTopic(lesson.topic) : null;
  const steps = topic ? lessonSteps(topic) : [];
  const go = (action: "next" | "prev") => connection.host("host:lesson", { action });
  return h(
    "nav",
    { class: "lesson-bar", "aria-label": t("lesson") },
    h("span", { class: "lesson-where" }, `${topic ? `${t("topicOf", { n: topic.topic })} · ${tx(topic.title)}` : t("step_summary")}`),
    h(
      "ol",
      { class: "lesson-steps" },
      ...steps.map((step) =>
        h(
          "li",
          { class: step === lesson?.step ? "current" : "", ...(step === lesson?.step ? { "aria-current": "step" } : {}) },
          h(
            "button",
            { type: "button", class: "link", onclick: () => connection.host("host:lesson", { action: "goto", topic: topic!.topic, step }) },
            t(`step_${step}` as HostKey),
          ),
        ),
      ),
    ),
    h("span", { class: "code-chip" }, `${t("codeShort")} `, h("strong", {}, hostPage().roomCode)),
    h("button", { type: "button", testid: "lesson-prev", onclick: () => go("prev") }, t("lessonPrev")),
    h("button", { type: "button", class: "primary", testid: "lesson-next", onclick: () => go("next") }, t("lessonNext")),
    h("button", { type: "button", class: "ghost small", onclick: () => connection.host("host:lesson", { action: "stop" }) }, t("lessonStop")),
  );
}
