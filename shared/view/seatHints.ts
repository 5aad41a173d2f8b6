// What a seat's view says about its person: whether the seat is waiting for them. The room
// nudges a student whose seat has work and who does nothing, and lends the seat to a bot
// when the nudge goes unanswered; a seat with nothing to do never counts against anyone.
import type { SeatView } from "./seatView.js";

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
      return view.next !== null || view.halfDone !== null || view.sent.some((s) => s.status === "timedOut");
    case "broker":
      return view.intake.length > 0;
    case "consumer":
      return view.inbox.some((i) => (i.processed ? !i.acked : view.processing === null && !i.held));
  }
}
