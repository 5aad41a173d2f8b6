// Colours, fonts and glyphs of the projector view, in one place so that every part of the
// scene speaks the same visual language. Colour is never the only signal: each state also
// has a shape or a glyph.

import type { Marker, NodeRole, TeamModel } from "./model.js";

export const FONT_FAMILY = "'Inter', 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";

export const colours = {
  background: 0x0e1526,
  panelEdge: 0x2a3654,
  text: 0xf4f6fb,
  textDim: 0xa9b4cc,
  link: 0x6d7fa6,
  linkCut: 0xff4d5e,
  down: 0x444b5a,
  downEdge: 0x9aa3b5,
  cross: 0xff4d5e,
  busy: 0xffc233,
  focus: 0xffd166,
  lost: 0xff5c6c,
  duplicated: 0xffa24a,
  misordered: 0xc58cff,
  raceAnomalies: 0xff6fb5,
  staleWrites: 0xff6fb5,
  inconsistent: 0x5ec8ff,
} as const;

export const roleColours: Record<NodeRole, number> = {
  producer: 0x2f6fed,
  broker: 0x8a4dff,
  consumer: 0x0f9f76,
};

/** A number colour as the CSS string Text objects and canvas contexts want. */
export function css(colour: number, alpha = 1): string {
  const r = (colour >> 16) & 0xff;
  const g = (colour >> 8) & 0xff;
  const b = colour & 0xff;
  return alpha >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}

export type TokenShape = "circle" | "diamond";

export interface TokenStyle {
  shape: TokenShape;
  colour: number;
}

/** Messages travel as round tokens; acknowledgements and replies as diamonds. */
export const tokenStyles: Record<string, TokenStyle> = {
  publish: { shape: "circle", colour: 0x4cc9f0 },
  deliver: { shape: "circle", colour: 0x7bf1a8 },
  rpc: { shape: "circle", colour: 0xe0aaff },
  confirm: { shape: "diamond", colour: 0xffd166 },
  ack: { shape: "diamond", colour: 0xffa94d },
  reply: { shape: "diamond", colour: 0xff8fab },
};

export const TOKEN_KINDS = Object.keys(tokenStyles);

/** What travels in a pipeline: direct calls and replies when a producer calls a consumer, else publish, deliver and the two ACKs. */
export function tokenKindsOf(team: TeamModel): string[] {
  const roles = new Map(team.nodes.map((n) => [n.id, n.role]));
  const direct = team.links.some((l) => roles.get(l.from) === "producer" && roles.get(l.to) === "consumer");
  return direct ? ["rpc", "reply"] : ["publish", "deliver", "confirm", "ack"];
}

/** Unknown kinds still draw: as a white token. */
export function tokenStyle(kind: string): TokenStyle {
  return tokenStyles[kind] ?? { shape: "circle", colour: 0xffffff };
}

export interface MarkerStyle {
  glyph: string;
  colour: number;
}

export const markerStyles: Record<Marker["kind"], MarkerStyle> = {
  lost: { glyph: "✖", colour: 0xe63946 },
  drop: { glyph: "✖", colour: 0xe63946 },
  dup: { glyph: "❐", colour: 0xf77f00 },
  order: { glyph: "⇅", colour: 0x9b5de5 },
  crash: { glyph: "⚡", colour: 0xd62828 },
  restart: { glyph: "↻", colour: 0x2a9d8f },
  cut: { glyph: "✂", colour: 0xd62828 },
  race: { glyph: "⚠", colour: 0xe85d04 },
  dedup: { glyph: "✔", colour: 0x2a9d8f },
};

/** The counts a tile and the focused team's header can show, and the glyph of each (the same as the markers that announce them). */
export type CountKind = "lost" | "duplicated" | "misordered" | "staleWrites" | "raceAnomalies" | "inconsistent";

export const countGlyphs: Record<CountKind, string> = {
  lost: markerStyles.lost.glyph,
  duplicated: markerStyles.dup.glyph,
  misordered: markerStyles.order.glyph,
  // A lost update is what the race marker announces; a balance it left wrong is its own count.
  staleWrites: markerStyles.race.glyph,
  raceAnomalies: "≈",
  inconsistent: "≠",
};

/** What the canvas counts unless the page chooses (Topic 6 adds lost updates, Topic 5 inconsistent writes). */
export const DEFAULT_COUNT_KINDS: readonly CountKind[] = ["lost", "duplicated", "misordered"];
