// Opening a round: a file (picked, dropped, or opened to compare), or a past game of this
// browser's rooms fetched from the server; what went wrong, in words; the round to compare
// swapped in or closed.
import type { ImportProblem } from "../../../shared/replay/importLog.js";
import { importLog, MAX_LOG_BYTES } from "../../../shared/replay/importLog.js";
import { indexLog, seek } from "../../../shared/replay/replayIndex.js";
import { sceneMarkers } from "../../../shared/replay/sceneModel.js";
import { announce } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import { canvas } from "./canvas.js";
import type { LoadedRound } from "./context.js";
import { scenarioTitle, variantLabel } from "./debrief.js";
import { redraw, replayPage, update, type PastGame } from "./pageState.js";
import { setTeam } from "./selection.js";
import { problemText } from "./sentences.js";

/** Where an opened log goes: the round replayed, or the one shown beside it. */
export type Slot = "main" | "compare";

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function loadFile(file: File, slot: Slot): Promise<void> {
  if (file.size > MAX_LOG_BYTES) return fail([{ code: "tooLarge", text: "the file is too large" }]);
  update({ busy: t("replayLoading", { name: file.name }) }, "status");
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return fail([{ code: "other", text: String(error) }]);
  }
  await loadText(text, file.name, slot);
}

function fail(found: ImportProblem[]): void {
  update({ problems: found, busy: "" }, "page");
  announce(found.map(problemText).join(" "));
}

async function loadText(text: string, name: string, slot: Slot): Promise<void> {
  update({ busy: t("replayLoading", { name }) }, "status");
  // Let the status line paint before a large log blocks the page.
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
  update({ problems: [], noAccess: null, busy: "" });
  if (slot === "compare" && replayPage().round) update({ compare: loaded }, "page");
  else {
    openRound(loaded);
    redraw("page");
  }
  announce(`${scenarioTitle(loaded)} · ${variantLabel(loaded)}`);
  void canvas.load(setTeam);
}

/** Replays `loaded` from its start: first team large, paused, nothing followed. */
function openRound(loaded: LoadedRound): void {
  const { choices } = replayPage();
  update({
    round: loaded,
    team: loaded.index.teamIds[0] ?? 0,
    playhead: seek(loaded.index, 0),
    playing: false,
    carry: 0,
    followed: null,
    followText: "",
    followError: "",
    jumped: null,
    choices: { ...choices, sequenceSource: "window", anomalyLimit: 200 },
  });
  canvas.open(loaded);
  document.title = `${scenarioTitle(loaded)} · ${t("replayTitle")} · Exactly Once`;
}

/** The compared round becomes the one replayed, and the other way round. */
export function swapCompare(): void {
  const { round, compare } = replayPage();
  if (!compare || !round) return;
  openRound(compare);
  update({ compare: round }, "page");
}

export function closeCompare(): void {
  update({ compare: null }, "page");
}

/** ?game=ID (and ?compare=ID): the game's log, fetched with the host key of whichever of this browser's rooms played it; false when none holds it. */
export async function loadFromServer(gameId: string, slot: Slot = "main"): Promise<boolean> {
  update({ busy: t("replayFetching") }, "page");
  const { Connection } = await import("../connection.js");
  const connection = new Connection();
  for (const room of Connection.hostedRooms()) {
    let text: string;
    try {
      text = await connection.gameLog(gameId, room.hostToken);
    } catch {
      continue; // another room's token: try the next
    }
    await loadText(text, `${gameId}.ndjson`, slot);
    return true;
  }
  update({ busy: "", noAccess: gameId }, "page");
  return false;
}

/** The landing lists the games of the rooms this browser hosted (the ten latest rooms). */
export async function listPastGames(): Promise<void> {
  const { Connection } = await import("../connection.js");
  const hosted = Connection.hostedRooms();
  if (!hosted.length) return;
  const connection = new Connection();
  const found: PastGame[] = [];
  for (const room of hosted.slice(0, 10)) {
    for (const g of await connection.games(room.hostToken).catch(() => [])) {
      if (typeof g?.gameId === "string")
        found.push({
          gameId: g.gameId,
          when: `${String(g.createdAt ?? "")
            .slice(0, 16)
            .replace("T", " ")} · ${g.roomCode ?? ""}`,
          scenario: String(g.scenario ?? ""),
          variant: String(g.variant ?? ""),
        });
    }
  }
  update({ pastGames: found });
  if (!replayPage().round) redraw("page");
}
