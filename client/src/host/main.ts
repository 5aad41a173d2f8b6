// The host page (projector): create a room, show the code, the join URL and a QR code,
// the roster by team, the scenario pickers, round controls, live faults, the leaderboard,
// the pipeline drawn by Phaser (loaded after the page), and the debrief after a round.
import { Connection, JoinError } from "../connection.js";
import { downloadText, h, replace } from "../dom.js";
import { currentLocale, mountLangToggle, onLocaleChange, reasonText, t, tx } from "../i18n.js";
import { qrSvg } from "./qr.js";
import { sceneLabels } from "./sceneLabels.js";
import { SceneFeed, teamModels } from "./sceneFeed.js";
import type { PipelineView } from "./scene/model.js";
import { causeSentence } from "../../../shared/checker/causeSentence.js";
import { TICK_MS } from "../../../shared/engine/config.js";
import { isHostRoundOver, type HostRoundOver } from "../../../shared/protocol.js";
import { formatTick } from "../../../shared/replay/format.js";
import type { MarkerLabel } from "../../../shared/replay/sceneModel.js";
import type { CatalogueScenario } from "../../../shared/scenarios/catalogue.js";
import type { PlayerStateView, RoomStateView } from "../../../shared/view/roomState.js";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const app = $("app");
const live = $("live");
const connection = new Connection();
let hostToken = "";
let code = "";
let joinUrl = "";
let catalogue: CatalogueScenario[] = [];
let view: PipelineView | null = null;
const feed = new SceneFeed();
let lastOver: HostRoundOver | null = null;
let refusal = "";
let state: RoomStateView | null = null;
let sceneLoading = false;
/** One holder for the canvas for the page's whole life: re-renders move it, Phaser keeps its parent. */
const sceneHolder = h("div", { id: "scene", class: "scene" });

mountLangToggle($("lang") as HTMLButtonElement);
connection.on("status", (s) => {
  $("status").textContent = t(s === "connected" ? "connected" : s === "reconnecting" ? "reconnecting" : s === "disconnected" ? "disconnected" : "joining");
});

function say(text: string): void {
  live.textContent = text;
}

// --- landing ---------------------------------------------------------------------------

async function landing(): Promise<void> {
  const hosted = Connection.hostedRooms();
  const create = h("button", { class: "primary big", type: "button", testid: "create-room", onclick: () => void createRoom() }, t("createRoom"));
  const past = h("section", { class: "card" }, h("h2", {}, t("pastGames")), h("p", { class: "muted" }, t("noPastGames")));
  replace(app, h("section", { class: "card landing" }, h("h1", {}, t("hostTitle")), create), past);
  const rows: HTMLElement[] = [];
  for (const room of hosted.slice(0, 10)) {
    for (const g of await connection.games(room.hostToken).catch(() => [])) {
      rows.push(h("li", {}, `${g.createdAt.slice(0, 16).replace("T", " ")} · ${g.roomCode} · ${g.scenario} ${g.variant} · `, h("button", { class: "link", type: "button", onclick: () => void download(g.gameId, room.hostToken) }, t("downloadLog"))));
    }
  }
  if (rows.length) replace(past, h("h2", {}, t("pastGames")), h("ul", { class: "list" }, ...rows));
}

async function createRoom(): Promise<void> {
  try {
    const room = await connection.createRoom();
    await enter(room.roomCode, room.hostToken);
  } catch (e) {
    say(e instanceof JoinError ? reasonText(e.code) : String(e));
  }
}

async function enter(roomCode: string, token: string): Promise<void> {
  code = roomCode;
  hostToken = token;
  catalogue = await connection.catalogue();
  connection.on("welcome", (w) => {
    joinUrl = w.joinUrl ?? `${location.origin}/?code=${code}`;
    render();
  });
  connection.on("state", (s) => {
    state = s;
    renderLive();
  });
  connection.on("refused", (r) => {
    refusal = t("refused", { reason: reasonText(r.reason.code) });
    say(refusal);
    renderLive();
  });
  connection.on("events", (events) => {
    if (view) feed.push(view, events, state, label);
  });
  connection.on("roundOver", (o) => {
    if (!isHostRoundOver(o)) return;
    lastOver = o;
    say(t("over"));
    render();
  });
  await connection.joinAsHost(roomCode, token);
  history.replaceState(null, "", `/host?code=${roomCode}`);
}

function label(key: MarkerLabel, vars?: Record<string, string | number>): string {
  return t(key, vars);
}

async function loadScene(): Promise<void> {
  if (view || sceneLoading || !sceneHolder.isConnected) return;
  sceneLoading = true;
  const { createPipelineView } = await import("./scene/createPipelineView.js");
  const created = await createPipelineView(sceneHolder);
  created.onTeamClicked((team) => connection.host("host:focus", { team }));
  view = created;
  applySceneLabels();
  renderLive();
}

function applySceneLabels(): void {
  view?.setLabels(sceneLabels());
}

// --- the room --------------------------------------------------------------------------

function scenarioOf(id: string): CatalogueScenario | undefined {
  return catalogue.find((s) => s.id === id) ?? catalogue[0];
}

function render(): void {
  const scenario = scenarioOf(state?.scenario ?? "t3-lost-messages");
  const scenarioSelect = h(
    "select",
    { testid: "scenario-select", "aria-label": t("scenario"), onchange: () => configure() },
    ...catalogue.map((s) => h("option", { value: s.id, ...(s.id === scenario?.id ? { selected: true } : {}) }, `${s.topic} · ${tx(s.title)}`)),
  );
  const variantSelect = h(
    "select",
    { testid: "variant-select", "aria-label": t("variant"), onchange: () => configure() },
    ...(scenario?.variants ?? []).map((v) => h("option", { value: v.id, ...(v.id === state?.variant ? { selected: true } : {}) }, tx(v.label) || v.id)),
  );
  const seed = h("input", { id: "seed", type: "number", step: 1, placeholder: t("seed"), "aria-label": t("seed"), onchange: () => configure() });
  const seconds = h("input", { id: "seconds", type: "number", min: 30, max: 900, step: 10, placeholder: String(Math.round(((scenario?.variants?.[0]?.roundTicks ?? 1200) * TICK_MS) / 1000)), "aria-label": t("roundLength"), onchange: () => configure() });
  const variantInfo = scenario?.variants?.find((v) => v.id === state?.variant) ?? scenario?.variants?.[0];
  const controls = h(
    "div",
    { class: "controls" },
    h("button", { class: "primary", type: "button", testid: "start-round", onclick: () => start() }, t("start")),
    h("button", { type: "button", testid: "pause-round", id: "pause", onclick: () => togglePause() }, t("pause")),
    h("button", { type: "button", testid: "end-round", onclick: () => connection.host("host:end") }, t("end")),
    h("button", { type: "button", id: "lock", onclick: () => connection.host("host:lock", { locked: !state?.locked }) }, state?.locked ? t("unlock") : t("lock")),
  );
  const faults = h(
    "div",
    { class: "faults" },
    h("h3", {}, t("faults")),
    ...(
      [
        ["crashBroker", { kind: "crash", node: "B", ticks: 50 }],
        ["crashConsumer", { kind: "crash", node: "C1", ticks: 50 }],
        ["crashProducer", { kind: "crash", node: "P1", ticks: 50 }],
        ["cutLink", { kind: "cut", link: "B-C1", ticks: 100 }],
        ["dropAck", { kind: "dropNextAck", link: "B>P1" }],
        ["slowConsumer", { kind: "slow", node: "C1", factor: 3, ticks: 150 }],
      ] as const
    ).map(([key, fault]) => h("button", { type: "button", class: "fault", testid: `fault-${key}`, onclick: () => connection.host("host:fault", { team: faultTeam(), fault }) }, t(key))),
    h("label", { class: "inline" }, `${t("faultTarget")} `, h("select", { id: "fault-team" }, h("option", { value: "focus" }, t("focusedTeam", { team: (state?.focusedTeam ?? 0) + 1 })), h("option", { value: "all" }, t("allTeams")))),
  );
  replace(
    app,
    h(
      "section",
      { class: "card join-info" },
      h("div", { class: "room-code", testid: "room-code" }, code),
      h("div", { class: "qr" }, qrSvg(joinUrl || `${location.origin}/?code=${code}`, 320)),
      h("p", { class: "join-url" }, `${t("joinAt")} `, h("strong", {}, joinUrl)),
      h("div", { id: "roster" }),
    ),
    h(
      "section",
      { class: "card stage" },
      h("div", { class: "pickers" }, h("label", {}, `${t("scenario")} `, scenarioSelect), h("label", {}, `${t("variant")} `, variantSelect), h("label", {}, `${t("seed")} `, seed), h("label", {}, `${t("roundLength")} `, seconds)),
      h("p", { class: "goal" }, h("strong", {}, `${t("goal")}: `), tx(scenario?.goal), " ", h("em", {}, tx(variantInfo?.summary))),
      controls,
      h("p", { id: "phase", class: "phase", role: "status" }),
      h("p", { id: "host-refusal", class: "refusal", role: "alert" }),
      sceneHolder,
      faults,
      h("p", { class: "muted" }, t("keyboardHelp")),
    ),
    h("section", { class: "card board" }, h("h2", {}, t("leaderboard")), h("table", { id: "leaderboard" })),
    lastOver ? debrief(lastOver) : null,
  );
  void loadScene();
  renderLive();
}

function faultTeam(): number | "all" {
  const value = (document.getElementById("fault-team") as HTMLSelectElement | null)?.value;
  return value === "all" ? "all" : (state?.focusedTeam ?? 0);
}

function configure(): void {
  const scenario = (document.querySelector('[data-testid="scenario-select"]') as HTMLSelectElement).value;
  const variantSelect = document.querySelector('[data-testid="variant-select"]') as HTMLSelectElement;
  const variants: string[] = scenarioOf(scenario)?.variants.map((v) => v.id) ?? [];
  const variant = variants.includes(variantSelect.value) ? variantSelect.value : variants[0];
  const seedText = (document.getElementById("seed") as HTMLInputElement).value;
  const secondsText = (document.getElementById("seconds") as HTMLInputElement).value;
  connection.host("host:config", { scenario, variant, seed: seedText === "" ? null : Number(seedText), roundSeconds: secondsText === "" ? null : Number(secondsText) });
}

function start(): void {
  configure();
  connection.host("host:start");
}

function togglePause(): void {
  connection.host(state?.phase === "paused" ? "host:resume" : "host:pause");
}

let lastScenario = "";

/** Parts that change every tick: phase, roster, leaderboard, canvas input. */
function renderLive(): void {
  if (!state) return;
  if (state.scenario + state.variant !== lastScenario && document.querySelector('[data-testid="scenario-select"]')) {
    lastScenario = state.scenario + state.variant;
    const select = document.querySelector('[data-testid="scenario-select"]') as HTMLSelectElement;
    if (select.value !== state.scenario) return render();
  }
  const phase = document.getElementById("phase");
  if (phase) phase.textContent = state.phase === "countdown" ? t("countdown", { n: state.countdown }) : `${t(state.phase in { lobby: 1, running: 1, paused: 1, draining: 1, over: 1 } ? state.phase : "lobby")} · ${formatTick(state.tick)}`;
  const pause = document.getElementById("pause");
  if (pause) pause.textContent = state.phase === "paused" ? t("resume") : t("pause");
  const refusalEl = document.getElementById("host-refusal");
  if (refusalEl) refusalEl.textContent = refusal;
  renderRoster();
  renderBoard();
  if (view) {
    view.setClock(state.tick, TICK_MS);
    const teams = teamModels(state);
    view.setOverview(teams);
    view.setFocused(teams[state.focusedTeam] ?? null);
  }
}

function renderRoster(): void {
  const roster = document.getElementById("roster");
  if (!roster || !state?.players) return;
  const byTeam = new Map<number, (PlayerStateView & { id: string })[]>();
  state.players.forEach((p, id) => {
    const list = byTeam.get(p.team) ?? [];
    list.push({ id, name: p.name, team: p.team, seat: p.seat, connected: p.connected, spectator: p.spectator, lastAction: p.lastAction });
    byTeam.set(p.team, list);
  });
  const teams = [...byTeam.keys()].sort((a, b) => a - b);
  const movable = state.phase === "lobby" || state.phase === "over";
  replace(
    roster,
    h("h3", {}, `${t("players")} (${state.players.size})`),
    ...teams.map((team) =>
      h(
        "div",
        { class: "team" },
        h("strong", {}, team < 0 ? "—" : `${t("team")} ${team + 1}`),
        h(
          "ul",
          { class: "list compact" },
          ...byTeam.get(team)!.map((p) =>
            h(
              "li",
              { class: p.connected ? "" : "offline" },
              `${p.connected ? "●" : "○"} ${p.name}${p.seat ? ` · ${p.seat}` : ""}${p.connected ? "" : ` (${t("offline")})`}`,
              movable
                ? h(
                    "select",
                    { class: "move", "aria-label": `${t("moveTo")} ${p.name}`, onchange: (e: Event) => connection.host("host:move", { player: p.id, team: Number((e.target as HTMLSelectElement).value) }) },
                    ...Array.from({ length: teams.filter((x) => x >= 0).length + 1 }, (_, i) => h("option", { value: i, ...(i === team ? { selected: true } : {}) }, `${t("team")} ${i + 1}`)),
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}

function renderBoard(): void {
  const table = document.getElementById("leaderboard");
  if (!table || !state?.teams) return;
  const teams = [...state.teams].map((team, i) => ({ team, i })).sort((a, b) => b.team.score - a.team.score);
  const focused = state.focusedTeam;
  replace(
    table,
    h("thead", {}, h("tr", {}, h("th", {}, t("team")), h("th", {}, t("score")), h("th", {}, t("committed")), h("th", {}, t("lost")), h("th", {}, t("duplicated")), h("th", {}, t("misordered")))),
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

function debrief(o: HostRoundOver): HTMLElement {
  const anomalies = (o.anomalies ?? []).slice(0, 60).map((a) =>
    h("li", { testid: "anomaly-item" }, h("strong", {}, `${t("team")} ${a.team + 1} · ${a.msgId}${a.subscription ? ` · ${a.subscription}` : ""}: `), causeSentence(a.cause, currentLocale())),
  );
  const s = o.summary;
  return h(
    "section",
    { class: "card debrief" },
    h("h2", {}, t("debrief")),
    h("p", {}, `${t("committed")}: ${s.committed} · ${t("applied")}: ${s.applied} · ${t("lost")}: ${s.lost} · ${t("duplicated")}: ${s.duplicated} · ${t("misordered")}: ${s.misordered} · ${t("inconsistent")}: ${s.inconsistent} · ${t("raceAnomalies")}: ${s.raceAnomalies}`),
    h("button", { type: "button", onclick: () => void download(o.gameId, hostToken) }, t("downloadLog")),
    " ",
    h("button", { type: "button", onclick: () => downloadCsv(o) }, t("downloadCsv")),
    ...(scenarioOf(s.scenario)?.debrief ?? []).map((q) => h("p", { class: "question" }, `❓ ${tx(q)}`)),
    h("h3", {}, `${t("anomalies")} (${o.anomalies?.length ?? 0})`),
    h("ul", { class: "list", testid: "anomaly-list" }, ...anomalies),
    anomalies.length === 0 ? h("p", { class: "muted" }, t("noAnomaly")) : null,
  );
}


async function download(gameId: string, token: string): Promise<void> {
  downloadText(`${gameId}.ndjson`, "application/x-ndjson", await connection.gameLog(gameId, token));
}

function downloadCsv(o: HostRoundOver): void {
  const rows = [["team", "player", "seat", "score", "committed", "applied", "lost", "duplicated", "misordered", "inconsistent", "raceAnomalies", "refused"].join(",")];
  const quote = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
  for (const team of o.teams ?? []) {
    const members: Pick<PlayerStateView, "name" | "seat">[] = [];
    state?.players?.forEach((p) => p.team === team.team && members.push(p));
    for (const p of members.length ? members : [{ name: "", seat: "" }]) rows.push([team.team + 1, quote(p.name), p.seat, team.score, team.committed, team.applied, team.lost, team.duplicated, team.misordered, team.inconsistent, team.raceAnomalies, team.refused].join(","));
  }
  downloadText(`${o.gameId}.csv`, "text/csv", rows.join("\n") + "\n");
}

// Keyboard: space pauses/resumes; a presenter clicker's keys (PageUp/PageDown, arrows) step through teams.
document.addEventListener("keydown", (e) => {
  if (!state || (e.target instanceof HTMLElement && ["INPUT", "SELECT", "TEXTAREA"].includes(e.target.tagName))) return;
  const teams = state.teams?.length ?? 0;
  if (e.key === " ") {
    e.preventDefault();
    togglePause();
  } else if ((e.key === "PageDown" || e.key === "ArrowRight") && teams) connection.host("host:focus", { team: (state.focusedTeam + 1) % teams });
  else if ((e.key === "PageUp" || e.key === "ArrowLeft") && teams) connection.host("host:focus", { team: (state.focusedTeam - 1 + teams) % teams });
});

onLocaleChange(() => {
  applySceneLabels();
  if (code) render();
  else void landing();
});
document.documentElement.lang = currentLocale();

const params = new URLSearchParams(location.search);
const again = Connection.hostedRooms().find((r) => r.roomCode === params.get("code"));
if (again) enter(again.roomCode, again.hostToken).catch(() => void landing());
else void landing();
