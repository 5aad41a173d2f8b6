// After a round, full screen: every anomaly of every team grouped by cause, largest group
// first — one sentence each, its count, the teams it hit and a jump to the replay at its
// first anomaly — beside the round's counts (with how counts per subscription add up), the
// previous round of the same topic, the class's prediction beside the result, and the
// topic's questions. Escape or the button goes back to the room.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { verdictSentence } from "../../../shared/scenarios/verdict.js";
import { t } from "../i18n/hostWords.js";
import { currentLocale, tx } from "../i18n/locale.js";
import { subscriptionName } from "../i18n/roomWords.js";
import { causeSentence } from "../../../shared/checker/causeSentence.js";
import type { CauseGroup, HostRoundOver, PredictionOutcome } from "../../../shared/protocol.js";
import type { RoundSummary } from "../../../shared/checker/checker.js";
import type { LessonTopic } from "../../../shared/lesson/plan.js";
import { formatTick } from "../../../shared/replay/format.js";
import { downloadGameLog, downloadScoresCsv, type RosterEntry } from "./downloads.js";
import { lessonBar } from "./lesson/lessonBar.js";
import { vocabularyPanel } from "./brokerTour.js";
import { isProfileId } from "../../../shared/engine/profiles.js";
import type { ProfileId } from "../../../shared/engine/config.js";
import { roundTitle, teamList, variantLabel } from "./names.js";
import { hostPage, scenarioOf, update } from "./pageState.js";
import { replayUrl } from "../replayLinks.js";
import { designDebriefBody } from "./designDebrief.js";

export interface DebriefExtras {
  /** In lesson mode: the topic, for its takeaway and its prediction's options. */
  topic: LessonTopic | null;
  /** Rounds to show side by side (oldest first); the previous round and this one when absent. */
  rounds?: { gameId: string; variant: string; summary: RoundSummary }[];
  prediction?: PredictionOutcome | null;
  /** The lesson's debrief step ends on the topic's takeaway. */
  takeaway?: boolean;
  /** The lesson's debrief step has no way back to the room: the lesson moves on instead. */
  canGoBack: boolean;
}

const replayLink = (href: string, testid: string, label: string) => h("a", { class: "button", href, target: "_blank", rel: "noopener", testid }, label);

function players(): RosterEntry[] {
  const list: RosterEntry[] = [];
  hostPage().room?.players?.forEach((p) => list.push({ name: p.name, seat: p.seat, team: p.team }));
  return list;
}

export function debriefScreen(connection: Connection, o: HostRoundOver, extras: DebriefExtras): HTMLElement {
  const s = o.summary;
  const { hostToken, room } = hostPage();
  const previous = o.previous;
  return h(
    "section",
    { class: `screen debrief${room?.lesson?.active ? " in-lesson" : ""}${o.design ? " design-debrief" : ""}`, testid: "debrief" },
    room?.lesson?.active ? lessonBar(connection) : null,
    h(
      "header",
      { class: "debrief-head" },
      // In lesson mode the ribbon already names the topic.
      h("h1", {}, `${t("debrief")} · ${room?.lesson?.active ? variantLabel(s.scenario, s.variant) : roundTitle(s.scenario, s.variant)}`),
      h(
        "div",
        { class: "debrief-actions" },
        replayLink(replayUrl({ game: o.gameId }), "open-replay", `▶ ${t("openReplay")}`),
        previous
          ? replayLink(
              replayUrl({ game: o.gameId, compare: previous.gameId }),
              "compare-previous",
              `⇆ ${t("comparePrevious", { variant: variantLabel(s.scenario, previous.variant) })}`,
            )
          : null,
        h("button", { type: "button", onclick: () => downloadScoresCsv(o, players()) }, `⬇ ${t("downloadCsv")}`),
        h("button", { type: "button", onclick: () => void downloadGameLog(connection, o.gameId, hostToken) }, `⬇ ${t("downloadLog")}`),
        extras.canGoBack
          ? h("button", { type: "button", class: "primary", testid: "debrief-close", onclick: () => update({ debriefOpen: false }) }, t("backToRoom"))
          : null,
      ),
    ),
    extras.topic && extras.takeaway ? h("p", { class: "takeaway banner" }, h("strong", {}, `${t("takeaway")}: `), tx(extras.topic.takeaway)) : null,
    o.design
      ? designDebriefBody(connection, o, o.design)
      : h(
          "div",
          { class: "debrief-body" },
          causesPanel(o),
          h(
            "aside",
            { class: "debrief-side" },
            countsPanel(extras.rounds ?? [...(previous ? [previous] : []), { gameId: o.gameId, variant: s.variant, summary: s }], o),
          ),
          h(
            "aside",
            { class: "debrief-side" },
            extras.prediction !== undefined
              ? predictionPanel(extras.topic, extras.prediction)
              : o.prediction
                ? predictionPanel(extras.topic, o.prediction)
                : null,
            questionsPanel(s.scenario, s.variant),
            // Last: on a small screen the broker's names give way, never the questions for the class.
            vocabularyPanel(room?.profile),
          ),
        ),
  );
}

function causesPanel(o: HostRoundOver): HTMLElement {
  const groups = o.groups ?? [];
  return h(
    "section",
    { class: "causes" },
    h("h2", { testid: "debrief-total", "data-count": String(o.total ?? 0) }, o.total ? t("anomaliesTotal", { n: o.total }) : t("noAnomaly")),
    h("ol", { class: "cause-list" }, ...groups.map((g) => causeItem(o.gameId, g))),
  );
}

/** The broker the room's last round ran on, for the cause sentences' words. */
function profileOfRoom(): ProfileId | null {
  const profile = hostPage().room?.profile;
  return isProfileId(profile) ? profile : null;
}

function causeItem(gameId: string, g: CauseGroup): HTMLElement {
  const teams = g.teams.length === 1 ? t("teamHit", { list: teamList(g.teams) }) : t("teamsHit", { list: teamList(g.teams) });
  return h(
    "li",
    { class: `cause ${g.kind}`, testid: "debrief-cause", "data-cause": g.code, "data-count": String(g.count) },
    h("span", { class: "cause-count" }, String(g.count)),
    h(
      "div",
      { class: "cause-text" },
      h("p", { class: "sentence" }, causeSentence(g.sample, currentLocale(), undefined, profileOfRoom())),
      h(
        "p",
        { class: "cause-meta" },
        `${teams} · ${t("firstAt", { time: formatTick(g.first.tick) })} · `,
        h(
          "a",
          {
            href: replayUrl({ game: gameId, team: g.first.team, tick: g.first.tick, msg: g.first.msgId }),
            target: "_blank",
            rel: "noopener",
            testid: "cause-replay",
          },
          `▶ ${t("seeInReplay")}`,
        ),
      ),
    ),
  );
}

const COUNT_ROWS = [
  "committed",
  "applied",
  "lost",
  "duplicated",
  "misordered",
  "inconsistent",
  "staleWrites",
  "raceAnomalies",
  "wrongFinalState",
  "conflicts",
  "parked",
] as const;
/** Counts that are not anomalies: what was done, what a fix paid (conflicts retried), what a broker set aside (dead letters). */
const NOT_ANOMALIES = new Set<string>(["committed", "applied", "conflicts", "parked"]);

/** The rounds side by side (naive beside fixed), only the counts that say something, then how per-subscription counting adds up. */
function countsPanel(rounds: { gameId: string; variant: string; summary: RoundSummary }[], o: HostRoundOver): HTMLElement {
  const rows = COUNT_ROWS.filter((k) => k === "committed" || k === "applied" || rounds.some((r) => (r.summary[k] ?? 0) > 0));
  // Only this round's report has per-team scores.
  const best = o.teams?.length ? String(Math.max(...o.teams.map((x) => x.score))) : "—";
  const scenario = o.summary.scenario;
  const variant = scenarioOf(scenario)?.variants.find((v) => v.id === o.summary.variant);
  const subscriptions = variant?.subscriptions ?? [];
  // For a fix: what it bought and what it left open, with this round's counts.
  const verdict = variant?.verdict;
  const events = o.summary.committed;
  // Topic 2's exchange rounds (ids exchange-*): an event is expected only where its binding matches.
  const exchange = o.summary.variant.startsWith("exchange-");
  const explain = exchange
    ? t("perBinding", { events, names: subscriptions.join(", ") })
    : subscriptions.length > 1
      ? t("perSubscription", {
          events,
          subs: subscriptions.length,
          names: subscriptions.map(subscriptionName).join(", "),
          effects: events * subscriptions.length,
        })
      : t("perQueue", { events });
  return h(
    "section",
    { class: "counts" },
    h(
      "table",
      { class: "counts-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}),
          ...rounds.map((r) =>
            h(
              "th",
              { scope: "col", class: r.gameId === o.gameId ? "this" : "" },
              variantLabel(scenario, r.variant),
              h("small", {}, r.gameId === o.gameId ? t("thisRound") : t("previousRound")),
            ),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map((k) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, t(k)),
            ...rounds.map((r) => h("td", { class: (r.summary[k] ?? 0) > 0 && !NOT_ANOMALIES.has(k) ? "bad" : "" }, String(r.summary[k] ?? 0))),
          ),
        ),
        h("tr", {}, h("th", { scope: "row" }, t("bestScore")), ...rounds.map((r) => h("td", {}, r.gameId === o.gameId ? best : "—"))),
      ),
    ),
    verdict
      ? h(
          "div",
          { class: "verdict", testid: "verdict" },
          h("p", { class: "bought" }, h("strong", {}, `✔ ${t("bought")}: `), verdictSentence(verdict.bought, o.summary, currentLocale())),
          h("p", { class: "left-open" }, h("strong", {}, `⚠ ${t("leftOpen")}: `), verdictSentence(verdict.leftOpen, o.summary, currentLocale())),
        )
      : null,
    h("p", { class: "explain", testid: "per-subscription" }, explain),
    h("p", { class: "explain small" }, t("scoreRule")),
  );
}

/** What the class predicted beside what the round gave. */
export function predictionPanel(topic: LessonTopic | null, outcome: PredictionOutcome | null): HTMLElement | null {
  if (!topic) return null;
  const p = topic.prediction;
  const answered = Object.values(outcome?.counts ?? {}).reduce((a, b) => a + b, 0);
  const top = Math.max(1, ...Object.values(outcome?.counts ?? {}));
  return h(
    "section",
    { class: "prediction-outcome", testid: "prediction-outcome" },
    h("h2", {}, tx(p.question)),
    h(
      "ul",
      { class: "bars small-bars" },
      ...p.options.map((option) => {
        const n = outcome?.counts[option.id] ?? 0;
        const isResult = outcome?.result === option.id;
        return h(
          "li",
          { class: isResult ? "result" : "" },
          h("span", { class: "bar-label" }, `${isResult ? "✔ " : ""}${tx(option.label)}`),
          h("span", { class: "meter" }, h("span", { class: "fill", style: `width:${(100 * n) / top}%` })),
          h("span", { class: "bar-count" }, answered ? t("predictedBy", { n, total: answered }) : "0"),
        );
      }),
    ),
    h(
      "p",
      { class: "explain" },
      `${t("resultWas")}: `,
      h("strong", {}, outcome?.result ? tx(p.options.find((x) => x.id === outcome.result)?.label) : t("noResult")),
      typeof outcome?.value === "number" ? ` (${t("medianValue", { value: outcome.value })})` : "",
    ),
  );
}

/** What the class should notice in this variant, then the topic's questions. */
function questionsPanel(scenario: string, variant: string): HTMLElement {
  const entry = scenarioOf(scenario);
  const notice = entry?.variants.find((v) => v.id === variant)?.notice;
  return h(
    "section",
    { class: "questions" },
    notice ? h("p", { class: "notice", testid: "variant-notice" }, h("strong", {}, `${t("notice")}: `), tx(notice)) : null,
    h("h2", {}, t("forTheClass")),
    h("ul", {}, ...(entry?.debrief ?? []).map((q) => h("li", { class: "question" }, tx(q)))),
  );
}
