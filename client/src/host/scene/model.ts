// What the projector's pipeline view draws, as plain data the host page fills from the
// room's state and the focused team's events. The Phaser scene only reads these.

export type NodeRole = "producer" | "broker" | "consumer";

export interface NodeModel {
  id: string; // "P1", "B", "C1"…
  role: NodeRole;
  up: boolean;
  /** Broker: queued messages; consumer: inbox size; producer: events still to send. */
  load: number;
  busy: boolean;
  /** Played by a bot (no person in the seat). */
  bot: boolean;
}

export interface LinkModel {
  id: string; // "P1>B": from P1 to B
  from: string;
  to: string;
  cut: boolean;
  /** Packets on the wire right now (used by the overview, where single tokens are not drawn). */
  flying: number;
}

export interface TeamModel {
  team: number;
  name: string;
  score: number;
  committed: number;
  applied: number;
  lost: number;
  duplicated: number;
  misordered: number;
  inconsistent: number;
  raceAnomalies: number;
  nodes: NodeModel[];
  links: LinkModel[];
}

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
}

/** The scene's whole input; the page calls these and nothing else. */
export interface PipelineView {
  /** The room's current tick and tick length, to move tokens with their real latency. */
  setClock(tick: number, tickMs: number): void;
  setFocused(team: TeamModel | null): void;
  setOverview(teams: TeamModel[]): void;
  addFlights(flights: TokenFlight[]): void;
  /** A token dropped on a link (or discarded at a node): it stops there and fades. */
  dropFlight(token: number, link: string, tick: number): void;
  addMarker(marker: Marker): void;
  setLabels(labels: SceneLabels): void;
  /** Emits when the instructor clicks a team in the overview. */
  onTeamClicked(callback: (team: number) => void): void;
  destroy(): void;
}
