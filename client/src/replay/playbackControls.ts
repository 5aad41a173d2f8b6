// The replay's playback controls: play/pause, speed, one tick back/forward, previous/next
// anomaly, the clock, the team picker, and the timeline (a range over ticks) with the
// anomalies marked along it by glyph and colour.
import { anomalyStrip } from "../../../shared/replay/charts.js";
import { formatTick } from "../../../shared/replay/format.js";
import { h } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import { SPEEDS, type PageContext, type Panel } from "./context.js";
import { KIND_STYLE } from "./glyphs.js";
import { kindWord, teamName } from "./sentences.js";
import type { AnomalyKind } from "../../../shared/checker/checker.js";

/** The anomalies along the timeline: a bar per slot (height by count) and, where there is room, its glyph. */
function strip(ctx: PageContext): HTMLElement {
  const { index } = ctx.round;
  const marks = anomalyStrip(index, ctx.anomalyScope === "team" ? ctx.team : null, 240);
  const max = Math.max(1, ...marks.map((m) => m.count));
  let lastGlyph = -1;
  const shapes = marks.map((m) => {
    const kinds = (Object.entries(m.kinds) as [AnomalyKind, number][]).sort((a, b) => b[1] - a[1]);
    const style = KIND_STYLE[kinds[0][0]];
    const words = `${formatTick(m.tick, index.tickMs)} · ${kinds.map(([k, n]) => `${n} ${kindWord(k)}`).join(", ")}`;
    const showGlyph = lastGlyph < 0 || m.position - lastGlyph > 0.012;
    if (showGlyph) lastGlyph = m.position;
    return h(
      "span",
      {
        class: "strip-mark",
        style: `left:${(m.position * 100).toFixed(2)}%;--kind:${style.colour};--h:${Math.round(5 + 11 * Math.sqrt(m.count / max))}px`,
        title: words,
        onclick: () => ctx.seekTo(m.tick),
      },
      showGlyph ? h("span", { class: "strip-glyph" }, style.glyph) : null,
    );
  });
  return h("div", { class: "strip", "aria-hidden": "true" }, ...shapes);
}

export function playbackPanel(ctx: PageContext): Panel {
  const { index } = ctx.round;
  const last = index.lastTick;
  const button = (testid: string, label: string, glyph: string, onclick: () => void) =>
    h("button", { type: "button", testid, "aria-label": label, title: label, onclick }, h("span", { "aria-hidden": "true" }, glyph));
  const play = h("button", { type: "button", class: "primary play", testid: "replay-play", onclick: () => ctx.togglePlay() });
  const speed = h(
    "select",
    { testid: "replay-speed", "aria-label": t("replaySpeed"), onchange: (e: Event) => ctx.setSpeed(Number((e.target as HTMLSelectElement).value)) },
    ...SPEEDS.map((v) => h("option", { value: String(v), ...(v === ctx.speed ? { selected: true } : {}) }, `${String(v).replace(".", currentDecimal())}×`)),
  );
  const team = h(
    "select",
    { testid: "replay-team", "aria-label": t("replayShownTeam"), onchange: (e: Event) => ctx.setTeam(Number((e.target as HTMLSelectElement).value)) },
    ...index.teamIds.map((id) => h("option", { value: String(id), ...(id === ctx.team ? { selected: true } : {}) }, teamName(id))),
  );
  const time = h("output", { class: "clock", testid: "replay-time", "aria-live": "off" });
  const tickText = h("span", { class: "tick muted", testid: "replay-tick" });
  const timeline = h("input", {
    type: "range",
    min: 0,
    max: last,
    step: 1,
    value: ctx.state.tick,
    testid: "replay-timeline",
    "aria-label": t("replayTimeline"),
    class: "timeline",
  });
  timeline.addEventListener("input", () => ctx.seekTo(Number(timeline.value)));
  const element = h(
    "div",
    { class: "transport" },
    h(
      "div",
      { class: "transport-row" },
      h(
        "div",
        { class: "buttons", role: "group", "aria-label": t("replayTimeline") },
        button("replay-prev-anomaly", t("replayPrevAnomaly"), "⇤", () => ctx.nearestAnomaly(-1)),
        button("replay-step-back", t("replayStepBack"), "◀", () => ctx.step(-1)),
        play,
        button("replay-step-forward", t("replayStepForward"), "▶", () => ctx.step(1)),
        button("replay-next-anomaly", t("replayNextAnomaly"), "⇥", () => ctx.nearestAnomaly(1)),
      ),
      h("label", { class: "inline" }, t("replaySpeed"), speed),
      h("div", { class: "time" }, time, tickText),
      h("label", { class: "inline team-pick" }, t("replayShownTeam"), team),
    ),
    h("div", { class: "timeline-wrap" }, strip(ctx), timeline),
  );
  return {
    element,
    update(c) {
      if (Number(timeline.value) !== c.state.tick) timeline.value = String(c.state.tick);
      const now = formatTick(c.state.tick, index.tickMs);
      timeline.setAttribute("aria-valuetext", now);
      time.textContent = `${now} / ${formatTick(last, index.tickMs)}`;
      tickText.textContent = t("replayTickOf", { tick: c.state.tick, last });
      const label = c.playing ? t("replayPause") : t("replayPlay");
      play.replaceChildren(h("span", { "aria-hidden": "true" }, c.playing ? "❚❚ " : "▶ "), label);
      play.setAttribute("aria-pressed", String(c.playing));
    },
  };
}

function currentDecimal(): string {
  return document.documentElement.lang === "pt-BR" ? "," : ".";
}
