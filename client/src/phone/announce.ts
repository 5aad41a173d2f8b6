// What a screen reader hears when a seat changes: what arrived, what was acknowledged, what
// timed out, a crash. Each thing is said once (`said` remembers it across seat messages).
import { t } from "../i18n/phoneWords.js";
import type { SeatMessage } from "../../../shared/protocol.js";

export function announcements(before: SeatMessage | null, after: SeatMessage, said: Set<string>): string[] {
  const v = after.view;
  if (!v) return [];
  const notes: string[] = [];
  const once = (key: string, text: string) => {
    if (said.has(key)) return;
    said.add(key);
    notes.push(text);
  };
  if (v.role === "consumer") for (const i of v.inbox) once(`r${i.token}`, t("received", { msgId: i.msgId }));
  if (v.role === "producer")
    for (const r of v.sent) {
      if (r.status === "acknowledged") once(`${r.status}${r.msgId}${r.attempts}`, t("ackReceived", { msgId: r.msgId }));
      if (r.status === "timedOut") once(`${r.status}${r.msgId}${r.attempts}`, t("timedOutNotice", { msgId: r.msgId }));
    }
  if (before?.view && before.view.up && !v.up) notes.push(t("youAreDown"));
  return notes.slice(-3);
}
