// Where the copies of each business event are, folded from a team's log event by event: the
// producer's means to send it again, publishes on the wire, the broker's intake, queued and
// unacked copies, deliveries on the wire, inboxes. An expected effect that is not applied and
// has no copy left anywhere, with a producer that can no longer make one, can never be
// applied: it is lost for certain, and the event that took its last copy away is its cause —
// unless a copy is parked (dead-lettered, or kept in the stream): then it waits for a person.
// Liveness is judged between engine steps (after a whole tick, or a whole command): inside
// one step a copy moves through states the log writes one event at a time.
import { teamConfig } from "../design/teamConfig.js";
import type { Emitted } from "../engine/kernel.js";
import type { ExchangeConfig } from "../engine/exchange.js";
import { SELF_SUBSCRIPTION } from "../engine/team.js";
import type { LogHeader } from "../sim/round.js";

/** What the copies' fates depend on beyond the events: from the log's header. */
export interface CopyFacts {
  /** The team's expected subscriptions. */
  subscriptions: readonly string[];
  /** The producer sends a timed-out publish again (ackRetry, ackRetryDedup). */
  retries: boolean;
  /** A person routes each publish by hand (Topic 2): accepted publishes wait in the broker's intake. */
  manualBroker: boolean;
  /** Publishes ask for a confirm (a manual broker's intake item leaves once routed and confirmed). */
  confirms: boolean;
  /** A RabbitMQ exchange: each event is expected only at the queues its routing key's bindings match. */
  exchange: ExchangeConfig | null;
  /** Topic 5's dual write: a published event waits for its DB write. */
  dualWrite: boolean;
  durable: boolean;
  ack: "auto" | "afterProcessing" | "beforeProcessing";
  /** A system the consumers post to outside their transaction, and the subscription whose consumers post to it. */
  external: { system: string; via: string } | null;
  /** Listen to yourself: the subscription from which the producer's service writes its own DB. */
  selfSubscription: string | null;
}

export function copyFacts(header: LogHeader, team: number): CopyFacts {
  const c = teamConfig(header, team);
  const publish = c?.producer?.publish;
  const subscriptions = header.teams.find((t) => t.team === team)?.subscriptions ?? [];
  const system = c?.consumer?.externalEffect;
  const via = subscriptions.find((s) => s !== system);
  return {
    subscriptions,
    retries: (publish === "ackRetry" || publish === "ackRetryDedup") && c?.producer?.directRpc !== true,
    manualBroker: c?.broker?.manual === true,
    confirms: publish !== "fireAndForget",
    exchange: c?.broker?.exchange ?? null,
    dualWrite: c?.producer?.write === "dualWrite",
    // Messages written to disk: a quorum queue's always, a classic durable queue's persistent ones.
    durable: c?.broker?.queueType === "quorum" || (c?.broker?.durable === true && c.broker.persistent !== false),
    ack: c?.consumer?.ack ?? "afterProcessing",
    external: system && via ? { system, via } : null,
    selfSubscription: c?.producer?.write === "listenToYourself" ? SELF_SUBSCRIPTION : null,
  };
}

/** The subscription whose copies reach an expected effect: its own, or for an external system the one whose consumers post to it. */
export function feedOf(facts: CopyFacts, sub: string): string {
  return facts.external && sub === facts.external.system ? facts.external.via : sub;
}

/** An event that destroyed a copy (or the producer's means to make one), and its place in the log. */
export interface Loss {
  event: Emitted;
  /** Position of the event among the team's events: orders losses of the same tick. */
  at: number;
  /** A forgotten publish: the producer's record was timed out (it would have retried). */
  timedOut?: boolean;
  /** A forgotten publish: the subscriptions that had had a copy at the broker. */
  reached?: ReadonlySet<string>;
}

interface Copy {
  /** The subscription it is for; null for a direct call (every subscription). */
  sub: string | null;
  queued: boolean;
  unacked: boolean;
  /** Deliveries (or the direct call) on the wire. */
  transit: number;
  inbox: number;
  /** Its consumer sent an ACK for it. */
  acked: boolean;
  /** How the broker let go of it: an ACK (its own, or a later offset's), an auto-ack, a crash. */
  released: "ack" | "autoAck" | "crash" | null;
  /** No longer delivered: in the dead-letter queue, or kept in the stream. */
  parked: boolean;
}

export interface MessageCopies {
  msgId: string;
  producer: string | null;
  committed: boolean;
  dbWritten: boolean;
  /** Accepted or deduplicated by the broker: published, in the checker's sense. */
  accepted: boolean;
  /** A publish or direct call was made (whatever became of it). */
  sent: boolean;
  /** The producer remembers an unconfirmed publish it may send again. */
  canRetry: boolean;
  recordTimedOut: boolean;
  /** Saved by a dual write, not yet published. */
  unpublished: boolean;
  /** An outbox row not yet cleared: the relay publishes it until confirmed. */
  outbox: boolean;
  /** Published by a dual write, not yet saved; `saveImpossible` once a crash forgot the half-done write. */
  savePending: boolean;
  saveImpossible: boolean;
  /** The business key, once committed (behind an exchange it says which queues expect the event). */
  key: string | null;
  publishes: Set<number>;
  intake: Set<number>;
  copies: Map<number, Copy>;
  /** Subscriptions that ever had a copy queued. */
  reached: Set<string>;
  applied: Set<string>;
  /** The last loss that concerns every subscription (a publish, a direct call, a forgotten or half-done write). */
  eventLoss: Loss | null;
  /** The last loss of a copy, by subscription. */
  subLoss: Map<string, Loss>;
}

function newMessage(msgId: string): MessageCopies {
  return {
    msgId,
    producer: null,
    committed: false,
    dbWritten: false,
    accepted: false,
    sent: false,
    canRetry: false,
    recordTimedOut: false,
    unpublished: false,
    outbox: false,
    savePending: false,
    saveImpossible: false,
    key: null,
    publishes: new Set(),
    intake: new Set(),
    copies: new Map(),
    reached: new Set(),
    applied: new Set(),
    eventLoss: null,
    subLoss: new Map(),
  };
}

const isPublish = (kind: string): boolean => kind === "publish" || kind === "rpc";

/** One team's copies, fed its events in log order. */
export class CopyTracker {
  readonly messages = new Map<string, MessageCopies>();
  /** Intake token -> msgId (a route command names the token only). */
  private readonly intakeOf = new Map<number, string>();
  /** The manual broker's intake items: the subscriptions each was routed to so far, and whether it was confirmed. */
  private readonly intakeItems = new Map<number, { routed: Set<string>; confirmed: boolean; lastRoute: Emitted | null }>();
  /** Messages whose state changed since `takeTouched`. */
  private touched = new Set<MessageCopies>();
  private position = 0;

  constructor(readonly facts: CopyFacts) {}

  private message(msgId: string): MessageCopies {
    let m = this.messages.get(msgId);
    if (!m) this.messages.set(msgId, (m = newMessage(msgId)));
    this.touched.add(m);
    return m;
  }

  private lose(m: MessageCopies, sub: string | null, e: Emitted, extra: Partial<Loss> = {}): void {
    const loss = { event: e, at: this.position, ...extra };
    if (sub === null) m.eventLoss = loss;
    else m.subLoss.set(sub, loss);
  }

  add(e: Emitted): void {
    this.position++;
    switch (e.type) {
      case "committed": {
        const m = this.message(e.msgId);
        m.committed = true;
        m.producer = e.producer;
        m.key = e.key;
        return;
      }
      case "dbWritten": {
        const m = this.message(e.msgId);
        m.dbWritten = true;
        m.producer = e.producer;
        m.savePending = false;
        if (e.outbox) m.outbox = true;
        else if (!m.sent) m.unpublished = true;
        return;
      }
      case "hop":
        if (isPublish(e.kind)) this.sent(e, true);
        return;
      case "dropped": {
        if (isPublish(e.kind)) {
          // Dropped on arrival (it flew), or at once when sent: then it is also a send.
          const m = this.message(e.msgId);
          const call = m.copies.get(e.token);
          const flew = m.publishes.delete(e.token) || (call !== undefined && call.transit > 0);
          if (!flew) this.sent(e, false);
          if (call) call.transit = Math.max(0, call.transit - 1);
          this.lose(m, null, e);
        } else if (e.kind === "deliver") {
          const m = this.message(e.msgId);
          const copy = m.copies.get(e.token);
          if (copy) {
            copy.transit = Math.max(0, copy.transit - 1);
            this.lose(m, copy.sub, e);
          }
        }
        return;
      }
      case "accepted": {
        const m = this.message(e.msgId);
        m.publishes.delete(e.token);
        m.accepted = true;
        if (this.facts.manualBroker) {
          m.intake.add(e.token);
          this.intakeOf.set(e.token, e.msgId);
          this.intakeItems.set(e.token, { routed: new Set(), confirmed: !this.facts.confirms, lastRoute: null });
        }
        return;
      }
      case "deduplicated": {
        const m = this.message(e.msgId);
        m.publishes.delete(e.token);
        m.accepted = true;
        return;
      }
      case "command":
        if (e.command.action === "route") this.routed(e, e.command.token, e.command.target);
        else if (e.command.action === "confirm") this.confirmed(e.command.token);
        return;
      case "enqueued": {
        const m = this.message(e.msgId);
        m.copies.set(e.token, { sub: e.subscription, queued: true, unacked: false, transit: 0, inbox: 0, acked: false, released: null, parked: false });
        m.reached.add(e.subscription);
        return;
      }
      case "delivered": {
        const copy = this.message(e.msgId).copies.get(e.token);
        if (!copy) return;
        copy.queued = false;
        copy.unacked = true; // until an auto-ack removes it at once
        copy.transit++; // its hop or its drop follows
        return;
      }
      case "received": {
        const copy = this.message(e.msgId).copies.get(e.token);
        if (!copy) return;
        copy.transit = Math.max(0, copy.transit - 1);
        copy.inbox++;
        return;
      }
      case "requeued": {
        const copy = this.message(e.msgId).copies.get(e.token);
        if (!copy) return;
        copy.unacked = false;
        copy.queued = true;
        return;
      }
      case "removed": {
        const m = this.message(e.msgId);
        const copy = m.copies.get(e.token);
        if (!copy) return;
        if (e.reason === "ack" || e.reason === "autoAck") {
          copy.unacked = false;
          copy.released = e.reason;
        } else {
          copy.queued = false;
          copy.unacked = false;
          this.lose(m, copy.sub, e);
        }
        return;
      }
      case "parked": {
        const copy = this.message(e.msgId).copies.get(e.token);
        if (!copy) return;
        copy.queued = false;
        copy.unacked = false;
        copy.parked = true;
        return;
      }
      case "discarded": {
        const m = this.message(e.msgId);
        if (e.where === "intake") {
          this.intakeItems.delete(e.token);
          if (m.intake.delete(e.token)) this.lose(m, null, e);
          return;
        }
        const copy = m.copies.get(e.token);
        if (!copy) return;
        if (e.where === "queue") copy.queued = false;
        else if (e.where === "parked") copy.parked = false;
        else if (e.where === "unacked") {
          copy.unacked = false;
          copy.released = "crash";
        } else copy.inbox = Math.max(0, copy.inbox - 1);
        this.lose(m, copy.sub, e);
        return;
      }
      case "inboxLeft": {
        const copy = this.message(e.msgId).copies.get(e.token);
        if (copy) copy.inbox = Math.max(0, copy.inbox - 1);
        return;
      }
      case "ackSent": {
        const copy = this.message(e.msgId).copies.get(e.token);
        if (copy) copy.acked = true;
        return;
      }
      case "applied":
        this.message(e.msgId).applied.add(e.subscription);
        return;
      case "timedOut":
        this.message(e.msgId).recordTimedOut = true;
        return;
      case "acknowledged":
        this.message(e.msgId).canRetry = false;
        return;
      case "outboxCleared":
        this.message(e.msgId).outbox = false;
        return;
      case "forgotten": {
        const m = this.message(e.msgId);
        if (!m.canRetry) return;
        m.canRetry = false;
        this.lose(m, null, e, { timedOut: m.recordTimedOut, reached: new Set(m.reached) });
        return;
      }
      case "crashed":
        this.producerCrashed(e);
        return;
      default:
        return;
    }
  }

  /** A publish or direct call left the producer (on the wire, or dropped at once). */
  private sent(e: Extract<Emitted, { type: "hop" | "dropped" }>, onWire: boolean): MessageCopies {
    const m = this.message(e.msgId);
    m.producer ??= e.link.slice(0, e.link.indexOf(">"));
    const first = !m.sent;
    m.sent = true;
    m.unpublished = false;
    if (first && this.facts.dualWrite && !m.dbWritten) m.savePending = true;
    const relay = e.type === "hop" ? e.origin === "relay" : m.outbox;
    if (!relay && this.facts.retries) {
      m.canRetry = true;
      m.recordTimedOut = false;
    }
    if (onWire) {
      if (e.kind === "rpc")
        m.copies.set(e.token, { sub: null, queued: false, unacked: false, transit: 1, inbox: 0, acked: true, released: null, parked: false });
      else m.publishes.add(e.token);
    }
    return m;
  }

  /** A person's route: a copy goes to `target` ("all": every subscription); the item may be routed again until it leaves the intake. */
  private routed(e: Emitted, token: number, target: string): void {
    const item = this.intakeItems.get(token);
    if (!item) return;
    for (const sub of this.facts.subscriptions) if (target === "all" || sub === target) item.routed.add(sub);
    item.lastRoute = e;
    if (item.confirmed) this.leaveIntake(token);
  }

  private confirmed(token: number): void {
    const item = this.intakeItems.get(token);
    if (!item) return;
    item.confirmed = true;
    if (item.routed.size > 0) this.leaveIntake(token);
  }

  /**
   * Routed and confirmed, the item leaves the broker's intake: a subscription it was not routed
   * to never gets a copy from it, a loss its last route decided.
   */
  private leaveIntake(token: number): void {
    const item = this.intakeItems.get(token);
    const msgId = this.intakeOf.get(token);
    this.intakeItems.delete(token);
    if (!item?.lastRoute || msgId === undefined) return;
    const m = this.message(msgId);
    if (!m.intake.delete(token)) return;
    for (const sub of this.facts.subscriptions) if (!item.routed.has(sub)) this.lose(m, sub, item.lastRoute);
  }

  /** A producer crash forgets a half-done dual write: saved and never published, or published and never saved. */
  private producerCrashed(e: Extract<Emitted, { type: "crashed" }>): void {
    for (const m of this.messages.values()) {
      if (m.producer !== e.node) continue;
      if (m.unpublished) {
        m.unpublished = false;
        this.lose(m, null, e);
        this.touched.add(m);
      }
      if (m.savePending) {
        m.savePending = false;
        m.saveImpossible = true;
        this.touched.add(m);
      }
    }
  }

  /** Whether a copy of the event can still be applied at `sub` (or be sent again to it). */
  canReach(m: MessageCopies, subscription: string): boolean {
    if (this.canResend(m) || m.intake.size > 0) return true;
    const sub = feedOf(this.facts, subscription);
    for (const c of m.copies.values()) if ((c.sub === sub || c.sub === null) && (c.queued || c.unacked || c.transit > 0 || c.inbox > 0)) return true;
    return false;
  }

  /** Whether a copy of the event is parked for `sub` (in a dead-letter queue, or kept in the stream). */
  parkedFor(m: MessageCopies, sub: string): boolean {
    for (const c of m.copies.values()) if (c.sub === sub && c.parked) return true;
    return false;
  }

  /** Whether the broker may still receive a publish of the event. */
  canResend(m: MessageCopies): boolean {
    return m.canRetry || m.unpublished || m.outbox || m.publishes.size > 0;
  }

  /** Messages touched since the last call (the live rule re-judges only those). */
  takeTouched(): MessageCopies[] {
    const list = [...this.touched];
    this.touched = new Set();
    return list;
  }

  /**
   * The loss that decided an effect's fate once nothing can reach it: the later of the last
   * loss of its event and of its subscription's copy. A forgotten publish decides only if the
   * producer would have sent it again — its publish had timed out, or no copy ever reached
   * the subscription; otherwise the copy's own loss does.
   */
  decisiveLoss(m: MessageCopies, subscription: string): Loss | null {
    const sub = feedOf(this.facts, subscription);
    const own = m.subLoss.get(sub) ?? null;
    const shared = m.eventLoss;
    if (!shared) return own;
    if (!own) return shared;
    if (shared.event.type === "forgotten" && !shared.timedOut && shared.reached?.has(sub)) return own;
    return shared.at > own.at ? shared : own;
  }
}
