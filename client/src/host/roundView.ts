// A round on the projector: a header with the topic and variant, the time left, the phase,
// the room code for latecomers and the pause and end buttons; the pipeline canvas large with
// the leaderboard beside it; and the faults along the bottom, always in reach.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { TICK_MS } from "../../../shared/engine/config.js";
import type { ProjectorCanvas } from "./canvas.js";
import { togglePause } from "./controls.js";
import { faultsBar, updateFaultTarget } from "./faults.js";
import { boardPanel, renderLeaderboard } from "./leaderboard.js";
import { lessonBar } from "./lesson/lessonBar.js";
import { roundTitle } from "./names.js";
import { hostPage } from "./pageState.js";
import { clockText, timeLeftMs } from "./roundClock.js";
import { statusLine, updateStatusLine } from "./statusLine.js";
import { countKinds } from "./boardColumns.js";
import { brokerTerm } from "../i18n/roles.js";
import { PROFILE_TEXTS } from "../../../shared/scenarios/texts.js";
import { isProfileId } from "../../../shared/engine/profiles.js";

/** The round's broker and the words its pipeline speaks: "NATS JetStream · +ACK · PubAck · AckWait". */
function brokerLine(profile: string | undefined): HTMLElement | null {
  if (!isProfileId(profile)) return null;
  const terms = [brokerTerm("ack"), brokerTerm("publishConfirm"), brokerTerm("redelivery")].filter((x): x is string => !!x);
  return h("span", { class: "round-profile", testid: "round-profile", "data-profile": profile }, [PROFILE_TEXTS[profile].name, ...terms].join(" · "));
}

export function roundScreen(connection: Connection, canvas: ProjectorCanvas): HTMLElement {
  const { room, roomCode } = hostPage();
  const lesson = room?.lesson?.active;
  return h(
    "div",
    { class: `screen round${lesson ? " in-lesson" : ""}` },
    lesson ? lessonBar(connection) : null,
    h(
      "header",
      { class: "round-head" },
      h("h1", { class: "round-title" }, room ? roundTitle(room.scenario, room.variant) : "", brokerLine(room?.profile)),
      h(
        "div",
        { class: "timer" },
        h("span", { class: "timer-label" }, t("timeLeft")),
        h("span", { class: "round-timer", testid: "round-timer", role: "timer" }),
      ),
      statusLine(),
      h("span", { class: "code-chip" }, `${t("codeShort")} `, h("strong", {}, roomCode)),
      h("button", { type: "button", testid: "pause-round", id: "pause", onclick: () => togglePause(connection) }, t("pause")),
      h("button", { type: "button", testid: "end-round", class: "danger", onclick: () => connection.host("host:end") }, `■ ${t("end")}`),
    ),
    h("div", { class: "round-body" }, h("div", { class: "stage" }, canvas.holder), boardPanel()),
    faultsBar(connection),
  );
}

/** The time left, run on between the room's syncs; called a few times a second. */
export function updateTimer(): void {
  const timer = document.querySelector<HTMLElement>('[data-testid="round-timer"]');
  const { room, tickSeenAt } = hostPage();
  if (!timer || !room) return;
  const left = timeLeftMs(room, performance.now() - tickSeenAt, TICK_MS);
  const text = left === null ? (room.phase === "draining" ? t("finishing") : "—") : clockText(left);
  if (timer.textContent !== text) timer.textContent = text;
  timer.dataset.ms = left === null ? "" : String(Math.round(left));
  timer.classList.toggle("urgent", left !== null && left <= 10_000 && room.phase === "running");
}

export function roundLive(connection: Connection, canvas: ProjectorCanvas): void {
  const { room } = hostPage();
  if (!room) return;
  updateStatusLine();
  updateTimer();
  updateFaultTarget();
  const pause = document.getElementById("pause");
  const label = room.phase === "paused" ? `▶ ${t("resume")}` : `❚❚ ${t("pause")}`;
  if (pause && pause.textContent !== label) pause.textContent = label;
  renderLeaderboard(connection);
  canvas.setCountKinds(countKinds(room.scenario, [...room.teams]));
  canvas.show(room);
}
