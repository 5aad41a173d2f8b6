// A bot that plays one seat through the network: it sees only what a phone sees (the seat
// detail the room sends) and answers with at most one action, like a person tapping.
import type { ActMessage, PlayerAction, SeatMessage } from "../protocol.js";
import type { Strategy } from "./bots.js";
import { bindingMatches } from "../engine/exchange.js";

/** What the bot reads of the room's seat message (the team does not matter to it). */
export type SeatDetail = Omit<SeatMessage, "team">;

/** The next action for this seat, or null to wait. `mayStartNew` paces new business events. */
export function seatBotAction(detail: SeatDetail, strategy: Strategy, mayStartNew: boolean): ActMessage | null {
  const view = detail.view;
  if (!view || !view.up) return null;
  const can = (a: PlayerAction) => detail.actions.includes(a);
  const careful = strategy === "careful";
  if (view.role === "producer") {
    // The phone lists the newest first: the newcomer retries the top one, the careful one the oldest.
    const late = careful ? view.sent.findLast((r) => r.status === "timedOut") : view.sent.find((r) => r.status === "timedOut");
    if (late && can("retry")) return { action: "retry", msgId: late.msgId };
    if (view.halfDone) {
      if (!view.halfDone.saved && can("saveDb")) return { action: "saveDb" };
      if (!view.halfDone.published && can("publish")) return { action: "publish" };
    }
    if (!mayStartNew || !view.next || view.nextInTicks !== 0) return null;
    if (can("commitOutbox")) return { action: "commitOutbox" };
    if (can("saveDb")) return { action: "saveDb" };
    if (can("send")) return { action: "send" };
    return null;
  }
  if (view.role === "broker") {
    const item = view.intake[0];
    if (!item) return null;
    // Behind an exchange the phone shows the routing key and the bindings: the queues that match.
    const exchange = view.exchange;
    const key = item.routingKey;
    const bound = exchange && key !== undefined ? exchange.bindings.filter((b) => bindingMatches(exchange.type, b.key, key)) : null;
    const matching = bound ? [...new Set(bound.map((b) => b.queue))] : null;
    if (careful) {
      if (can("persist") && !item.persisted) return { action: "persist", token: item.token };
      const next = matching ? matching.find((q) => !(item.routedTo ?? []).includes(q)) : item.routed ? undefined : "all";
      if (next) return { action: "route", token: item.token, target: next };
      return { action: "confirm", token: item.token };
    }
    if (!item.confirmed) return { action: "confirm", token: item.token };
    const everyQueue = !matching || matching.length === view.queues.length;
    return { action: "route", token: item.token, target: everyQueue ? "all" : matching[0] };
  }
  for (const item of view.inbox) {
    if (item.acked || !can("ack")) continue;
    // Where the ack comes first (ack-before), a message is acked on receipt.
    if (item.processed || item.checked === true || view.ackFirst) return { action: "ack", token: item.token };
  }
  // The newcomer hands a message whose processing failed back, to be tried again later; the careful one retries it in place.
  const failed = view.inbox.find((i) => i.failed && !i.acked && i.token !== view.processing?.token);
  if (!careful && failed && can("nack")) return { action: "nack", token: failed.token, requeue: true };
  if (view.processing) return null;
  const next = view.inbox.find((i) => !i.processed && i.checked !== true);
  if (!next) return null;
  if (careful && can("check") && next.checked === null) return { action: "check", token: next.token };
  return { action: "process", token: next.token };
}
