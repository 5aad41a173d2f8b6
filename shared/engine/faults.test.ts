import { describe, expect, it } from "vitest";
import { Harness, testConfig } from "./testing.js";

const fault = (f: object) => ({ seat: "host", action: "fault", fault: f }) as never;

describe("faults and links", () => {
  it("refuses faults that name nothing, bad durations, or a node already down", () => {
    const h = new Harness(testConfig());
    expect(h.step(fault({ kind: "crash", node: "X", ticks: 5 }))[0]).toMatchObject({ reason: { code: "badFault" } });
    expect(h.step(fault({ kind: "crash", node: "C1", ticks: 0 }))[0]).toMatchObject({ reason: { code: "badFault" } });
    expect(h.step(fault({ kind: "cut", link: "P1>C1", ticks: 5 }))[0]).toMatchObject({ reason: { code: "badFault" } });
    expect(h.step(fault({ kind: "explode" }))[0]).toMatchObject({ reason: { code: "badFault" } });
    h.step(fault({ kind: "crash", node: "C1", ticks: 5 }));
    expect(h.step(fault({ kind: "crash", node: "C1", ticks: 5 }))[0]).toMatchObject({ reason: { code: "badFault" } });
    expect(h.step({ seat: "C1", action: "fault", fault: { kind: "crash", node: "B", ticks: 2 } })[0]).toMatchObject({ reason: { code: "notYourAction" } });
  });

  it("a cut named with '-' cuts both directions, drops what crosses it, and heals", () => {
    const h = new Harness(testConfig());
    h.step(fault({ kind: "cut", link: "P1-B", ticks: 10 }));
    expect(
      h
        .of("linkCut")
        .map((e) => e.link)
        .sort(),
    ).toEqual(["B>P1", "P1>B"]);
    h.step({ seat: "P1", action: "send" });
    expect(h.of("dropped")[0]).toMatchObject({ reason: "cut", kind: "publish" });
    h.run(12);
    expect(h.of("linkHealed")).toHaveLength(2);
  });

  it("drop-next-token and drop-next-ack take exactly one packet each", () => {
    const h = new Harness(testConfig());
    h.step(fault({ kind: "dropNextAck", link: "B>P1" }));
    h.step({ seat: "P1", action: "send" });
    h.run(8);
    expect(h.of("dropped").filter((e) => e.kind === "confirm" && e.reason === "fault")).toHaveLength(1);
    h.step(fault({ kind: "dropNextToken", link: "P1>B" }));
    h.step({ seat: "P1", action: "send" });
    h.step({ seat: "P1", action: "send" });
    expect(h.of("dropped").filter((e) => e.kind === "publish")).toHaveLength(1);
  });

  it("jitter reorders packets on an unordered link and never on an ordered one", () => {
    for (const ordered of [false, true]) {
      const h = new Harness(
        testConfig({
          producer: { publish: "fireAndForget" },
          network: { publish: { latencyTicks: 1, jitterTicks: 8, loss: 0, ordered } },
          workload: { eventsPerProducer: 40 },
        }),
        7,
      );
      for (let i = 0; i < 40; i++) h.step({ seat: "P1", action: "send" });
      h.run(20);
      const order = h.of("accepted").map((e) => Number(e.msgId.split("-")[1]));
      const sorted = [...order].sort((a, b) => a - b);
      if (ordered) expect(order).toEqual(sorted);
      else expect(order).not.toEqual(sorted);
    }
  });

  it("loss drops about the configured share of packets", () => {
    const h = new Harness(
      testConfig({
        producer: { publish: "fireAndForget" },
        network: { publish: { latencyTicks: 1, jitterTicks: 0, loss: 0.25, ordered: true } },
        workload: { eventsPerProducer: 400 },
      }),
      3,
    );
    for (let i = 0; i < 400; i++) h.step({ seat: "P1", action: "send" });
    const dropped = h.of("dropped").length;
    expect(dropped).toBeGreaterThan(60);
    expect(dropped).toBeLessThan(140);
  });

  it("a slow consumer takes factor times longer to process", () => {
    const h = new Harness(testConfig({ consumer: { processTicks: 3 } }));
    h.step(fault({ kind: "slow", node: "C1", factor: 4, ticks: 100 }));
    h.step({ seat: "P1", action: "send" });
    h.run(6);
    h.step({ seat: "C1", action: "process", token: h.inboxToken() });
    const started = h.of("processStarted")[0].tick;
    h.run(20);
    expect(h.of("applied")[0].tick - started).toBe(12);
  });

  it("scheduled faults fire at their tick", () => {
    const h = new Harness(testConfig({ faults: [{ tick: 5, fault: { kind: "crash", node: "B", ticks: 3 } }] as never }));
    h.run(10);
    expect(h.of("crashed")[0]).toMatchObject({ tick: 5, node: "B", until: 8 });
    expect(h.of("fault")[0]).toMatchObject({ source: "schedule" });
    expect(h.of("restarted")[0].tick).toBe(8);
  });
});
