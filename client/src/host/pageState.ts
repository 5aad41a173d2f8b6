// What the projector page knows, in one place: the room it hosts, the catalogue, the room's
// latest state, the last round's results and the room's earlier rounds, lesson mode's live
// results and summary, the connection's status, the last refusal, and what the instructor
// chose on this page. Every change goes through `update`, which tells the subscribers which
// fields it set; the view decides what to redraw.
import type { Status } from "../connection.js";
import type { DesignBots, HistoryEntry, HostRoundOver, LessonResults, LessonSummary } from "../../../shared/protocol.js";
import type { CatalogueScenario } from "../../../shared/scenarios/catalogue.js";
import type { RoomStateView } from "../../../shared/view/roomState.js";
import type { TourState } from "./brokerTour.js";

export interface HostPage {
  /** The hosted room's code, "" on the landing page. */
  roomCode: string;
  /** What proves to the server that this browser hosts the room. */
  hostToken: string;
  /** Where phones join, as the room announced it; "" until its welcome. */
  joinUrl: string;
  catalogue: CatalogueScenario[];
  /** The room's synchronised state; null until the first patch. */
  room: RoomStateView | null;
  /** performance.now() when the room's tick last changed: the timer runs on from there. */
  tickSeenAt: number;
  /** The last round's results, shown as the debrief. */
  lastOver: HostRoundOver | null;
  /** The debrief fills the screen (after a round ends, until the instructor goes back to the room). */
  debriefOpen: boolean;
  /** The room's rounds so far, oldest first. */
  history: HistoryEntry[];
  lessonResults: LessonResults | null;
  lessonSummary: LessonSummary | null;
  status: Status;
  /** The room's last refusal of one of the instructor's commands, in words ("" when none lately). */
  refusal: string;
  /**
   * The topic and variant just sent to the room and not yet in its state: the pickers show
   * them meanwhile, so a variant picked right after a topic belongs to that topic.
   */
  choice: { scenario: string; variant: string } | null;
  /** The seed and round length typed for the next rounds ("" for the defaults). */
  seed: string;
  seconds: string;
  /** The broker profile the instructor picked ("" for each variant's own); sent with every variant that runs on it. */
  profile: string;
  /** Topic 2.6's tour of the brokers, open over the room (null: closed). */
  tour: TourState | null;
  /** A design round: the design phase's length typed here ("" for the default) and who designs the empty ends. */
  designSeconds: string;
  designBots: DesignBots;
  /** The roster shows a team picker beside each name. */
  moving: boolean;
}

export type HostPageField = keyof HostPage;
type Listener = (set: ReadonlySet<HostPageField>) => void;

const page: HostPage = {
  roomCode: "",
  hostToken: "",
  joinUrl: "",
  catalogue: [],
  room: null,
  tickSeenAt: 0,
  lastOver: null,
  debriefOpen: false,
  history: [],
  lessonResults: null,
  lessonSummary: null,
  status: "connecting",
  refusal: "",
  choice: null,
  seed: "",
  seconds: "",
  profile: "",
  tour: null,
  designSeconds: "",
  designBots: "naive",
  moving: false,
};
const listeners = new Set<Listener>();

/** The page's state, to read; change it with `update`. */
export function hostPage(): Readonly<HostPage> {
  return page;
}

/** Sets the fields of `patch` and tells every subscriber which ones (even if a value is unchanged). */
export function update(patch: Partial<HostPage>): void {
  Object.assign(page, patch);
  const set = new Set(Object.keys(patch) as HostPageField[]);
  for (const listener of listeners) listener(set);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The catalogue's entry for a scenario id, or its first entry when the id is unknown. */
export function scenarioOf(id: string): CatalogueScenario | undefined {
  return page.catalogue.find((s) => s.id === id) ?? page.catalogue[0];
}
