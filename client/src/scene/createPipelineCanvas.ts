// The pipeline canvas of the projector and the replay viewer: a Phaser 4 game in `parent`,
// driven through PipelineCanvas. Pages import this module dynamically, so Phaser (~1.4 MB)
// stays off their first load. With a GPU it draws with WebGL; where WebGL would run on the
// CPU (SwiftShader, llvmpipe) or not at all, with Phaser's 2D-canvas renderer: a software
// WebGL frame is rasterised in the GPU process and then read back whole into the page's
// compositor, which costs the main thread more than the 2D canvas drawing the same frame
// (docs/performance.md#projector-and-replay).

import Phaser from "phaser";
import type { ScaleReference } from "./layout.js";
import type { CountKind, Marker, PipelineCanvas, SceneLabels, TeamModel, TokenFlight } from "./model.js";
import { colours } from "./palette.js";
import { PipelineScene } from "./PipelineScene.js";
import { detectRenderProfile, profileFor, rendererFor, type RendererChoice } from "./renderProfile.js";

export interface PipelineCanvasOptions {
  /**
   * A fixed design size, scaled to fit the parent (letterboxed). Without it the canvas
   * follows the parent's size and the layout is recomputed on every resize.
   */
  width?: number;
  height?: number;
  /** The size fonts and radii scale by, read at each layout (the canvas's own when absent): the projector passes its screen. */
  reference?: () => ScaleReference;
  /** "auto" (the default): WebGL on a GPU, the 2D canvas on a software renderer or without WebGL. */
  renderer?: RendererChoice;
}

export async function createPipelineCanvas(parent: HTMLElement, options: PipelineCanvasOptions = {}): Promise<PipelineCanvas> {
  const detected = detectRenderProfile();
  const renderer = rendererFor(options.renderer, detected?.software);
  if (renderer === "webgl" && !detected) throw new Error("WebGL was asked for, and this browser has none");
  const profile = detected ?? profileFor(true);
  const scene = new PipelineScene(options.reference);
  const fixed = options.width !== undefined && options.height !== undefined;
  const game = new Phaser.Game({
    type: renderer === "webgl" ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    backgroundColor: colours.background,
    banner: false,
    audio: { noAudio: true },
    disableContextMenu: true,
    input: { keyboard: false, gamepad: false },
    render: {
      antialias: profile.antialias,
      antialiasGL: profile.antialiasGL,
      maxTextures: profile.maxTextures,
      roundPixels: true,
      powerPreference: "high-performance",
    },
    scale: fixed
      ? {
          mode: Phaser.Scale.FIT,
          autoCenter: Phaser.Scale.CENTER_BOTH,
          width: options.width,
          height: options.height,
          expandParent: false,
        }
      : { mode: Phaser.Scale.RESIZE, width: "100%", height: "100%", expandParent: false },
    scene,
  });
  await scene.ready;

  let destroyed = false;
  const live =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      if (!destroyed) fn(...args);
    };
  return {
    setClock: live((tick: number, tickMs: number) => scene.setClock(tick, tickMs)),
    setFocused: live((team: TeamModel | null) => scene.setFocused(team)),
    reset: live(() => scene.reset()),
    setOverview: live((teams: TeamModel[]) => scene.setOverview(teams)),
    addFlights: live((flights: TokenFlight[]) => scene.addFlights(flights)),
    dropFlight: live((token: number, link: string, tick: number) => scene.dropFlight(token, link, tick)),
    addMarker: live((marker: Marker) => scene.addMarker(marker)),
    setLabels: live((labels: SceneLabels) => scene.setLabels(labels)),
    setCountKinds: live((kinds: readonly CountKind[]) => scene.setCountKinds(kinds)),
    onTeamClicked: live((callback: (team: number) => void) => scene.onTeamClicked(callback)),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      game.destroy(true);
    },
  };
}
