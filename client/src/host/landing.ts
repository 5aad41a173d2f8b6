// The projector's first screen: create a class room, and the games of the rooms this browser
// hosted, each with its log to download.
import { Connection, JoinError } from "../connection.js";
import { announce, h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { reasonText } from "../i18n/roomWords.js";
import { downloadGameLog } from "./downloads.js";

/** Enters a room as its host: what the landing hands a newly created room to. */
export type EnterRoom = (roomCode: string, hostToken: string) => Promise<void>;

export async function showLanding(app: HTMLElement, connection: Connection, enter: EnterRoom): Promise<void> {
  const hosted = Connection.hostedRooms();
  const create = h(
    "button",
    { class: "primary big", type: "button", testid: "create-room", onclick: () => void createRoom(connection, enter) },
    t("createRoom"),
  );
  const past = h("section", { class: "card" }, h("h2", {}, t("pastGames")), h("p", { class: "muted" }, t("noPastGames")));
  replace(app, h("section", { class: "card landing" }, h("h1", {}, t("hostTitle")), create), past);
  const rows: HTMLElement[] = [];
  for (const room of hosted.slice(0, 10)) {
    for (const g of await connection.games(room.hostToken).catch(() => [])) {
      rows.push(
        h(
          "li",
          {},
          `${g.createdAt.slice(0, 16).replace("T", " ")} · ${g.roomCode} · ${g.scenario} ${g.variant} · `,
          h("button", { class: "link", type: "button", onclick: () => void downloadGameLog(connection, g.gameId, room.hostToken) }, t("downloadLog")),
        ),
      );
    }
  }
  if (rows.length) replace(past, h("h2", {}, t("pastGames")), h("ul", { class: "list" }, ...rows));
}

async function createRoom(connection: Connection, enter: EnterRoom): Promise<void> {
  try {
    const room = await connection.createRoom();
    await enter(room.roomCode, room.hostToken);
  } catch (e) {
    announce(e instanceof JoinError ? reasonText(e.code) : String(e));
  }
}
