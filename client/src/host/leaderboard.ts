// The live leaderboard beside the pipeline: teams by score with the counts that matter for
// this topic (Topic 6's lost updates among them), "recorded" rather than "committed", and
// live numbers marked as such: lost counts only what is certain, with what the drain will
// settle in the next column ("lost 12 · 30 open"). Rows that do not fit become "+N teams" (the focused
// team always shows). A click puts a team on the big screen.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { countGlyphs } from "../scene/palette.js";
import type { CountKind } from "../scene/model.js";
import { boardColumns, isProvisional, pendingOf, type BoardColumn } from "./boardColumns.js";
import { hostPage } from "./pageState.js";

/** How the table fits its panel, worked out once per panel size and set of columns. */
let fitted = { key: "", rows: Infinity, compact: false, font: "" };
let drawn = "";

export function boardPanel(): HTMLElement {
  drawn = "";
  fitted = { key: "", rows: Infinity, compact: false, font: "" };
  return h(
    "section",
    { class: "board", "aria-label": t("leaderboard") },
    h("h2", {}, t("leaderboard")),
    h("table", { id: "leaderboard" }),
    h("p", { id: "board-legend", class: "board-note" }),
    h("p", { id: "board-note", class: "board-note" }),
  );
}

/** A column's heading: its glyph and its word (a narrow board keeps the glyph and says the words once below). */
function header(c: BoardColumn): HTMLElement {
  if (c === "committed" || c === "pending") return h("th", { scope: "col", class: `count ${c}` }, t(c === "pending" ? "pendingColumn" : c));
  return h("th", { scope: "col", class: `count ${c}` }, h("span", { class: "glyph" }, countGlyphs[c]), h("span", { class: "word" }, ` ${t(c)}`));
}

const valueOf = (team: object, c: BoardColumn) => (c === "pending" ? pendingOf(team) : (team as Record<string, number>)[c]);

export function renderLeaderboard(connection: Connection): void {
  const table = document.getElementById("leaderboard");
  const note = document.getElementById("board-note");
  const legend = document.getElementById("board-legend");
  const { room } = hostPage();
  if (!table || !note || !legend || !room?.teams) return;
  const teams = [...room.teams].map((team, i) => ({ team, i })).sort((a, b) => b.team.score - a.team.score || a.i - b.i);
  const provisional = isProvisional(room.phase);
  const columns = boardColumns(
    room.scenario,
    teams.map((x) => x.team),
    provisional,
  );
  const panel = table.parentElement as HTMLElement;
  const sizeKey = `${panel.clientWidth}x${panel.clientHeight}|${teams.length}|${columns.join()}`;
  const limit = fitted.key === sizeKey ? fitted.rows : Infinity;
  const focused = room.focusedTeam;
  let shown = teams;
  if (teams.length > limit) {
    shown = teams.slice(0, Math.max(1, limit - 1));
    if (!shown.some((x) => x.i === focused)) shown = [...shown.slice(0, -1), ...teams.filter((x) => x.i === focused)];
  }
  const signature = `${sizeKey}|${limit}|${provisional}|${focused}|${shown.map(({ team, i }) => `${i}:${team.score}:${columns.map((c) => valueOf(team, c)).join(":")}`).join(",")}`;
  if (signature === drawn) return;
  drawn = signature;
  replace(
    table,
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("team")), h("th", { scope: "col" }, t("score")), ...columns.map(header))),
    h(
      "tbody",
      {},
      ...shown.map(({ team, i }) =>
        h(
          "tr",
          { class: i === focused ? "focused" : "", onclick: () => connection.host("host:focus", { team: i }) },
          h("th", { scope: "row" }, String(i + 1)),
          h("td", { testid: "team-score", class: "score" }, String(team.score)),
          ...columns.map((c) => h("td", { class: `count ${c}${valueOf(team, c) > 0 ? " some" : ""}` }, String(valueOf(team, c)))),
        ),
      ),
    ),
  );
  const hidden = teams.length - shown.length;
  const noteText = [hidden > 0 ? t("moreTeams", { n: hidden }) : "", provisional ? t("provisional") : ""].filter(Boolean).join(" · ");
  if (note.textContent !== noteText) note.textContent = noteText;
  note.classList.toggle("live", provisional);
  const legendText = columns
    .filter((c) => c !== "committed" && c !== "pending")
    .map((c) => `${countGlyphs[c as CountKind]} ${t(c as CountKind)}`)
    .join(" · ");
  if (legend.textContent !== legendText) legend.textContent = legendText;
  if (fitted.key !== sizeKey && fit(table, panel, sizeKey)) {
    drawn = "";
    renderLeaderboard(connection);
  }
}

/**
 * Makes the table fit its panel: too wide, the headings keep their glyphs (the legend
 * says the words), then the font shrinks; too tall, the rows past the panel become
 * "+N teams" (true: draw again).
 */
function fit(table: HTMLElement, panel: HTMLElement, key: string): boolean {
  fitted = { key, rows: Infinity, compact: false, font: "" };
  table.style.fontSize = "";
  panel.classList.remove("compact");
  const style = getComputedStyle(panel);
  const width = panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const wide = () => table.offsetWidth > width + 0.5;
  fitted.compact = wide();
  panel.classList.toggle("compact", fitted.compact);
  if (wide()) {
    fitted.font = `${Math.floor((parseFloat(getComputedStyle(table).fontSize) * width) / table.offsetWidth)}px`;
    table.style.fontSize = fitted.font;
  }
  if (panel.scrollHeight <= panel.clientHeight + 1) return false;
  const row = table.querySelector("tbody tr") as HTMLElement | null;
  const used = [...panel.children].reduce(
    (sum, el) => sum + (el === table ? (table.querySelector("thead") as HTMLElement).offsetHeight : (el as HTMLElement).offsetHeight),
    0,
  );
  fitted.rows = Math.max(1, Math.floor((panel.clientHeight - used - 24) / Math.max(1, row?.offsetHeight ?? 40)));
  return true;
}
