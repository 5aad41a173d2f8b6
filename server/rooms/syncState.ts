// Engine state -> schema state, one way, once a tick. Only values that changed are written,
// so a quiet team costs no bytes on the wire.
import { ArraySchema, MapSchema, StateView } from "@colyseus/schema";
import type { Counts } from "../../shared/checker/checker.js";
import { scoreOf } from "../../shared/checker/checker.js";
import type { TeamState as EngineTeam } from "../../shared/engine/types.js";
import { BROKER } from "../../shared/engine/types.js";
import { ClassState, LinkState, NodeState, TeamState } from "./schema.js";

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

/** Builds the schema teams of a new round: one per engine team, with its nodes and links. */
export function buildTeams(state: ClassState, teams: EngineTeam[], names: string[], humanSeats: Set<string>[]): void {
  const list = new ArraySchema<TeamState>();
  teams.forEach((s, t) => {
    const team = new TeamState();
    team.name = names[t] ?? `${t + 1}`;
    const nodes = new MapSchema<NodeState>();
    for (const p of s.producers) nodes.set(p.id, Object.assign(new NodeState(), { role: "producer", bot: !humanSeats[t].has(p.id) }));
    if (!s.config.producer.directRpc) nodes.set(BROKER, Object.assign(new NodeState(), { role: "broker", bot: !humanSeats[t].has(BROKER) }));
    for (const c of s.consumers) nodes.set(c.id, Object.assign(new NodeState(), { role: "consumer", bot: !humanSeats[t].has(c.id) }));
    const links = new MapSchema<LinkState>();
    for (const id of s.links.keys()) links.set(id, new LinkState());
    team.nodes = nodes;
    team.links = links;
    list.push(team);
  });
  state.teams = list;
}

/**
 * The board's counts: live ones during play (lost and inconsistent: only what is certain;
 * `pending`: what the drain will settle), the checker's after it. `score`: the round's own
 * score when it has one (a design round's), the counts' otherwise.
 */
export function syncCounts(team: TeamState, counts: Counts, pending = 0, score = scoreOf(counts)): void {
  set(team, "committed", Math.min(65535, counts.committed));
  set(team, "applied", Math.min(65535, counts.applied));
  set(team, "lost", Math.min(65535, counts.lost));
  set(team, "duplicated", Math.min(65535, counts.duplicated));
  set(team, "misordered", Math.min(65535, counts.misordered));
  set(team, "inconsistent", Math.min(65535, counts.inconsistent));
  set(team, "raceAnomalies", Math.min(65535, counts.raceAnomalies));
  set(team, "wrongFinalState", Math.min(65535, counts.wrongFinalState));
  set(team, "refused", Math.min(65535, counts.refused));
  set(team, "pending", Math.min(65535, pending));
  set(team, "staleWrites", Math.min(65535, counts.staleWrites));
  set(team, "conflicts", Math.min(65535, counts.conflicts));
  set(team, "parked", Math.min(65535, counts.parked));
  set(team, "score", score);
}

/** Node status and load, link cuts and packets in flight. */
export function syncPipeline(team: TeamState, s: EngineTeam, humanSeats: Set<string>): void {
  for (const p of s.producers) {
    const node = team.nodes.get(p.id);
    if (!node) continue;
    set(node, "up", p.up);
    set(node, "load", Math.min(65535, p.stack.length));
    set(node, "busy", p.inFlight > 0);
    set(node, "bot", !humanSeats.has(p.id));
  }
  const broker = team.nodes.get(BROKER);
  if (broker) {
    let queued = s.broker.intake.length;
    for (const sub of s.broker.subscriptions) for (const q of sub.partitions) queued += q.length;
    set(broker, "up", s.broker.up);
    set(broker, "load", Math.min(65535, queued));
    set(broker, "busy", s.broker.unacked.size > 0);
    set(broker, "bot", !humanSeats.has(BROKER));
  }
  for (const c of s.consumers) {
    const node = team.nodes.get(c.id);
    if (!node) continue;
    set(node, "up", c.up);
    set(node, "load", Math.min(65535, c.inbox.length));
    set(node, "busy", c.processing !== null);
    set(node, "bot", !humanSeats.has(c.id));
  }
  for (const [id, link] of s.links) {
    const view = team.links.get(id);
    if (!view) continue;
    set(view, "cut", s.tick < link.cutUntil);
  }
}

/** Packets on the wire per link, counted from the agenda of pending arrivals. */
export function syncFlying(team: TeamState, s: EngineTeam): void {
  const counts = new Map<string, number>();
  for (const bucket of s.agenda.values()) for (const item of bucket) if (item.kind === "arrive") counts.set(item.link, (counts.get(item.link) ?? 0) + 1);
  for (const [id, view] of team.links) set(view, "flying", Math.min(65535, counts.get(id) ?? 0));
}

/**
 * The view one team's phones share: the team's players only. A team's pipeline (its nodes
 * and links, which change several times a second) is the projector's to draw; a phone
 * draws its seat from its seat message, so the pipeline in its view bought it a patch
 * almost every tick and nothing to show.
 */
export function teamStateView(): StateView {
  return new StateView();
}
