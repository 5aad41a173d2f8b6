// After a round, on the projector: the round's counts, the logs and scores to download, the
// topic's questions for the class, and the anomalies with their causes.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { causeSentence } from "../../../shared/checker/causeSentence.js";
import { verdictSentence } from "../../../shared/scenarios/verdict.js";
import { t } from "../i18n/hostWords.js";
import { currentLocale, tx } from "../i18n/locale.js";
import type { HostRoundOver } from "../../../shared/protocol.js";
import { downloadGameLog, downloadScoresCsv } from "./downloads.js";
import { hostPage, scenarioOf } from "./pageState.js";

/** At most 60 anomalies are listed; the heading gives the total. */
export function debriefSection(o: HostRoundOver, connection: Connection): HTMLElement {
  const anomalies = (o.anomalies ?? [])
    .slice(0, 60)
    .map((a) =>
      h(
        "li",
        { testid: "anomaly-item" },
        h("strong", {}, `${t("team")} ${a.team + 1} · ${a.msgId}${a.subscription ? ` · ${a.subscription}` : ""}: `),
        causeSentence(a.cause, currentLocale()),
      ),
    );
  const s = o.summary;
  const variant = scenarioOf(s.scenario)?.variants.find((v) => v.id === s.variant);
  // What the class should notice, and, for a fix, what it bought and left open with this round's counts.
  const verdict = variant?.verdict ? { bought: verdictSentence(variant.verdict.bought, s, currentLocale()), leftOpen: verdictSentence(variant.verdict.leftOpen, s, currentLocale()) } : null;
  return h(
    "section",
    { class: "card debrief" },
    h("h2", {}, t("debrief")),
    h(
      "p",
      {},
      `${t("committed")}: ${s.committed} · ${t("applied")}: ${s.applied} · ${t("lost")}: ${s.lost} · ${t("duplicated")}: ${s.duplicated} · ${t("misordered")}: ${s.misordered} · ${t("inconsistent")}: ${s.inconsistent} · ${t("raceAnomalies")}: ${s.raceAnomalies}`,
    ),
    s.conflicts ? h("p", {}, `${t("conflicts")}: ${s.conflicts}`) : null,
    s.parked ? h("p", {}, `${t("parked")}: ${s.parked}`) : null,
    variant?.notice ? h("p", { class: "notice" }, `👀 ${tx(variant.notice)}`) : null,
    verdict ? h("p", { class: "verdict" }, `✅ ${t("bought")}: ${verdict.bought} · ⚠️ ${t("leftOpen")}: ${verdict.leftOpen}`) : null,
    h("button", { type: "button", onclick: () => void downloadGameLog(connection, o.gameId, hostPage().hostToken) }, t("downloadLog")),
    " ",
    h("button", { type: "button", onclick: () => downloadScoresCsv(o, hostPage().room) }, t("downloadCsv")),
    ...(scenarioOf(s.scenario)?.debrief ?? []).map((q) => h("p", { class: "question" }, `❓ ${tx(q)}`)),
    h("h3", {}, `${t("anomalies")} (${o.anomalies?.length ?? 0})`),
    h("ul", { class: "list", testid: "anomaly-list" }, ...anomalies),
    anomalies.length === 0 ? h("p", { class: "muted" }, t("noAnomaly")) : null,
  );
}
