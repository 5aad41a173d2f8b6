// How the lobby's roster fits the space it has: one compact column per team, arranged in a
// grid, at the largest font that shows every name; past the smallest font, each team shows
// what fits, its last name followed by "+N" for the rest ("Ana +2"), or "+N" alone when not
// even one name fits. Pure arithmetic on sizes, so 30 or 200 students can be
// checked without a browser.

export interface RosterBox {
  width: number;
  height: number;
}

export interface RosterOptions {
  /** Font sizes in px, largest tried first. */
  maxFont: number;
  minFont: number;
  /** A team column's least width, in ems of the font. */
  columnEm: number;
  /** Height of a name's line, and of a team's heading, in ems. */
  lineEm: number;
  headingEm: number;
  /** Space between team columns and rows, in ems. */
  gapEm: number;
}

/** host.css draws a team card with these: its padding and heading take headingEm, each name lineEm. */
export const ROSTER_DEFAULTS: Omit<RosterOptions, "maxFont" | "minFont"> = { columnEm: 8, lineEm: 1.3, headingEm: 1.8, gapEm: 0.7 };

export interface RosterFit {
  font: number;
  columns: number;
  rows: number;
  /** Per team (in the order given): the names shown, and how many more there are ("+N", on the last name's line). */
  shown: number[];
  more: number[];
}

function layout(sizes: readonly number[], box: RosterBox, font: number, columns: number, o: RosterOptions): RosterFit {
  const gap = o.gapEm * font;
  const rows = Math.max(1, Math.ceil(sizes.length / columns));
  const cardHeight = (box.height - gap * (rows - 1)) / rows;
  const lines = Math.max(0, Math.floor((cardHeight - o.headingEm * font) / (o.lineEm * font) + 1e-9));
  const shown = sizes.map((n) => Math.min(n, lines));
  return { font, columns, rows, shown, more: sizes.map((n, i) => n - shown[i]) };
}

const hidden = (fit: RosterFit) => fit.more.reduce((a, b) => a + b, 0);

/** The roster's layout for teams of `sizes` people in `box`: every name at the largest font that shows all, else the fewest "+N" at the smallest. */
export function fitRoster(sizes: readonly number[], box: RosterBox, options: RosterOptions): RosterFit {
  const o = options;
  for (let font = o.maxFont; ; font = Math.max(o.minFont, Math.floor(font * 0.92))) {
    let best: RosterFit | null = null;
    for (let columns = 1; columns <= Math.max(1, sizes.length); columns++) {
      if (columns > 1 && columns * o.columnEm * font + (columns - 1) * o.gapEm * font > box.width) break;
      const fit = layout(sizes, box, font, columns, o);
      // Fewer names hidden first; then more columns, so each column is shorter and the grid squarer.
      if (!best || hidden(fit) <= hidden(best)) best = fit;
    }
    if (hidden(best!) === 0 || font <= o.minFont) return best!;
  }
}
