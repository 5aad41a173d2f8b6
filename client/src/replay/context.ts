// What the replay page's panels read and call: the loaded rounds, the playhead, the
// choices of the reader, and the page's actions. pageView.ts builds it from the page's
// state (pageState.ts); panels only render it.
import type { Anomaly, AnomalyKind } from "../../../shared/checker/checker.js";
import type { FollowResult, FollowStep } from "../../../shared/replay/follow.js";
import type { ImportProblem, LoadedLog } from "../../../shared/replay/importLog.js";
import type { ReplayIndex, ReplayState } from "../../../shared/replay/replayIndex.js";
import type { SceneMarker } from "../../../shared/replay/sceneModel.js";

export interface LoadedRound {
  index: ReplayIndex;
  log: LoadedLog;
  warnings: ImportProblem[];
  markers: Map<number, SceneMarker[]>;
  name: string;
}

export interface Choices {
  anomalyScope: "all" | "team";
  anomalyKind: AnomalyKind | "all";
  anomalyLimit: number;
  sequenceSource: "message" | "window";
  windowSeconds: number;
}

export interface PageContext extends Choices {
  round: LoadedRound;
  compare: LoadedRound | null;
  state: ReplayState;
  team: number;
  playing: boolean;
  speed: number;
  followed: FollowResult | null;
  followText: string;
  followError: string;
  /** The anomaly last jumped to, highlighted in the list. */
  jumped: Anomaly | null;
  seekTo(tick: number, step?: FollowStep): void;
  step(delta: number): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setTeam(team: number): void;
  jump(anomaly: Anomaly): void;
  nearestAnomaly(direction: 1 | -1): void;
  follow(team: number, text: string): void;
  stopFollowing(): void;
  choose(patch: Partial<Choices>): void;
  openCompare(file: File): void;
  swapCompare(): void;
  closeCompare(): void;
  exportLog(): void;
  exportCsv(): void;
}

/** A card of the page: rebuilt by a full render, told when the playhead moves. */
export interface Panel {
  element: HTMLElement;
  /** Called whenever the playhead moves. */
  update?(ctx: PageContext): void;
}

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
export const WINDOW_SECONDS = [5, 10, 30, 60] as const;
