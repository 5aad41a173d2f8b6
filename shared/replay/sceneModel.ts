// What the pipeline canvas draws at one tick of a replay, in the shapes the projector's scene
// reads (client/src/scene/model.ts): team models from the folded pipeline and the counts,
// and the markers that flag where something happened, precomputed once per log.
import type { Emitted } from "../engine/kernel.js";
import type { ReplayIndex, ReplayState } from "./replayIndex.js";
import { countUpTo, countsAt } from "./replayIndex.js";
import { scoreOf } from "../checker/checker.js";
import { ApplicationsTracker } from "../checker/effects.js";
import type { NodeRole } from "./topology.js";

export interface ReplayNodeModel {
  id: string;
  role: NodeRole;
  up: boolean;
  load: number;
  busy: boolean;
  bot: boolean;
  /** The people who play this node, when the page knows them (the projector does). */
  players?: string[];
}

export interface ReplayLinkModel {
  id: string;
  from: string;
  to: string;
  cut: boolean;
  flying: number;
}

export interface ReplayTeamModel {
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
  /** Lost updates: writes based on a stale read, each erasing another consumer's update. */
  staleWrites: number;
  nodes: ReplayNodeModel[];
  links: ReplayLinkModel[];
}

/** A team as it stood at the state's tick: node status and load, cuts, packets on each link, counts so far. */
export function teamModelAt(index: ReplayIndex, state: ReplayState, team: number): ReplayTeamModel {
  const topology = index.topology.get(team);
  const folded = state.fold.teams.get(team);
  const timeline = index.teams.get(team);
  const counts = countsAt(index, team, state.tick);
  const flyingOn = new Map<string, number>();
  const sending = new Set<string>();
  for (const f of folded?.flying ?? []) {
    flyingOn.set(f.link, (flyingOn.get(f.link) ?? 0) + 1);
    sending.add(f.link.slice(0, f.link.indexOf(">")));
  }
  const nodes: ReplayNodeModel[] = (topology?.nodes ?? []).map((n) => {
    let load = 0;
    let busy = sending.has(n.id);
    if (n.role === "producer") {
      const taken = timeline?.taken[n.id];
      load = Math.max(0, (topology?.stack[n.id] ?? 0) - (taken ? countUpTo(taken, state.tick) : 0));
    } else if (n.role === "broker") {
      for (const q of Object.values(folded?.queued ?? {})) load += q;
    } else {
      load = folded?.inbox[n.id] ?? 0;
      busy = folded ? n.id in folded.processing : false;
    }
    return { id: n.id, role: n.role, up: !(folded && n.id in folded.down), load, busy, bot: n.player === null };
  });
  const links: ReplayLinkModel[] = (topology?.links ?? []).map((l) => ({ ...l, cut: !!folded && l.id in folded.cut, flying: flyingOn.get(l.id) ?? 0 }));
  return {
    team,
    name: String(team + 1),
    score: scoreOf(counts),
    committed: counts.committed,
    applied: counts.applied,
    lost: counts.lost,
    duplicated: counts.duplicated,
    misordered: counts.misordered,
    inconsistent: counts.inconsistent,
    raceAnomalies: counts.raceAnomalies,
    staleWrites: counts.staleWrites,
    nodes,
    links,
  };
}

export type MarkerKind = "lost" | "dup" | "order" | "crash" | "restart" | "cut" | "drop" | "race" | "dedup";
/** Keys of the interface's words (client/src/i18n/sceneWords.ts) the page fills the marker text with. */
export type MarkerLabel =
  "lostMarker" | "dupMarker" | "orderMarker" | "raceMarker" | "crashMarker" | "restartMarker" | "dropMarker" | "dedupMarker" | "cutMarker";

export interface SceneMarker {
  tick: number;
  kind: MarkerKind;
  /** A node id or a link id. */
  at: string;
  label: MarkerLabel;
  /** What follows the label ("P1-12", a key); empty for a node's crash or return. */
  subject: string;
  seq?: number;
  otherSeq?: number;
}

/**
 * Every marker of a round, per team, in tick order: drops, duplicate and out-of-order
 * applications, lost updates, crashes, returns, cuts, discarded and de-duplicated tokens.
 */
export function sceneMarkers(events: readonly Emitted[]): Map<number, SceneMarker[]> {
  const byTeam = new Map<number, SceneMarker[]>();
  const tracker = new ApplicationsTracker();
  for (const e of events) {
    let list = byTeam.get(e.team);
    if (!list) byTeam.set(e.team, (list = []));
    const push = (kind: MarkerKind, at: string, label: MarkerLabel, subject: string, extra: Partial<SceneMarker> = {}) =>
      list.push({ tick: e.tick, kind, at, label, subject, ...extra });
    switch (e.type) {
      case "dropped":
        push("drop", e.link, "dropMarker", e.msgId);
        break;
      case "applied": {
        const verdict = tracker.apply(e);
        if (verdict.nth > 1) push("dup", e.consumer, "dupMarker", e.msgId);
        else if (verdict.overtakenBy) push("order", e.consumer, "orderMarker", e.msgId, { seq: e.seq, otherSeq: verdict.overtakenBy.seq });
        if (verdict.lostUpdate) push("race", e.consumer, "raceMarker", e.key);
        break;
      }
      case "crashed":
        push("crash", e.node, "crashMarker", "");
        break;
      case "restarted":
        push("restart", e.node, "restartMarker", "");
        break;
      case "linkCut":
        push("cut", e.link, "cutMarker", "");
        break;
      case "discarded":
        push("lost", e.node, "lostMarker", e.msgId);
        break;
      case "deduplicated":
        push("dedup", "B", "dedupMarker", e.msgId);
        break;
    }
  }
  return byTeam;
}

/** The markers with `from < tick <= to` (the list is in tick order). */
export function markersBetween(list: readonly SceneMarker[], from: number, to: number): SceneMarker[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].tick <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: SceneMarker[] = [];
  for (let i = lo; i < list.length && list[i].tick <= to; i++) out.push(list[i]);
  return out;
}
