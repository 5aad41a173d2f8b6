// The projector's keyboard and a presenter's clicker (PageDown/PageUp, or the arrows). In
// lesson mode between rounds they walk the lesson's steps; during a round they step through
// the teams on the big screen and space pauses. Escape leaves the debrief for the room.
import type { Connection } from "../connection.js";
import { togglePause } from "./controls.js";
import { hostPage, update } from "./pageState.js";
import { roundActive } from "./screens.js";

const FORWARD = new Set(["PageDown", "ArrowRight", "ArrowDown"]);
const BACK = new Set(["PageUp", "ArrowLeft", "ArrowUp"]);

export function installKeyboard(connection: Connection): void {
  document.addEventListener("keydown", (e) => {
    const { room, debriefOpen } = hostPage();
    if (!room || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLElement && (["INPUT", "SELECT", "TEXTAREA"].includes(e.target.tagName) || e.target.isContentEditable)) return;
    const running = roundActive(room.phase);
    const step = FORWARD.has(e.key) ? 1 : BACK.has(e.key) ? -1 : 0;
    if (e.key === "Escape" && debriefOpen) {
      update({ debriefOpen: false });
    } else if (e.key === " " && running) {
      e.preventDefault();
      togglePause(connection);
    } else if (step && running) {
      e.preventDefault();
      const teams = room.teams?.length ?? 0;
      if (teams) connection.host("host:focus", { team: (room.focusedTeam + step + teams) % teams });
    } else if (step && room.lesson?.active && room.phase !== "design") {
      e.preventDefault();
      connection.host("host:lesson", { action: step > 0 ? "next" : "prev" });
    }
  });
}
