// The anomaly list: each anomaly's kind (glyph and word), team, message and subscription,
// its cause in plain words, a button that jumps to the moment it became inevitable, and
// the message id as a button that follows that message.
import type { AnomalyKind } from "../../../shared/checker/checker.js";
import { formatTick } from "../../../shared/replay/format.js";
import { h, reveal } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import type { PageContext, Panel } from "./context.js";
import { KIND_STYLE } from "./glyphs.js";
import { anomalyCause, kindWord, teamName } from "./sentences.js";

const KINDS: AnomalyKind[] = ["lost", "duplicated", "misordered", "inconsistent", "race"];

export function anomalyPanel(ctx: PageContext): Panel {
  const { index } = ctx.round;
  const shown = index.anomalies.filter((a) => (ctx.anomalyScope === "all" || a.team === ctx.team) && (ctx.anomalyKind === "all" || a.kind === ctx.anomalyKind));
  const present = KINDS.filter((k) => index.anomalies.some((a) => a.kind === k));
  const scope = h(
    "select",
    {
      id: "anomaly-scope",
      "aria-label": t("replayAnomalyScope"),
      onchange: (e: Event) => ctx.choose({ anomalyScope: (e.target as HTMLSelectElement).value as "all" | "team", anomalyLimit: 200 }),
    },
    h("option", { value: "all", ...(ctx.anomalyScope === "all" ? { selected: true } : {}) }, t("allTeams")),
    h("option", { value: "team", ...(ctx.anomalyScope === "team" ? { selected: true } : {}) }, t("replayThisTeam", { team: ctx.team + 1 })),
  );
  const kind = h(
    "select",
    {
      id: "anomaly-kind",
      "aria-label": t("replayAllKinds"),
      onchange: (e: Event) => ctx.choose({ anomalyKind: (e.target as HTMLSelectElement).value as AnomalyKind | "all", anomalyLimit: 200 }),
    },
    h("option", { value: "all" }, t("replayAllKinds")),
    ...present.map((k) =>
      h(
        "option",
        { value: k, ...(ctx.anomalyKind === k ? { selected: true } : {}) },
        `${KIND_STYLE[k].glyph} ${kindWord(k)} (${index.anomalies.filter((a) => a.kind === k).length})`,
      ),
    ),
  );
  const items = shown.slice(0, ctx.anomalyLimit).map((a, i) => {
    const style = KIND_STYLE[a.kind];
    const time = formatTick(a.cause.tick, index.tickMs);
    return h(
      "li",
      {
        testid: "anomaly-item",
        class: `anomaly${a.team === ctx.team ? " this-team" : ""}${a === ctx.jumped ? " selected" : ""}`,
        ...(a === ctx.jumped ? { "aria-current": "true" } : {}),
        "data-tick": a.cause.tick,
        "data-team": a.team,
        "data-msg": a.msgId,
      },
      h(
        "div",
        { class: "a-head" },
        h("span", { class: "badge", style: `--kind:${style.colour}` }, h("span", { "aria-hidden": "true" }, `${style.glyph} `), kindWord(a.kind)),
        h("span", {}, teamName(a.team)),
        h(
          "button",
          {
            type: "button",
            class: "link msg",
            id: `follow-${i}`,
            testid: "anomaly-follow",
            title: t("replayFollow"),
            onclick: () => ctx.follow(a.team, a.msgId),
          },
          a.msgId,
        ),
        a.subscription ? h("span", { class: "muted" }, a.subscription) : null,
      ),
      h("p", { class: "cause" }, anomalyCause(a, index.tickMs, index.header.config?.broker?.profile)),
      h(
        "button",
        { type: "button", class: "jump", id: `jump-${i}`, testid: "anomaly-jump", onclick: () => ctx.jump(a) },
        h("span", { "aria-hidden": "true" }, "↪ "),
        t("replayJump", { time }),
      ),
    );
  });
  const list = shown.length ? h("ol", { class: "list anomaly-list", testid: "anomaly-list" }, ...items) : null;
  let revealed = false;
  const more =
    shown.length > ctx.anomalyLimit
      ? h(
          "button",
          { type: "button", class: "more", id: "anomaly-more", onclick: () => ctx.choose({ anomalyLimit: ctx.anomalyLimit + 200 }) },
          t("replayShowMore", { n: Math.min(200, shown.length - ctx.anomalyLimit) }),
        )
      : null;
  return {
    element: h(
      "section",
      { class: "card anomalies", "aria-labelledby": "anomalies-title" },
      h(
        "div",
        { class: "card-head" },
        h("h2", { id: "anomalies-title" }, t("replayAnomaliesTitle", { n: shown.length })),
        h("div", { class: "filters" }, scope, kind),
      ),
      list ?? h("div", { testid: "anomaly-list" }, h("p", { class: "muted" }, t("replayNoAnomalies"))),
      more,
    ),
    update() {
      // Once in the page, bring the anomaly last jumped to into view inside the list.
      if (revealed || !list) return;
      revealed = true;
      const selected = list.querySelector<HTMLElement>('[aria-current="true"]');
      if (selected) reveal(list, selected);
    },
  };
}
