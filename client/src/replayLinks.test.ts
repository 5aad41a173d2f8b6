import { describe, expect, it } from "vitest";
import { parseReplayTarget, replayUrl } from "./replayLinks.js";

describe("replay links", () => {
  it("name the game, a team from 1, the tick, the message and the round to compare", () => {
    const url = replayUrl({ game: "g-1", team: 2, tick: 340, msg: "P1-12", compare: "g-0" });
    expect(url).toBe("/replay?game=g-1&team=3&tick=340&msg=P1-12&compare=g-0");
    expect(parseReplayTarget(url.slice(url.indexOf("?")))).toEqual({ game: "g-1", team: 2, tick: 340, msg: "P1-12", compare: "g-0" });
  });

  it("read back only what is well formed", () => {
    expect(parseReplayTarget("?team=2")).toBeNull();
    expect(parseReplayTarget("?game=g-2&team=0&tick=-4&msg=<b>")).toEqual({ game: "g-2" });
    expect(replayUrl({ game: "a b" })).toBe("/replay?game=a+b");
    expect(parseReplayTarget("?game=a+b")).toEqual({ game: "a b" });
  });
});
