import { describe, expect, it } from "vitest";
import { brokerConfigErrors } from "../engine/profiles.js";
import { REPLICATION_TICKS } from "../engine/broker.js";
import { actionsFor, findVariant } from "../scenarios/catalogue.js";
import { resimulate } from "../log/resimulate.js";
import { simulate } from "../sim/simulate.js";
import { applyDesign, DESIGN_COSTS } from "./apply.js";
import { CAREFUL_DESIGN, DESIGN_SETTINGS, NAIVE_DESIGN, type Design } from "./settings.js";

const base = findVariant("t9-end-to-end", "design")!;

/** Every design the round offers (4·2·3·2·2·3·3·3·2 of them). */
function allDesigns(): Design[] {
  let out: Partial<Design>[] = [{}];
  for (const s of DESIGN_SETTINGS) out = out.flatMap((d) => s.values.map((v) => ({ ...d, [s.setting]: v })));
  return out as Design[];
}

describe("applyDesign", () => {
  const designs = allDesigns();

  it("makes a sound broker of every design, whatever design the configuration carried before", () => {
    expect(designs).toHaveLength(5184);
    for (const d of designs) {
      const config = applyDesign(base, d);
      expect(brokerConfigErrors(config.broker), JSON.stringify(d)).toEqual([]);
      expect(applyDesign(applyDesign(base, CAREFUL_DESIGN), d)).toEqual(config);
      // A design changes no seat nor subscription: the round's seats are the same for every team.
      expect(config.topology).toEqual(base.topology);
      expect(config.broker.channel).toBe("queue");
      expect(config.broker.manual).toBe(false);
    }
  });

  it("maps each choice onto the engine's settings", () => {
    const naive = applyDesign(base, NAIVE_DESIGN);
    expect(naive.producer).toMatchObject({ publish: "fireAndForget", write: "dualWrite" });
    expect(naive.broker).toMatchObject({
      durable: false,
      persistent: false,
      replicas: 1,
      dedupWindowTicks: 0,
      maxDeliveries: 0,
      partitions: 0,
      messageGroups: false,
    });
    expect(naive.consumer).toMatchObject({ ack: "auto", idempotency: "none", lockPerKey: false });
    const careful = applyDesign(base, CAREFUL_DESIGN);
    expect(careful.producer).toMatchObject({ publish: "ackRetryDedup", write: "outbox", relay: "cdc" });
    expect(careful.broker).toMatchObject({
      durable: true,
      persistent: true,
      replicas: 3,
      maxDeliveries: DESIGN_COSTS.maxDeliveries,
      deadLetter: "queue",
      messageGroups: true,
    });
    expect(careful.broker.dedupWindowTicks).toBeGreaterThan(base.roundTicks);
    expect(careful.consumer).toMatchObject({ ack: "afterProcessing", idempotency: "transactional", autoCheck: true, lockPerKey: true });
    expect(applyDesign(base, { ...NAIVE_DESIGN, routing: "partitionByKey" }).broker.partitions).toBe(DESIGN_COSTS.partitions);
    // With an outbox the relay publishes, and it always waits for the confirm.
    expect(applyDesign(base, { ...NAIVE_DESIGN, write: "outbox" }).producer.publish).toBe("ackRetry");
    expect(applyDesign(base, { ...NAIVE_DESIGN, publish: "waitConfirm" }).producer).toMatchObject({ publish: "waitAck", maxInFlight: 1 });
    expect(actionsFor(careful, "consumer")).toEqual(["process", "ack", "check"]);
    expect(actionsFor(naive, "producer")).toEqual(["saveDb", "publish"]);
  });

  it("charges every protection in ticks", () => {
    const c = (d: Partial<Design>) => applyDesign(base, { ...NAIVE_DESIGN, ...d });
    const confirmDelay = (d: Partial<Design>) => {
      const b = c(d).broker;
      return b.durable ? b.persistTicks + (b.replicas > 1 ? REPLICATION_TICKS : 0) : 0;
    };
    expect(confirmDelay({ storage: "durable" })).toBe(DESIGN_COSTS.persistTicks);
    expect(confirmDelay({ storage: "replicated" })).toBe(DESIGN_COSTS.persistTicks + DESIGN_COSTS.replicationExtraTicks + REPLICATION_TICKS);
    expect(c({ dedup: "on" }).network.confirm.latencyTicks).toBe(c({}).network.confirm.latencyTicks + DESIGN_COSTS.dedupLookupTicks);
    expect(c({ publish: "confirmRetryDedupId" }).network.publish.latencyTicks).toBe(c({}).network.publish.latencyTicks + DESIGN_COSTS.dedupIdTicks);
    const work = (d: Partial<Design>) => c(d).consumer.processTicks;
    expect(work({ idempotency: "transactional" })).toBe(work({}) + DESIGN_COSTS.transactionalTicks);
    expect(work({ idempotency: "separate" })).toBe(work({}) + DESIGN_COSTS.separateCheckTicks);
    expect(c({ idempotency: "separate" }).consumer.recordTicks).toBe(DESIGN_COSTS.separateRecordTicks);
    expect(work({ keyLock: "on" })).toBe(work({}) + DESIGN_COSTS.lockTicks);
    expect(c({}).broker.prefetch).toBe(1);
  });

  it("plays and re-simulates exactly a handful of designs taken across the whole range", () => {
    const picked = designs.filter((_, i) => i % 647 === 0);
    const r = simulate({ scenario: "t9-end-to-end", variant: "design", seed: 3, teams: picked.length, designs: picked, roundTicks: 600 });
    expect(r.header.teams.map((t) => t.design)).toEqual(picked);
    const again = resimulate(r.header, r.events);
    expect(again.divergence).toBeNull();
    expect(again.ok).toBe(true);
  }, 30_000);
});
