// The phone before a round: "you're in" once, with the name as the projector shows it; the
// seat the room has dealt for the next round ("You will play Producer P1 in team 2"); the
// lesson's topic when the class follows the lesson.
import { h } from "../dom.js";
import { tx } from "../i18n/locale.js";
import { t } from "../i18n/phoneWords.js";
import { roleName } from "../i18n/roles.js";
import type { LessonTopic } from "../../../shared/lesson/plan.js";

/** The seat previewed in the lobby: a seat id and a 0-based team. */
export interface SeatPreview {
  seat: string;
  team: number;
}

/** The role a seat id stands for (P1 producer, B broker, C2 consumer). */
export function roleOfSeatId(seat: string): "producer" | "broker" | "consumer" | null {
  return seat === "B" ? "broker" : /^P\d+$/.test(seat) ? "producer" : /^C\d+$/.test(seat) ? "consumer" : null;
}

export function lobby(name: string, preview: SeatPreview | null, topic: LessonTopic | null, spectator: boolean): HTMLElement {
  const role = preview ? roleOfSeatId(preview.seat) : null;
  return h(
    "section",
    { class: "card lobby", testid: "lobby" },
    h("h1", { testid: "you-are-in" }, t("youAreIn", { name })),
    topic ? h("p", { class: "topic" }, t("lessonTopic", { n: topic.topic, title: tx(topic.title) })) : null,
    // my-role: the seat this phone will play when the room has dealt one, else what it waits for.
    role && preview
      ? h(
          "p",
          { class: "preview", testid: "my-role", "data-preview": preview.seat },
          t("youWillBe", { role: roleName(role), seat: preview.seat, team: preview.team + 1 }),
        )
      : null,
    h("p", { class: "muted", ...(role ? {} : { testid: "my-role" }) }, spectator ? t("spectator") : topic ? t("lookAtProjector") : t("waiting")),
    spectator ? null : h("p", { class: "muted small" }, t("keepOpen")),
  );
}

/** A team's line on a late joiner's board. */
export interface TeamLine {
  score: number;
  committed: number;
  lost: number;
  duplicated: number;
}

/** What a late joiner watches: every team's score, until the next round gives them a seat. */
export function leaderboard(teams: TeamLine[]): HTMLElement {
  const rows = teams.map((team, i) => ({ team, i })).sort((a, b) => b.team.score - a.team.score);
  const line = ({ team, i }: { team: TeamLine; i: number }) =>
    `${t("team")} ${i + 1}: ${team.score} · ${t("committed")} ${team.committed} · ${t("lost")} ${team.lost} · ${t("duplicated")} ${team.duplicated}`;
  return h("section", { class: "card" }, h("h2", {}, t("leaderboard")), h("ul", { class: "list compact" }, ...rows.map((row) => h("li", {}, line(row)))));
}
