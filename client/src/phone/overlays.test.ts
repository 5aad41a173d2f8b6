import { describe, expect, it } from "vitest";
import { overlayKind } from "./overlays.js";

describe("what covers the phone", () => {
  it("a lost connection first, then a pause, else nothing", () => {
    expect(overlayKind("reconnecting", "running")).toBe("reconnecting");
    expect(overlayKind("reconnecting", "paused")).toBe("reconnecting");
    expect(overlayKind("disconnected", "running")).toBe("disconnected");
    expect(overlayKind("connected", "paused")).toBe("paused");
    for (const phase of ["lobby", "countdown", "running", "draining", "over"]) expect(overlayKind("connected", phase)).toBeNull();
  });
});
