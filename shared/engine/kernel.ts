// The pieces every concept module shares: emitting an event, scheduling work on the
// agenda (a wheel keyed by tick), and moving packets over links.
import { nextRandom } from "./prng.js";
import type { CoveredConfirm, EngineEvent, LinkState, Packet, Scheduled, TeamState, Token } from "./types.js";

/** An event as logged: the engine event plus the tick and team it happened in. */
export type Emitted = EngineEvent & { tick: number; team: number };

export type Out = Emitted[];

export function emit(s: TeamState, out: Out, event: EngineEvent): void {
  const e = event as Emitted;
  e.tick = s.tick;
  e.team = s.team;
  out.push(e);
}

/** Work due at a later tick; never the current one, so a tick's bucket is closed while it runs. */
export function schedule(s: TeamState, at: number, item: Scheduled): void {
  const due = at > s.tick ? at : s.tick + 1;
  let bucket = s.agenda.get(due);
  if (!bucket) {
    bucket = [];
    s.agenda.set(due, bucket);
  }
  bucket.push(item);
  s.pending++;
}

export function linkId(from: string, to: string): string {
  return `${from}>${to}`;
}

function packetToken(packet: Packet): { token: number; msgId: string; origin?: Token["origin"] } {
  switch (packet.kind) {
    case "publish":
    case "deliver":
    case "rpc":
      return { token: packet.token.id, msgId: packet.token.msgId, origin: packet.token.origin };
    default:
      return { token: packet.token, msgId: packet.msgId };
  }
}

function carriesToken(packet: Packet): boolean {
  return packet.kind === "publish" || packet.kind === "deliver" || packet.kind === "rpc";
}

/**
 * Puts a packet on a link. It is dropped now if the link is cut, a fault asked for it, or
 * the loss draw says so; otherwise it arrives after latency plus jitter (an ordered link
 * never lets a packet overtake the previous one). Returns whether it is on the wire.
 */
export function transmit(s: TeamState, out: Out, id: string, packet: Packet): boolean {
  const link = s.links.get(id) as LinkState;
  const { token, msgId, origin } = packetToken(packet);
  const tick = s.tick;
  let reason: "cut" | "fault" | "loss" | null = null;
  if (tick < link.cutUntil) reason = "cut";
  else if (link.dropNextToken && carriesToken(packet)) {
    link.dropNextToken = false;
    reason = "fault";
  } else if (link.dropNextAck && !carriesToken(packet)) {
    link.dropNextAck = false;
    reason = "fault";
  } else {
    const loss = link.loss + (tick < link.lossUntil ? link.faultLoss : 0);
    if (loss > 0 && nextRandom(s) < loss) reason = "loss";
  }
  if (reason) {
    emit(s, out, withCovers({ type: "dropped", kind: packet.kind, link: id, token, msgId, reason }, packet));
    return false;
  }
  let arrive = tick + link.latencyTicks;
  if (link.jitterTicks > 0) arrive += Math.floor(nextRandom(s) * (link.jitterTicks + 1));
  if (arrive <= tick) arrive = tick + 1;
  if (link.ordered && arrive < link.lastArrival) arrive = link.lastArrival;
  link.lastArrival = arrive;
  emit(
    s,
    out,
    withCovers(
      origin ? { type: "hop", kind: packet.kind, link: id, token, msgId, arrive, origin } : { type: "hop", kind: packet.kind, link: id, token, msgId, arrive },
      packet,
    ),
  );
  s.wire++;
  schedule(s, arrive, { kind: "arrive", link: id, packet });
  return true;
}

/** A packet reaching a node that is down, or crossing a link cut while it flew, is dropped. */
export function dropOnArrival(s: TeamState, out: Out, id: string, packet: Packet, reason: "down" | "cut" | "stale"): void {
  const { token, msgId } = packetToken(packet);
  emit(s, out, withCovers({ type: "dropped", kind: packet.kind, link: id, token, msgId, reason }, packet));
}

/** A batched confirm's hop or drop names every publish it covers, so each one's story has it. */
function withCovers(event: Extract<EngineEvent, { type: "hop" | "dropped" }>, packet: Packet): EngineEvent {
  if (packet.kind === "confirm" && packet.covers) event.covers = packet.covers as CoveredConfirm[];
  return event;
}

export function newToken(s: TeamState, fields: Omit<Token, "id">): Token {
  return { id: s.nextTokenId++, ...fields };
}
