import { describe, expect, it } from "vitest";
import { BOT_TAKEOVER_MS, ConfigError, IDLE_BOT_MS, IDLE_NUDGE_MS, readConfig } from "./config.js";

describe("readConfig", () => {
  it("reads the bot takeover grace period, 8 s unless BOT_TAKEOVER_MS says otherwise", () => {
    expect(readConfig({}).botTakeoverMs).toBe(BOT_TAKEOVER_MS);
    expect(readConfig({ BOT_TAKEOVER_MS: "500" }).botTakeoverMs).toBe(500);
    for (const bad of ["soon", "-1", "1.5", "999999999"]) expect(() => readConfig({ BOT_TAKEOVER_MS: bad }), bad).toThrow(ConfigError);
  });

  it("reads the idle thresholds, 20 s to the nudge and 40 s to the bot unless IDLE_NUDGE_MS and IDLE_BOT_MS say otherwise", () => {
    expect(readConfig({})).toMatchObject({ idleNudgeMs: IDLE_NUDGE_MS, idleBotMs: IDLE_BOT_MS });
    expect([IDLE_NUDGE_MS, IDLE_BOT_MS]).toEqual([20_000, 40_000]);
    expect(readConfig({ IDLE_NUDGE_MS: "300", IDLE_BOT_MS: "600" })).toMatchObject({ idleNudgeMs: 300, idleBotMs: 600 });
    expect(readConfig({ IDLE_NUDGE_MS: "0", IDLE_BOT_MS: "0" })).toMatchObject({ idleNudgeMs: 0, idleBotMs: 0 });
    for (const bad of ["later", "-5", "2.5", "700000"]) expect(() => readConfig({ IDLE_BOT_MS: bad }), bad).toThrow(ConfigError);
    expect(() => readConfig({ IDLE_NUDGE_MS: "5000", IDLE_BOT_MS: "4000" })).toThrow(ConfigError);
  });
});
