// What the replay page holds, in one place: the loaded round (and the one compared with it),
// the playhead, what the reader follows and has chosen, and what the landing shows. Every
// change goes through `update`, which may ask for a redraw; main.ts subscribes the page view.
import type { Anomaly } from "../../../shared/checker/checker.js";
import type { FollowResult } from "../../../shared/replay/follow.js";
import type { ImportProblem } from "../../../shared/replay/importLog.js";
import type { ReplayState } from "../../../shared/replay/replayIndex.js";
import type { Choices, LoadedRound } from "./context.js";

export interface PastGame {
  gameId: string;
  /** When and in which room it was played. */
  when: string;
  scenario: string;
  variant: string;
}

export interface ReplayPage {
  round: LoadedRound | null;
  /** A second round shown beside the first (naive beside fixed). */
  compare: LoadedRound | null;
  /** The pipeline at the playhead's tick. */
  playhead: ReplayState | null;
  /** The team drawn large. */
  team: number;
  playing: boolean;
  speed: number;
  /** While playing, how far the clock has run past the playhead, in ticks (less than one). */
  carry: number;
  followed: FollowResult | null;
  /** What the follow box holds, and why it found nothing. */
  followText: string;
  followError: string;
  /** The anomaly last jumped to, highlighted in the list. */
  jumped: Anomaly | null;
  choices: Choices;
  /** Why the last file could not be opened. */
  problems: ImportProblem[];
  /** A game asked for by ?game= that this browser holds no host key for. */
  noAccess: string | null;
  /** What is being read or fetched, in words; "" when idle. */
  busy: string;
  /** The games of the rooms this browser hosted, for the landing; null until listed. */
  pastGames: PastGame[] | null;
}

/** What to redraw: the whole page, what follows the playhead, or only the status line. */
export type Redraw = "page" | "playhead" | "status";

const page: ReplayPage = {
  round: null,
  compare: null,
  playhead: null,
  team: 0,
  playing: false,
  speed: 1,
  carry: 0,
  followed: null,
  followText: "",
  followError: "",
  jumped: null,
  choices: { anomalyScope: "all", anomalyKind: "all", anomalyLimit: 200, sequenceSource: "window", windowSeconds: 10 },
  problems: [],
  noAccess: null,
  busy: "",
  pastGames: null,
};
const listeners = new Set<(what: Redraw) => void>();

/** The page's state, to read; change it with `update`. */
export function replayPage(): Readonly<ReplayPage> {
  return page;
}

/** Sets the fields of `patch`, then asks for `what` to be redrawn (nothing when omitted). */
export function update(patch: Partial<ReplayPage>, what?: Redraw): void {
  Object.assign(page, patch);
  if (what) redraw(what);
}

export function redraw(what: Redraw): void {
  for (const listener of listeners) listener(what);
}

export function subscribe(listener: (what: Redraw) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
