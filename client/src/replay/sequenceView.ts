// The sequence diagram as SVG: a lane per node, time running down (one row per distinct
// tick, a break where time jumps), an arrow per hop, a cross where a packet was dropped,
// glyphs for what happened at a node. Clicking an arrow or a mark seeks there.
import { formatTickFine } from "../../../shared/replay/format.js";
import type { SequenceArrow, SequenceDiagram } from "../../../shared/replay/sequence.js";
import { t } from "../i18n/replayWords.js";
import { markerText } from "../i18n/sceneWords.js";
import { packetWord } from "./sentences.js";
import { isControlPacket, MARK_STYLE, packetColour } from "./glyphs.js";
import { s, title } from "./svg.js";

const GUTTER = 78;
const LANE = 132;
const HEAD = 40;
const ROW = 26;
const GAP = 14;
/** A jump of more ticks than this between two rows is drawn as a break. */
const BREAK_TICKS = 20;

export function sequenceSvg(
  diagram: SequenceDiagram,
  tickMs: number,
  options: { labelBy: "packet" | "msgId"; label: string; onSeek: (tick: number) => void },
): SVGSVGElement {
  const laneX = new Map(diagram.lanes.map((lane, i) => [lane, GUTTER + LANE * (i + 0.5)]));
  const rowY = new Map<number, number>();
  let yCursor = HEAD + ROW / 2;
  const breaks: number[] = [];
  diagram.rows.forEach((tick, i) => {
    if (i > 0 && tick - diagram.rows[i - 1] > BREAK_TICKS) {
      breaks.push(yCursor - ROW / 2 + GAP / 2);
      yCursor += GAP;
    }
    rowY.set(tick, yCursor);
    yCursor += ROW;
  });
  const width = GUTTER + LANE * diagram.lanes.length + 12;
  const height = Math.max(yCursor, HEAD + ROW);
  const parts: SVGElement[] = [];
  for (const [lane, x] of laneX) {
    parts.push(s("line", { x1: x, x2: x, y1: HEAD - 6, y2: height - 4, class: "lane" }));
    parts.push(s("text", { x, y: 22, "text-anchor": "middle", class: "lane-name" }, lane));
  }
  for (const y of breaks) parts.push(s("line", { x1: GUTTER - 8, x2: width - 6, y1: y, y2: y, class: "break" }));
  for (const [tick, y] of rowY) parts.push(s("text", { x: GUTTER - 10, y: y + 4, "text-anchor": "end", class: "axis" }, formatTickFine(tick, tickMs)));
  for (const arrow of diagram.arrows) parts.push(arrowShape(arrow, laneX, rowY, tickMs, options));
  for (const mark of diagram.marks) {
    const x = laneX.get(mark.lane);
    const y = rowY.get(mark.tick);
    if (x === undefined || y === undefined) continue;
    const style = MARK_STYLE[mark.kind];
    const words = `${formatTickFine(mark.tick, tickMs)} · ${mark.lane} · ${t(`mark_${mark.kind}`)}${mark.msgId ? ` · ${mark.msgId}` : ""}`;
    parts.push(
      s(
        "g",
        { class: "mark clickable", onclick: () => options.onSeek(mark.tick) },
        s("circle", { cx: x, cy: y, r: 10, class: "mark-bg" }),
        s("text", { x, y: y + 5, "text-anchor": "middle", fill: style.colour, class: "mark-glyph" }, style.glyph),
        title(words),
      ),
    );
  }
  return s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": options.label, class: "sequence" }, ...parts);
}

function arrowShape(
  arrow: SequenceArrow,
  laneX: Map<string, number>,
  rowY: Map<number, number>,
  tickMs: number,
  options: { labelBy: "packet" | "msgId"; onSeek: (tick: number) => void },
): SVGElement {
  const x1 = laneX.get(arrow.from) ?? GUTTER;
  const xTo = laneX.get(arrow.to) ?? GUTTER;
  const y1 = rowY.get(arrow.sent) ?? HEAD;
  const colour = packetColour(arrow.packet);
  const dir = Math.sign(xTo - x1) || 1;
  let x2: number;
  let y2: number;
  if (arrow.dropped === "sending") {
    x2 = x1 + (xTo - x1) * 0.42;
    y2 = y1 + ROW * 0.35;
  } else {
    x2 = xTo - dir * 7;
    y2 = rowY.get(arrow.arrive) ?? y1;
  }
  const word = `${arrow.retry ? `${t("replayRetry")}: ` : ""}${packetWord(arrow.packet)}`;
  const label = options.labelBy === "msgId" ? arrow.msgId : word;
  const parts: SVGElement[] = [
    s("line", {
      x1,
      y1,
      x2,
      y2,
      stroke: colour,
      "stroke-width": arrow.retry ? 3 : 2,
      "stroke-dasharray": isControlPacket(arrow.packet) ? "6 4" : "",
      class: "arrow",
    }),
  ];
  if (arrow.dropped === "no") {
    const angle = Math.atan2(y2 - y1, x2 - x1);
    const head = (a: number) => `${(x2 - 10 * Math.cos(angle + a)).toFixed(1)},${(y2 - 10 * Math.sin(angle + a)).toFixed(1)}`;
    parts.push(s("polygon", { points: `${x2},${y2} ${head(0.45)} ${head(-0.45)}`, fill: colour }));
  } else {
    parts.push(s("text", { x: x2, y: y2 + 6, "text-anchor": "middle", class: "drop-cross" }, "✖"));
  }
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2 - 5;
  parts.push(s("text", { x: mx, y: my, "text-anchor": "middle", class: "arrow-label", fill: colour }, label));
  const when =
    arrow.dropped === "sending" ? formatTickFine(arrow.sent, tickMs) : `${formatTickFine(arrow.sent, tickMs)} → ${formatTickFine(arrow.arrive, tickMs)}`;
  const dropped = arrow.dropped === "no" ? "" : ` · ✖ ${markerText("dropMarker")}`;
  parts.push(title(`${when} · ${arrow.msgId} · ${word} ${arrow.from} → ${arrow.to}${dropped}`));
  return s("g", { class: "hop clickable", onclick: () => options.onSeek(arrow.sent) }, ...parts);
}
