// The projector page (host.html): the landing, or straight back into the room this browser
// hosts. Once in a room, the room's messages update the page's state (pageState.ts) and the
// view (view.ts) redraws what they changed; the language switches everything at any moment.
import { Connection } from "../connection.js";
import { announce } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { currentLocale, onLocaleChange } from "../i18n/locale.js";
import { reasonText } from "../i18n/roomWords.js";
import { setVocabulary } from "../i18n/roles.js";
import { mountLangToggle } from "../i18n/toggle.js";
import { isHostRoundOver } from "../../../shared/protocol.js";
import { ProjectorCanvas } from "./canvas.js";
import { installKeyboard } from "./keyboard.js";
import { showLanding } from "./landing.js";
import { hostPage, scenarioOf, subscribe, update } from "./pageState.js";
import { updateTimer } from "./roundView.js";
import { ProjectorView } from "./view.js";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const app = $("app");
const connection = new Connection();
const canvas = new ProjectorCanvas(connection);
const view = new ProjectorView(app, connection, canvas);

mountLangToggle($("lang") as HTMLButtonElement);

function showStatus(): void {
  const s = hostPage().status;
  $("status").textContent = t(s === "connected" ? "connected" : s === "reconnecting" ? "reconnecting" : s === "disconnected" ? "disconnected" : "joining");
  $("status").className = `status ${s}`;
}

connection.on("status", (status) => update({ status }));
subscribe((set) => {
  if (set.has("status")) showStatus();
  view.refresh(set);
});

let refusalTimer: ReturnType<typeof setTimeout> | undefined;

async function enter(roomCode: string, hostToken: string): Promise<void> {
  update({ roomCode, hostToken });
  update({ catalogue: await connection.catalogue() });
  connection.on("welcome", (w) => update({ joinUrl: w.joinUrl ?? `${location.origin}/?code=${roomCode}` }));
  connection.on("state", (room) => {
    const before = hostPage().room;
    const patch: Parameters<typeof update>[0] = { room };
    if (!before || before.tick !== room.tick || before.phase !== room.phase) patch.tickSeenAt = performance.now();
    // A new round leaves the last one's debrief.
    if (room.phase === "countdown" && hostPage().debriefOpen) patch.debriefOpen = false;
    // The room's own setup, once it changes, is again what the pickers show (the choice sent arrives in order after it).
    const choice = hostPage().choice;
    if (
      choice &&
      (before?.scenario !== room.scenario || before?.variant !== room.variant || (room.scenario === choice.scenario && room.variant === choice.variant))
    )
      patch.choice = null;
    // The pipeline's labels speak the round's broker's words.
    if (setVocabulary(room.profile)) canvas.applyLabels();
    // A reloaded projector keeps the broker chosen before: one that is not the variant's own was picked.
    const own = scenarioOf(room.scenario)?.variants.find((v) => v.id === room.variant)?.profile;
    if (hostPage().profile === "" && own && room.profile && room.profile !== own) patch.profile = room.profile;
    update(patch);
  });
  connection.on("refused", (r) => {
    if (r.action === "host:config") update({ choice: null });
    const refusal = t("refused", { reason: reasonText(r.reason.code) });
    announce(refusal);
    update({ refusal });
    clearTimeout(refusalTimer);
    refusalTimer = setTimeout(() => update({ refusal: "" }), 5000);
  });
  connection.on("events", (events) => canvas.draw(events, hostPage().room));
  connection.on("roundOver", (o) => {
    if (!isHostRoundOver(o)) return;
    announce(t("over"));
    // The same results again (a reconnection) keep the instructor where they were.
    update({ lastOver: o, debriefOpen: hostPage().lastOver?.gameId === o.gameId ? hostPage().debriefOpen : true });
  });
  connection.on("history", (h) => update({ history: h.rounds }));
  connection.on("lessonResults", (lessonResults) => update({ lessonResults }));
  connection.on("lessonSummary", (lessonSummary) => update({ lessonSummary }));
  await connection.joinAsHost(roomCode, hostToken);
  history.replaceState(null, "", `/host?code=${roomCode}`);
}

function landing(): void {
  void showLanding(app, connection, enter);
}

installKeyboard(connection);
onLocaleChange(() => {
  showStatus();
  canvas.applyLabels();
  if (hostPage().roomCode) {
    view.invalidate();
    view.refresh();
  } else landing();
});
addEventListener("resize", () => view.resized());
setInterval(updateTimer, 200);
document.documentElement.lang = currentLocale();
showStatus();

const params = new URLSearchParams(location.search);
const again = Connection.hostedRooms().find((r) => r.roomCode === params.get("code"));
if (again) enter(again.roomCode, again.hostToken).catch(() => landing());
else landing();
