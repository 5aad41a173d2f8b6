// Turns the room's state and the focused team's events into what the pipeline canvas draws:
// team models, token flights, and markers for every anomaly where it happens. Whether an
// application is a duplicate, out of order or a lost update is decided by the same rules
// as the checker (shared/checker/effects.ts).
import { ApplicationsTracker } from "../../../shared/checker/effects.js";
import type { DrawnEvent } from "../../../shared/protocol.js";
import type { MarkerLabel } from "../../../shared/replay/sceneModel.js";
import type { RoomStateView } from "../../../shared/view/roomState.js";
import type { Marker, NodeModel, PipelineCanvas, TeamModel, TokenFlight } from "../scene/model.js";

/** Who plays each seat, by team and seat id; a person a bot stands in for is marked. */
export function seatHolders(state: RoomStateView | null): Map<string, { names: string[]; allIdle: boolean }> {
  const holders = new Map<string, { names: string[]; allIdle: boolean }>();
  state?.players?.forEach((p) => {
    if (!p.seat || p.team < 0 || p.spectator) return;
    const key = `${p.team}/${p.seat}`;
    const entry = holders.get(key) ?? { names: [], allIdle: true };
    entry.names.push(p.name);
    entry.allIdle &&= p.idle === "bot";
    holders.set(key, entry);
  });
  return holders;
}

export function teamModels(state: RoomStateView | null): TeamModel[] {
  const teams: TeamModel[] = [];
  const holders = seatHolders(state);
  (state?.teams ?? []).forEach((team, i) => {
    const nodes: NodeModel[] = [];
    team.nodes?.forEach((n, id) => {
      const people = holders.get(`${i}/${id}`);
      nodes.push({ id, role: n.role, up: n.up, load: n.load, busy: n.busy, bot: n.bot || !!people?.allIdle, players: people?.names ?? [] });
    });
    const links: TeamModel["links"] = [];
    team.links?.forEach((l, id) => {
      const [from, to] = id.split(">");
      links.push({ id, from, to, cut: l.cut, flying: l.flying });
    });
    teams.push({
      team: i,
      name: team.name,
      score: team.score,
      committed: team.committed,
      applied: team.applied,
      lost: team.lost,
      duplicated: team.duplicated,
      misordered: team.misordered,
      inconsistent: team.inconsistent,
      raceAnomalies: team.raceAnomalies,
      staleWrites: team.staleWrites,
      nodes,
      links,
    });
  });
  return teams;
}

/** The page's words for a marker, already translated. */
export type MarkerText = (key: MarkerLabel, vars?: Record<string, string | number>) => string;

/**
 * Feeds the projector's canvas, round after round. It remembers the round's applications
 * (to flag a duplicate or an out-of-order effect the moment it happens) and forgets them
 * when a new round starts.
 */
export class SceneFeed {
  private applications = new ApplicationsTracker();
  private round = "";

  push(canvas: PipelineCanvas, events: readonly DrawnEvent[], state: RoomStateView | null, label: MarkerText): void {
    if (state?.gameId && state.gameId !== this.round) {
      this.round = state.gameId;
      this.applications = new ApplicationsTracker();
    }
    const flights: TokenFlight[] = [];
    const marker = (kind: Marker["kind"], at: string, text: string, tick: number) => canvas.addMarker({ kind, at, text, tick });
    for (const e of events) {
      switch (e.type) {
        case "hop":
          flights.push({ token: e.token, msgId: e.msgId, kind: e.kind, link: e.link, sentTick: e.tick, arriveTick: e.arrive });
          break;
        case "dropped":
          canvas.dropFlight(e.token, e.link, e.tick);
          marker("drop", e.link, `${label("dropMarker")} ${e.msgId}`, e.tick);
          break;
        case "applied": {
          const verdict = this.applications.apply(e);
          if (verdict.nth > 1) marker("dup", e.consumer, `${label("dupMarker")} ${e.msgId}`, e.tick);
          else if (verdict.overtakenBy) marker("order", e.consumer, label("orderMarker", { seq: e.seq, otherSeq: verdict.overtakenBy.seq }), e.tick);
          if (verdict.lostUpdate) marker("race", e.consumer, `${label("raceMarker")} ${e.key}`, e.tick);
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
    if (flights.length) canvas.addFlights(flights);
  }
}
