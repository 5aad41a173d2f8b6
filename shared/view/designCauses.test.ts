import { describe, expect, it } from "vitest";
import type { CauseGroup } from "../checker/groups.js";
import { causesBySetting } from "./designCauses.js";

describe("a team's causes by setting", () => {
  it("puts each cause under every setting it blames, largest first, and leaves out what no setting governs", () => {
    const group = (code: string, count: number) => ({ code, count }) as unknown as CauseGroup;
    const by = causesBySetting([
      group("brokerDiskLost", 2),
      group("brokerCrashNotDurable", 5),
      group("dupNack", 1),
      group("wrongFinalState", 3),
      group("dupProducerRetry", 4),
    ]);
    expect(by.get("storage")?.map((g) => g.code)).toEqual(["brokerCrashNotDurable", "brokerDiskLost"]);
    expect(by.get("idempotency")?.map((g) => g.code)).toEqual(["dupProducerRetry", "dupNack"]);
    expect(by.get("dedup")?.map((g) => g.count)).toEqual([4]);
    expect([...by.keys()].sort()).toEqual(["dedup", "idempotency", "storage"]);
  });
});
