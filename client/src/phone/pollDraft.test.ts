import { describe, expect, it } from "vitest";
import { MAX_POLL_LENGTH } from "../../../shared/protocol.js";
import { pollDraft } from "./pollDraft.js";

describe("a poll answer typed on a phone", () => {
  it("is sent as the room keeps it: markup, control characters and extra spaces gone", () => {
    expect(pollDraft("  não <b>bloqueia</b>\u0007  quem   envia ")).toEqual({ ok: true, text: "não bloqueia quem envia" });
    expect(pollDraft("<script>alert(1)</script>fila")).toMatchObject({ ok: true });
    expect(pollDraft("a < b > c")).toEqual({ ok: true, text: "a b c" });
  });

  it("is refused before sending when nothing is left or it is too long", () => {
    expect(pollDraft("   ")).toEqual({ ok: false, error: "empty", length: 0 });
    expect(pollDraft("<br>")).toMatchObject({ ok: false, error: "empty" });
    expect(pollDraft("x".repeat(MAX_POLL_LENGTH))).toMatchObject({ ok: true });
    expect(pollDraft("x".repeat(MAX_POLL_LENGTH + 1))).toEqual({ ok: false, error: "tooLong", length: MAX_POLL_LENGTH + 1 });
  });

  it("counts characters as people see them, not UTF-16 units", () => {
    expect(pollDraft("🙂".repeat(MAX_POLL_LENGTH))).toMatchObject({ ok: true });
  });
});
