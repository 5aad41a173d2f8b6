// Who is in the room, big and centred in the lobby: how many, then one compact column per
// team with the names as they arrive (a new name fades in), at the largest font that fits
// every name, "+N" past what fits (client/src/host/rosterLayout.ts). While the instructor
// moves students, each name has a team picker and the list scrolls instead.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import type { PlayerStateView } from "../../../shared/view/roomState.js";
import { hostPage } from "./pageState.js";
import { fitRoster, ROSTER_DEFAULTS } from "./rosterLayout.js";

type Person = PlayerStateView & { id: string };

/** Names already shown once: only newcomers fade in. */
const seen = new Set<string>();
let drawn = "";

function byTeam(): Map<number, Person[]> {
  const teams = new Map<number, Person[]>();
  hostPage().room?.players?.forEach((p, id) => {
    const list = teams.get(p.team) ?? [];
    list.push({ ...p, id });
    teams.set(p.team, list);
  });
  // Producers, the broker, consumers: the pipeline's order, left to right.
  const rank = (seat: string) => (seat && "PBC".includes(seat[0]) ? "PBC".indexOf(seat[0]) : 3);
  for (const list of teams.values())
    list.sort((a, b) => rank(a.seat) - rank(b.seat) || a.seat.localeCompare(b.seat, undefined, { numeric: true }) || a.name.localeCompare(b.name));
  return new Map([...teams].sort(([a], [b]) => a - b));
}

export function rosterPanel(): HTMLElement {
  drawn = "";
  return h("section", { class: "roster-panel" }, h("h2", { class: "roster-count", testid: "roster-count" }), h("div", { class: "roster", id: "roster" }));
}

/** Redraws the roster when who is there (or the space it has) changed. */
export function renderRoster(connection: Connection, force = false): void {
  const roster = document.getElementById("roster");
  const count = document.querySelector<HTMLElement>('[data-testid="roster-count"]');
  const { room, moving } = hostPage();
  if (!roster || !count || !room?.players) return;
  const teams = byTeam();
  const people = [...teams.values()].flat();
  const box = { width: roster.clientWidth, height: roster.clientHeight };
  const signature = `${moving}|${box.width}x${box.height}|${people.map((p) => `${p.id}:${p.name}:${p.team}:${p.seat}:${p.connected ? 1 : 0}:${p.idle ?? ""}`).join(",")}`;
  if (!force && signature === drawn) return;
  drawn = signature;
  count.textContent = people.length ? t("inRoom", { n: people.length }) : t("nobodyYet");
  if (moving) return replace(roster, ...[...teams].map(([team, list]) => teamCard(team, list, list.length, 0, connection)));
  const unit = Math.min(innerHeight / 100, innerWidth / 177.78);
  const fit = fitRoster(
    [...teams.values()].map((l) => l.length),
    box,
    { ...ROSTER_DEFAULTS, maxFont: Math.round(unit * 3.6), minFont: Math.max(11, Math.round(unit * 1.5)) },
  );
  roster.style.setProperty("--roster-font", `${fit.font}px`);
  roster.style.setProperty("--roster-columns", String(fit.columns));
  roster.style.setProperty("--roster-rows", String(fit.rows));
  replace(roster, ...[...teams].map(([team, list], i) => teamCard(team, list, fit.shown[i], fit.more[i], connection)));
}

function teamCard(team: number, list: Person[], shown: number, more: number, connection: Connection): HTMLElement {
  const { moving } = hostPage();
  return h(
    "div",
    { class: "roster-team", testid: "roster-team" },
    h("h3", {}, team < 0 ? t("noTeam") : `${t("team")} ${team + 1}`),
    h(
      "ul",
      {},
      ...list.slice(0, shown).map((p, i) => person(p, moving ? moveSelect(p, connection) : null, i === shown - 1 ? more : 0)),
      more > 0 && shown === 0 ? h("li", { class: "more" }, h("span", { class: "more-count" }, t("morePeople", { n: more }))) : null,
    ),
  );
}

/** A name, its seat, and on the last line a team has room for, how many more there are. */
function person(p: Person, picker: HTMLElement | null, more: number): HTMLElement {
  const fresh = !seen.has(p.id);
  seen.add(p.id);
  const classes = [fresh ? "fresh" : "", p.connected ? "" : "offline", p.idle === "bot" ? "idle" : ""].filter(Boolean).join(" ");
  return h(
    "li",
    { class: classes, title: p.connected ? "" : t("offline") },
    h("span", { class: "name" }, p.name),
    p.seat ? h("span", { class: "seat" }, p.seat) : null,
    p.idle === "bot" ? h("span", { class: "seat bot" }, "bot") : null,
    picker,
    more > 0 ? h("span", { class: "more-count" }, t("morePeople", { n: more })) : null,
  );
}

/** Any existing team, or a new one after the last. */
function moveSelect(p: Person, connection: Connection): HTMLElement {
  const teamCount = Math.max(hostPage().room?.teams?.length ?? 0, p.team + 1, 1);
  return h(
    "select",
    {
      class: "move",
      "aria-label": `${t("moveTo")} ${p.name}`,
      onchange: (e: Event) => connection.host("host:move", { player: p.id, team: Number((e.target as HTMLSelectElement).value) }),
    },
    ...Array.from({ length: teamCount + 1 }, (_, i) => h("option", { value: i, ...(i === p.team ? { selected: true } : {}) }, `${t("team")} ${i + 1}`)),
  );
}
