// The pipeline canvas on the projector: Phaser loads once a round is shown, then the canvas
// follows the room's state (clock, overview, focused team, who plays each node) and draws
// the focused team's events as they come. A click on a team in the overview puts it on the
// big screen. Its fonts scale with the screen, not with the canvas, so labels stay readable
// from the back of the room however the page divides the screen.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { markerText, sceneLabels } from "../i18n/sceneWords.js";
import type { CountKind, PipelineCanvas } from "../scene/model.js";
import { TICK_MS } from "../../../shared/engine/config.js";
import type { DrawnEvent } from "../../../shared/protocol.js";
import type { RoomStateView } from "../../../shared/view/roomState.js";
import { SceneFeed, teamModels } from "./sceneFeed.js";

export class ProjectorCanvas {
  /** One holder for the page's whole life: re-renders move it, Phaser keeps its parent. */
  readonly holder = h("div", { id: "scene", class: "scene" });
  private canvas: PipelineCanvas | null = null;
  private loading = false;
  private readonly feed = new SceneFeed();
  private kinds: readonly CountKind[] = [];

  constructor(private readonly connection: Connection) {}

  /** Starts Phaser once the holder is in the page (once); `loaded` runs when it is ready. */
  async load(loaded: () => void): Promise<void> {
    if (this.canvas || this.loading || !this.holder.isConnected) return;
    this.loading = true;
    const { createPipelineCanvas } = await import("../scene/createPipelineCanvas.js");
    const created = await createPipelineCanvas(this.holder, { reference: () => ({ width: innerWidth, height: innerHeight }) });
    created.onTeamClicked((team) => this.connection.host("host:focus", { team }));
    this.canvas = created;
    this.applyLabels();
    if (this.kinds.length) created.setCountKinds(this.kinds);
    loaded();
  }

  applyLabels(): void {
    this.canvas?.setLabels(sceneLabels());
  }

  /** The counts the tiles and the focused team's header show. */
  setCountKinds(kinds: readonly CountKind[]): void {
    this.kinds = kinds;
    this.canvas?.setCountKinds(kinds);
  }

  /** The focused team's events of one tick: flights, drops and markers. */
  draw(events: readonly DrawnEvent[], room: RoomStateView | null): void {
    if (this.canvas) this.feed.push(this.canvas, events, room, markerText);
  }

  show(room: RoomStateView): void {
    if (!this.canvas) return;
    this.canvas.setClock(room.tick, TICK_MS);
    const teams = teamModels(room);
    this.canvas.setOverview(teams);
    this.canvas.setFocused(teams[room.focusedTeam] ?? null);
  }
}
