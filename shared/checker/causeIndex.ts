// The log of one team, indexed for explaining anomalies: each business event's events in
// order, every event's position, publish and copy tokens, crashes, and the copies model
// (copies.ts) folded over the whole log; and the small walks the explanations share.
import { teamConfig } from "../design/teamConfig.js";
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";
import type { ChainStep } from "./causes.js";
import { copyFacts, CopyTracker, type CopyFacts } from "./copies.js";
import { versionKey, type Applied } from "./effects.js";

export interface CauseFacts {
  copies: CopyFacts;
  /** The consumer may hold a token for its predecessor (so processing one early is its choice). */
  allowHold: boolean;
  /** The consumer holds early tokens by itself (a resequencer): an early one goes on only when its hold gives up or the buffer is full. */
  autoHold: boolean;
}

export function causeFacts(header: LogHeader, team: number): CauseFacts {
  const c = teamConfig(header, team);
  return {
    copies: copyFacts(header, team),
    allowHold: c?.consumer?.allowHold === true,
    autoHold: c?.consumer?.autoHold === true,
  };
}

/** Without the header: a producer that may retry and a durable broker (the safest reading). */
const NO_FACTS: CauseFacts = {
  copies: {
    subscriptions: [],
    retries: true,
    manualBroker: false,
    confirms: true,
    exchange: null,
    dualWrite: false,
    durable: true,
    ack: "afterProcessing",
    external: null,
    selfSubscription: null,
  },
  allowHold: false,
  autoHold: false,
};

export interface TeamIndex {
  facts: CauseFacts;
  byMsg: Map<string, Emitted[]>;
  /** Each event's position in the team's log: orders events of the same tick. */
  at: Map<Emitted, number>;
  /** Broker copy token -> the publish token it was made from. */
  parentOf: Map<number, number>;
  /** Publish token -> how the producer sent it (send, retry, relay). */
  originOf: Map<number, string>;
  /** Publish token -> its first hop (or drop) and its acceptance. */
  sentAt: Map<number, Emitted>;
  acceptedAt: Map<number, Emitted>;
  /** "sub|key|version" -> the application that wrote that version. */
  writes: Map<string, Applied>;
  crashes: Extract<Emitted, { type: "crashed" }>[];
  /** Consumers' connections broken by a lost packet (they name no message). */
  connectionLosses: Extract<Emitted, { type: "connectionLost" }>[];
  /** A resequencer let an early token go on: its hold gave up, or its buffer was full. */
  holdLapses: Extract<Emitted, { type: "holdGaveUp" | "holdFull" }>[];
  copies: CopyTracker;
  drainEnded: Extract<Emitted, { type: "drainEnded" }> | null;
}

export function indexTeam(events: readonly Emitted[], facts: CauseFacts = NO_FACTS): TeamIndex {
  const index: TeamIndex = {
    facts,
    byMsg: new Map(),
    at: new Map(),
    parentOf: new Map(),
    originOf: new Map(),
    sentAt: new Map(),
    acceptedAt: new Map(),
    writes: new Map(),
    crashes: [],
    connectionLosses: [],
    holdLapses: [],
    copies: new CopyTracker(facts.copies),
    drainEnded: null,
  };
  events.forEach((e, i) => {
    index.at.set(e, i);
    index.copies.add(e);
    if (e.type === "crashed") index.crashes.push(e);
    if (e.type === "connectionLost") index.connectionLosses.push(e);
    if (e.type === "holdGaveUp" || e.type === "holdFull") index.holdLapses.push(e);
    if (e.type === "drainEnded") index.drainEnded = e;
    if (!("msgId" in e)) return;
    let list = index.byMsg.get(e.msgId);
    if (!list) index.byMsg.set(e.msgId, (list = []));
    list.push(e);
    // A batched confirm belongs to the story of every publish it covers.
    if ((e.type === "hop" || e.type === "dropped") && e.covers)
      for (const c of e.covers) {
        let covered = index.byMsg.get(c.msgId);
        if (!covered) index.byMsg.set(c.msgId, (covered = []));
        covered.push(e);
      }
    switch (e.type) {
      case "enqueued":
        index.parentOf.set(e.token, e.parent);
        break;
      case "hop":
      case "dropped":
        if ((e.kind === "publish" || e.kind === "rpc") && !index.sentAt.has(e.token)) {
          index.sentAt.set(e.token, e);
          if (e.type === "hop" && e.origin) index.originOf.set(e.token, e.origin);
        }
        break;
      case "accepted":
        index.acceptedAt.set(e.token, e);
        break;
      case "applied":
        // A declined withdrawal writes nothing: only real writes make a version.
        if (!e.declined) index.writes.set(versionKey(e.subscription, e.key, e.writeVersion), e);
        break;
    }
  });
  return index;
}

export function chainOf(index: TeamIndex, msgId: string): ChainStep[] {
  const steps: ChainStep[] = [];
  for (const e of index.byMsg.get(msgId) ?? []) {
    const r = e as Emitted & Record<string, unknown>;
    const step: ChainStep = { tick: e.tick, type: e.type };
    const node = (r.consumer ?? r.producer ?? r.node) as string | undefined;
    if (node !== undefined) step.node = node;
    if (typeof r.link === "string") step.link = r.link;
    if (typeof r.token === "number") step.token = r.token;
    const reason = r.reason ?? (e.type === "hop" ? r.kind : undefined);
    if (typeof reason === "string") step.reason = reason;
    steps.push(step);
    if (steps.length >= 60) break;
  }
  return steps;
}

export const targetOf = (link: string): string => link.slice(link.indexOf(">") + 1);
export const sourceOf = (link: string): string => link.slice(0, link.indexOf(">"));
export const pos = (index: TeamIndex, e: Emitted | undefined): number => (e ? (index.at.get(e) ?? -1) : -1);

export function lastBefore<T extends Emitted["type"]>(
  index: TeamIndex,
  msgId: string,
  type: T,
  before: number,
  match: (e: Extract<Emitted, { type: T }>) => boolean,
): Extract<Emitted, { type: T }> | undefined {
  let found: Extract<Emitted, { type: T }> | undefined;
  for (const e of index.byMsg.get(msgId) ?? []) {
    if (pos(index, e) >= before) break;
    if (e.type === type && match(e as Extract<Emitted, { type: T }>)) found = e as Extract<Emitted, { type: T }>;
  }
  return found;
}

export function firstAfter<T extends Emitted["type"]>(
  index: TeamIndex,
  msgId: string,
  type: T,
  after: number,
  match: (e: Extract<Emitted, { type: T }>) => boolean,
): Extract<Emitted, { type: T }> | undefined {
  for (const e of index.byMsg.get(msgId) ?? [])
    if (pos(index, e) > after && e.type === type && match(e as Extract<Emitted, { type: T }>)) return e as Extract<Emitted, { type: T }>;
  return undefined;
}

export function crashBetween(index: TeamIndex, node: string, from: number, to: number): Extract<Emitted, { type: "crashed" }> | undefined {
  let found: Extract<Emitted, { type: "crashed" }> | undefined;
  for (const c of index.crashes) if (c.node === node && pos(index, c) > from && pos(index, c) < to) found = c;
  return found;
}

/**
 * The inbox arrival an application processed. A consumer takes the first inbox item of a
 * token (a redelivery of the same copy can wait behind it), so its inbox is replayed per
 * token up to the processing's start.
 */
export function receivedFor(index: TeamIndex, a: Applied): Extract<Emitted, { type: "received" }> | undefined {
  const mine = (e: { token: number; consumer: string }) => e.token === a.token && e.consumer === a.consumer;
  const started = pos(index, lastBefore(index, a.msgId, "processStarted", pos(index, a), mine));
  const until = started >= 0 ? started : pos(index, a);
  const inbox: Extract<Emitted, { type: "received" }>[] = [];
  for (const e of index.byMsg.get(a.msgId) ?? []) {
    if (pos(index, e) >= until) break;
    if (e.type === "received" && mine(e)) inbox.push(e);
    else if (e.type === "inboxLeft" && mine(e)) inbox.shift();
    else if (e.type === "discarded" && e.node === a.consumer && e.token === a.token) inbox.length = 0;
  }
  return inbox[0];
}
