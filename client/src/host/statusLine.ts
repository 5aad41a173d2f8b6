// One line with the room's phase and, for a few seconds, the room's last refusal of an
// instructor's command, in words.
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { hostPage } from "./pageState.js";

const PHASES = ["lobby", "design", "running", "paused", "draining", "over"] as const;

export function phaseText(): string {
  const room = hostPage().room;
  if (!room) return t("joining");
  if (room.phase === "countdown") return t("countdown", { n: room.countdown });
  return t((PHASES as readonly string[]).includes(room.phase) ? (room.phase as (typeof PHASES)[number]) : "lobby");
}

export function statusLine(): HTMLElement {
  const line = h(
    "p",
    { class: "status-line" },
    h("span", { id: "phase", class: "phase", role: "status" }),
    h("span", { id: "host-refusal", class: "refusal", role: "alert" }),
  );
  return line;
}

export function updateStatusLine(): void {
  const phase = document.getElementById("phase");
  const text = phaseText();
  if (phase && phase.textContent !== text) phase.textContent = text;
  const refusal = document.getElementById("host-refusal");
  if (refusal && refusal.textContent !== hostPage().refusal) refusal.textContent = hostPage().refusal;
}
