import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

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
      const h = new Harness(testConfig({ topology: { consumers: 2 }, broker: { prefetch: 1 }, consumer: { lockPerKey, processTicks: 4 }, workload: { keys: 1 } }));
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

  it("hold is an action only where the variant allows it", () => {
    const no = new Harness(testConfig());
    const token = delivered(no);
    expect(no.step({ seat: "C1", action: "hold", token })[0]).toMatchObject({ reason: { code: "notInVariant" } });
    const yes = new Harness(testConfig({ consumer: { allowHold: true } }));
    const t2 = delivered(yes);
    yes.step({ seat: "C1", action: "hold", token: t2 });
    expect(yes.s.consumers[0].inbox[0].held).toBe(true);
  });

  it("refuses unknown tokens and actions of another role", () => {
    const h = new Harness(testConfig());
    expect(h.step({ seat: "C1", action: "process", token: 999 })[0]).toMatchObject({ reason: { code: "unknownToken" } });
    expect(h.step({ seat: "C1", action: "send" })[0]).toMatchObject({ reason: { code: "notYourAction" } });
    expect(h.step({ seat: "C9", action: "process", token: 1 })[0]).toMatchObject({ reason: { code: "unknownSeat" } });
  });
});
