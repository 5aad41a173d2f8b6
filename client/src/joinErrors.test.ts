import { describe, expect, it } from "vitest";
import { joinErrorCode, keepsSeat } from "./joinErrors.js";

/** The SDK's matchmaking error: a message and a numeric code. */
const sdkError = (message: string, code?: number) => Object.assign(new Error(message), { name: "MatchMakeError", code });

describe("joinErrorCode", () => {
  it("reads the room's own refusals by reason and by close code", () => {
    expect(joinErrorCode(sdkError("badName", 4400))).toBe("badName");
    expect(joinErrorCode(sdkError("notHost", 4401))).toBe("notHost");
    expect(joinErrorCode(sdkError("roomLocked", 4403))).toBe("roomLocked");
    expect(joinErrorCode(sdkError("roomFull", 4403))).toBe("roomFull");
    expect(joinErrorCode(sdkError("roomFull", 4409))).toBe("roomFull");
    expect(joinErrorCode(sdkError("rateLimited", 4429))).toBe("rateLimited");
    expect(joinErrorCode(sdkError("", 4429))).toBe("rateLimited");
  });

  it("reads the matchmaker's: a room that does not exist, a room locked, a server out of reach", () => {
    expect(joinErrorCode(sdkError('room "QQQQQQ" not found', 522))).toBe("unknownRoom");
    expect(joinErrorCode(sdkError('room "U5Z5KA" is locked', 522))).toBe("roomLocked");
    expect(joinErrorCode(sdkError("fetch failed"))).toBe("unreachable");
    expect(joinErrorCode(new TypeError("Failed to fetch"))).toBe("unreachable");
  });

  it("never gives up on words: anything else is a server error", () => {
    expect(joinErrorCode(sdkError("boom", 500))).toBe("serverError");
    expect(joinErrorCode(undefined)).toBe("serverError");
    expect(joinErrorCode("weird")).toBe("serverError");
  });

  it("keeps the seat's resume token through refusals that say nothing about the token", () => {
    expect(keepsSeat("roomLocked")).toBe(true);
    expect(keepsSeat("unreachable")).toBe(true);
    expect(keepsSeat("unknownRoom")).toBe(false);
    expect(keepsSeat("badName")).toBe(false);
  });
});
