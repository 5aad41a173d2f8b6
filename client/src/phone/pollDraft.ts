// What a student typed for the poll, as the room will keep it: cleaned exactly as the room
// cleans it (tags, control characters and extra spaces gone), then checked against the
// poll's limit, so the phone can say what is wrong before sending.
import { cleanAnswer, MAX_POLL_LENGTH } from "../../../shared/protocol.js";

export type PollDraft = { ok: true; text: string } | { ok: false; error: "empty" | "tooLong"; length: number };

export function pollDraft(raw: string): PollDraft {
  const text = cleanAnswer(raw);
  const length = [...text].length;
  if (length === 0) return { ok: false, error: "empty", length };
  if (length > MAX_POLL_LENGTH) return { ok: false, error: "tooLong", length };
  return { ok: true, text };
}
