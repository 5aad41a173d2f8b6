// The live leaderboard beside the pipeline: teams by score with the counts that matter for
// this topic (Topic 6's lost updates among them), "recorded" rather than "committed", and
// live numbers marked as such: lost counts only what is certain, with what the drain will
// settle beside it ("12 · 30 open"). Rows that do not fit become "+N teams" (the focused
// team always shows). A click puts a team on the big screen.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { countGlyphs } from "../scene/palette.js";
import { boardColumns, isProvisional, pendingOf, type BoardColumn } from "./boardColumns.js";
import { hostPage } from "./pageState.js";

/** How many rows fit the panel, measured once per panel size and team count. */
let fitted = { key: "", rows: Infinity };
let drawn = "";

export function boardPanel(): HTMLElement {
  drawn = "";
  fitted = { key: "", rows: Infinity };
  return h(
    "section",
    { class: "board", "aria-label": t("leaderboard") },
    h("h2", {}, t("leaderboard")),
    h("table", { id: "leaderboard" }),
    h("p", { id: "board-note", class: "board-note" }),
  );
}

const header = (c: BoardColumn) => (c === "committed" ? t("committed") : `${countGlyphs[c]}\u00a0${t(c)}`);

export function renderLeaderboard(connection: Connection): void {
  const table = document.getElementById("leaderboard");
  const note = document.getElementById("board-note");
  const { room } = hostPage();
  if (!table || !note || !room?.teams) return;
  const teams = [...room.teams].map((team, i) => ({ team, i })).sort((a, b) => b.team.score - a.team.score || a.i - b.i);
  const columns = boardColumns(room.scenario, teams.map((x) => x.team));
  const provisional = isProvisional(room.phase);
  const panel = table.parentElement as HTMLElement;
  const sizeKey = `${panel.clientHeight}|${teams.length}|${columns.join()}`;
  const limit = fitted.key === sizeKey ? fitted.rows : Infinity;
  const focused = room.focusedTeam;
  let shown = teams;
  if (teams.length > limit) {
    shown = teams.slice(0, Math.max(1, limit - 1));
    if (!shown.some((x) => x.i === focused)) shown = [...shown.slice(0, -1), ...teams.filter((x) => x.i === focused)];
  }
  const signature = `${sizeKey}|${limit}|${provisional}|${focused}|${shown.map(({ team, i }) => `${i}:${team.score}:${columns.map((c) => team[c]).join(":")}:${pendingOf(team)}`).join(",")}`;
  if (signature === drawn) return;
  drawn = signature;
  replace(
    table,
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("team")), h("th", { scope: "col" }, t("score")), ...columns.map((c) => h("th", { scope: "col", class: `count ${c}` }, header(c))))),
    h(
      "tbody",
      {},
      ...shown.map(({ team, i }) =>
        h(
          "tr",
          { class: i === focused ? "focused" : "", onclick: () => connection.host("host:focus", { team: i }) },
          h("th", { scope: "row" }, String(i + 1)),
          h("td", { testid: "team-score", class: "score" }, String(team.score)),
          ...columns.map((c) => {
            const pending = c === "lost" && provisional ? pendingOf(team) : 0;
            return h("td", { class: `count ${c}${team[c] > 0 ? " some" : ""}` }, String(team[c]), pending ? h("span", { class: "pending" }, ` · ${t("pendingShort", { n: pending })}`) : null);
          }),
        ),
      ),
    ),
  );
  const hidden = teams.length - shown.length;
  const noteText = [hidden > 0 ? t("moreTeams", { n: hidden }) : "", provisional ? t("provisional") : ""].filter(Boolean).join(" · ");
  if (note.textContent !== noteText) note.textContent = noteText;
  note.classList.toggle("live", provisional);
  // Rows that overflow the panel become "+N teams" on the next draw.
  if (fitted.key !== sizeKey && panel.scrollHeight > panel.clientHeight + 1) {
    const row = table.querySelector("tbody tr") as HTMLElement | null;
    const head = table.querySelector("thead") as HTMLElement | null;
    const title = panel.querySelector("h2") as HTMLElement | null;
    const room_ = panel.clientHeight - (head?.offsetHeight ?? 0) - (title?.offsetHeight ?? 0) - note.offsetHeight - 24;
    fitted = { key: sizeKey, rows: Math.max(1, Math.floor(room_ / Math.max(1, row?.offsetHeight ?? 40))) };
    drawn = "";
    renderLeaderboard(connection);
  } else if (fitted.key !== sizeKey) fitted = { key: sizeKey, rows: Infinity };
}
