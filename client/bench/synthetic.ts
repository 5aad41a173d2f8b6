// Synthetic teams, flights and markers for the pipeline canvas's benchmark page. Seeded, so
// two runs (and two screenshots) show the same thing.

import type { LinkModel, Marker, NodeModel, TeamModel, TokenFlight } from "../src/scene/model.js";

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAM_NAMES = [
  "Blue Whales",
  "Red Foxes",
  "Night Owls",
  "Green Geckos",
  "Gold Bees",
  "Iron Crabs",
  "Sky Larks",
  "Sea Otters",
  "Fire Ants",
  "Snow Hares",
  "Rock Doves",
  "Swift Eels",
  "Wild Yaks",
  "Jade Frogs",
];

export function teamName(team: number): string {
  return TEAM_NAMES[(team - 1) % TEAM_NAMES.length]! + (team > TEAM_NAMES.length ? ` ${Math.ceil(team / TEAM_NAMES.length)}` : "");
}

/** 2 producers, a broker, 3 consumers and a link each way between broker and each end. */
export function makeTeam(team: number, random: () => number): TeamModel {
  const nodes: NodeModel[] = [
    { id: "P1", role: "producer", up: true, load: 12, busy: false, bot: false },
    { id: "P2", role: "producer", up: true, load: 9, busy: false, bot: true },
    { id: "B", role: "broker", up: true, load: 7, busy: true, bot: true },
    { id: "C1", role: "consumer", up: true, load: 3, busy: true, bot: false },
    { id: "C2", role: "consumer", up: true, load: 2, busy: false, bot: true },
    { id: "C3", role: "consumer", up: true, load: 0, busy: false, bot: false },
  ];
  const links: LinkModel[] = [];
  for (const end of ["P1", "P2"]) {
    links.push(link(end, "B"), link("B", end));
  }
  for (const end of ["C1", "C2", "C3"]) {
    links.push(link("B", end), link(end, "B"));
  }
  const model: TeamModel = {
    team,
    name: teamName(team),
    score: Math.floor(random() * 400),
    committed: 0,
    applied: 0,
    lost: random() < 0.3 ? Math.floor(random() * 5) : 0,
    duplicated: random() < 0.3 ? Math.floor(random() * 4) : 0,
    misordered: random() < 0.2 ? Math.floor(random() * 3) : 0,
    inconsistent: 0,
    raceAnomalies: 0,
    staleWrites: 0,
    nodes,
    links,
  };
  if (random() < 0.2) nodes[3 + Math.floor(random() * 3)]!.up = false;
  if (random() < 0.15) links[Math.floor(random() * links.length)]!.cut = true;
  return model;
}

/** Direct RPC (Topic 1, naive): no broker, each producer calls each consumer. */
export function makeRpcTeam(team: number, random: () => number): TeamModel {
  const model = makeTeam(team, random);
  model.nodes = model.nodes.filter((node) => node.role !== "broker");
  model.links = [];
  for (const producer of ["P1", "P2"]) {
    for (const consumer of ["C1", "C2", "C3"]) model.links.push(link(producer, consumer), link(consumer, producer));
  }
  return model;
}

function link(from: string, to: string): LinkModel {
  return { id: `${from}>${to}`, from, to, cut: false, flying: 0 };
}

/** The kind of packet a link carries: messages away from producers, ACKs back. */
export function kindOf(linkId: string): string {
  const [from, to] = linkId.split(">") as [string, string];
  if (from.startsWith("P") && to.startsWith("C")) return "rpc";
  if (from.startsWith("C") && to.startsWith("P")) return "reply";
  if (from.startsWith("P")) return "publish";
  if (to.startsWith("P")) return "confirm";
  if (to.startsWith("C")) return "deliver";
  return "ack";
}

/** Links a token can fly on: not cut, and neither end down. */
export function liveLinks(team: TeamModel): string[] {
  const down = new Set(team.nodes.filter((n) => !n.up).map((n) => n.id));
  return team.links.filter((l) => !l.cut && !down.has(l.from) && !down.has(l.to)).map((l) => l.id);
}

export class FlightSource {
  private nextToken = 1;
  private readonly inFlight: TokenFlight[] = [];

  constructor(
    private readonly random: () => number,
    private readonly links: readonly string[],
    private readonly target: number,
  ) {}

  get count(): number {
    return this.inFlight.length;
  }

  /**
   * Retires the flights that arrived by `tick` and adds enough new ones to keep `target`
   * in the air. The first fill is spread along the links, as if it had been running.
   */
  refill(tick: number, spread: boolean): TokenFlight[] {
    for (let i = this.inFlight.length - 1; i >= 0; i--) {
      if (this.inFlight[i]!.arriveTick <= tick) {
        this.inFlight[i] = this.inFlight[this.inFlight.length - 1]!;
        this.inFlight.pop();
      }
    }
    const added: TokenFlight[] = [];
    if (this.links.length === 0) return added;
    while (this.inFlight.length < this.target) {
      const linkId = this.links[Math.floor(this.random() * this.links.length)]!;
      const latency = 8 + Math.floor(this.random() * 22);
      const sentTick = spread ? tick - Math.floor(this.random() * latency) : tick;
      const flight: TokenFlight = {
        token: this.nextToken++,
        msgId: `P1-${this.nextToken}`,
        kind: kindOf(linkId),
        link: linkId,
        sentTick,
        arriveTick: sentTick + latency,
      };
      this.inFlight.push(flight);
      added.push(flight);
    }
    return added;
  }

  /** A token in the air, to drop. */
  pick(): TokenFlight | undefined {
    return this.inFlight[Math.floor(this.random() * this.inFlight.length)];
  }

  forget(token: number): void {
    const index = this.inFlight.findIndex((f) => f.token === token);
    if (index >= 0) this.inFlight.splice(index, 1);
  }
}

const MARKER_SAMPLES: Omit<Marker, "tick">[] = [
  { kind: "lost", at: "B>C1", text: "LOST P1-12" },
  { kind: "dup", at: "C1", text: "DUP P2-7" },
  { kind: "order", at: "C2", text: "#3 before #2" },
  { kind: "crash", at: "C3", text: "CRASHED" },
  { kind: "restart", at: "P2", text: "RESTARTED" },
  { kind: "dedup", at: "C1", text: "dedup P1-4" },
  { kind: "drop", at: "P1>B", text: "DROPPED P1-9" },
  { kind: "race", at: "C2", text: "lost update" },
  { kind: "cut", at: "B>C2", text: "CUT 10 s" },
];

export function markerSample(index: number, tick: number): Marker {
  return { ...MARKER_SAMPLES[index % MARKER_SAMPLES.length]!, tick };
}
