// The replay's visual language for anomalies and steps: the projector's marker glyphs and
// colours (scene/palette.ts), so a glyph means the same on the canvas and around it.
// Colour is never the only signal: every kind has a glyph and a word.
import type { AnomalyKind } from "../../../shared/checker/checker.js";
import type { ChartMetric } from "../../../shared/replay/charts.js";
import type { MarkKind } from "../../../shared/replay/sequence.js";
import { css, markerStyles, tokenStyles } from "../scene/palette.js";

export const KIND_STYLE: Record<AnomalyKind, { glyph: string; colour: string }> = {
  lost: { glyph: markerStyles.lost.glyph, colour: css(markerStyles.lost.colour) },
  duplicated: { glyph: markerStyles.dup.glyph, colour: css(markerStyles.dup.colour) },
  misordered: { glyph: markerStyles.order.glyph, colour: "rgb(178,125,255)" },
  inconsistent: { glyph: "≠", colour: "rgb(251,191,36)" },
  race: { glyph: markerStyles.race.glyph, colour: css(markerStyles.race.colour) },
  wrongFinalState: { glyph: "$", colour: "rgb(248,113,113)" },
  parked: { glyph: "⏸", colour: "rgb(148,163,184)" },
};

export const METRIC_STYLE: Record<ChartMetric, { glyph: string; colour: string; dash: string; width: number }> = {
  committed: { glyph: "●", colour: "#9fb0c9", dash: "", width: 2 },
  applied: { glyph: "✔", colour: "#4ade80", dash: "", width: 3.5 },
  lost: { glyph: KIND_STYLE.lost.glyph, colour: "#ff6b6b", dash: "9 5", width: 3 },
  duplicated: { glyph: KIND_STYLE.duplicated.glyph, colour: "#ffa94d", dash: "2 4", width: 3.5 },
  misordered: { glyph: KIND_STYLE.misordered.glyph, colour: "#c49bff", dash: "10 4 2 4", width: 3 },
};

export const MARK_STYLE: Record<MarkKind, { glyph: string; colour: string }> = {
  committed: { glyph: "●", colour: "#9fb0c9" },
  applied: { glyph: "✔", colour: "#4ade80" },
  duplicate: { glyph: markerStyles.dup.glyph, colour: css(markerStyles.dup.colour) },
  discarded: { glyph: markerStyles.lost.glyph, colour: "#ff6b6b" },
  requeued: { glyph: "↺", colour: "#fbbf24" },
  redelivery: { glyph: "↻", colour: "#fbbf24" },
  timedOut: { glyph: "◷", colour: "#fbbf24" },
  deduplicated: { glyph: "✔", colour: css(markerStyles.dedup.colour) },
  forgotten: { glyph: "?", colour: "#ff6b6b" },
  crashed: { glyph: markerStyles.crash.glyph, colour: "#ff6b6b" },
  restarted: { glyph: markerStyles.restart.glyph, colour: css(markerStyles.restart.colour) },
  cut: { glyph: markerStyles.cut.glyph, colour: "#ff6b6b" },
};

/** The colour of a packet kind, as its tokens are drawn on the canvas. */
export function packetColour(kind: string): string {
  const style = tokenStyles[kind];
  return style ? css(style.colour) : "#ffffff";
}

/** Messages (publish, deliver, call) are solid; acknowledgements (confirm, ACK, reply) dashed. */
export function isControlPacket(kind: string): boolean {
  return kind === "confirm" || kind === "ack" || kind === "reply";
}
