// Lesson mode's debrief step: the topic's last round grouped by cause (the round debrief),
// its rounds side by side (naive beside fixed), the class's prediction beside the result and
// the takeaway; before any round of the topic, the questions and the takeaway alone.
import type { Connection } from "../../connection.js";
import { h } from "../../dom.js";
import { t } from "../../i18n/hostWords.js";
import { tx } from "../../i18n/locale.js";
import { debriefScreen, predictionPanel } from "../debrief.js";
import { hostPage, scenarioOf } from "../pageState.js";
import { lessonBar, lessonTopic } from "./lessonBar.js";

export function lessonDebriefScreen(connection: Connection): HTMLElement {
  const { room, lastOver, history, lessonSummary } = hostPage();
  const topic = lessonTopic(room?.lesson.topic ?? 0);
  if (!topic) return h("div", { class: "screen" }, lessonBar(connection));
  // The topic's rounds in this room, the latest of each variant, in the lesson's order.
  const played = history.filter((r) => r.scenario === topic.scenario);
  const latest = new Map(played.map((r) => [r.variant, r]));
  const order = (v: string) => (topic.rounds.includes(v) ? topic.rounds.indexOf(v) : topic.rounds.length);
  const rounds = [...latest.values()].sort((a, b) => order(a.variant) - order(b.variant) || a.round - b.round);
  const prediction = lastOver?.prediction ?? lessonSummary?.topics.find((x) => x.topic === topic.topic)?.prediction ?? null;
  if (lastOver && lastOver.summary.scenario === topic.scenario) {
    if (!rounds.some((r) => r.gameId === lastOver.gameId))
      rounds.push({
        round: 0,
        gameId: lastOver.gameId,
        scenario: topic.scenario,
        variant: lastOver.summary.variant,
        summary: lastOver.summary,
        topic: topic.topic,
      });
    return debriefScreen(connection, lastOver, { topic, rounds, prediction, takeaway: true, canGoBack: false });
  }
  return h(
    "div",
    { class: "screen lesson-screen lesson-debrief" },
    lessonBar(connection),
    h("h1", { class: "step-question" }, tx(topic.prompt)),
    h("p", { class: "muted big-note" }, t("lessonNoRound")),
    h(
      "div",
      { class: "debrief-side wide" },
      predictionPanel(topic, prediction),
      h(
        "section",
        { class: "questions" },
        h("h2", {}, t("forTheClass")),
        h("ul", {}, ...(scenarioOf(topic.scenario)?.debrief ?? []).map((q) => h("li", { class: "question" }, tx(q)))),
        h("p", { class: "takeaway" }, h("strong", {}, `${t("takeaway")}: `), tx(topic.takeaway)),
      ),
    ),
  );
}
