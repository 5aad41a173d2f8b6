// The projector's keyboard: space pauses and resumes the round; a presenter clicker's keys
// (PageUp/PageDown, the arrows) step through the teams on the big screen.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { togglePause } from "./controls.js";
import { hostPage } from "./pageState.js";

export function installKeyboard(connection: Connection): void {
  document.addEventListener("keydown", (e) => {
    const { room } = hostPage();
    if (!room || (e.target instanceof HTMLElement && ["INPUT", "SELECT", "TEXTAREA"].includes(e.target.tagName))) return;
    const teams = room.teams?.length ?? 0;
    if (e.key === " ") {
      e.preventDefault();
      togglePause(connection);
    } else if ((e.key === "PageDown" || e.key === "ArrowRight") && teams) connection.host("host:focus", { team: (room.focusedTeam + 1) % teams });
    else if ((e.key === "PageUp" || e.key === "ArrowLeft") && teams) connection.host("host:focus", { team: (room.focusedTeam - 1 + teams) % teams });
  });
}

/** The line under the stage that says which keys do what. */
export function keyboardHelp(): HTMLElement {
  return h("p", { class: "muted" }, t("keyboardHelp"));
}
