// The lesson's closing summary, one page for the class: the pinned definition, then each
// topic's rounds with their counts and main cause, and the prediction beside the result.
// Printable (host.css has a print stylesheet) and downloadable as JSON and CSV.
import type { Connection } from "../../connection.js";
import { downloadText, h } from "../../dom.js";
import { t } from "../../i18n/hostWords.js";
import { currentLocale, tx } from "../../i18n/locale.js";
import { countGlyphs } from "../../scene/palette.js";
import { causeSentence } from "../../../../shared/checker/causeSentence.js";
import type { LessonSummary, LessonSummaryRound, PredictionOutcome } from "../../../../shared/protocol.js";
import { scenarioTitle, variantLabel } from "../names.js";
import { hostPage } from "../pageState.js";
import { lessonBar, lessonTopic } from "./lessonBar.js";
import { mostChosen, summaryCsv, summaryJson, type SummaryWords } from "./summaryExport.js";

const KINDS = ["lost", "duplicated", "misordered", "inconsistent", "staleWrites", "wrongFinalState"] as const;

export const summaryWords: SummaryWords = {
  topicTitle: (n) => tx(lessonTopic(n)?.title) || String(n),
  scenarioOf: (n) => lessonTopic(n)?.scenario ?? "",
  variantLabel,
  causeSentence: (g) => causeSentence(g.sample, currentLocale()),
  optionLabel: (n, option) => (option ? tx(lessonTopic(n)?.prediction.options.find((o) => o.id === option)?.label) || option : ""),
};

export function summaryScreen(connection: Connection): HTMLElement {
  const summary = hostPage().lessonSummary;
  const pinned = summary?.pinned || hostPage().room?.lesson.pinned || "";
  const stamp = () => new Date().toISOString().slice(0, 10);
  return h(
    "div",
    { class: "screen lesson-screen summary" },
    lessonBar(connection),
    h(
      "header",
      { class: "summary-head" },
      h("h1", {}, t("summaryTitle")),
      pinned ? h("p", { class: "pinned", testid: "pinned-definition" }, `❝ ${t("pinned")}: `, h("strong", {}, pinned)) : null,
      h(
        "div",
        { class: "summary-actions" },
        h("button", { type: "button", onclick: () => print() }, t("print")),
        summary
          ? h(
              "button",
              {
                type: "button",
                testid: "summary-json",
                onclick: () =>
                  downloadText(
                    `lesson-${stamp()}.json`,
                    "application/json",
                    JSON.stringify(summaryJson(summary, summaryWords, new Date().toISOString()), null, 2),
                  ),
              },
              `⬇ ${t("exportJson")}`,
            )
          : null,
        summary
          ? h(
              "button",
              { type: "button", testid: "summary-csv", onclick: () => downloadText(`lesson-${stamp()}.csv`, "text/csv", summaryCsv(summary, summaryWords)) },
              `⬇ ${t("exportCsv")}`,
            )
          : null,
      ),
    ),
    h("div", { class: "summary-grid", testid: "lesson-summary" }, ...(summary?.topics ?? []).map((topic) => topicCard(topic))),
  );
}

function topicCard({ topic, rounds, prediction }: LessonSummary["topics"][number]): HTMLElement {
  const lesson = lessonTopic(topic);
  return h(
    "article",
    { class: "topic-card", "data-topic": String(topic) },
    h("h2", {}, `${topic} · ${tx(lesson?.title) || scenarioTitle(lesson?.scenario ?? "")}`),
    rounds.length ? h("ul", { class: "topic-rounds" }, ...rounds.map((r) => roundLine(lesson?.scenario ?? "", r))) : h("p", { class: "muted" }, t("notPlayed")),
    predictionLine(topic, prediction),
  );
}

function roundLine(scenario: string, r: LessonSummaryRound): HTMLElement {
  const counts = KINDS.filter((k) => r.summary[k] > 0).map((k) => `${k === "wrongFinalState" ? "$" : countGlyphs[k]} ${r.summary[k]} ${t(k)}`);
  const main = r.groups[0];
  return h(
    "li",
    {},
    h("strong", {}, `${variantLabel(scenario, r.variant)}: `),
    counts.length ? counts.join(" · ") : `✔ ${t("noAnomalyShort")}`,
    main ? h("span", { class: "main-cause" }, ` — ${t("mainCause")} (${main.count}): ${causeSentence(main.sample, currentLocale())}`) : null,
  );
}

function predictionLine(topic: number, outcome: PredictionOutcome | null): HTMLElement {
  if (!outcome) return h("p", { class: "prediction-line muted" }, t("noPrediction"));
  const guess = mostChosen(outcome);
  const label = (id: string | null) => summaryWords.optionLabel(topic, id);
  const hit = guess.option !== null && guess.option === outcome.result;
  return h(
    "p",
    { class: `prediction-line${hit ? " hit" : ""}` },
    `${t("predicted")}: `,
    h("strong", {}, guess.option ? label(guess.option) : "—"),
    guess.answered ? ` (${t("predictedBy", { n: guess.people, total: guess.answered })})` : "",
    ` → ${t("resultWas")}: `,
    h("strong", {}, outcome.result ? label(outcome.result) : t("noResult")),
    hit ? " ✔" : "",
  );
}
