// The room on the projector: how to join (code, QR code, address) above the roster, the stage
// (pickers, round controls, phase, the pipeline canvas, faults), the leaderboard and, after a
// round, the debrief. `render` rebuilds it all; `renderLive` updates what follows the room's
// state tick by tick.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import type { ProjectorCanvas } from "./canvas.js";
import { faultsPanel, goalLine, pickers, roundButtons, roundStatusLines, updateRoundStatus } from "./controls.js";
import { debriefSection } from "./debrief.js";
import { keyboardHelp } from "./keyboard.js";
import { renderLeaderboard } from "./leaderboard.js";
import { hostPage } from "./pageState.js";
import { qrSvg } from "./qr.js";
import { renderRoster } from "./roster.js";

export class RoomView {
  /** The room's scenario and variant when last seen: a change made elsewhere rebuilds the pickers. */
  private lastScenario = "";

  constructor(
    private readonly app: HTMLElement,
    private readonly connection: Connection,
    private readonly canvas: ProjectorCanvas,
  ) {}

  render(): void {
    const { roomCode, joinUrl, lastOver } = hostPage();
    replace(
      this.app,
      h(
        "section",
        { class: "card join-info" },
        h("div", { class: "room-code", testid: "room-code" }, roomCode),
        h("div", { class: "qr" }, qrSvg(joinUrl || `${location.origin}/?code=${roomCode}`, 320)),
        h("p", { class: "join-url" }, `${t("joinAt")} `, h("strong", {}, joinUrl)),
        h("div", { id: "roster" }),
      ),
      h(
        "section",
        { class: "card stage" },
        pickers(this.connection),
        goalLine(),
        roundButtons(this.connection),
        ...roundStatusLines(),
        this.canvas.holder,
        faultsPanel(this.connection),
        keyboardHelp(),
      ),
      h("section", { class: "card board" }, h("h2", {}, t("leaderboard")), h("table", { id: "leaderboard" })),
      lastOver ? debriefSection(lastOver, this.connection) : null,
    );
    void this.canvas.load(() => this.renderLive());
    this.renderLive();
  }

  /** The parts that change every tick: phase, roster, leaderboard, canvas. */
  renderLive(): void {
    const { room } = hostPage();
    if (!room) return;
    if (room.scenario + room.variant !== this.lastScenario && document.querySelector('[data-testid="scenario-select"]')) {
      this.lastScenario = room.scenario + room.variant;
      const select = document.querySelector('[data-testid="scenario-select"]') as HTMLSelectElement;
      if (select.value !== room.scenario) return this.render();
    }
    updateRoundStatus();
    renderRoster(this.connection);
    renderLeaderboard(this.connection);
    this.canvas.show(room);
  }
}
