// The pipeline folded from outcome events alone — what the replay viewer draws at a tick:
// `applyEvent(fold, event) -> fold`. It needs no engine state, so a log file is enough to
// draw any moment of a round.
import type { Emitted } from "../engine/kernel.js";
import type { PacketKind } from "../engine/types.js";

export interface FlyingToken {
  token: number;
  msgId: string;
  kind: PacketKind;
  link: string;
  sentAt: number;
  arrive: number;
}

export interface TeamFold {
  team: number;
  down: Record<string, number>;
  cut: Record<string, number>;
  flying: FlyingToken[];
  /** Messages waiting in the broker, per subscription. */
  queued: Record<string, number>;
  /** Tokens in each consumer's inbox. */
  inbox: Record<string, number>;
  processing: Record<string, string>;
  committed: number;
  applied: number;
  refused: number;
  drops: number;
  redeliveries: number;
  lastEventTick: number;
}

export interface PipelineFold {
  tick: number;
  teams: Map<number, TeamFold>;
}

export function emptyFold(): PipelineFold {
  return { tick: 0, teams: new Map() };
}

function teamFold(fold: PipelineFold, team: number): TeamFold {
  let t = fold.teams.get(team);
  if (!t) {
    t = {
      team,
      down: {},
      cut: {},
      flying: [],
      queued: {},
      inbox: {},
      processing: {},
      committed: 0,
      applied: 0,
      refused: 0,
      drops: 0,
      redeliveries: 0,
      lastEventTick: 0,
    };
    fold.teams.set(team, t);
  }
  return t;
}

const bump = (record: Record<string, number>, key: string, by: number) => {
  record[key] = Math.max(0, (record[key] ?? 0) + by);
};

/** Advances the clock: tokens that have arrived leave the wire. */
export function advanceTo(fold: PipelineFold, tick: number): void {
  fold.tick = tick;
  for (const t of fold.teams.values()) {
    if (t.flying.length && t.flying.some((f) => f.arrive <= tick)) t.flying = t.flying.filter((f) => f.arrive > tick);
    for (const [node, until] of Object.entries(t.down)) if (until <= tick) delete t.down[node];
    for (const [link, until] of Object.entries(t.cut)) if (until <= tick) delete t.cut[link];
  }
}

/** Folds one event into the pipeline (mutating it, for speed) and returns it. */
export function applyEvent(fold: PipelineFold, e: Emitted): PipelineFold {
  if (e.tick !== fold.tick) advanceTo(fold, e.tick);
  const t = teamFold(fold, e.team);
  t.lastEventTick = e.tick;
  switch (e.type) {
    case "committed":
      t.committed++;
      break;
    case "refused":
      t.refused++;
      break;
    case "hop":
      t.flying.push({ token: e.token, msgId: e.msgId, kind: e.kind, link: e.link, sentAt: e.tick, arrive: e.arrive });
      break;
    case "dropped":
      t.drops++;
      t.flying = t.flying.filter((f) => !(f.token === e.token && f.link === e.link));
      break;
    case "enqueued":
      bump(t.queued, e.subscription, 1);
      break;
    case "delivered":
      bump(t.queued, e.subscription, -1);
      break;
    case "requeued":
      t.redeliveries++;
      bump(t.queued, e.subscription, 1);
      break;
    case "removed":
      // A message past its delivery limit, or rejected, leaves as it comes back from a consumer: it was not queued.
      if (e.reason === "expired" || e.reason === "misrouted") bump(t.queued, e.subscription, -1);
      break;
    case "received":
      bump(t.inbox, e.consumer, 1);
      break;
    case "inboxLeft":
      bump(t.inbox, e.consumer, -1);
      break;
    case "discarded":
      if (e.where === "queue" && e.subscription) bump(t.queued, e.subscription, -1);
      if (e.where === "inbox") bump(t.inbox, e.node, -1);
      break;
    case "processStarted":
      t.processing[e.consumer] = e.msgId;
      break;
    case "applied":
      t.applied++;
      break;
    case "skipped":
    case "recorded":
      break;
    case "crashed":
      t.down[e.node] = e.until;
      delete t.processing[e.node];
      break;
    case "restarted":
      delete t.down[e.node];
      break;
    case "linkCut":
      t.cut[e.link] = e.until;
      break;
    case "linkHealed":
      delete t.cut[e.link];
      break;
    case "ackSent":
      break;
    default:
      break;
  }
  if ((e.type === "applied" || e.type === "skipped") && t.processing[e.consumer] === e.msgId) delete t.processing[e.consumer];
  return fold;
}
