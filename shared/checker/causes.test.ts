import { describe, expect, it } from "vitest";
import type { Emitted } from "../engine/kernel.js";
import { simulate } from "../sim/simulate.js";
import type { Anomaly } from "./checker.js";
import { CAUSE_FIELDS } from "./causes.js";

function anomalies(scenario: string, variant: string, seeds = 15): { anomaly: Anomaly; events: Emitted[] }[] {
  const out: { anomaly: Anomaly; events: Emitted[] }[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const { report, events } = simulate({ scenario, variant, seed, teams: 2 });
    for (const anomaly of report.anomalies) out.push({ anomaly, events: events.filter((e) => e.team === anomaly.team) });
  }
  return out;
}

const codes = (list: { anomaly: Anomaly }[]) => new Set(list.map((x) => x.anomaly.cause.code));

describe("causes of real rounds", () => {
  it("t5 naive: a DB write whose producer crashed before publishing is lost by that crash, not 'still in the pipeline'", () => {
    const list = anomalies("t5-dual-writes", "naive");
    const lost = list.filter((x) => x.anomaly.kind === "lost");
    expect(lost.length).toBeGreaterThan(0);
    for (const { anomaly, events } of lost) {
      expect(anomaly.cause.code).toBe("producerCrashBeforePublish");
      expect(events.some((e) => e.type === "crashed" && e.node === anomaly.cause.node && e.tick === anomaly.cause.tick)).toBe(true);
    }
  });

  it("t8 fixed offers no Hold: its misorderings are relay re-publishes and redeliveries, never a missed hold", () => {
    const found = codes(anomalies("t8-exactly-once", "fixed"));
    expect(found.has("misorderHold")).toBe(false);
    expect(found.has("misorderRelay")).toBe(true);
  });

  it("a redelivery blamed on a consumer crash names a consumer that crashed then; ACKs lost to a broker outage are the broker's restart", () => {
    const list = [...anomalies("t3-lost-messages", "fixed"), ...anomalies("t8-exactly-once", "naive")];
    for (const { anomaly, events } of list.filter((x) => x.anomaly.cause.code === "dupRedeliveryCrash"))
      expect(events.some((e) => e.type === "crashed" && e.node === anomaly.cause.consumer && e.tick === anomaly.cause.tick)).toBe(true);
    const restarts = list.filter((x) => x.anomaly.cause.code === "dupBrokerRestart");
    expect(restarts.length).toBeGreaterThan(0);
    for (const { anomaly, events } of restarts) expect(events.some((e) => e.type === "crashed" && e.node === "B" && e.tick === anomaly.cause.tick)).toBe(true);
  });

  it("t7 naive: jitter on the unordered publish link is named as the network's doing", () => {
    expect(codes(anomalies("t7-ordering", "naive")).has("misorderNetwork")).toBe(true);
  });

  it("t1 naive cannot retry, so nothing there is 'never retried': a call to a consumer that was down is lost at that consumer", () => {
    const list = anomalies("t1-sync-vs-async", "naive");
    expect(codes(list).has("neverRetried")).toBe(false);
    expect(codes(list).has("nodeDown")).toBe(true);
    for (const { anomaly } of list.filter((x) => x.anomaly.cause.code === "nodeDown")) expect(anomaly.cause.node).toBe("C1");
  });

  it("every cause carries the fields its code's sentence uses", () => {
    for (const [scenario, variant] of [
      ["t3-lost-messages", "naive"],
      ["t4-duplicates", "naive"],
      ["t6-competing-consumers", "naive"],
      ["t9-end-to-end", "chaos"],
    ])
      for (const { anomaly } of anomalies(scenario, variant, 4))
        for (const field of CAUSE_FIELDS[anomaly.cause.code]) expect(anomaly.cause[field], `${anomaly.cause.code}.${field}`).toBeDefined();
  });
});
