// Who is in the room, by team: connected or not, their seat, and between rounds a picker
// that moves a player to another team.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import type { PlayerStateView } from "../../../shared/view/roomState.js";
import { hostPage } from "./pageState.js";

/** Fills #roster from the room's state. */
export function renderRoster(connection: Connection): void {
  const roster = document.getElementById("roster");
  const { room } = hostPage();
  if (!roster || !room?.players) return;
  const byTeam = new Map<number, (PlayerStateView & { id: string })[]>();
  room.players.forEach((p, id) => {
    const list = byTeam.get(p.team) ?? [];
    list.push({ id, name: p.name, team: p.team, seat: p.seat, connected: p.connected, spectator: p.spectator, lastAction: p.lastAction });
    byTeam.set(p.team, list);
  });
  const teams = [...byTeam.keys()].sort((a, b) => a - b);
  const movable = room.phase === "lobby" || room.phase === "over";
  replace(
    roster,
    h("h3", {}, `${t("players")} (${room.players.size})`),
    ...teams.map((team) =>
      h(
        "div",
        { class: "team" },
        h("strong", {}, team < 0 ? "—" : `${t("team")} ${team + 1}`),
        h(
          "ul",
          { class: "list compact" },
          ...byTeam
            .get(team)!
            .map((p) =>
              h(
                "li",
                { class: p.connected ? "" : "offline" },
                `${p.connected ? "●" : "○"} ${p.name}${p.seat ? ` · ${p.seat}` : ""}${p.connected ? "" : ` (${t("offline")})`}`,
                movable
                  ? h(
                      "select",
                      {
                        class: "move",
                        "aria-label": `${t("moveTo")} ${p.name}`,
                        onchange: (e: Event) => connection.host("host:move", { player: p.id, team: Number((e.target as HTMLSelectElement).value) }),
                      },
                      ...Array.from({ length: teams.filter((x) => x >= 0).length + 1 }, (_, i) =>
                        h("option", { value: i, ...(i === team ? { selected: true } : {}) }, `${t("team")} ${i + 1}`),
                      ),
                    )
                  : null,
              ),
            ),
        ),
      ),
    ),
  );
}
