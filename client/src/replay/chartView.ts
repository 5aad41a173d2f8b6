// The debrief's chart: cumulative counts of one team (or all) over the round, as inline
// SVG. Each series has its own colour, dash pattern and glyph, and a legend with words.
import { CHART_METRICS, type ChartMetric, type ChartSeries } from "../../../shared/replay/charts.js";
import { formatTick } from "../../../shared/replay/format.js";
import { h } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import { METRIC_STYLE } from "./glyphs.js";
import { s, title } from "./svg.js";

const W = 720;
const H = 250;
const M = { left: 46, right: 14, top: 14, bottom: 30 };

export interface ChartHandle {
  element: HTMLElement;
  setPlayhead(tick: number): void;
}

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export const metricWord = (m: ChartMetric): string => t(m);

/**
 * A line chart of `series`; `xMax` and `yMax` share scales between charts shown side by
 * side. With `onSeek`, it has a playhead and a click seeks to the tick under the pointer.
 */
export function lineChart(
  series: ChartSeries,
  tickMs: number,
  options: { xMax?: number; yMax?: number; label: string; onSeek?: (tick: number) => void },
): ChartHandle {
  const last = Math.max(options.xMax ?? 0, series.ticks[series.ticks.length - 1] ?? 0) || 1;
  const top = niceMax(Math.max(options.yMax ?? 0, series.max));
  const x = (tick: number) => M.left + ((W - M.left - M.right) * tick) / last;
  const y = (v: number) => H - M.bottom - ((H - M.top - M.bottom) * v) / top;
  const grid: SVGElement[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    grid.push(s("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: "grid" }));
    grid.push(s("text", { x: M.left - 6, y: y(v) + 4, "text-anchor": "end", class: "axis" }, String(Math.round(v))));
  }
  for (let i = 0; i <= 5; i++) {
    const tick = Math.round((last * i) / 5);
    grid.push(s("text", { x: x(tick), y: H - 8, "text-anchor": i === 0 ? "start" : i === 5 ? "end" : "middle", class: "axis" }, formatTick(tick, tickMs)));
  }
  const lines = CHART_METRICS.map((m) => {
    const style = METRIC_STYLE[m];
    const points = series.ticks.map((tick, i) => `${x(tick).toFixed(1)},${y(series.values[m][i]).toFixed(1)}`).join(" ");
    return s(
      "polyline",
      {
        points,
        fill: "none",
        stroke: style.colour,
        "stroke-width": style.width,
        "stroke-dasharray": style.dash,
        "stroke-linejoin": "round",
        class: `series series-${m}`,
      },
      title(`${metricWord(m)}: ${series.values[m][series.values[m].length - 1]}`),
    );
  });
  const playhead = s("line", { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, class: "playhead" });
  const svg = s(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": options.label, class: "chart" },
    ...grid,
    ...lines,
    options.onSeek ? playhead : null,
  );
  if (options.onSeek) {
    const seekTo = options.onSeek;
    svg.addEventListener("click", (e) => {
      const box = svg.getBoundingClientRect();
      const px = ((e.clientX - box.left) / box.width) * W;
      seekTo(Math.round(((px - M.left) / (W - M.left - M.right)) * last));
    });
    svg.classList.add("clickable");
  }
  const legend = h(
    "ul",
    { class: "legend" },
    ...CHART_METRICS.map((m) => {
      const style = METRIC_STYLE[m];
      const sample = s(
        "svg",
        { viewBox: "0 0 34 10", width: 34, height: 10, "aria-hidden": "true" },
        s("line", { x1: 1, x2: 33, y1: 5, y2: 5, stroke: style.colour, "stroke-width": style.width, "stroke-dasharray": style.dash }),
      );
      return h(
        "li",
        {},
        sample,
        h("span", { class: "glyph", style: `color:${style.colour}` }, style.glyph),
        ` ${metricWord(m)} `,
        h("strong", {}, String(series.values[m][series.values[m].length - 1])),
      );
    }),
  );
  return {
    element: h("figure", { class: "chart-figure" }, svg, legend),
    setPlayhead(tick: number) {
      const px = x(Math.max(0, Math.min(last, tick))).toFixed(1);
      playhead.setAttribute("x1", px);
      playhead.setAttribute("x2", px);
    },
  };
}
