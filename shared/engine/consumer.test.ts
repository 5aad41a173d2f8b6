import { describe, expect, it } from "vitest";
import { Harness, testConfig, type Overrides } from "./testing.js";

const send = { seat: "P1", action: "send" } as const;

function delivered(h: Harness, ticks = 6): number {
  h.step(send);
  h.run(ticks);
  return h.inboxToken();
}

describe("consumer", () => {
  it("ack after processing: ack refused until the effect is written, then the broker forgets the message", () => {
    const h = new Harness(testConfig());
    const token = delivered(h);
    expect(h.step({ seat: "C1", action: "ack", token })[0]).toMatchObject({ reason: { code: "ackAfterProcessing" } });
    h.step({ seat: "C1", action: "process", token });
    expect(h.step({ seat: "C1", action: "process", token })[0]).toMatchObject({ reason: { code: "busy" } });
    h.run(3);
    expect(h.of("applied")).toHaveLength(1);
    h.step({ seat: "C1", action: "ack", token });
    h.run(3);
    expect(h.of("removed").filter((e) => e.reason === "ack")).toHaveLength(1);
    expect(h.s.consumers[0].inbox).toHaveLength(0);
  });

  it("ack before processing: process refused until acked; a crash mid-processing then loses the message", () => {
    const h = new Harness(testConfig({ consumer: { ack: "beforeProcessing", processTicks: 5 } }));
    const token = delivered(h);
    expect(h.step({ seat: "C1", action: "process", token })[0]).toMatchObject({ reason: { code: "ackBeforeProcessing" } });
    h.step({ seat: "C1", action: "ack", token });
    h.step({ seat: "C1", action: "process", token });
    h.run(3);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 3 } });
    h.run(40);
    expect(h.of("applied")).toHaveLength(0);
    expect(h.of("requeued")).toHaveLength(0);
  });

  it("auto-ack: the broker forgets on delivery; ack is not an action", () => {
    const h = new Harness(testConfig({ consumer: { ack: "auto" } }));
    const token = delivered(h);
    expect(h.of("removed")[0]).toMatchObject({ reason: "autoAck" });
    expect(h.step({ seat: "C1", action: "ack", token })[0]).toMatchObject({ reason: { code: "notInVariant" } });
  });

  it("a crash between the effect and the ack makes the redelivery apply it twice (no idempotency)", () => {
    const h = new Harness(testConfig());
    const token = delivered(h);
    h.step({ seat: "C1", action: "process", token });
    h.run(4);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 2 } });
    h.run(8);
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    h.run(4);
    expect(h.of("applied")).toHaveLength(2);
  });

  it("acking a copy already found processed while it is being processed keeps it until the processing ends", () => {
    const h = new Harness(testConfig({ consumer: { idempotency: "transactional" } }));
    const token = delivered(h);
    h.step({ seat: "C1", action: "process", token });
    h.run(4);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 2 } });
    h.run(8);
    const copy = h.inboxToken();
    h.step({ seat: "C1", action: "check", token: copy });
    h.step({ seat: "C1", action: "process", token: copy });
    h.step({ seat: "C1", action: "ack", token: copy });
    expect(h.s.consumers[0].inbox.map((i) => i.token.id)).toEqual([copy]);
    h.run(10);
    expect(h.of("skipped")).toHaveLength(1);
    expect(h.s.consumers[0].inbox).toHaveLength(0);
  });

  it("idempotency in the same transaction skips the second effect; check reports the processed id", () => {
    const h = new Harness(testConfig({ consumer: { idempotency: "transactional" } }));
    const token = delivered(h);
    h.step({ seat: "C1", action: "process", token });
    h.run(4);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 2 } });
    h.run(8);
    const again = h.inboxToken();
    h.step({ seat: "C1", action: "check", token: again });
    expect(h.of("checked")[0]).toMatchObject({ found: true });
    h.step({ seat: "C1", action: "process", token: again });
    h.run(4);
    expect(h.of("applied")).toHaveLength(1);
    expect(h.of("skipped")).toHaveLength(1);
  });

  it("idempotency written separately leaves a window: a crash after the effect, before the record, duplicates", () => {
    const h = new Harness(testConfig({ consumer: { idempotency: "separate" } }));
    const token = delivered(h);
    h.step({ seat: "C1", action: "process", token });
    h.run(3);
    expect(h.of("applied")).toHaveLength(1);
    h.step({ seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 2 } });
    expect(h.of("recorded")).toHaveLength(0);
    h.run(8);
    const again = h.inboxToken();
    h.step({ seat: "C1", action: "check", token: again });
    expect(h.of("checked")[0]).toMatchObject({ found: false });
    h.step({ seat: "C1", action: "process", token: again });
    h.run(5);
    expect(h.of("applied")).toHaveLength(2);
    expect(h.of("recorded")).toHaveLength(1);
  });

  it("two consumers doing read-modify-write on one key lose an update; a per-key lock prevents it", () => {
    for (const lockPerKey of [false, true]) {
      const h = new Harness(
        testConfig({ topology: { consumers: 2 }, broker: { prefetch: 1 }, consumer: { lockPerKey, processTicks: 4 }, workload: { keys: 1 } }),
      );
      for (const e of h.s.producers[0].stack) e.amount = Math.abs(e.amount); // deposits only
      h.step(send);
      h.step(send);
      h.run(6);
      const a = h.inboxToken("C1");
      const b = h.inboxToken("C2");
      h.step({ seat: "C1", action: "process", token: a });
      const second = h.step({ seat: "C2", action: "process", token: b });
      h.run(6);
      if (!lockPerKey) {
        const applied = h.of("applied");
        expect(applied).toHaveLength(2);
        expect(applied[1].writeVersion).not.toBe(applied[1].readVersion + 1);
        expect(applied[1].balance).toBeLessThan(applied[0].amount + applied[1].amount);
      } else {
        expect(second[0]).toMatchObject({ reason: { code: "locked" } });
      }
    }
  });

  it("a withdrawal that would overdraw is declined: logged as applied and declined, the balance and its version untouched", () => {
    const h = new Harness(testConfig({ workload: { keys: 1 } }));
    const [first, second] = h.s.producers[0].stack;
    first.amount = -30;
    second.amount = 50;
    h.step(send);
    h.run(6);
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    h.run(4);
    expect(h.of("applied")[0]).toMatchObject({ amount: -30, balance: 0, readVersion: 0, writeVersion: 0, declined: true });
    h.step({ seat: "C1", action: "ack", token: h.inboxToken() });
    h.step(send);
    h.run(6);
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    h.run(4);
    const deposit = h.of("applied")[1];
    expect(deposit).toMatchObject({ amount: 50, balance: 50, readVersion: 0, writeVersion: 1 });
    expect("declined" in deposit).toBe(false);
    expect(h.s.stores.get("orders")!.balance.get(first.key)).toBe(50);
  });

  it("hold is an action only where the variant allows it", () => {
    const no = new Harness(testConfig());
    const token = delivered(no);
    expect(no.step({ seat: "C1", action: "hold", token })[0]).toMatchObject({ reason: { code: "notInVariant" } });
  });
});

describe("hold", () => {
  /** One key; the first `n` events sent and delivered; the inbox's tokens by seq. */
  function early(n: number, consumer: Overrides["consumer"] = {}): { h: Harness; bySeq: (seq: number) => number } {
    const h = new Harness(testConfig({ consumer: { allowHold: true, ...consumer }, workload: { keys: 1 }, broker: { prefetch: 10 } }));
    for (let i = 0; i < n; i++) h.step(send);
    h.run(6);
    const bySeq = (seq: number) => h.s.consumers[0].inbox.find((i) => i.token.seq === seq)!.token.id;
    return { h, bySeq };
  }

  it("keeps a token out of processing until its predecessor is applied, then lets it go by itself", () => {
    const { h, bySeq } = early(2);
    h.step({ seat: "C1", action: "hold", token: bySeq(2) });
    expect(h.of("held")[0]).toMatchObject({ consumer: "C1", seq: 2, auto: false });
    expect(h.step({ seat: "C1", action: "process", token: bySeq(2) })[0]).toMatchObject({ reason: { code: "held" } });
    h.step({ seat: "C1", action: "process", token: bySeq(1) });
    h.run(4);
    expect(h.of("applied").map((e) => e.seq)).toEqual([1]);
    expect(h.of("released")[0]).toMatchObject({ token: bySeq(2), reason: "gapClosed" });
    expect(h.step({ seat: "C1", action: "process", token: bySeq(2) })[0].type).toBe("command");
  });

  it("Release lets a held token go at once; releasing one not held, or holding one that is not early, is refused", () => {
    const { h, bySeq } = early(2);
    expect(h.step({ seat: "C1", action: "hold", token: bySeq(1) })[0]).toMatchObject({ reason: { code: "notEarly" } });
    expect(h.step({ seat: "C1", action: "release", token: bySeq(2) })[0]).toMatchObject({ reason: { code: "notHeld" } });
    h.step({ seat: "C1", action: "hold", token: bySeq(2) });
    expect(h.step({ seat: "C1", action: "hold", token: bySeq(2) })[0]).toMatchObject({ reason: { code: "alreadyDone" } });
    h.step({ seat: "C1", action: "release", token: bySeq(2) });
    expect(h.of("released")[0]).toMatchObject({ reason: "release" });
    expect(h.s.consumers[0].inbox.find((i) => i.token.id === bySeq(2))!.held).toBe(false);
  });

  it("the buffer is bounded: a Hold past its size is refused with the size", () => {
    const { h, bySeq } = early(4, { holdCapacity: 2 });
    h.step({ seat: "C1", action: "hold", token: bySeq(2) });
    h.step({ seat: "C1", action: "hold", token: bySeq(3) });
    expect(h.step({ seat: "C1", action: "hold", token: bySeq(4) })[0]).toMatchObject({ reason: { code: "holdFull", detail: "2" } });
  });

  it("gives up after holdTicks: the token goes on and the give-up is logged", () => {
    const { h, bySeq } = early(2, { holdTicks: 10 });
    h.step({ seat: "C1", action: "hold", token: bySeq(2) });
    const heldAt = h.s.tick - 1;
    h.run(9);
    expect(h.of("holdGaveUp")).toHaveLength(0);
    h.run(2);
    expect(h.of("holdGaveUp")[0]).toMatchObject({ consumer: "C1", token: bySeq(2), seq: 2, heldAt, tick: heldAt + 10 });
    expect(h.step({ seat: "C1", action: "process", token: bySeq(2) })[0].type).toBe("command");
  });

  it("auto-hold (a resequencer): early tokens are held on receipt and applied in seq order", () => {
    const h = new Harness(
      testConfig({
        producer: { maxInFlight: 10 },
        consumer: { autoHold: true },
        workload: { keys: 1 },
        broker: { prefetch: 10 },
        network: { deliver: { latencyTicks: 2, jitterTicks: 6, loss: 0, ordered: false } },
      }),
      3,
    );
    for (let i = 0; i < 5; i++) h.step(send);
    for (let tick = 0; tick < 200; tick++) {
      const c = h.s.consumers[0];
      const next = c.processing ? undefined : c.inbox.find((i) => !i.held && !i.processed);
      const done = c.inbox.find((i) => i.processed && !i.acked);
      h.step(
        ...(next ? [{ seat: "C1", action: "process", token: next.token.id } as const] : []),
        ...(done ? [{ seat: "C1", action: "ack", token: done.token.id } as const] : []),
      );
    }
    expect(h.of("held").length, "the jitter delivered some early").toBeGreaterThan(0);
    expect(h.of("held").every((e) => e.auto)).toBe(true);
    expect(h.of("applied").map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});
describe("consumer refusals", () => {
  it("refuses unknown tokens and actions of another role", () => {
    const h = new Harness(testConfig());
    expect(h.step({ seat: "C1", action: "process", token: 999 })[0]).toMatchObject({ reason: { code: "unknownToken" } });
    expect(h.step({ seat: "C1", action: "send" })[0]).toMatchObject({ reason: { code: "notYourAction" } });
    expect(h.step({ seat: "C9", action: "process", token: 1 })[0]).toMatchObject({ reason: { code: "unknownSeat" } });
  });
});
