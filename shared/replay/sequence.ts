// A sequence diagram as data: one lane per node (P1, B, C1…), one arrow per hop from its
// send tick to its arrival tick, a cross where a packet was dropped, and marks for what
// happened at a node (applied, applied again, discarded, crashed…). Time runs down in rows,
// one per distinct tick, so a long quiet gap does not stretch the picture.
import { ApplicationsTracker } from "../checker/effects.js";
import type { Emitted } from "../engine/kernel.js";
import type { ReplayIndex } from "./replayIndex.js";
import { compareNodes } from "./topology.js";

export interface SequenceArrow {
  from: string;
  to: string;
  sent: number;
  arrive: number;
  packet: string;
  msgId: string;
  token: number;
  retry: boolean;
  /** "sending": the link refused it at once (cut, loss, fault); "arrival": it reached a node that was down. */
  dropped: "no" | "sending" | "arrival";
  index: number;
}

export type MarkKind =
  "committed" | "applied" | "duplicate" | "discarded" | "requeued" | "redelivery" | "timedOut" | "deduplicated" | "forgotten" | "crashed" | "restarted" | "cut";

export interface SequenceMark {
  lane: string;
  tick: number;
  kind: MarkKind;
  msgId: string;
  index: number;
}

export interface SequenceDiagram {
  team: number;
  lanes: string[];
  /** The distinct ticks shown, top to bottom. */
  rows: number[];
  arrows: SequenceArrow[];
  marks: SequenceMark[];
  /** More arrows matched than `limit`: the first ones are shown. */
  truncated: boolean;
}

function build(index: ReplayIndex, team: number, eventIndices: Iterable<number>, limit: number, withNodeEvents: boolean): SequenceDiagram {
  const arrows: SequenceArrow[] = [];
  const marks: SequenceMark[] = [];
  const lanes = new Set<string>((index.topology.get(team)?.nodes ?? []).map((n) => n.id));
  const open = new Map<string, SequenceArrow>();
  const applications = new ApplicationsTracker();
  let truncated = false;
  const mark = (e: Emitted, i: number, lane: string, kind: MarkKind, msgId = "") => {
    lanes.add(lane);
    marks.push({ lane, tick: e.tick, kind, msgId, index: i });
  };
  for (const i of eventIndices) {
    const e = index.events[i];
    if (e.team !== team) continue;
    switch (e.type) {
      case "hop": {
        if (arrows.length >= limit) {
          truncated = true;
          break;
        }
        const [from, to] = e.link.split(">");
        const arrow: SequenceArrow = {
          from,
          to,
          sent: e.tick,
          arrive: e.arrive,
          packet: e.kind,
          msgId: e.msgId,
          token: e.token,
          retry: e.origin === "retry",
          dropped: "no",
          index: i,
        };
        arrows.push(arrow);
        open.set(`${e.token}|${e.link}|${e.arrive}`, arrow);
        lanes.add(from).add(to);
        break;
      }
      case "dropped": {
        const pending = open.get(`${e.token}|${e.link}|${e.tick}`);
        if (pending && pending.dropped === "no") {
          pending.dropped = "arrival";
          break;
        }
        if (arrows.length >= limit) {
          truncated = true;
          break;
        }
        const [from, to] = e.link.split(">");
        arrows.push({ from, to, sent: e.tick, arrive: e.tick, packet: e.kind, msgId: e.msgId, token: e.token, retry: false, dropped: "sending", index: i });
        lanes.add(from).add(to);
        break;
      }
      case "committed":
        mark(e, i, e.producer, "committed", e.msgId);
        break;
      case "applied":
        mark(e, i, e.consumer, applications.apply(e).nth > 1 ? "duplicate" : "applied", e.msgId);
        break;
      case "discarded":
        mark(e, i, e.node, "discarded", e.msgId);
        break;
      case "requeued":
        mark(e, i, "B", "requeued", e.msgId);
        break;
      case "delivered":
        if (e.redelivered) mark(e, i, "B", "redelivery", e.msgId);
        break;
      case "timedOut":
        mark(e, i, e.producer, "timedOut", e.msgId);
        break;
      case "deduplicated":
        mark(e, i, "B", "deduplicated", e.msgId);
        break;
      case "forgotten":
        mark(e, i, e.producer, "forgotten", e.msgId);
        break;
      case "crashed":
        if (withNodeEvents) mark(e, i, e.node, "crashed");
        break;
      case "restarted":
        if (withNodeEvents) mark(e, i, e.node, "restarted");
        break;
      case "linkCut":
        if (withNodeEvents) mark(e, i, e.link.split(">")[0], "cut");
        break;
    }
    if (truncated) break;
  }
  const ticks = new Set<number>();
  for (const a of arrows) ticks.add(a.sent).add(a.arrive);
  for (const m of marks) ticks.add(m.tick);
  return { team, lanes: [...lanes].sort(compareNodes), rows: [...ticks].sort((a, b) => a - b), arrows, marks, truncated };
}

/** The diagram of one business event's journey, with the crashes of its nodes while it travelled. */
export function messageSequence(index: ReplayIndex, team: number, msgId: string, limit = 200): SequenceDiagram {
  const lines = index.teams.get(team)?.messages.get(msgId) ?? [];
  if (lines.length === 0) return build(index, team, [], limit, false);
  const first = index.events[lines[0]].tick;
  const last = index.events[lines[lines.length - 1]].tick;
  const crashes: number[] = [];
  for (let i = index.firstEventAt[first]; i < index.firstEventAt[last + 1]; i++) {
    const e = index.events[i];
    if (e.team === team && (e.type === "crashed" || e.type === "restarted" || e.type === "linkCut")) crashes.push(i);
  }
  const merged = [...lines, ...crashes].sort((a, b) => a - b);
  return build(index, team, merged, limit, true);
}

/** The diagram of everything a team did with `from <= tick <= to`, capped at `limit` arrows. */
export function windowSequence(index: ReplayIndex, team: number, from: number, to: number, limit = 120): SequenceDiagram {
  const a = Math.max(0, Math.min(index.lastTick, Math.floor(from)));
  const b = Math.max(a, Math.min(index.lastTick, Math.floor(to)));
  const range = {
    *[Symbol.iterator]() {
      for (let i = index.firstEventAt[a]; i < index.firstEventAt[b + 1]; i++) yield i;
    },
  };
  return build(index, team, range, limit, true);
}
