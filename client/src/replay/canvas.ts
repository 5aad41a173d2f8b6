// The pipeline canvas in the replay viewer: Phaser loads once a round is open (or says it
// cannot start, and the rest of the page works without it); a scene driver then draws the
// playhead, the team shown large and the followed message's steps.
import type { FollowStep } from "../../../shared/replay/follow.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import { markerText, sceneLabels } from "../i18n/sceneWords.js";
import type { Marker, PipelineCanvas } from "../scene/model.js";
import type { LoadedRound } from "./context.js";
import { replayPage } from "./pageState.js";
import { SceneDriver, type MarkerWords } from "./sceneDriver.js";

const markerWords: MarkerWords = {
  marker: (m) =>
    m.label === "orderMarker"
      ? markerText("orderMarker", { seq: m.seq ?? "", otherSeq: m.otherSeq ?? "" })
      : `${markerText(m.label)}${m.subject ? ` ${m.subject}` : ""}`,
  // Drops, discards, second applications and de-duplications already have the scene's own markers.
  step: (step) => {
    const msgId = replayPage().followed?.msgId ?? "";
    const at = step.link ?? step.node ?? "B";
    const label = (kind: Marker["kind"], word: string, where = at) => ({ kind, at: where, text: `${msgId} · ${word}` });
    switch (step.kind) {
      case "committed":
        return label("dedup", t("mark_committed"), step.node ?? at);
      case "retry":
        return label("restart", t("replayRetry"));
      case "redelivery":
        return label("restart", t("mark_redelivery"), step.to ?? at);
      case "requeued":
        return label("restart", t("mark_requeued"), "B");
      case "applied":
        return label("dedup", t("mark_applied"));
      case "forgotten":
        return label("lost", t("mark_forgotten"));
      case "timedOut":
        return label("race", t("mark_timedOut"));
      default:
        return null;
    }
  },
};

/** The followed message's steps when it belongs to the team shown large. */
function followedSteps(): FollowStep[] | null {
  const { followed, team } = replayPage();
  return followed && followed.team === team ? followed.steps : null;
}

class ReplayCanvas {
  /** One holder for the page's whole life: re-renders move it, Phaser keeps its parent. */
  readonly holder = h("div", { id: "scene", class: "scene" });
  private canvas: PipelineCanvas | null = null;
  private driver: SceneDriver | null = null;
  private requested = false;

  /** Starts Phaser once a round is open (once); a click on a team in the overview calls `teamClicked`. */
  async load(teamClicked: (team: number) => void): Promise<void> {
    if (this.requested || !replayPage().round) return;
    this.requested = true;
    let created: PipelineCanvas;
    try {
      const { createPipelineCanvas } = await import("../scene/createPipelineCanvas.js");
      created = await createPipelineCanvas(this.holder);
    } catch {
      replace(this.holder, h("p", { class: "scene-failed muted" }, t("replaySceneFailed")));
      return;
    }
    created.onTeamClicked(teamClicked);
    this.canvas = created;
    this.applyLabels();
    const { round } = replayPage();
    if (round) this.driver = new SceneDriver(created, round.index, round.markers, markerWords);
  }

  /** A new round to draw (the canvas is kept; its driver is replaced). */
  open(round: LoadedRound): void {
    this.driver = this.canvas ? new SceneDriver(this.canvas, round.index, round.markers, markerWords) : null;
  }

  applyLabels(): void {
    this.canvas?.setLabels(sceneLabels());
    this.driver?.invalidate();
  }

  /** Forgets what is drawn: the next frame redraws from the playhead. */
  invalidate(): void {
    this.driver?.invalidate();
  }

  /** Draws the playhead now; `step`, a followed step just sought to, gets its flag. */
  drawPlayhead(step?: FollowStep): void {
    const { playhead, team } = replayPage();
    if (!this.driver || !this.canvas || !playhead) return;
    // A redraw flags the followed steps of this tick itself; the same tick again needs the flag added.
    const drew = this.driver.show(playhead, team, followedSteps());
    if (step && !drew) this.driver.addStep(step);
  }

  /** Each animation frame: the playhead, and the clock tokens move by (faster when played faster). */
  frame(): void {
    const { round, playhead, team, playing, carry, speed } = replayPage();
    if (!this.driver || !this.canvas || !round || !playhead) return;
    const tickMs = round.index.tickMs;
    this.driver.show(playhead, team, followedSteps());
    this.canvas.setClock(playhead.tick + (playing ? carry : 0), playing ? tickMs / speed : tickMs);
  }
}

export const canvas = new ReplayCanvas();
