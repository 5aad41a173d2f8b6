import { describe, expect, it } from "vitest";
import type { CauseGroup } from "../checker/groups.js";
import { causesBySetting, settingOfCause } from "./designCauses.js";

describe("the setting a cause points at", () => {
  it("names a setting only for causes that exist, and each cause once", () => {
    expect(settingOfCause("brokerCrashNotDurable")).toBe("storage");
    expect(settingOfCause("dupRedeliveryTimeout")).toBe("idempotency");
    expect(settingOfCause("linkLoss")).toBe("publish");
    expect(settingOfCause("wrongFinalState")).toBeNull();
  });

  it("groups a team's causes by setting, largest first", () => {
    const group = (code: string, count: number) => ({ code, count }) as unknown as CauseGroup;
    const by = causesBySetting([group("brokerDiskLost", 2), group("brokerCrashNotDurable", 5), group("dupNack", 1), group("notDrained", 3)]);
    expect(by.get("storage")?.map((g) => g.code)).toEqual(["brokerCrashNotDurable", "brokerDiskLost"]);
    expect(by.get("idempotency")?.map((g) => g.count)).toEqual([1]);
    expect([...by.keys()].sort()).toEqual(["idempotency", "storage"]);
  });
});
