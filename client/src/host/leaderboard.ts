// The live leaderboard: teams by score with their counts; a click puts a team on the big screen.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { hostPage } from "./pageState.js";

/** Fills #leaderboard from the room's state. */
export function renderLeaderboard(connection: Connection): void {
  const table = document.getElementById("leaderboard");
  const { room } = hostPage();
  if (!table || !room?.teams) return;
  const teams = [...room.teams].map((team, i) => ({ team, i })).sort((a, b) => b.team.score - a.team.score);
  const focused = room.focusedTeam;
  replace(
    table,
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, t("team")),
        h("th", {}, t("score")),
        h("th", {}, t("committed")),
        h("th", {}, t("lost")),
        h("th", {}, t("duplicated")),
        h("th", {}, t("misordered")),
      ),
    ),
    h(
      "tbody",
      {},
      ...teams.map(({ team, i }) =>
        h(
          "tr",
          { class: i === focused ? "focused" : "", onclick: () => connection.host("host:focus", { team: i }) },
          h("td", {}, `${i + 1}`),
          h("td", { testid: "team-score" }, String(team.score)),
          h("td", {}, String(team.committed)),
          h("td", {}, String(team.lost)),
          h("td", {}, String(team.duplicated)),
          h("td", {}, String(team.misordered)),
        ),
      ),
    ),
  );
}
