// "Follow this message": every log line of one business event in one team — each token's
// hops, drops, retries, redeliveries and applications — as steps with their ticks, read
// from the index the replay built once (no scan of the log per question).
import { ApplicationsTracker } from "../checker/effects.js";
import type { Emitted } from "../engine/kernel.js";
import type { ReplayIndex } from "./replayIndex.js";

export type StepKind =
  | "committed"
  | "refused"
  | "dbWritten"
  | "outboxCleared"
  | "hop"
  | "retry"
  | "dropped"
  | "accepted"
  | "deduplicated"
  | "enqueued"
  | "persisted"
  | "delivered"
  | "redelivery"
  | "requeued"
  | "received"
  | "checked"
  | "processStarted"
  | "applied"
  | "duplicate"
  | "skipped"
  | "recorded"
  | "ackSent"
  | "acknowledged"
  | "timedOut"
  | "forgotten"
  | "discarded"
  | "removed"
  | "other";

export interface FollowStep {
  /** Index of the event in the log's event list. */
  index: number;
  tick: number;
  kind: StepKind;
  /** Where it happened: a node, or the sending end of a link. */
  node: string | null;
  link: string | null;
  from: string | null;
  to: string | null;
  /** For a hop: when the packet arrives. */
  arrive: number | null;
  /** For a hop or a drop: publish, deliver, confirm, ack, rpc, reply. */
  packet: string | null;
  token: number | null;
  subscription: string | null;
  /** Why, when the event says (a drop's cause, a requeue's, a removal's). */
  reason: string | null;
  /** A step that harms the message: a drop, a discard, a second application, a forgetting. */
  harmful: boolean;
}

export interface FollowResult {
  team: number;
  msgId: string;
  steps: FollowStep[];
  /** Every token id that carried this business event (copies, retries, redeliveries). */
  tokens: number[];
  hops: number;
  drops: number;
  retries: number;
  redeliveries: number;
  applications: number;
}

/** The business events of a team in order of first appearance in the log. */
export function messageIds(index: ReplayIndex, team: number): string[] {
  return [...(index.teams.get(team)?.messages.keys() ?? [])];
}

/** The msgId a typed text names (case and spaces forgiven), or null. */
export function findMessage(index: ReplayIndex, team: number, text: string): string | null {
  const messages = index.teams.get(team)?.messages;
  if (!messages) return null;
  const wanted = text.trim();
  if (messages.has(wanted)) return wanted;
  const lower = wanted.toLowerCase().replace(/\s+/g, "");
  for (const id of messages.keys()) if (id.toLowerCase() === lower) return id;
  return null;
}

function stepOf(e: Emitted, index: number, applications: ApplicationsTracker): FollowStep | null {
  const r = e as Emitted & Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  const link = str(r.link);
  const [from, to] = link ? link.split(">") : [null, null];
  const step: FollowStep = {
    index,
    tick: e.tick,
    kind: "other",
    node: str(r.consumer) ?? str(r.producer) ?? str(r.node) ?? from ?? null,
    link,
    from: from ?? null,
    to: to ?? null,
    arrive: typeof r.arrive === "number" ? r.arrive : null,
    packet: e.type === "hop" || e.type === "dropped" ? e.kind : null,
    token: typeof r.token === "number" ? r.token : null,
    subscription: str(r.subscription),
    reason: str(r.reason),
    harmful: false,
  };
  switch (e.type) {
    case "inboxLeft":
      return null;
    case "hop":
      step.kind = (e.kind === "publish" || e.kind === "rpc") && e.origin === "retry" ? "retry" : "hop";
      if (e.origin === "relay") step.reason = "relay";
      break;
    case "dropped":
      step.kind = "dropped";
      step.harmful = true;
      break;
    case "delivered":
      step.kind = e.redelivered ? "redelivery" : "delivered";
      step.node = "B";
      step.to = e.consumer;
      break;
    case "applied": {
      const again = applications.apply(e).nth > 1;
      step.kind = again ? "duplicate" : "applied";
      step.harmful = again;
      break;
    }
    case "discarded":
    case "forgotten":
      step.kind = e.type;
      step.harmful = true;
      break;
    case "removed":
      step.kind = "removed";
      step.node = "B";
      step.harmful = e.reason === "expired" || e.reason === "maxDeliveries" || e.reason === "rejected";
      break;
    case "accepted":
    case "deduplicated":
    case "enqueued":
    case "persisted":
    case "requeued":
      step.kind = e.type;
      step.node = "B";
      if (e.type === "requeued") step.node = e.consumer;
      break;
    case "committed":
    case "refused":
    case "dbWritten":
    case "outboxCleared":
    case "received":
    case "checked":
    case "processStarted":
    case "skipped":
    case "recorded":
    case "ackSent":
    case "acknowledged":
    case "timedOut":
      step.kind = e.type;
      step.harmful = e.type === "refused";
      break;
  }
  return step;
}

/** The whole journey of `msgId` in `team`, in log order. */
export function followMessage(index: ReplayIndex, team: number, msgId: string): FollowResult {
  const lines = index.teams.get(team)?.messages.get(msgId) ?? [];
  const applications = new ApplicationsTracker();
  const steps: FollowStep[] = [];
  const tokens = new Set<number>();
  for (const i of lines) {
    const step = stepOf(index.events[i], i, applications);
    if (!step) continue;
    steps.push(step);
    if (step.token !== null && (step.kind === "hop" || step.kind === "retry" || step.kind === "enqueued" || step.kind === "dropped")) tokens.add(step.token);
  }
  const count = (...kinds: StepKind[]) => steps.filter((s) => kinds.includes(s.kind)).length;
  return {
    team,
    msgId,
    steps,
    tokens: [...tokens].sort((a, b) => a - b),
    hops: count("hop", "retry"),
    drops: count("dropped"),
    retries: count("retry"),
    redeliveries: count("redelivery"),
    applications: count("applied", "duplicate"),
  };
}
