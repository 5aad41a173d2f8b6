// What the projector page knows, in one place: the room it hosts, the catalogue, the room's
// latest state, the last round's results and the last refusal. Every change goes through
// `update`, which tells the subscribers which fields it set; the views decide what to redraw.
import type { HostRoundOver } from "../../../shared/protocol.js";
import type { CatalogueScenario } from "../../../shared/scenarios/catalogue.js";
import type { RoomStateView } from "../../../shared/view/roomState.js";

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
  /** The last round's results, shown as the debrief. */
  lastOver: HostRoundOver | null;
  /** The room's last refusal of one of the instructor's commands, in words. */
  refusal: string;
}

export type HostPageField = keyof HostPage;
type Listener = (set: ReadonlySet<HostPageField>) => void;

const page: HostPage = { roomCode: "", hostToken: "", joinUrl: "", catalogue: [], room: null, lastOver: null, refusal: "" };
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
