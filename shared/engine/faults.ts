// Faults as data: one function turns a fault (scheduled or injected by the host) into its
// effect on nodes and links, and refuses one that names nothing in this pipeline.
import { crashBroker, loseDisk, producerSessionEnded } from "./broker.js";
import { crashConsumer } from "./consumer.js";
import type { Fault } from "./config.js";
import { emit, schedule, type Out } from "./kernel.js";
import { crashProducer } from "./producer.js";
import type { LinkState, RefusalReason, TeamState } from "./types.js";
import { BROKER } from "./types.js";

const MAX_FAULT_TICKS = 36000;

/** "P1>B" names one direction; "P1-B" names both. */
export function linksNamed(s: TeamState, name: string): LinkState[] {
  const one = s.links.get(name);
  if (one) return [one];
  const parts = name.split("-");
  if (parts.length !== 2) return [];
  const both = [s.links.get(`${parts[0]}>${parts[1]}`), s.links.get(`${parts[1]}>${parts[0]}`)];
  return both.filter((l): l is LinkState => l !== undefined);
}

export function nodeUp(s: TeamState, node: string): boolean | null {
  if (node === BROKER) return s.config.producer.directRpc ? null : s.broker.up;
  const p = s.producers.find((x) => x.id === node);
  if (p) return p.up;
  const c = s.consumers.find((x) => x.id === node);
  return c ? c.up : null;
}

function validTicks(ticks: unknown): boolean {
  return typeof ticks === "number" && Number.isInteger(ticks) && ticks >= 1 && ticks <= MAX_FAULT_TICKS;
}

export function checkFault(s: TeamState, fault: Fault): RefusalReason | null {
  const bad = (detail: string): RefusalReason => ({ code: "badFault", detail });
  switch (fault.kind) {
    case "crash": {
      const up = nodeUp(s, fault.node);
      if (up === null) return bad(`unknown node ${fault.node}`);
      if (!up) return bad(`${fault.node} is already down`);
      return validTicks(fault.ticks) ? null : bad("ticks");
    }
    case "diskLoss":
      if (fault.node !== BROKER || nodeUp(s, BROKER) === null) return bad(`${String(fault.node)} has no disk to lose`);
      if (!s.broker.up) return bad(`${fault.node} is already down`);
      return validTicks(fault.ticks) ? null : bad("ticks");
    case "dependencyDown":
      if (!s.consumers.some((c) => c.id === fault.node)) return bad(`unknown consumer ${fault.node}`);
      return validTicks(fault.ticks) ? null : bad("ticks");
    case "slow":
      if (!s.consumers.some((c) => c.id === fault.node)) return bad(`unknown consumer ${fault.node}`);
      if (!(typeof fault.factor === "number" && fault.factor >= 1 && fault.factor <= 20)) return bad("factor");
      return validTicks(fault.ticks) ? null : bad("ticks");
    case "cut":
    case "loss":
      if (linksNamed(s, fault.link).length === 0) return bad(`unknown link ${fault.link}`);
      if (fault.kind === "loss" && !(typeof fault.loss === "number" && fault.loss >= 0 && fault.loss <= 1)) return bad("loss");
      return validTicks(fault.ticks) ? null : bad("ticks");
    case "dropNextToken":
    case "dropNextAck":
      return linksNamed(s, fault.link).length === 0 ? bad(`unknown link ${fault.link}`) : null;
    default:
      return bad("kind");
  }
}

/** Applies a fault already checked by checkFault. */
export function applyFault(s: TeamState, out: Out, fault: Fault, source: "schedule" | "host"): void {
  emit(s, out, { type: "fault", fault, source });
  switch (fault.kind) {
    case "crash": {
      const until = s.tick + fault.ticks;
      emit(s, out, { type: "crashed", node: fault.node, until });
      if (fault.node === BROKER) crashBroker(s, out);
      else {
        const p = s.producers.find((x) => x.id === fault.node);
        if (p) {
          crashProducer(s, out, p);
          producerSessionEnded(s, p.id);
          p.restartAt = until;
        } else {
          const c = s.consumers.find((x) => x.id === fault.node);
          if (c) {
            crashConsumer(s, out, c);
            c.restartAt = until;
          }
        }
      }
      if (fault.node === BROKER) s.broker.restartAt = until;
      schedule(s, until, { kind: "restart", node: fault.node });
      return;
    }
    case "cut": {
      const until = s.tick + fault.ticks;
      for (const link of linksNamed(s, fault.link)) {
        link.cutUntil = Math.max(link.cutUntil, until);
        emit(s, out, { type: "linkCut", link: link.id, until: link.cutUntil });
        schedule(s, link.cutUntil, { kind: "heal", link: link.id });
      }
      return;
    }
    case "dropNextToken":
      for (const link of linksNamed(s, fault.link)) link.dropNextToken = true;
      return;
    case "dropNextAck":
      for (const link of linksNamed(s, fault.link)) link.dropNextAck = true;
      return;
    case "diskLoss": {
      const until = s.tick + fault.ticks;
      emit(s, out, { type: "crashed", node: BROKER, until });
      loseDisk(s, out, until);
      s.broker.restartAt = until;
      schedule(s, until, { kind: "restart", node: BROKER });
      return;
    }
    case "dependencyDown": {
      const c = s.consumers.find((x) => x.id === fault.node);
      if (c) c.failUntil = Math.max(c.failUntil, s.tick + fault.ticks);
      return;
    }
    case "slow": {
      const c = s.consumers.find((x) => x.id === fault.node);
      if (c) {
        c.slowFactor = fault.factor;
        c.slowUntil = s.tick + fault.ticks;
      }
      return;
    }
    case "loss":
      for (const link of linksNamed(s, fault.link)) {
        link.faultLoss = fault.loss;
        link.lossUntil = s.tick + fault.ticks;
      }
      return;
  }
}
