import { describe, expect, it } from "vitest";
import { designEndOf, designEndsOf } from "./designEnds.js";

const ends = (...seats: string[]) => Object.fromEntries(designEndsOf(seats));

describe("the end each seat designs", () => {
  it("is the seat's own end when the team has a seat at every end", () => {
    expect(ends("P1", "B", "C1")).toEqual({ P1: "producer", B: "broker", C1: "consumer" });
    expect(ends("P1", "C1")).toEqual({ P1: "producer", C1: "consumer" });
  });

  it("gives a broker that has no seat to the last seat of the most crowded end", () => {
    expect(ends("P1", "C1", "P2")).toEqual({ P1: "producer", C1: "consumer", P2: "broker" });
    expect(ends("C2", "P1", "C1", "P2", "C3")).toEqual({ P1: "producer", P2: "producer", C1: "consumer", C2: "consumer", C3: "broker" });
    expect(ends("P1", "P2")).toEqual({ P1: "producer", P2: "broker" });
    expect(designEndOf("P2", ["P1", "C1"])).toBe("broker");
    expect(designEndOf("P2", ["C1"])).toBe("producer");
    expect(designEndOf("host", ["P1"])).toBeNull();
  });
});
