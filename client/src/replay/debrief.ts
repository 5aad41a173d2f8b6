// The debrief's panels under the canvas: charts per team and for all teams, the final
// leaderboard, the sequence diagram, naive and fixed side by side, and the exports.
import { teamSeries } from "../../../shared/replay/charts.js";
import { formatTick } from "../../../shared/replay/format.js";
import { leaderboard } from "../../../shared/replay/scores.js";
import { messageSequence, windowSequence } from "../../../shared/replay/sequence.js";
import { SCENARIO_TEXTS } from "../../../shared/scenarios/texts.js";
import { h } from "../dom.js";
import { tx } from "../i18n/locale.js";
import { t } from "../i18n/replayWords.js";
import { lineChart, type ChartHandle } from "./chartView.js";
import { WINDOW_SECONDS, type LoadedRound, type PageContext, type Panel } from "./context.js";
import { KIND_STYLE } from "./glyphs.js";
import { sequenceSvg } from "./sequenceView.js";
import { teamName } from "./sentences.js";

export function scenarioTitle(round: LoadedRound): string {
  return tx(SCENARIO_TEXTS[round.index.header.scenario]?.title) || round.index.header.scenario;
}

export function variantLabel(round: LoadedRound): string {
  const { scenario, variant } = round.index.header;
  return tx(SCENARIO_TEXTS[scenario]?.variants[variant]?.label) || variant;
}

/** "Lost messages · Fire-and-forget" from the ids, in the page's language (the ids themselves when unknown). */
export function roundName(scenario: string, variant: string): string {
  const text = SCENARIO_TEXTS[scenario];
  return `${tx(text?.title) || scenario} · ${tx(text?.variants[variant]?.label) || variant}`;
}

export function chartsPanel(ctx: PageContext): Panel {
  const { index } = ctx.round;
  const charts: ChartHandle[] = [
    lineChart(teamSeries(index, ctx.team), index.tickMs, {
      label: `${t("replayCharts", { team: ctx.team + 1 })}: ${t("replayChartLabel")}`,
      onSeek: (tick) => ctx.seekTo(tick),
    }),
    lineChart(teamSeries(index, "all"), index.tickMs, { label: `${t("replayChartsAll")}: ${t("replayChartLabel")}`, onSeek: (tick) => ctx.seekTo(tick) }),
  ];
  return {
    element: h(
      "section",
      { class: "card charts", testid: "replay-charts" },
      h(
        "div",
        { class: "chart-pair" },
        h("div", {}, h("h2", {}, t("replayCharts", { team: ctx.team + 1 })), charts[0].element),
        h("div", {}, h("h2", {}, t("replayChartsAll")), charts[1].element),
      ),
    ),
    update(c) {
      for (const chart of charts) chart.setPlayhead(c.state.tick);
    },
  };
}

export function leaderboardPanel(ctx: PageContext): Panel {
  const { index } = ctx.round;
  const totals = index.report.totals;
  type Column = "committed" | "applied" | "lost" | "duplicated" | "misordered" | "inconsistent" | "raceAnomalies";
  const glyphs: Partial<Record<Column, string>> = {
    lost: KIND_STYLE.lost.glyph,
    duplicated: KIND_STYLE.duplicated.glyph,
    misordered: KIND_STYLE.misordered.glyph,
    inconsistent: KIND_STYLE.inconsistent.glyph,
    raceAnomalies: KIND_STYLE.race.glyph,
  };
  // Columns every team has at zero say nothing: only the counts this round produced are shown.
  const columns = (["committed", "applied", "lost", "duplicated", "misordered", "inconsistent", "raceAnomalies"] as Column[]).filter(
    (c) => c === "committed" || c === "applied" || totals[c] > 0,
  );
  const rows = leaderboard(index).map((r, i) => {
    const people = (index.header.teams.find((x) => x.team === r.team)?.players ?? []).filter((p) => p.name).map((p) => `${p.name} (${p.seat})`);
    const mine = r.team === ctx.team;
    return h(
      "tr",
      { class: mine ? "focused" : "", ...(mine ? { "aria-current": "true" } : {}) },
      h("td", {}, String(i + 1)),
      h(
        "td",
        { class: "team-cell" },
        h("button", { type: "button", class: "link", id: `board-${r.team}`, onclick: () => ctx.setTeam(r.team) }, `${mine ? "▶ " : ""}${teamName(r.team)}`),
        people.length ? h("div", { class: "players muted" }, people.join(" · ")) : null,
      ),
      h("td", { class: "score" }, String(r.score)),
      ...columns.map((c) => h("td", {}, `${r[c] && glyphs[c] ? `${glyphs[c]} ` : ""}${r[c]}`)),
    );
  });
  return {
    element: h(
      "section",
      { class: "card board" },
      h("h2", {}, t("replayFinal")),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "board-table", testid: "replay-leaderboard" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t("replayRank")),
              h("th", { scope: "col" }, t("team")),
              h("th", { scope: "col" }, t("score")),
              ...columns.map((c) => h("th", { scope: "col" }, t(c))),
            ),
          ),
          h("tbody", {}, ...rows),
        ),
      ),
    ),
  };
}

export function sequencePanel(ctx: PageContext): Panel {
  const { index } = ctx.round;
  const useMessage = ctx.sequenceSource === "message" && ctx.followed !== null;
  const from = ctx.state.tick;
  const to = Math.min(index.lastTick, from + Math.round((ctx.windowSeconds * 1000) / index.tickMs));
  const diagram = useMessage && ctx.followed ? messageSequence(index, ctx.team, ctx.followed.msgId) : windowSequence(index, ctx.team, from, to);
  const label =
    useMessage && ctx.followed
      ? t("replaySequenceMessage", { msgId: ctx.followed.msgId, team: ctx.team + 1 })
      : t("replaySequenceWindow", { team: ctx.team + 1, from: formatTick(from, index.tickMs), to: formatTick(to, index.tickMs) });
  const source = h(
    "select",
    {
      id: "sequence-source",
      "aria-label": t("replaySequenceSource"),
      onchange: (e: Event) => ctx.choose({ sequenceSource: (e.target as HTMLSelectElement).value as "message" | "window" }),
    },
    h("option", { value: "window", ...(useMessage ? {} : { selected: true }) }, t("replaySequenceTime")),
    ctx.followed
      ? h("option", { value: "message", ...(useMessage ? { selected: true } : {}) }, `${t("replaySequenceFollowed")} (${ctx.followed.msgId})`)
      : null,
  );
  const length = h(
    "select",
    {
      id: "sequence-length",
      "aria-label": t("replaySequenceLength"),
      onchange: (e: Event) => ctx.choose({ windowSeconds: Number((e.target as HTMLSelectElement).value) }),
    },
    ...WINDOW_SECONDS.map((n) => h("option", { value: String(n), ...(n === ctx.windowSeconds ? { selected: true } : {}) }, `${n} s`)),
  );
  const empty = diagram.arrows.length === 0 && diagram.marks.length === 0;
  return {
    element: h(
      "section",
      { class: "card sequence-card", testid: "replay-sequence" },
      h(
        "div",
        { class: "card-head" },
        h("h2", {}, `${t("replaySequence")} · ${label}`),
        h(
          "div",
          { class: "filters" },
          h("label", { class: "inline" }, t("replaySequenceSource"), source),
          useMessage ? null : h("label", { class: "inline" }, t("replaySequenceLength"), length),
        ),
      ),
      empty
        ? h("p", { class: "muted" }, t("replaySequenceEmpty"))
        : h(
            "div",
            { class: "sequence-scroll" },
            sequenceSvg(diagram, index.tickMs, { labelBy: useMessage ? "packet" : "msgId", label, onSeek: (tick) => ctx.seekTo(tick) }),
          ),
      diagram.truncated ? h("p", { class: "warn" }, t("replaySequenceTruncated", { n: diagram.arrows.length })) : null,
      h("p", { class: "muted small" }, t("replaySequenceLegend")),
    ),
  };
}

function roundSummary(round: LoadedRound, scale: { xMax: number; yMax: number }, actions: HTMLElement | null): HTMLElement {
  const { index } = round;
  const totals = index.report.totals;
  const rows: [string, number][] = [
    [t("committed"), totals.committed],
    [t("applied"), totals.applied],
    [`${KIND_STYLE.lost.glyph} ${t("lost")}`, totals.lost],
    [`${KIND_STYLE.duplicated.glyph} ${t("duplicated")}`, totals.duplicated],
    [`${KIND_STYLE.misordered.glyph} ${t("misordered")}`, totals.misordered],
    [`${KIND_STYLE.inconsistent.glyph} ${t("inconsistent")}`, totals.inconsistent],
    [`${KIND_STYLE.race.glyph} ${t("raceAnomalies")}`, totals.raceAnomalies],
  ];
  const best = Math.max(...index.report.teams.map((r) => r.score));
  return h(
    "div",
    { class: "compare-side", testid: "compare-side" },
    h("h3", {}, variantLabel(round)),
    h(
      "p",
      { class: "muted" },
      `${round.name} · ${t("replayRound", { scenario: index.header.scenario, variant: index.header.variant, seed: index.header.seed, teams: index.header.teams.length, length: formatTick(index.lastTick, index.tickMs) })}`,
    ),
    h(
      "table",
      { class: "summary-table" },
      h(
        "tbody",
        {},
        ...rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, String(v)))),
        h("tr", {}, h("th", { scope: "row" }, t("replayBestScore")), h("td", {}, String(best))),
      ),
    ),
    lineChart(teamSeries(index, "all"), index.tickMs, { ...scale, label: `${variantLabel(round)}: ${t("replayChartLabel")}` }).element,
    actions,
  );
}

export function comparePanel(ctx: PageContext): Panel {
  const input = h("input", { type: "file", class: "sr-only", testid: "replay-open-compare", accept: ".ndjson,.jsonl,.json,.txt,.log,application/x-ndjson" });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) ctx.openCompare(file);
    input.value = "";
  });
  const open = h("label", { class: "button" }, h("span", {}, t("replayCompareOpen")), input);
  const other = ctx.compare;
  let body: HTMLElement;
  if (!other) body = h("p", { class: "muted" }, t("replayCompareHelp"));
  else {
    const a = ctx.round.index.header;
    const b = other.index.header;
    const scale = {
      xMax: Math.max(ctx.round.index.lastTick, other.index.lastTick),
      yMax: Math.max(teamSeries(ctx.round.index, "all", 2).max, teamSeries(other.index, "all", 2).max),
    };
    const notes = [
      a.scenario !== b.scenario ? t("replayCompareOtherTopic", { a: scenarioTitle(ctx.round), b: scenarioTitle(other) }) : null,
      a.scenario === b.scenario && a.variant === b.variant ? t("replayCompareSameVariant") : null,
    ].filter((n): n is string => n !== null);
    body = h(
      "div",
      {},
      ...notes.map((n) => h("p", { class: "warn" }, `⚠ ${n}`)),
      h(
        "div",
        { class: "compare-grid" },
        roundSummary(ctx.round, scale, null),
        roundSummary(
          other,
          scale,
          h(
            "div",
            { class: "controls" },
            h("button", { type: "button", onclick: () => ctx.swapCompare() }, t("replayCompareSwap")),
            h("button", { type: "button", onclick: () => ctx.closeCompare() }, t("replayCompareClose")),
          ),
        ),
      ),
    );
  }
  return {
    element: h("section", { class: "card compare", testid: "replay-compare" }, h("div", { class: "card-head" }, h("h2", {}, t("replayCompare")), open), body),
  };
}

export function exportPanel(ctx: PageContext): Panel {
  return {
    element: h(
      "section",
      { class: "card export" },
      h("h2", {}, t("replayExport")),
      h(
        "div",
        { class: "controls" },
        h("button", { type: "button", testid: "replay-export-log", onclick: () => ctx.exportLog() }, `⬇ ${t("replayDownloadLog")}`),
        h("button", { type: "button", testid: "replay-export-csv", onclick: () => ctx.exportCsv() }, `⬇ ${t("replayDownloadCsv")}`),
      ),
    ),
  };
}
