// What the pipeline canvas draws, as plain data: the projector fills it from the room's
// state and the focused team's events, the replay viewer from a log. The Phaser scene only
// reads these.

// The pipeline's data shapes are defined once in shared/ (the replay viewer folds logs
// into them, the projector fills them from the room's state); the scene draws them.
import type { ReplayLinkModel, ReplayNodeModel, ReplayTeamModel } from "../../../shared/replay/sceneModel.js";
import type { NodeRole } from "../../../shared/replay/topology.js";
import type { CountKind } from "./palette.js";
export type { CountKind, NodeRole };

/** A node: role, up or down, its load (broker: queued; consumer: inbox; producer: events to send), busy, played by a bot, and the names of the people who play it. */
export type NodeModel = ReplayNodeModel;
/** A link "P1>B": cut or not, packets on the wire (drawn as dots in the overview). */
export type LinkModel = ReplayLinkModel;
export type TeamModel = ReplayTeamModel;

/** One token moving on a link of the focused team, from the `hop` event. */
export interface TokenFlight {
  token: number;
  msgId: string;
  /** publish | confirm | deliver | ack | rpc | reply */
  kind: string;
  link: string;
  sentTick: number;
  arriveTick: number;
}

/** Something to flag where it happens, on the focused team's canvas. */
export interface Marker {
  kind: "lost" | "dup" | "order" | "crash" | "restart" | "cut" | "drop" | "race" | "dedup";
  /** A node id or a link id. */
  at: string;
  /** Already translated, e.g. "DUP P1-12", "#3 before #2", "CAIU". */
  text: string;
  tick: number;
}

/** Strings the scene shows, already translated by the page. */
export interface SceneLabels {
  roles: Record<NodeRole, string>;
  bot: string;
  down: string;
  queued: string;
  inbox: string;
  toSend: string;
  team: string;
  score: string;
  /** The legend's word for each token kind (publish, deliver, confirm…). */
  tokens: Record<string, string>;
}

/** The scene's whole input; the page calls these and nothing else. */
export interface PipelineCanvas {
  /** The room's current tick and tick length, to move tokens with their real latency. */
  setClock(tick: number, tickMs: number): void;
  setFocused(team: TeamModel | null): void;
  /** Forgets the tokens in flight and the markers on screen (a jump in time), keeping the focused team's drawing; the next frame shows every team's new state at once. */
  reset(): void;
  setOverview(teams: TeamModel[]): void;
  addFlights(flights: TokenFlight[]): void;
  /** A token dropped on a link (or discarded at a node): it stops there and fades. */
  dropFlight(token: number, link: string, tick: number): void;
  addMarker(marker: Marker): void;
  setLabels(labels: SceneLabels): void;
  /** The counts the tiles and the focused team's header show (lost, duplicated, out of order by default). */
  setCountKinds(kinds: readonly CountKind[]): void;
  /** Emits when the instructor clicks a team in the overview. */
  onTeamClicked(callback: (team: number) => void): void;
  destroy(): void;
}
