// What a seat's view says about its person: whether the seat is waiting for them, and the
// one line that tells them what to do now. The room nudges a student whose seat has work and
// who does nothing, and lends the seat to a bot when the nudge goes unanswered; a seat with
// nothing to do never counts against anyone. The phone shows the hint under the seat.
import type { PlayerAction } from "../engine/actions.js";
import type { SeatMessage } from "../protocol.js";
import { actionTarget } from "./seatActions.js";
import type { BrokerSeat, ConsumerSeat, ProducerSeat, SeatView } from "./seatView.js";

/**
 * The seat has something its person could do now: a producer with an event to send, a
 * timed-out publish to retry or an event half written; a broker with publishes in its
 * intake; a consumer with a delivery to process (when idle) or a processed one to ack.
 * A node that is down has nothing to do.
 */
export function seatHasWork(view: SeatView | null): boolean {
  if (!view || !view.up) return false;
  switch (view.role) {
    case "producer":
      // An event not there yet, or one the in-flight rule holds back, is not the person's to send.
      return (
        (view.next !== null && !view.nextInTicks && !view.publishBlocked) ||
        view.halfDone !== null ||
        (view.sent.some((s) => s.status === "timedOut") && !view.retryBlocked)
      );
    case "broker":
      return view.intake.length > 0;
    case "consumer":
      return view.inbox.some((i) => (i.processed ? !i.acked : view.processing === null && !i.held));
  }
}

/**
 * The one line a phone shows under its seat: what the person can do now, or what they are
 * waiting for. `key` names the phone's text, `vars` fill it, `action` is the button the
 * line suggests (the phone highlights it and puts its label in the text as {action}; a
 * second button, when the line names two, is `also`).
 */
export interface SeatHint {
  key: SeatHintKey;
  vars: Record<string, string | number>;
  action?: PlayerAction;
  also?: PlayerAction;
}

export const SEAT_HINT_KEYS = [
  "down",
  "retry",
  "publishSaved",
  "saveDbPublished",
  "waitAck",
  "send",
  "saveThenPublish",
  "commitOutbox",
  "nextIn",
  "waitingAcks",
  "allSent",
  "brokerWait",
  "brokerRoute",
  "brokerRouteKey",
  "brokerRouteMore",
  "brokerPersist",
  "brokerConfirm",
  "consumerWait",
  "ack",
  "seenAck",
  "ackFirst",
  "failed",
  "failedNack",
  "processing",
  "check",
  "orderCheck",
  "process",
  "allHeld",
] as const;
export type SeatHintKey = (typeof SEAT_HINT_KEYS)[number];

const hint = (key: SeatHintKey, vars: SeatHint["vars"] = {}, action?: PlayerAction, also?: PlayerAction): SeatHint => ({
  key,
  vars,
  ...(action ? { action } : {}),
  ...(also ? { also } : {}),
});

function producerHint(v: ProducerSeat, actions: readonly PlayerAction[]): SeatHint {
  const can = (a: PlayerAction) => actions.includes(a);
  if (can("retry")) {
    const late = actionTarget(v, "retry");
    if (!late.blocked) return hint("retry", { msgId: late.msgId ?? "" }, "retry");
  }
  if (v.halfDone && can("publish") && v.halfDone.saved && !v.halfDone.published) return hint("publishSaved", { msgId: v.halfDone.msgId }, "publish");
  if (v.halfDone && can("saveDb") && v.halfDone.published && !v.halfDone.saved) return hint("saveDbPublished", { msgId: v.halfDone.msgId }, "saveDb");
  const pending = v.sent.filter((r) => r.status === "pending");
  const first: PlayerAction | undefined = can("send") ? "send" : can("saveDb") ? "saveDb" : can("commitOutbox") ? "commitOutbox" : undefined;
  const next = first ? actionTarget(v, first) : { blocked: "noEvents" as const };
  // One publish at a time (Topic 1's direct call): the answer to the last one comes first.
  if (next.blocked === "waitAck" && pending.length > 0) return hint("waitAck", { msgId: pending[0].msgId });
  if (first && !next.blocked) {
    const msgId = next.msgId ?? "";
    if (first === "saveDb") return hint("saveThenPublish", { msgId }, "saveDb", can("publish") ? "publish" : undefined);
    return hint(first === "send" ? "send" : "commitOutbox", { msgId }, first);
  }
  if (next.blocked === "notYet") return hint("nextIn", { seconds: next.seconds ?? 1 });
  if (pending.length > 0 || next.blocked === "tooMany" || next.blocked === "retryFirst") return hint("waitingAcks", { n: Math.max(1, pending.length) });
  return hint("allSent");
}

/** The broker's steps for one message, in the order that keeps a confirmed message safe: confirm last. */
const BROKER_STEPS = [
  { action: "route", key: "brokerRoute", done: (i: BrokerSeat["intake"][number]) => i.routed },
  { action: "persist", key: "brokerPersist", done: (i: BrokerSeat["intake"][number]) => i.persisted },
  { action: "confirm", key: "brokerConfirm", done: (i: BrokerSeat["intake"][number]) => i.confirmed },
] as const;

function brokerHint(v: BrokerSeat, actions: readonly PlayerAction[], selected: number | null): SeatHint {
  const steps = BROKER_STEPS.filter((s) => actions.includes(s.action));
  const todo = (i: BrokerSeat["intake"][number]) => steps.find((s) => !s.done(i));
  const item = v.intake.find((i) => i.token === selected && todo(i)) ?? v.intake.find((i) => todo(i));
  const step = item && todo(item);
  if (!item || !step) return hint("brokerWait");
  if (v.exchange && item.routingKey !== undefined) {
    // Behind an exchange: route by the routing key to every queue whose binding matches, then confirm.
    const vars = { msgId: item.msgId, routingKey: item.routingKey || "—" };
    if (step.action === "route") return hint("brokerRouteKey", vars, "route", actions.includes("confirm") ? "confirm" : undefined);
    // Routed once: another binding may match too, before it is made safe and confirmed.
    return hint("brokerRouteMore", { ...vars, queues: (item.routedTo ?? []).join(", ") }, step.action, "route");
  }
  return hint(step.key, { msgId: item.msgId }, step.action);
}

function consumerHint(v: ConsumerSeat, actions: readonly PlayerAction[], selected: number | null): SeatHint {
  const can = (a: PlayerAction) => actions.includes(a);
  const byToken = (token: number | undefined) => v.inbox.find((i) => i.token === token);
  if (can("ack")) {
    const ready = byToken(actionTarget(v, "ack", selected).token);
    // Where the ack comes first, a message is acked on receipt, then processed.
    if (ready && v.ackFirst && !ready.processed) return hint("ackFirst", { msgId: ready.msgId }, "ack", "process");
    if (ready) return hint(ready.processed ? "ack" : "seenAck", { msgId: ready.msgId }, "ack");
  }
  const next = actionTarget(v, "process", selected);
  if (next.blocked === "busy") return hint("processing", { msgId: next.msgId ?? "" });
  const item = byToken(next.token);
  // Its processing failed (the dependency was down): process it again, or hand it back with a nack.
  if (item?.failed) return can("nack") ? hint("failedNack", { msgId: item.msgId }, "process", "nack") : hint("failed", { msgId: item.msgId }, "process");
  if (item) {
    if (can("check") && item.checked === null) return hint("check", { msgId: item.msgId }, "check");
    if (can("hold") && item.seq > 1 && item.checked !== true)
      return hint("orderCheck", { msgId: item.msgId, key: item.key, seq: item.seq, prev: item.seq - 1 }, "process", "hold");
    return hint("process", { msgId: item.msgId }, "process");
  }
  if (next.blocked === "allHeld" && can("release")) {
    const held = byToken(actionTarget(v, "release", selected).token);
    if (held) return hint("allHeld", { msgId: held.msgId, key: held.key, prev: held.seq - 1 }, "release");
  }
  return hint("consumerWait");
}

/** The hint for a seat (null for a seat with no role or no view: nothing to say). */
export function seatHint(seat: Pick<SeatMessage, "role" | "actions" | "view">, selected: number | null = null): SeatHint | null {
  const v = seat.view;
  if (!v || !seat.role) return null;
  if (!v.up) return hint("down");
  switch (v.role) {
    case "producer":
      return producerHint(v, seat.actions);
    case "broker":
      return brokerHint(v, seat.actions, selected);
    case "consumer":
      return consumerHint(v, seat.actions, selected);
  }
}
