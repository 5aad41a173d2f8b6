import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n/locale.js";
import { mainCauseLead } from "./results.js";

(globalThis as { document?: unknown }).document ??= { documentElement: {} };

describe("the end screen's main cause", () => {
  it("says how many of the team's anomalies it explains, in words that fit the number", () => {
    setLocale("pt-BR");
    expect(mainCauseLead("lost", 40, 76)).toBe("Causa principal de 40 das 76 perdas:");
    expect(mainCauseLead("lost", 4, 4)).toBe("Causa principal das 4 perdas:");
    expect(mainCauseLead("wrongFinalState", 2, 2)).toBe("Causa principal dos 2 saldos errados:");
    expect(mainCauseLead("duplicated", 1, 1)).toBe("Causa da duplicação:");
    setLocale("en");
    expect(mainCauseLead("misordered", 3, 9)).toBe("Main cause of 3 of the 9 out-of-order deliveries:");
    expect(mainCauseLead("race", 1, 1)).toBe("Cause of the lost update:");
  });
});
