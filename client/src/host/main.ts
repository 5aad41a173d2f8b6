// The projector page (host.html): the landing, or straight back into the room this browser
// hosts. Once in a room, the room's messages update the page's state (pageState.ts) and the
// room view redraws what they changed.
import { Connection } from "../connection.js";
import { announce } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { currentLocale, onLocaleChange } from "../i18n/locale.js";
import { reasonText } from "../i18n/roomWords.js";
import { mountLangToggle } from "../i18n/toggle.js";
import { isHostRoundOver } from "../../../shared/protocol.js";
import { ProjectorCanvas } from "./canvas.js";
import { installKeyboard } from "./keyboard.js";
import { showLanding } from "./landing.js";
import { hostPage, subscribe, update } from "./pageState.js";
import { RoomView } from "./roomView.js";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const app = $("app");
const connection = new Connection();
const canvas = new ProjectorCanvas(connection);
const roomView = new RoomView(app, connection, canvas);

mountLangToggle($("lang") as HTMLButtonElement);
connection.on("status", (s) => {
  $("status").textContent = t(s === "connected" ? "connected" : s === "reconnecting" ? "reconnecting" : s === "disconnected" ? "disconnected" : "joining");
});

subscribe((set) => {
  if (set.has("joinUrl") || set.has("lastOver")) roomView.render();
  else if (set.has("room") || set.has("refusal")) roomView.renderLive();
});

async function enter(roomCode: string, hostToken: string): Promise<void> {
  update({ roomCode, hostToken });
  update({ catalogue: await connection.catalogue() });
  connection.on("welcome", (w) => update({ joinUrl: w.joinUrl ?? `${location.origin}/?code=${roomCode}` }));
  connection.on("state", (room) => update({ room }));
  connection.on("refused", (r) => {
    const refusal = t("refused", { reason: reasonText(r.reason.code) });
    announce(refusal);
    update({ refusal });
  });
  connection.on("events", (events) => canvas.draw(events, hostPage().room));
  connection.on("roundOver", (o) => {
    if (!isHostRoundOver(o)) return;
    announce(t("over"));
    update({ lastOver: o });
  });
  await connection.joinAsHost(roomCode, hostToken);
  history.replaceState(null, "", `/host?code=${roomCode}`);
}

function landing(): void {
  void showLanding(app, connection, enter);
}

installKeyboard(connection);
onLocaleChange(() => {
  canvas.applyLabels();
  if (hostPage().roomCode) roomView.render();
  else landing();
});
document.documentElement.lang = currentLocale();

const params = new URLSearchParams(location.search);
const again = Connection.hostedRooms().find((r) => r.roomCode === params.get("code"));
if (again) enter(again.roomCode, again.hostToken).catch(() => landing());
else landing();
