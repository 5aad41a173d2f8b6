// The projector's first screen: create a class room, and the games of the rooms this browser
// hosted, named by their topic and variant in the page's language, each with its replay and
// its log.
import { Connection, JoinError } from "../connection.js";
import { announce, h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { reasonText } from "../i18n/roomWords.js";
import type { GameListing } from "../../../shared/protocol.js";
import { downloadGameLog } from "./downloads.js";
import { roundTitle } from "./names.js";
import { hostPage, update } from "./pageState.js";
import { replayUrl } from "../replayLinks.js";

/** Enters a room as its host: what the landing hands a newly created room to. */
export type EnterRoom = (roomCode: string, hostToken: string) => Promise<void>;

/** The games found, kept so that a language switch redraws them without asking the server again. */
let found: { game: GameListing; hostToken: string }[] | null = null;

export async function showLanding(app: HTMLElement, connection: Connection, enter: EnterRoom): Promise<void> {
  draw(app, connection, enter);
  if (found) return;
  if (!hostPage().catalogue.length) update({ catalogue: await connection.catalogue().catch(() => []) });
  const games: { game: GameListing; hostToken: string }[] = [];
  for (const room of Connection.hostedRooms().slice(0, 10))
    for (const game of await connection.games(room.hostToken).catch(() => [])) games.push({ game, hostToken: room.hostToken });
  found = games.sort((a, b) => (a.game.createdAt < b.game.createdAt ? 1 : -1));
  if (!hostPage().roomCode) draw(app, connection, enter);
}

function draw(app: HTMLElement, connection: Connection, enter: EnterRoom): void {
  const create = h(
    "button",
    { class: "primary big", type: "button", testid: "create-room", onclick: () => void createRoom(connection, enter) },
    t("createRoom"),
  );
  const list = found?.length
    ? h(
        "ul",
        { class: "past-games" },
        ...found.map(({ game, hostToken }) =>
          h(
            "li",
            {},
            h("span", { class: "when" }, `${game.createdAt.slice(0, 16).replace("T", " ")} · ${game.roomCode}`),
            h("strong", {}, roundTitle(game.scenario, game.variant)),
            h("a", { href: replayUrl({ game: game.gameId }), class: "button" }, `▶ ${t("openReplay")}`),
            h("button", { class: "link", type: "button", onclick: () => void downloadGameLog(connection, game.gameId, hostToken) }, t("downloadLog")),
          ),
        ),
      )
    : h("p", { class: "muted" }, t("noPastGames"));
  replace(
    app,
    h(
      "div",
      { class: "screen landing" },
      h("section", { class: "landing-card" }, h("h1", {}, t("hostTitle")), h("p", { class: "muted" }, t("hostIntro")), create),
      h("section", { class: "landing-games" }, h("h2", {}, t("pastGames")), list),
    ),
  );
}

async function createRoom(connection: Connection, enter: EnterRoom): Promise<void> {
  try {
    const room = await connection.createRoom();
    await enter(room.roomCode, room.hostToken);
  } catch (e) {
    announce(e instanceof JoinError ? reasonText(e.code) : String(e));
  }
}
