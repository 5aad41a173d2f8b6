// Turns the room's state and the focused team's events into what the pipeline view draws:
// team models, token flights, and markers for every anomaly where it happens.
import type { Marker, NodeModel, PipelineView, TeamModel, TokenFlight } from "./scene/model.js";

type LabelKey = "lostMarker" | "dupMarker" | "orderMarker" | "raceMarker" | "crashMarker" | "restartMarker" | "dropMarker" | "dedupMarker" | "cutMarker";

export function teamModels(state: any): TeamModel[] {
  const teams: TeamModel[] = [];
  (state?.teams ?? []).forEach((team: any, i: number) => {
    const nodes: NodeModel[] = [];
    team.nodes?.forEach((n: any, id: string) => nodes.push({ id, role: n.role, up: n.up, load: n.load, busy: n.busy, bot: n.bot }));
    const links: TeamModel["links"] = [];
    team.links?.forEach((l: any, id: string) => {
      const [from, to] = id.split(">");
      links.push({ id, from, to, cut: l.cut, flying: l.flying });
    });
    teams.push({ team: i, name: team.name, score: team.score, committed: team.committed, applied: team.applied, lost: team.lost, duplicated: team.duplicated, misordered: team.misordered, inconsistent: team.inconsistent, raceAnomalies: team.raceAnomalies, nodes, links });
  });
  return teams;
}

/** Per-round memory of applications, to flag a duplicate or an out-of-order effect the moment it happens. */
const applications = new Map<string, number>();
const highest = new Map<string, number>();
let round = "";

export function eventsToScene(view: PipelineView, events: any[], state: any, label: (key: LabelKey, vars?: Record<string, string | number>) => string): void {
  if (state?.gameId && state.gameId !== round) {
    round = state.gameId;
    applications.clear();
    highest.clear();
  }
  const flights: TokenFlight[] = [];
  const marker = (kind: Marker["kind"], at: string, text: string, tick: number) => view.addMarker({ kind, at, text, tick });
  for (const e of events) {
    switch (e.type) {
      case "hop":
        flights.push({ token: e.token, msgId: e.msgId, kind: e.kind, link: e.link, sentTick: e.tick, arriveTick: e.arrive });
        break;
      case "dropped":
        view.dropFlight(e.token, e.link, e.tick);
        marker("drop", e.link, `${label("dropMarker")} ${e.msgId}`, e.tick);
        break;
      case "applied": {
        const id = `${e.subscription}|${e.msgId}`;
        const n = (applications.get(id) ?? 0) + 1;
        applications.set(id, n);
        if (n > 1) marker("dup", e.consumer, `${label("dupMarker")} ${e.msgId}`, e.tick);
        else {
          const key = `${e.subscription}|${e.key}`;
          const top = highest.get(key) ?? 0;
          if (e.seq < top) marker("order", e.consumer, label("orderMarker", { seq: e.seq, otherSeq: top }), e.tick);
          else highest.set(key, e.seq);
        }
        if (e.writeVersion !== e.readVersion + 1) marker("race", e.consumer, `${label("raceMarker")} ${e.key}`, e.tick);
        break;
      }
      case "crashed":
        marker("crash", e.node, label("crashMarker"), e.tick);
        break;
      case "restarted":
        marker("restart", e.node, label("restartMarker"), e.tick);
        break;
      case "linkCut":
        marker("cut", e.link, label("cutMarker"), e.tick);
        break;
      case "discarded":
        marker("lost", e.node, `${label("lostMarker")} ${e.msgId}`, e.tick);
        break;
      case "deduplicated":
        marker("dedup", "B", `${label("dedupMarker")} ${e.msgId}`, e.tick);
        break;
    }
  }
  if (flights.length) view.addFlights(flights);
}
