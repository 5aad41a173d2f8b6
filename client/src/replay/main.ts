// The replay viewer (/replay): opens a game log (a dropped or picked file, or ?game=ID for a
// game this browser hosted), validates it, and replays the round from its outcome events on
// the pipeline canvas, with a timeline, the anomalies and their causes, "follow this
// message", charts, a sequence diagram, a side-by-side comparison and exports. This module
// starts the page; its state is in pageState.ts and what changes it in loading.ts,
// playback.ts and selection.ts.
import { currentLocale, onLocaleChange } from "../i18n/locale.js";
import { t } from "../i18n/replayWords.js";
import { mountLangToggle } from "../i18n/toggle.js";
import { canvas } from "./canvas.js";
import { installDropZone } from "./dropZone.js";
import { installKeyboard } from "./keyboard.js";
import { listPastGames, loadFromServer } from "./loading.js";
import { subscribe } from "./pageState.js";
import { followPlayhead, render, renderStatus } from "./pageView.js";
import { startClock } from "./playback.js";

const $ = (id: string) => document.getElementById(id) as HTMLElement;

mountLangToggle($("lang") as HTMLButtonElement);
subscribe((what) => {
  if (what === "page") render();
  else if (what === "playhead") followPlayhead();
  else renderStatus();
});
startClock();
installKeyboard();
installDropZone();

/** The words written in replay.html's header and drop overlay. */
function labelStatic(): void {
  $("open-label").textContent = t("replayOpen");
  $("page-title").textContent = t("replayTitle");
  $("drop-hint").textContent = t("replayDropHere");
}

onLocaleChange(() => {
  labelStatic();
  canvas.applyLabels();
  render();
});
document.documentElement.lang = currentLocale();
labelStatic();

const gameId = new URLSearchParams(location.search).get("game");
render();
if (gameId) void loadFromServer(gameId);
else void listPastGames();
