// Each team's nodes and links, as the replay draws them: from the header's variant
// configuration when it has one (the same rules the engine builds a team with), completed
// by every node and link the events mention, so a log from another engine version or with
// a partial header still draws whatever it holds.
import type { Emitted } from "../engine/kernel.js";
import { businessEvents, consumerIds, producerIds } from "../engine/team.js";
import { BROKER, type Role } from "../engine/types.js";
import type { LogHeader } from "../sim/round.js";

/** A node's role in the drawing: the engine's own roles. */
export type NodeRole = Role;

export interface NodeInfo {
  id: string;
  role: NodeRole;
  /** The person in this seat, or null when a bot played it. */
  player: string | null;
}

export interface LinkInfo {
  id: string;
  from: string;
  to: string;
}

export interface TeamTopology {
  team: number;
  nodes: NodeInfo[];
  links: LinkInfo[];
  /** Business events each producer starts the round with ("to send" at tick 0). */
  stack: Record<string, number>;
}

export function roleOf(node: string): NodeRole {
  return node === BROKER ? "broker" : node.startsWith("P") ? "producer" : "consumer";
}

const ROLE_ORDER: Record<NodeRole, number> = { producer: 0, broker: 1, consumer: 2 };

/** Lanes left to right: producers, the broker, consumers, each by number. */
export function compareNodes(a: string, b: string): number {
  const ra = ROLE_ORDER[roleOf(a)];
  const rb = ROLE_ORDER[roleOf(b)];
  if (ra !== rb) return ra - rb;
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}

interface Base {
  nodes: string[];
  links: string[];
  stack: Record<string, number>;
}

function fromConfig(header: LogHeader): Base | null {
  try {
    const config = header.config;
    const producers = producerIds(config);
    const consumers = consumerIds(config);
    const direct = config.producer.directRpc === true;
    const nodes = [...producers, ...(direct ? [] : [BROKER]), ...consumers];
    const links: string[] = [];
    for (const p of producers) {
      if (!direct) links.push(`${p}>${BROKER}`, `${BROKER}>${p}`);
      else for (const c of consumers) links.push(`${p}>${c}`, `${c}>${p}`);
    }
    if (!direct) for (const c of consumers) links.push(`${BROKER}>${c}`, `${c}>${BROKER}`);
    const stack: Record<string, number> = {};
    const events = businessEvents(config, header.seed);
    producers.forEach((p, i) => (stack[p] = events[i]?.length ?? 0));
    return { nodes, links, stack };
  } catch {
    return null;
  }
}

/** The topology of every team of the header (and of any team only the events name). */
export function topologyOf(header: LogHeader, events: readonly Emitted[]): Map<number, TeamTopology> {
  const base = fromConfig(header) ?? { nodes: [], links: [], stack: {} };
  const seenLinks = new Map<number, Set<string>>();
  for (const e of events) {
    const link = (e as { link?: unknown }).link;
    if (typeof link !== "string" || !link.includes(">")) continue;
    let set = seenLinks.get(e.team);
    if (!set) seenLinks.set(e.team, (set = new Set()));
    set.add(link);
  }
  const teams = new Set<number>([...header.teams.map((t) => t.team), ...seenLinks.keys()]);
  const result = new Map<number, TeamTopology>();
  for (const team of [...teams].sort((a, b) => a - b)) {
    const info = header.teams.find((t) => t.team === team);
    const nodes = new Set(base.nodes);
    const links = new Set(base.links);
    for (const p of info?.players ?? []) if (typeof p?.seat === "string" && /^(P\d+|B|C\d+)$/.test(p.seat)) nodes.add(p.seat);
    for (const link of seenLinks.get(team) ?? []) {
      links.add(link);
      for (const n of link.split(">")) nodes.add(n);
    }
    const players = new Map((info?.players ?? []).map((p) => [p.seat, p.name ?? null]));
    result.set(team, {
      team,
      nodes: [...nodes].sort(compareNodes).map((id) => ({ id, role: roleOf(id), player: players.get(id) ?? null })),
      links: [...links].map((id) => {
        const [from, to] = id.split(">");
        return { id, from, to };
      }),
      stack: base.stack,
    });
  }
  return result;
}
