// The room between rounds: how to join on the left, who joined in the middle (big), and
// along the bottom the instructor's setup of the next round — topic and variant with the
// goal, start, the lock, moving students, lesson mode — and the last round's debrief.
import type { Connection } from "../connection.js";
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { tourButton, tourView } from "./brokerTour.js";
import { goalLine, lockButton, pickers, startButton, startRound, updateLock } from "./controls.js";
import { designPickers, designStartButton, isDesignVariant } from "./designPhase.js";
import { joinPanel } from "./joinPanel.js";
import { lessonBar, lessonTopic } from "./lesson/lessonBar.js";
import { roundTitle, variantLabel } from "./names.js";
import { hostPage, update } from "./pageState.js";
import { renderRoster, rosterPanel } from "./roster.js";
import { statusLine, updateStatusLine } from "./statusLine.js";

export function lobbyScreen(connection: Connection): HTMLElement {
  const { lastOver, moving, room } = hostPage();
  const lesson = room?.lesson?.active ? room.lesson : null;
  // Topic 2.6's tour takes the room's place until the instructor goes back.
  const tour = tourView();
  if (tour) return h("div", { class: `screen lobby touring${lesson ? " in-lesson" : ""}` }, lesson ? lessonBar(connection) : null, tour);
  const design = isDesignVariant(room?.scenario, room?.variant);
  // A design round opens with its design phase; starting at once plays the designs as they are.
  const start = design
    ? [
        designStartButton(connection),
        h("button", { type: "button", testid: "start-round", onclick: () => startRound(connection) }, `▶ ${t("startWithDesigns")}`),
      ]
    : [startButton(connection)];
  return h(
    "div",
    { class: `screen lobby${lesson ? " in-lesson" : ""}` },
    lesson ? lessonBar(connection) : null,
    joinPanel(),
    rosterPanel(),
    h(
      "section",
      { class: "setup", "aria-label": t("start") },
      h(
        "div",
        { class: "setup-row" },
        pickers(connection),
        design ? designPickers() : null,
        h(
          "div",
          { class: "setup-actions" },
          ...start,
          lockButton(connection),
          tourButton(),
          h(
            "button",
            { type: "button", class: moving ? "pressed" : "", "aria-pressed": String(moving), onclick: () => update({ moving: !moving }) },
            moving ? t("doneMoving") : t("moveStudents"),
          ),
          lesson
            ? null
            : h("button", { type: "button", testid: "lesson-start", onclick: () => connection.host("host:lesson", { action: "start" }) }, t("lessonStart")),
        ),
      ),
      lesson ? lessonRoundLine(lesson.topic, lesson.roundIndex) : null,
      goalLine(),
      h(
        "div",
        { class: "setup-row small" },
        statusLine(),
        lastOver
          ? h(
              "p",
              { class: "last-round" },
              `${t("lastRound", { title: roundTitle(lastOver.summary.scenario, lastOver.summary.variant) })} `,
              h("button", { type: "button", class: "link", testid: "show-debrief", onclick: () => update({ debriefOpen: true }) }, t("showDebrief")),
            )
          : null,
      ),
    ),
  );
}

/** In lesson mode: which of the topic's rounds comes next ("Round 2 of 2: Fixed"). */
function lessonRoundLine(topic: number, index: number): HTMLElement | null {
  const rounds = lessonTopic(topic)?.rounds ?? [];
  const scenario = lessonTopic(topic)?.scenario ?? "";
  if (!rounds.length) return null;
  const n = Math.min(index, rounds.length - 1);
  return h(
    "p",
    { class: "lesson-round", testid: "lesson-round" },
    t("roundOfTopic", { n: n + 1, total: rounds.length, variant: variantLabel(scenario, rounds[n]) }),
  );
}

/** What changes with the room's state between renders: the roster, the lock, the phase. */
export function lobbyLive(connection: Connection): void {
  renderRoster(connection);
  updateLock();
  updateStatusLine();
}
