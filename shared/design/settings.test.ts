import { describe, expect, it } from "vitest";
import {
  CAREFUL_DESIGN,
  checkDesignChoice,
  DESIGN_SETTINGS,
  designKey,
  endOfSeat,
  isDesign,
  NAIVE_DESIGN,
  settingsOfEnd,
  withChoice,
  type Design,
} from "./settings.js";
import { DESIGN_TEXTS, designTexts } from "./texts.js";

describe("design settings", () => {
  it("lists every setting of a design once, grouped by end in display order", () => {
    expect(DESIGN_SETTINGS.map((s) => s.setting).sort()).toEqual(Object.keys(NAIVE_DESIGN).sort());
    expect(DESIGN_SETTINGS.map((s) => s.end)).toEqual(["producer", "producer", "broker", "broker", "broker", "broker", "consumer", "consumer", "consumer"]);
    expect(settingsOfEnd("consumer")).toEqual(["ack", "idempotency", "keyLock"]);
  });

  it("keeps the naive and careful designs valid, and different in every setting but none", () => {
    expect(isDesign(NAIVE_DESIGN)).toBe(true);
    expect(isDesign(CAREFUL_DESIGN)).toBe(true);
    for (const s of DESIGN_SETTINGS) expect(NAIVE_DESIGN[s.setting], s.setting).not.toBe(CAREFUL_DESIGN[s.setting]);
  });

  it("maps seats to their end", () => {
    expect(endOfSeat("P1")).toBe("producer");
    expect(endOfSeat("P12")).toBe("producer");
    expect(endOfSeat("B")).toBe("broker");
    expect(endOfSeat("C2")).toBe("consumer");
    expect(endOfSeat("X")).toBeNull();
    expect(endOfSeat("Cx")).toBeNull();
  });

  it("refuses a choice of another end, an unknown setting or value, and accepts the rest", () => {
    expect(checkDesignChoice("producer", "publish", "confirmRetry")).toBeNull();
    expect(checkDesignChoice("broker", "storage", "replicated")).toBeNull();
    expect(checkDesignChoice("consumer", "publish", "confirmRetry")).toMatch(/producer/);
    expect(checkDesignChoice("consumer", "colour", "red")).toMatch(/unknown setting/);
    expect(checkDesignChoice("consumer", "ack", "sometimes")).toMatch(/no value/);
    for (const s of DESIGN_SETTINGS) for (const v of s.values) expect(checkDesignChoice(s.end, s.setting, v)).toBeNull();
  });

  it("changes one setting at a time, ignoring values a setting does not have", () => {
    const d = withChoice(NAIVE_DESIGN, "storage", "durable");
    expect(d).toEqual({ ...NAIVE_DESIGN, storage: "durable" });
    expect(NAIVE_DESIGN.storage).toBe("memory");
    expect(withChoice(NAIVE_DESIGN, "storage", "paper")).toBe(NAIVE_DESIGN);
  });

  it("recognises a design and nothing else", () => {
    expect(isDesign({ ...CAREFUL_DESIGN })).toBe(true);
    expect(isDesign(null)).toBe(false);
    expect(isDesign([])).toBe(false);
    expect(isDesign({ ...CAREFUL_DESIGN, ack: "never" })).toBe(false);
    expect(isDesign({ ...CAREFUL_DESIGN, extra: "x" })).toBe(false);
    const { keyLock: _, ...missing } = CAREFUL_DESIGN;
    expect(isDesign(missing)).toBe(false);
    expect(designKey(NAIVE_DESIGN)).toMatch(/^publish=fireAndForget,write=dbThenPublish,storage=memory,/);
  });

  it("has a title per end, a label per setting and a label and a one-line cost per value, in both languages", () => {
    for (const locale of ["en", "pt"] as const) {
      const t = DESIGN_TEXTS[locale];
      for (const end of ["producer", "broker", "consumer"] as const) expect(t.ends[end].length).toBeGreaterThan(3);
      for (const s of DESIGN_SETTINGS) {
        expect(t.settings[s.setting].label.length, `${locale} ${s.setting}`).toBeGreaterThan(1);
        expect(Object.keys(t.settings[s.setting].values).sort()).toEqual([...s.values].sort());
        for (const v of s.values) {
          const text = t.settings[s.setting].values[v];
          expect(text.label.length, `${locale} ${s.setting} ${v}`).toBeGreaterThan(1);
          expect(text.label.length, `${locale} ${s.setting} ${v}`).toBeLessThanOrEqual(24);
          expect(text.cost.length, `${locale} ${s.setting} ${v}`).toBeGreaterThan(10);
          expect(text.cost.length, `${locale} ${s.setting} ${v}`).toBeLessThanOrEqual(100);
          expect(text.cost).not.toMatch(/\n/);
        }
      }
    }
    expect(designTexts("pt-BR")).toBe(DESIGN_TEXTS.pt);
    expect(designTexts("en")).toBe(DESIGN_TEXTS.en);
  });

  it("types a design's settings narrowly", () => {
    const d: Design = { ...NAIVE_DESIGN, routing: "messageGroups" };
    expect(d.routing).toBe("messageGroups");
  });
});
