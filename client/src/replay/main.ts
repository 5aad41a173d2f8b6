// The replay viewer (/replay): opens a game log (a dropped or picked file, or ?game=ID for
// a game this browser hosted), validates it, and replays the round from its outcome
// events with the projector's pipeline view, a timeline, the anomalies and their causes,
// "follow this message", charts, a sequence diagram, a side-by-side comparison and exports.
import type { Anomaly } from "../../../shared/checker/checker.js";
import { findMessage, followMessage, type FollowResult, type FollowStep } from "../../../shared/replay/follow.js";
import { formatTick } from "../../../shared/replay/format.js";
import { importLog, MAX_LOG_BYTES, type ImportProblem } from "../../../shared/replay/importLog.js";
import { advance, indexLog, nearestAnomaly, seek, type ReplayState } from "../../../shared/replay/replayIndex.js";
import { sceneMarkers } from "../../../shared/replay/sceneModel.js";
import { scoresCsv } from "../../../shared/replay/scores.js";
import { downloadText, h, replace } from "../dom.js";
import { currentLocale, onLocaleChange } from "../i18n/locale.js";
import { t } from "../i18n/replayWords.js";
import { markerText, sceneLabels } from "../i18n/sceneWords.js";
import { mountLangToggle } from "../i18n/toggle.js";
import type { Marker, PipelineCanvas } from "../scene/model.js";
import { anomalyPanel } from "./anomalies.js";
import type { Choices, LoadedRound, PageContext, Panel } from "./context.js";
import { chartsPanel, comparePanel, exportPanel, leaderboardPanel, scenarioTitle, sequencePanel, variantLabel } from "./debrief.js";
import { followPanel } from "./followPanel.js";
import { SceneDriver, type MarkerWords } from "./sceneDriver.js";
import { playbackPanel } from "./playbackControls.js";
import { problemText } from "./sentences.js";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const app = $("app");
const live = $("live");
const statusLine = $("status");
const sceneHolder = h("div", { id: "scene", class: "scene" });

let round: LoadedRound | null = null;
let compare: LoadedRound | null = null;
let state: ReplayState | null = null;
let team = 0;
let playing = false;
let speed = 1;
let carry = 0;
let followed: FollowResult | null = null;
let followText = "";
let followError = "";
let jumped: Anomaly | null = null;
const choices: Choices = { anomalyScope: "all", anomalyKind: "all", anomalyLimit: 200, sequenceSource: "window", windowSeconds: 10 };
let problems: ImportProblem[] = [];
let noAccess: string | null = null;
let busy = "";
let pastGames: { gameId: string; label: string }[] | null = null;
let view: PipelineCanvas | null = null;
let driver: SceneDriver | null = null;
let sceneRequested = false;
let panels: Panel[] = [];
let sequence: Panel | null = null;
let sequenceTimer: ReturnType<typeof setTimeout> | null = null;

mountLangToggle($("lang") as HTMLButtonElement);

function say(text: string): void {
  live.textContent = text;
}

// --- loading ---------------------------------------------------------------------------

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function loadFile(file: File, slot: "main" | "compare"): Promise<void> {
  if (file.size > MAX_LOG_BYTES) return fail([{ code: "tooLarge", text: "the file is too large" }]);
  busy = t("replayLoading", { name: file.name });
  renderStatus();
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return fail([{ code: "other", text: String(error) }]);
  }
  await loadText(text, file.name, slot);
}

function fail(found: ImportProblem[]): void {
  problems = found;
  busy = "";
  render();
  say(found.map(problemText).join(" "));
}

async function loadText(text: string, name: string, slot: "main" | "compare"): Promise<void> {
  busy = t("replayLoading", { name });
  renderStatus();
  await nextFrame();
  const result = importLog(text);
  if (!result.log) return fail(result.errors);
  let loaded: LoadedRound;
  try {
    const index = indexLog(result.log.header, result.log.events);
    loaded = { index, log: result.log, warnings: result.warnings, markers: sceneMarkers(result.log.events), name };
  } catch (error) {
    return fail([{ code: "other", text: error instanceof Error ? error.message : String(error) }]);
  }
  problems = [];
  noAccess = null;
  busy = "";
  if (slot === "compare" && round) compare = loaded;
  else start(loaded);
  render();
  say(`${scenarioTitle(loaded)} · ${variantLabel(loaded)}`);
  void loadScene();
}

function start(loaded: LoadedRound): void {
  round = loaded;
  team = loaded.index.teamIds[0] ?? 0;
  state = seek(loaded.index, 0);
  playing = false;
  carry = 0;
  followed = null;
  followText = "";
  followError = "";
  jumped = null;
  choices.sequenceSource = "window";
  choices.anomalyLimit = 200;
  driver = view ? new SceneDriver(view, loaded.index, loaded.markers, markerWords) : null;
  document.title = `${scenarioTitle(loaded)} · ${t("replayTitle")} · Exactly Once`;
}

async function loadFromServer(gameId: string): Promise<void> {
  busy = t("replayFetching");
  render();
  const { Connection } = await import("../connection.js");
  const connection = new Connection();
  for (const room of Connection.hostedRooms()) {
    try {
      const text = await connection.gameLog(gameId, room.hostToken);
      await loadText(text, `${gameId}.ndjson`, "main");
      return;
    } catch {
      /* another room's token: try the next */
    }
  }
  busy = "";
  noAccess = gameId;
  render();
}

async function listPastGames(): Promise<void> {
  const { Connection } = await import("../connection.js");
  const hosted = Connection.hostedRooms();
  if (!hosted.length) return;
  const connection = new Connection();
  const found: { gameId: string; label: string }[] = [];
  for (const room of hosted.slice(0, 10)) {
    for (const g of await connection.games(room.hostToken).catch(() => [])) {
      if (typeof g?.gameId === "string") found.push({ gameId: g.gameId, label: `${String(g.createdAt ?? "").slice(0, 16).replace("T", " ")} · ${g.roomCode ?? ""} · ${g.scenario ?? ""} ${g.variant ?? ""}` });
    }
  }
  pastGames = found;
  if (!round) render();
}

// --- the scene -------------------------------------------------------------------------

const markerWords: MarkerWords = {
  marker: (m) => (m.label === "orderMarker" ? markerText("orderMarker", { seq: m.seq ?? "", otherSeq: m.otherSeq ?? "" }) : `${markerText(m.label)}${m.subject ? ` ${m.subject}` : ""}`),
  // Drops, discards, second applications and de-duplications already have the scene's own markers.
  step: (step) => {
    const msgId = followed?.msgId ?? "";
    const at = step.link ?? step.node ?? "B";
    const label = (kind: Marker["kind"], word: string, where = at) => ({ kind, at: where, text: `${msgId} · ${word}` });
    switch (step.kind) {
      case "committed":
        return label("dedup", t("mark_committed"), step.node ?? at);
      case "retry":
        return label("restart", t("replayRetry"));
      case "redelivery":
        return label("restart", t("mark_redelivery"), step.to ?? at);
      case "requeued":
        return label("restart", t("mark_requeued"), "B");
      case "applied":
        return label("dedup", t("mark_applied"));
      case "forgotten":
        return label("lost", t("mark_forgotten"));
      case "timedOut":
        return label("race", t("mark_timedOut"));
      default:
        return null;
    }
  },
};

async function loadScene(): Promise<void> {
  if (sceneRequested || !round) return;
  sceneRequested = true;
  let created: PipelineCanvas;
  try {
    const { createPipelineCanvas } = await import("../scene/createPipelineCanvas.js");
    created = await createPipelineCanvas(sceneHolder);
  } catch {
    replace(sceneHolder, h("p", { class: "scene-failed muted" }, t("replaySceneFailed")));
    return;
  }
  created.onTeamClicked((clicked) => setTeam(clicked));
  view = created;
  applySceneLabels();
  if (round) driver = new SceneDriver(created, round.index, round.markers, markerWords);
}

function applySceneLabels(): void {
  view?.setLabels(sceneLabels());
  driver?.invalidate();
}

// --- actions ---------------------------------------------------------------------------

function moveTo(tick: number, step?: FollowStep): void {
  if (!round || !state) return;
  state = advance(round.index, state, tick);
  carry = 0;
  if (driver && view) {
    // A redraw flags the followed steps of this tick itself; the same tick again needs the flag added.
    const drew = driver.show(state, team, followedSteps());
    if (step && !drew) driver.addStep(step);
  }
  updateTick();
  scheduleSequence();
}

function followedSteps(): FollowStep[] | null {
  return followed && followed.team === team ? followed.steps : null;
}

function setPlaying(on: boolean): void {
  if (!round || !state) return;
  if (on && state.tick >= round.index.lastTick) moveTo(0);
  playing = on;
  carry = 0;
  updateTick();
  if (!on) scheduleSequence();
}

function setTeam(next: number): void {
  if (!round || next === team || !round.index.teams.has(next)) return;
  team = next;
  jumped = null;
  if (followed) {
    const again = findMessage(round.index, team, followed.msgId);
    followed = again ? followMessage(round.index, team, again) : null;
  }
  render();
  say(t("focusedTeam", { team: team + 1 }));
}

function jump(a: Anomaly): void {
  if (!round) return;
  playing = false;
  jumped = a;
  const changed = a.team !== team;
  team = a.team;
  if (changed && followed) followed = null;
  moveTo(a.cause.tick);
  render();
  say(`${formatTick(a.cause.tick, round.index.tickMs)} · ${a.msgId}`);
}

function follow(forTeam: number, text: string): void {
  if (!round) return;
  const msgId = findMessage(round.index, forTeam, text);
  followText = msgId ?? text;
  if (!msgId) {
    followError = t("replayFollowUnknown", { team: forTeam + 1, msgId: text.trim() });
    followed = null;
  } else {
    followError = "";
    if (jumped && (jumped.team !== forTeam || jumped.msgId !== msgId)) jumped = null;
    team = forTeam;
    followed = followMessage(round.index, forTeam, msgId);
    choices.sequenceSource = "message";
    driver?.invalidate();
  }
  render();
  if (followed) say(t("replayFollowSummary", { msgId: followed.msgId, team: followed.team + 1, hops: followed.hops, drops: followed.drops, retries: followed.retries, redeliveries: followed.redeliveries, applications: followed.applications }));
}


function context(): PageContext {
  if (!round || !state) throw new Error("no round loaded");
  return {
    ...choices,
    round,
    compare,
    state,
    team,
    playing,
    speed,
    followed,
    followText,
    followError,
    jumped,
    seekTo: (tick, step) => moveTo(tick, step),
    step: (delta) => {
      playing = false;
      moveTo((state?.tick ?? 0) + delta);
    },
    togglePlay: () => setPlaying(!playing),
    setSpeed: (value) => {
      speed = value;
      carry = 0;
    },
    setTeam,
    jump,
    nearestAnomaly: (direction) => {
      if (!round || !state) return;
      const a = nearestAnomaly(round.index, state.tick, direction, choices.anomalyScope === "team" ? team : null);
      if (a) jump(a);
    },
    follow,
    stopFollowing: () => {
      followed = null;
      followText = "";
      choices.sequenceSource = "window";
      driver?.invalidate();
      render();
    },
    choose: (patch) => {
      Object.assign(choices, patch);
      render();
    },
    openCompare: (file) => void loadFile(file, "compare"),
    swapCompare: () => {
      if (!compare || !round) return;
      const previous = round;
      start(compare);
      compare = previous;
      render();
    },
    closeCompare: () => {
      compare = null;
      render();
    },
    exportLog: () => round && downloadText(`${round.index.header.gameId}.ndjson`, "application/x-ndjson", round.log.text),
    exportCsv: () => round && downloadText(`${round.index.header.gameId}-scores.csv`, "text/csv", scoresCsv(round.index)),
  };
}

// --- rendering -------------------------------------------------------------------------

function renderStatus(): void {
  statusLine.textContent = busy || (round ? round.name : "");
}

/** Rebuilds the page from the state, keeping the canvas and the keyboard focus where they were. */
function render(): void {
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active?.id || active?.dataset.testid || "";
  renderStatus();
  const errorBox = problems.length || noAccess
    ? h(
        "section",
        { class: "card alert", role: "alert", testid: "replay-error" },
        h("h2", {}, `⚠ ${t("replayErrorTitle")}`),
        ...problems.map((p) => h("p", {}, problemText(p))),
        noAccess ? h("p", {}, t("replayNoAccess", { game: noAccess })) : null,
      )
    : null;
  if (!round || !state) {
    const games = pastGames?.length
      ? h("section", { class: "card" }, h("h2", {}, t("replayYourGames")), h("ul", { class: "list compact" }, ...pastGames.map((g) => h("li", {}, `${g.label} · `, h("a", { href: `/replay?game=${encodeURIComponent(g.gameId)}` }, t("replayOpenGame"))))))
      : null;
    replace(app, h("section", { class: "card landing" }, h("h1", {}, t("replayTitle")), h("p", { class: "drop-zone" }, h("span", { class: "drop-glyph", "aria-hidden": "true" }, "⇩"), t("replayDrop")), busy ? h("p", { role: "status" }, busy) : null), errorBox, games);
    restoreFocus(focusKey);
    return;
  }
  const ctx = context();
  const { index } = round;
  const header = index.header;
  const playback = playbackPanel(ctx);
  const anomalies = anomalyPanel(ctx);
  const followCard = followPanel(ctx);
  const charts = chartsPanel(ctx);
  sequence = sequencePanel(ctx);
  panels = [playback, anomalies, followCard, charts, leaderboardPanel(ctx), sequence, comparePanel(ctx), exportPanel(ctx)];
  const info = h(
    "section",
    { class: "card info" },
    h("h1", {}, `${scenarioTitle(round)} · ${variantLabel(round)}`),
    h("p", { class: "muted", testid: "replay-round" }, t("replayRound", { scenario: header.scenario, variant: header.variant, seed: header.seed, teams: header.teams.length, length: formatTick(index.lastTick, index.tickMs) })),
    ...round.warnings.map((w) => h("p", { class: "warning", testid: "replay-warning", "data-code": w.code }, h("span", { "aria-hidden": "true" }, "⚠ "), problemText(w))),
  );
  replace(
    app,
    errorBox,
    info,
    h("div", { class: "stage-area" }, h("section", { class: "card stage" }, sceneHolder, playback.element, h("p", { class: "muted small keys" }, t("replayKeyboard"))), h("div", { class: "side" }, anomalies.element, followCard.element)),
    charts.element,
    h("div", { class: "pair" }, panels[4].element, sequence.element),
    panels[6].element,
    panels[7].element,
  );
  driver?.invalidate();
  updateTick();
  restoreFocus(focusKey);
}

function restoreFocus(key: string): void {
  if (!key) return;
  const el = document.getElementById(key) ?? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(key)}"]`);
  el?.focus({ preventScroll: true });
}

function updateTick(): void {
  if (!round || !state) return;
  const ctx = context();
  for (const panel of panels) panel.update?.(ctx);
}

/** The window sequence diagram follows the playhead, redrawn once scrubbing settles (not while playing). */
function scheduleSequence(): void {
  if (playing || !round || (choices.sequenceSource === "message" && followed)) return;
  if (sequenceTimer) clearTimeout(sequenceTimer);
  sequenceTimer = setTimeout(() => {
    sequenceTimer = null;
    if (!round || !state || !sequence) return;
    const next = sequencePanel(context());
    sequence.element.replaceWith(next.element);
    panels[panels.indexOf(sequence)] = next;
    sequence = next;
  }, 180);
}

// --- the clock -------------------------------------------------------------------------

let lastFrame = performance.now();
function frame(now: number): void {
  requestAnimationFrame(frame);
  const dt = Math.min(250, Math.max(0, now - lastFrame));
  lastFrame = now;
  if (!round || !state) return;
  const tickMs = round.index.tickMs;
  if (playing) {
    carry += (dt * speed) / tickMs;
    const whole = Math.floor(carry);
    if (whole > 0) {
      carry -= whole;
      state = advance(round.index, state, Math.min(round.index.lastTick, state.tick + whole));
      if (state.tick >= round.index.lastTick) {
        playing = false;
        carry = 0;
        scheduleSequence();
      }
      updateTick();
    }
  }
  if (driver && view) {
    driver.show(state, team, followedSteps());
    view.setClock(state.tick + (playing ? carry : 0), playing ? tickMs / speed : tickMs);
  }
}
requestAnimationFrame(frame);

// --- keyboard, drag and drop, file pickers ----------------------------------------------

document.addEventListener("keydown", (e) => {
  if (!round || !state || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement;
  const onRange = target instanceof HTMLInputElement && target.type === "range";
  if ((target instanceof HTMLInputElement && !onRange) || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
  const onButton = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
  const ctx = context();
  switch (e.key) {
    case " ":
      if (onButton) return;
      e.preventDefault();
      ctx.togglePlay();
      break;
    case "ArrowLeft":
    case "ArrowRight": {
      if (onRange && !e.shiftKey) return;
      e.preventDefault();
      const size = e.shiftKey ? Math.round(10_000 / round.index.tickMs) : 1;
      ctx.step(e.key === "ArrowLeft" ? -size : size);
      break;
    }
    case "Home":
    case "End":
      if (onRange) return;
      e.preventDefault();
      ctx.seekTo(e.key === "Home" ? 0 : round.index.lastTick);
      break;
    case "n":
    case "N":
      ctx.nearestAnomaly(1);
      break;
    case "p":
    case "P":
      ctx.nearestAnomaly(-1);
      break;
  }
});

const opener = $("open-file") as HTMLInputElement;
opener.addEventListener("change", () => {
  const file = opener.files?.[0];
  if (file) void loadFile(file, "main");
  opener.value = "";
});

document.addEventListener("dragover", (e) => {
  if (!e.dataTransfer?.types.includes("Files")) return;
  e.preventDefault();
  document.body.classList.add("dragging");
});
document.addEventListener("dragleave", (e) => {
  if (e.relatedTarget === null) document.body.classList.remove("dragging");
});
document.addEventListener("drop", (e) => {
  document.body.classList.remove("dragging");
  const file = e.dataTransfer?.files?.[0];
  if (!file) return;
  e.preventDefault();
  const onCompare = e.target instanceof Element && e.target.closest('[data-testid="replay-compare"]') !== null;
  void loadFile(file, onCompare && round ? "compare" : "main");
});

function labelStatic(): void {
  $("open-label").textContent = t("replayOpen");
  $("page-title").textContent = t("replayTitle");
  $("drop-hint").textContent = t("replayDropHere");
}

onLocaleChange(() => {
  labelStatic();
  applySceneLabels();
  render();
});
document.documentElement.lang = currentLocale();
labelStatic();

const gameId = new URLSearchParams(location.search).get("game");
render();
if (gameId) void loadFromServer(gameId);
else void listPastGames();
