import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

const send = { seat: "P1", action: "send" } as const;
const crashC1 = { seat: "host", action: "fault", fault: { kind: "crash", node: "C1", ticks: 5 } } as const;

/** Two consumers of one queue, each with a token of the same key in its inbox. */
function twoOnOneKey(lockLeaseTicks?: number): Harness {
  const h = new Harness(
    testConfig({
      topology: { consumers: 2 },
      broker: { prefetch: 1 },
      workload: { keys: 1 },
      consumer: { lockPerKey: true, processTicks: 10, lockLeaseTicks },
    }),
  );
  h.step(send, send);
  h.run(5);
  return h;
}

describe("per-key lock", () => {
  it("a second consumer is refused the key while the first holds it, and takes it once the write is done", () => {
    const h = twoOnOneKey();
    h.step({ seat: "C1", action: "process", token: h.inboxToken("C1") });
    expect(h.step({ seat: "C2", action: "process", token: h.inboxToken("C2") })[0]).toMatchObject({ reason: { code: "locked" } });
    h.run(10);
    expect(h.step({ seat: "C2", action: "process", token: h.inboxToken("C2") })[0].type).toBe("command");
  });

  it("without a lease, a crashed holder's lock goes with it", () => {
    const h = twoOnOneKey();
    h.step({ seat: "C1", action: "process", token: h.inboxToken("C1") });
    h.step(crashC1);
    expect(h.step({ seat: "C2", action: "process", token: h.inboxToken("C2") })[0].type).toBe("command");
  });

  it("with a lease, a crashed holder blocks the key for everyone until the lease ends", () => {
    const h = twoOnOneKey(30);
    h.step({ seat: "C1", action: "process", token: h.inboxToken("C1") });
    h.step(crashC1);
    const crashedAt = h.of("crashed")[0].tick;
    expect(h.step({ seat: "C2", action: "process", token: h.inboxToken("C2") })[0]).toMatchObject({ reason: { code: "locked" } });
    h.run(10); // C1 is back, and does not own the lock any more either
    expect(h.step({ seat: "C1", action: "process", token: h.inboxToken("C1") })[0]).toMatchObject({ reason: { code: "locked" } });
    while (h.of("leaseExpired").length === 0) h.step();
    expect(h.of("leaseExpired")[0]).toMatchObject({ tick: crashedAt + 30, key: h.of("committed")[0].key, holder: "C1", crashedAt, subscription: "orders" });
    expect(h.step({ seat: "C2", action: "process", token: h.inboxToken("C2") })[0].type).toBe("command");
  });
});
