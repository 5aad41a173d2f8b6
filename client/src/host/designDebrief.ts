// The debrief of a design round: the design table, one row per team, best score first — the
// team's choices end by end (the settings its anomalies point at marked, with the cause's
// sentence), its throughput, each anomaly count and its score, the lesson's named fix its
// design is, and its replay. Under it the score formula and the round's causes in brief.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { currentLocale } from "../i18n/locale.js";
import { causeSentence } from "../../../shared/checker/causeSentence.js";
import type { TeamReport } from "../../../shared/checker/checker.js";
import {
  DESIGN_ENDS,
  designScore,
  designTexts,
  namedFixOf,
  SCORED_ANOMALIES,
  settingsOfEnd,
  type Design,
  type DesignScore,
} from "../../../shared/design/index.js";
import type { CauseGroup, DesignResults, HostRoundOver } from "../../../shared/protocol.js";
import { causesBySetting } from "../../../shared/view/designCauses.js";
import { replayUrl } from "../replayLinks.js";
import { scoreFormula, startDesign } from "./designPhase.js";
import { keepFitted } from "./fit.js";
import { hostPage } from "./pageState.js";

/** More rows than this and the table would not fit a 720p projector: the rest are counted. */
export const MAX_DESIGN_ROWS = 8;

export interface DesignRow {
  team: number;
  design: Design;
  report: TeamReport;
  score: DesignScore;
  causes: CauseGroup[];
}

/** The table's rows, best score first (equal scores by team number). */
export function designRows(o: HostRoundOver, design: DesignResults): DesignRow[] {
  return design.designs
    .map((d, team) => {
      const report = o.teams.find((r) => r.team === team);
      return report ? { team, design: d, report, score: designScore(report, design.roundTicks), causes: design.causes[team] ?? [] } : null;
    })
    .filter((row): row is DesignRow => row !== null)
    .sort((a, b) => b.score.score - a.score.score || a.team - b.team);
}

function names(team: number): string {
  const list: string[] = [];
  hostPage().room?.players?.forEach((p) => {
    if (p.team === team && !p.spectator) list.push(p.name);
  });
  return list.join(", ");
}

/** The body of a design round's debrief. */
export function designDebriefBody(connection: Connection, o: HostRoundOver, design: DesignResults): HTMLElement {
  const rows = designRows(o, design);
  const shown = rows.slice(0, MAX_DESIGN_ROWS);
  const wrap = h(
    "section",
    { class: "design-table-wrap" },
    h(
      "h2",
      { testid: "debrief-total", "data-count": String(o.total ?? 0) },
      `${t("designTable")} · ${o.total ? t("anomaliesTotal", { n: o.total }) : t("noAnomalyShort")}`,
    ),
    designTable(o.gameId, shown),
    rows.length > shown.length ? h("p", { class: "muted" }, t("moreTeams", { n: rows.length - shown.length })) : null,
  );
  // Many teams: the type shrinks until every row fits the screen.
  keepFitted(wrap);
  return h(
    "div",
    { class: "debrief-body" },
    wrap,
    h(
      "div",
      { class: "design-foot" },
      scoreFormula(),
      h("p", { class: "muted" }, t("sameChaos", { seed: o.summary.seed })),
      h("button", { type: "button", testid: "design-again", onclick: () => startDesign(connection) }, `✎ ${t("designAgain")}`),
      h(
        "ul",
        { class: "cause-chips" },
        ...(o.groups ?? []).map((g) =>
          h(
            "li",
            { testid: "debrief-cause", "data-cause": g.code, "data-count": String(g.count), title: causeSentence(g.sample, currentLocale()) },
            `${g.count} × ${causeSentence(g.sample, currentLocale())}`,
          ),
        ),
      ),
    ),
  );
}

function designTable(gameId: string, rows: DesignRow[]): HTMLElement {
  const words = designTexts(currentLocale());
  const widths = [3, 14, 15, 15, 15, 6.5, ...SCORED_ANOMALIES.map(() => 5), 6.5];
  return h(
    "table",
    { class: `design-table${rows.length <= 3 ? " few" : rows.length > 4 ? " dense" : ""}`, testid: "design-table" },
    h("colgroup", {}, ...widths.map((w) => h("col", { style: `width:${w}%` }))),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "#"),
        h("th", { scope: "col" }, t("colTeam")),
        ...DESIGN_ENDS.map((end) => h("th", { scope: "col" }, words.ends[end])),
        h("th", { scope: "col", class: "num", title: t("colThroughputLong") }, t("colThroughput")),
        ...SCORED_ANOMALIES.map((k) => h("th", { scope: "col", class: "num", title: t(k) }, t(`short_${k}`))),
        h("th", { scope: "col", class: "num" }, t("colScore")),
      ),
    ),
    h("tbody", {}, ...rows.map((row, i) => designRow(gameId, row, i + 1))),
  );
}

function designRow(gameId: string, row: DesignRow, place: number): HTMLElement {
  const words = designTexts(currentLocale());
  const fix = namedFixOf(row.design);
  const bySetting = causesBySetting(row.causes);
  const counts = Object.fromEntries(SCORED_ANOMALIES.map((k) => [`data-${k.toLowerCase()}`, String(row.report[k])]));
  return h(
    "tr",
    { testid: "design-row", "data-team": String(row.team + 1), "data-score": String(row.score.score), ...counts },
    h("td", { class: "num" }, `${place}.`),
    h(
      "td",
      {},
      h("div", { class: "team-name" }, t("teamN", { n: row.team + 1 })),
      h("div", { class: "muted small team-names" }, names(row.team)),
      h(
        "p",
        {
          class: `fix${fix ? "" : " none"}`,
          testid: "named-fix",
          "data-fix": fix?.id ?? "",
          title: fix ? (currentLocale() === "pt-BR" ? fix.pt : fix.en) : "",
        },
        fix ? (currentLocale() === "pt-BR" ? fix.pt : fix.en) : t("noNamedFix"),
      ),
      h(
        "a",
        {
          class: "button team-replay",
          href: replayUrl({ game: gameId, team: row.team }),
          target: "_blank",
          rel: "noopener",
          testid: "open-replay",
          "data-team": String(row.team + 1),
        },
        `▶ ${t("replayTeam")}`,
      ),
    ),
    ...DESIGN_ENDS.map((end) => {
      const settings = settingsOfEnd(end);
      const caused = settings.flatMap((s) => bySetting.get(s) ?? []).sort((a, b) => b.count - a.count);
      const top = caused[0];
      return h(
        "td",
        { "data-end": end },
        h(
          "ul",
          { class: "choices" },
          ...settings.map((s) =>
            h(
              "li",
              {
                class: bySetting.has(s) ? "caused" : "",
                "data-setting": s,
                "data-value": row.design[s],
                ...(bySetting.has(s) ? { "data-caused": "true", title: causeSentence(bySetting.get(s)![0].sample, currentLocale()) } : {}),
              },
              `${bySetting.has(s) ? "⚠ " : ""}${words.settings[s].label}: ${words.settings[s].values[row.design[s]]?.label ?? row.design[s]}`,
            ),
          ),
        ),
        top ? h("p", { class: "cause-note", testid: "design-cause" }, `${top.count} × ${causeSentence(top.sample, currentLocale())}`) : null,
      );
    }),
    h("td", { class: "num" }, String(row.score.throughputPerMin)),
    ...SCORED_ANOMALIES.map((k) => h("td", { class: `num${row.report[k] > 0 ? " bad" : ""}` }, String(row.report[k]))),
    h("td", { class: "num score" }, String(row.score.score)),
  );
}
