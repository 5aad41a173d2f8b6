// The poll's word cloud: each answer's font size grows with how many gave it (by the square
// root, so one loud answer does not drown the rest), and the whole cloud is scaled down
// until its estimated area fits the space, never below the smallest size a class can read.

export interface CloudWord {
  text: string;
  count: number;
}

export interface CloudOptions {
  minPx: number;
  maxPx: number;
  /** Average glyph width and line height, in ems, for the area estimate. */
  glyphEm?: number;
  lineEm?: number;
  /** Share of the box the words may cover (the rest is gaps and ragged line ends). */
  fill?: number;
}

/** The estimated area of the words at these sizes, with their padding. */
export function cloudArea(words: readonly CloudWord[], sizes: readonly number[], glyphEm = 0.56, lineEm = 1.35): number {
  return words.reduce((sum, w, i) => sum + (w.text.length * glyphEm + 1.2) * sizes[i] * sizes[i] * lineEm, 0);
}

/** A font size in px for each word, in the order given. */
export function cloudSizes(words: readonly CloudWord[], box: { width: number; height: number }, o: CloudOptions): number[] {
  if (words.length === 0) return [];
  const top = Math.max(...words.map((w) => w.count));
  const weight = words.map((w) => Math.sqrt(Math.max(0, w.count) / top));
  const budget = box.width * box.height * (o.fill ?? 0.55);
  let max = o.maxPx;
  for (;;) {
    const sizes = weight.map((k) => Math.max(o.minPx, Math.round(o.minPx + (max - o.minPx) * k)));
    if (max <= o.minPx || cloudArea(words, sizes, o.glyphEm, o.lineEm) <= budget) return sizes;
    max = Math.max(o.minPx, max * 0.9);
  }
}
