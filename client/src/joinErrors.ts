// Why a room did not let a page in, as one code the page can put in words. The room refuses
// with a close code and a reason (badName 4400, notHost 4401, roomLocked / roomFull 4403 or
// 4409, rateLimited 4429); the SDK's matchmaker adds its own: a room that does not exist
// ("not found"), a room Colyseus itself has locked ("is locked": the instructor locked it,
// or it is full), and a server it cannot reach at all.

export const JOIN_ERROR_CODES = ["badName", "notHost", "roomLocked", "roomFull", "rateLimited", "unknownRoom", "unreachable", "serverError"] as const;
export type JoinErrorCode = (typeof JOIN_ERROR_CODES)[number];

const BY_CLOSE_CODE: Record<number, JoinErrorCode> = { 4400: "badName", 4401: "notHost", 4403: "roomLocked", 4409: "roomFull", 4429: "rateLimited" };
const BY_REASON: readonly JoinErrorCode[] = ["badName", "notHost", "roomLocked", "roomFull", "rateLimited"];

export function joinErrorCode(error: unknown): JoinErrorCode {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const reason = BY_REASON.find((code) => message.includes(code));
  if (reason) return reason;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === "number" && BY_CLOSE_CODE[code]) return BY_CLOSE_CODE[code];
  if (/\bis locked\b/i.test(message)) return "roomLocked";
  if (/not found|invalid|expired|no rooms? found/i.test(message)) return "unknownRoom";
  if (/fetch|network|offline|ECONNREFUSED|timed? ?out|load failed/i.test(message)) return "unreachable";
  return "serverError";
}

/** Refusals after which a stored resume token is still good: the seat stays this phone's. */
export function keepsSeat(code: JoinErrorCode): boolean {
  return code === "roomLocked" || code === "roomFull" || code === "rateLimited" || code === "unreachable" || code === "serverError";
}
