// The replay viewer (/replay): opens a game log (a dropped or picked file, or ?game=ID for a
// game this browser hosted, with optionally &team=N&tick=T&msg=ID to open at an anomaly and
// &compare=ID2 to show another game beside it: client/src/replayLinks.ts), validates it, and replays the round from its outcome events on
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
import { parseReplayTarget, type ReplayTarget } from "../replayLinks.js";
import { listPastGames, loadFromServer } from "./loading.js";
import { subscribe } from "./pageState.js";
import { followPlayhead, render, renderStatus } from "./pageView.js";
import { seekTo, startClock } from "./playback.js";
import { follow, jump, setTeam } from "./selection.js";
import { replayPage } from "./pageState.js";

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

/** Opens the round the address names, the one to compare beside it, and the moment to start at. */
async function openTarget(target: ReplayTarget): Promise<void> {
  if (!(await loadFromServer(target.game))) return;
  if (target.compare) await loadFromServer(target.compare, "compare");
  const round = replayPage().round;
  if (!round || target.team === undefined) return;
  // An anomaly of that team and message whose cause is at that tick is jumped to (and lit in the list).
  const anomaly = round.index.report.anomalies.find(
    (a) => a.team === target.team && a.msgId === target.msg && (target.tick === undefined || a.cause.tick === target.tick),
  );
  if (anomaly) jump(anomaly);
  else setTeam(target.team);
  if (target.msg) follow(target.team, target.msg);
  if (target.tick !== undefined) seekTo(target.tick);
}

const target = parseReplayTarget(location.search);
render();
if (target) void openTarget(target);
else void listPastGames();
