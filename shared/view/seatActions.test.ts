import { describe, expect, it } from "vitest";
import { buttonCommand, type ActionButton } from "../engine/actions.js";
import type { Command } from "../engine/types.js";
import { CATALOGUE, seatsOf } from "../scenarios/catalogue.js";
import { applyPlayerCommand, createRound, stepRound, type Round } from "../sim/round.js";
import { actionTarget, seatButtons, ticksToSeconds } from "./seatActions.js";
import { seatMessage, type ConsumerSeat, type ProducerSeat, type SeatView } from "./seatView.js";

const item = (token: number, over: Partial<ConsumerSeat["inbox"][number]> = {}): ConsumerSeat["inbox"][number] => ({
  token,
  msgId: `P1-${token}`,
  key: "ana",
  seq: token,
  amount: 5,
  redelivered: false,
  deliveryCount: 1,
  acked: false,
  processed: false,
  failed: false,
  checked: null,
  held: false,
  ...over,
});
const consumer = (over: Partial<ConsumerSeat> = {}): ConsumerSeat => ({
  role: "consumer",
  up: true,
  subscription: "orders",
  inbox: [],
  processing: null,
  slow: false,
  ...over,
});
const producer = (over: Partial<ProducerSeat> = {}): ProducerSeat => ({
  role: "producer",
  up: true,
  next: null,
  remaining: 0,
  nextInTicks: null,
  ready: 0,
  sent: [],
  inFlight: 0,
  halfDone: null,
  outbox: 0,
  ...over,
});
const event = { msgId: "P1-4", key: "ana", seq: 4, amount: 9 };

describe("actionTarget", () => {
  it("acts on the selected message when the action fits it, else on the first that fits", () => {
    const v = consumer({ inbox: [item(1, { processed: true }), item(2), item(3)] });
    expect(actionTarget(v, "process")).toEqual({ token: 2, msgId: "P1-2" });
    expect(actionTarget(v, "process", 3)).toEqual({ token: 3, msgId: "P1-3" });
    expect(actionTarget(v, "process", 1)).toEqual({ token: 2, msgId: "P1-2" });
    expect(actionTarget(v, "ack", 3)).toEqual({ token: 1, msgId: "P1-1" });
  });

  it("says why a button can do nothing: down, empty, busy, nothing to ack, all held, nothing held", () => {
    expect(actionTarget(consumer({ up: false, inbox: [item(1)] }), "process")).toEqual({ blocked: "down" });
    expect(actionTarget(consumer(), "process")).toEqual({ blocked: "empty" });
    const busy = consumer({ inbox: [item(1), item(2)], processing: { token: 1, msgId: "P1-1", startedAt: 0, doneAt: 8 } });
    expect(actionTarget(busy, "process")).toMatchObject({ blocked: "busy" });
    expect(actionTarget(busy, "ack")).toEqual({ blocked: "nothingToAck" });
    expect(actionTarget(consumer({ inbox: [item(1, { held: true })] }), "process")).toEqual({ blocked: "allHeld" });
    expect(actionTarget(consumer({ inbox: [item(1, { held: true })] }), "process", 1)).toEqual({ blocked: "allHeld" });
    expect(actionTarget(consumer({ inbox: [item(1)] }), "release")).toEqual({ blocked: "nothingHeld" });
    // A copy found already processed may be acked at once, even while it is being processed.
    const seen = consumer({ inbox: [item(1, { checked: true })], processing: { token: 1, msgId: "P1-1", startedAt: 0, doneAt: 8 } });
    expect(actionTarget(seen, "ack")).toEqual({ token: 1, msgId: "P1-1" });
  });

  it("where the ack comes first, acks any message on receipt and processes only an acked one", () => {
    const v = consumer({ ackFirst: true, inbox: [item(1), item(2, { acked: true })] });
    expect(actionTarget(v, "ack")).toEqual({ token: 1, msgId: "P1-1" });
    expect(actionTarget(v, "process")).toEqual({ token: 2, msgId: "P1-2" });
    expect(actionTarget(consumer({ ackFirst: true, inbox: [item(1)] }), "process")).toEqual({ blocked: "ackFirst" });
  });

  it("gives a nack two buttons where the broker can reject, and hands back a failed processing first", () => {
    expect(seatButtons(["process", "ack", "nack"], consumer({ reject: true }))).toEqual(["process", "ack", "nack", "reject"]);
    expect(seatButtons(["process", "ack", "nack"], consumer({ reject: false }))).toEqual(["process", "ack", "nack"]);
    const v = consumer({ inbox: [item(1, { acked: true }), item(2), item(3, { failed: true })] });
    expect(actionTarget(v, "nack")).toEqual({ token: 3, msgId: "P1-3" });
    expect(actionTarget(v, "reject", 2)).toEqual({ token: 2, msgId: "P1-2" });
    expect(actionTarget(consumer({ inbox: [item(1, { acked: true })] }), "nack")).toEqual({ blocked: "done" });
    expect([buttonCommand("nack"), buttonCommand("reject"), buttonCommand("ack")]).toEqual([
      { action: "nack", requeue: true },
      { action: "nack", requeue: false },
      { action: "ack" },
    ]);
  });

  it("retries the oldest timed-out publish, and tells when the next event comes", () => {
    const sent = [
      { msgId: "P1-3", key: "ana", seq: 3, status: "timedOut", attempts: 1 },
      { msgId: "P1-2", key: "ana", seq: 2, status: "acknowledged", attempts: 1 },
      { msgId: "P1-1", key: "ana", seq: 1, status: "timedOut", attempts: 2 },
    ];
    expect(actionTarget(producer({ sent }), "retry")).toEqual({ msgId: "P1-1" });
    expect(actionTarget(producer(), "retry")).toEqual({ blocked: "noTimeout" });
    expect(actionTarget(producer(), "send")).toEqual({ blocked: "noEvents" });
    expect(actionTarget(producer({ next: event }), "send")).toEqual({ msgId: "P1-4" });
    expect(actionTarget(producer({ next: event, publishBlocked: "tooManyInFlight" }), "send")).toEqual({ msgId: "P1-4", blocked: "tooMany" });
    expect(actionTarget(producer({ next: event, publishBlocked: "waitingForAck" }), "send")).toEqual({ msgId: "P1-4", blocked: "waitAck" });
    // Saving to the DB publishes nothing: the in-flight rule does not hold it back.
    expect(actionTarget(producer({ next: event, publishBlocked: "tooManyInFlight" }), "saveDb")).toEqual({ msgId: "P1-4" });
    const paced = { ...producer({ next: event }), nextInTicks: 25, ready: 0 } as ProducerSeat;
    expect(actionTarget(paced, "send")).toEqual({ msgId: "P1-4", blocked: "notYet", seconds: 3 });
    expect(actionTarget(producer({ halfDone: { msgId: "P1-4", saved: true, published: false } }), "saveDb")).toEqual({ msgId: "P1-4", blocked: "done" });
    expect(actionTarget(producer({ halfDone: { msgId: "P1-4", saved: true, published: false } }), "publish")).toEqual({ msgId: "P1-4" });
  });

  it("rounds ticks up to whole seconds, never to 0", () => {
    expect([1, 10, 11, 30].map(ticksToSeconds)).toEqual([1, 1, 2, 3]);
  });
});

/** The commands a phone could send with `button` on this seat: one per message it shows (a nack with the button's requeue). */
function candidates(seat: string, button: ActionButton, view: SeatView): Command[] {
  const { action, requeue } = buttonCommand(button);
  if (view.role === "producer") return action === "retry" ? view.sent.map((r) => ({ seat, action, msgId: r.msgId }) as Command) : [{ seat, action } as Command];
  const tokens = view.role === "broker" ? view.intake.map((i) => i.token) : view.inbox.map((i) => i.token);
  return tokens.map(
    (token) => ({ seat, action, token, ...(action === "route" ? { target: "all" } : {}), ...(requeue === undefined ? {} : { requeue }) }) as Command,
  );
}

function refusedEverywhere(round: Round, commands: Command[]): boolean {
  return commands.every((command) => {
    const copy = structuredClone(round);
    return applyPlayerCommand(copy, 0, command).some((e) => e.type === "commandRefused");
  });
}

describe("a greyed-out button is one the room would refuse", () => {
  it("in real rounds of every variant, every action the view rules out is refused on every message", () => {
    let checked = 0;
    for (const scenario of CATALOGUE)
      for (const variant of scenario.variants) {
        const round = createRound({ scenario: scenario.id, variant: variant.id, seed: 3, teams: 1, roundTicks: 500 });
        const config = round.header.config;
        for (let tick = 0; round.phase === "running"; tick++) {
          stepRound(round);
          if (tick % 41 !== 0) continue;
          for (const { seat } of seatsOf(config)) {
            const message = seatMessage(config, round.teams[0], 0, seat);
            if (!message.view) continue;
            for (const button of seatButtons(message.actions, message.view)) {
              if (!actionTarget(message.view, button).blocked) continue;
              expect(refusedEverywhere(round, candidates(seat, button, message.view)), `${scenario.id}/${variant.id} ${seat} ${button} at ${tick}`).toBe(true);
              checked++;
            }
          }
        }
      }
    expect(checked).toBeGreaterThan(50);
  }, 60_000);
});
