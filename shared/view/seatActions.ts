// What a tap on each of a seat's buttons would act on, and, when the seat's own view already
// shows that the room would refuse it, why. The phone greys such a button out and says why
// under its label; the one-line hint (seatHints.ts) names the same targets. The room stays
// the judge: a button this view cannot rule out stays live and a refusal explains itself.
import { TICK_MS } from "../engine/config.js";
import type { ActionButton, PlayerAction } from "../engine/actions.js";
import type { BrokerSeat, ConsumerSeat, ProducerSeat, SeatView } from "./seatView.js";

/** Why a button cannot do anything now, as its phone can tell from the seat's view. */
export type BlockReason =
  /** The seat's node is down. */
  | "down"
  /** The producer has sent every business event. */
  | "noEvents"
  /** The next business event is not there yet (`seconds` says when it comes). */
  | "notYet"
  /** No publish has timed out. */
  | "noTimeout"
  /** One publish at a time: its answer has not come yet (Topic 1's direct call). */
  | "waitAck"
  /** As many publishes as the variant allows are waiting for their confirm. */
  | "tooMany"
  /** A timed-out publish must be retried before a new one (single-threaded producer). */
  | "retryFirst"
  /** Nothing has arrived (broker intake, consumer inbox). */
  | "empty"
  /** The consumer is processing another message. */
  | "busy"
  /** No message is ready for an ACK (processed, or found already processed). */
  | "nothingToAck"
  /** The ack comes before processing: ACK the message first. */
  | "ackFirst"
  /** No message is held. */
  | "nothingHeld"
  /** Every message waiting to be processed is held. */
  | "allHeld"
  /** Every message here has had this step already. */
  | "done";

export interface ActionTarget {
  /** The token a tap acts on (broker and consumer actions). */
  token?: number;
  /** The message the tap concerns, for the hint and for retry. */
  msgId?: string;
  blocked?: BlockReason;
  /** With `notYet`: whole seconds until the next event, at least 1. */
  seconds?: number;
}

type InboxItem = ConsumerSeat["inbox"][number];
type IntakeItem = BrokerSeat["intake"][number];

/** Ticks as the whole seconds a phone shows ("next event in 3 s"), never 0 while some remain. */
export function ticksToSeconds(ticks: number): number {
  return Math.max(1, Math.ceil((ticks * TICK_MS) / 1000));
}

/** The selected item when it fits, else the first that fits. */
function pick<T extends { token: number }>(items: readonly T[], selected: number | null, fits: (item: T) => boolean): T | undefined {
  return items.find((i) => i.token === selected && fits(i)) ?? items.find(fits);
}

/** The engine's in-flight refusals, as the phone words them. */
const IN_FLIGHT: Record<string, BlockReason> = { waitingForAck: "waitAck", tooManyInFlight: "tooMany", retryFirst: "retryFirst" };

function producerTarget(v: ProducerSeat, action: PlayerAction): ActionTarget {
  const inFlight = (code: string | null | undefined) => (code ? IN_FLIGHT[code] : undefined);
  /** A new business event: there must be one, the in-flight rule must allow a publish, and it must have come. */
  const fresh = (publishes: boolean): ActionTarget => {
    if (!v.next) return { blocked: "noEvents" };
    const busy = publishes ? inFlight(v.publishBlocked) : undefined;
    if (busy) return { msgId: v.next.msgId, blocked: busy };
    const wait = v.nextInTicks;
    if (wait) return { msgId: v.next.msgId, blocked: "notYet", seconds: ticksToSeconds(wait) };
    return { msgId: v.next.msgId };
  };
  switch (action) {
    case "retry": {
      // The oldest timed-out publish first (the list is newest first): it keeps business order best.
      const late = v.sent.filter((r) => r.status === "timedOut").at(-1);
      if (!late) return { blocked: "noTimeout" };
      const busy = inFlight(v.retryBlocked);
      return busy ? { msgId: late.msgId, blocked: busy } : { msgId: late.msgId };
    }
    case "saveDb":
      if (v.halfDone) return v.halfDone.saved ? { msgId: v.halfDone.msgId, blocked: "done" } : { msgId: v.halfDone.msgId };
      return fresh(false);
    case "publish": {
      if (!v.halfDone) return fresh(true);
      if (v.halfDone.published) return { msgId: v.halfDone.msgId, blocked: "done" };
      // Publishing what is saved waits for a free slot; publishing first (not saved yet) does not.
      const busy = v.halfDone.saved ? inFlight(v.publishBlocked) : undefined;
      return busy ? { msgId: v.halfDone.msgId, blocked: busy } : { msgId: v.halfDone.msgId };
    }
    case "send":
      return fresh(true);
    default:
      return fresh(false);
  }
}

const BROKER_STEP: Partial<Record<PlayerAction, (i: IntakeItem) => boolean>> = {
  route: (i) => !i.routed,
  confirm: (i) => !i.confirmed,
  persist: (i) => !i.persisted,
};

function brokerTarget(v: BrokerSeat, action: PlayerAction, selected: number | null): ActionTarget {
  if (v.intake.length === 0) return { blocked: "empty" };
  // Behind an exchange a message may be routed to another queue as long as it waits in the intake.
  const fits = action === "route" && v.exchange ? () => true : (BROKER_STEP[action] ?? (() => true));
  const item = pick(v.intake, selected, fits);
  return item ? { token: item.token, msgId: item.msgId } : { blocked: "done" };
}

/** Ready for an ACK: processed (and no longer being processed), found already processed by the check, or any where the ack comes first. */
export function ackable(v: ConsumerSeat, i: InboxItem): boolean {
  return !i.acked && (v.ackFirst === true || i.checked === true || (i.processed && v.processing?.token !== i.token));
}

function consumerTarget(v: ConsumerSeat, action: PlayerAction, selected: number | null): ActionTarget {
  if (v.inbox.length === 0) return { blocked: "empty" };
  const hit = (item: InboxItem | undefined, otherwise: BlockReason): ActionTarget => (item ? { token: item.token, msgId: item.msgId } : { blocked: otherwise });
  const waiting = (i: InboxItem) => !i.processed && v.processing?.token !== i.token;
  switch (action) {
    case "process": {
      if (v.processing) return { msgId: v.processing.msgId, blocked: "busy" };
      // A held message waits for its predecessor: release it before processing it. Where the
      // ack comes first, only an acked message may be processed.
      const item = pick(v.inbox, selected, (i) => waiting(i) && !i.held && (!v.ackFirst || i.acked));
      if (item) return hit(item, "done");
      if (v.inbox.some((i) => waiting(i) && !i.held)) return { blocked: "ackFirst" };
      return { blocked: v.inbox.some(waiting) ? "allHeld" : "done" };
    }
    case "ack":
      return hit(
        pick(v.inbox, selected, (i) => ackable(v, i)),
        "nothingToAck",
      );
    case "check":
      // Checking again is allowed (the answer may have changed): unchecked ones first.
      return hit(pick(v.inbox, selected, (i) => waiting(i) && i.checked === null) ?? pick(v.inbox, selected, () => true), "done");
    case "hold":
      return hit(
        pick(v.inbox, selected, (i) => waiting(i) && !i.held),
        "done",
      );
    case "release":
      return hit(
        pick(v.inbox, selected, (i) => i.held),
        "nothingHeld",
      );
    case "nack": {
      // Hand back (or reject) what is not acked and not being processed: the selected one, else a failed processing first.
      const open = (i: InboxItem) => !i.acked && v.processing?.token !== i.token;
      const item = v.inbox.find((i) => i.token === selected && open(i)) ?? v.inbox.find((i) => open(i) && i.failed) ?? v.inbox.find(open);
      return hit(item, v.processing ? "busy" : "done");
    }
    default:
      return hit(
        pick(v.inbox, selected, () => true),
        "done",
      );
  }
}

/** A seat's buttons: one per action, and Reject beside a nack where the broker can reject. */
export function seatButtons(actions: readonly PlayerAction[], view: SeatView | null): ActionButton[] {
  const reject = view?.role === "consumer" && view.reject === true;
  return actions.flatMap((a): ActionButton[] => (a === "nack" && reject ? ["nack", "reject"] : [a]));
}

/** What `action` (or a button: Reject acts as a nack does) would act on for this seat, the phone's selected token first when it fits. */
export function actionTarget(view: SeatView, button: ActionButton, selected: number | null = null): ActionTarget {
  const action = button === "reject" ? "nack" : button;
  if (!view.up) return { blocked: "down" };
  switch (view.role) {
    case "producer":
      return producerTarget(view, action);
    case "broker":
      return brokerTarget(view, action, selected);
    case "consumer":
      return consumerTarget(view, action, selected);
  }
}
