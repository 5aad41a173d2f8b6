import { describe, expect, it } from "vitest";
import { BOT_TAKEOVER_MS, ConfigError, readConfig } from "./config.js";

describe("readConfig", () => {
  it("reads the bot takeover grace period, 8 s unless BOT_TAKEOVER_MS says otherwise", () => {
    expect(readConfig({}).botTakeoverMs).toBe(BOT_TAKEOVER_MS);
    expect(readConfig({ BOT_TAKEOVER_MS: "500" }).botTakeoverMs).toBe(500);
    for (const bad of ["soon", "-1", "1.5", "999999999"]) expect(() => readConfig({ BOT_TAKEOVER_MS: bad }), bad).toThrow(ConfigError);
  });
});
