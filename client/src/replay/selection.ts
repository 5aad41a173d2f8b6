// What the reader looks at: the team drawn large, the message followed through the round,
// and the anomaly jumped to (the moment its cause made it inevitable).
import type { Anomaly } from "../../../shared/checker/checker.js";
import { findMessage, followMessage } from "../../../shared/replay/follow.js";
import { formatTick } from "../../../shared/replay/format.js";
import { nearestAnomaly } from "../../../shared/replay/replayIndex.js";
import { announce } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import { canvas } from "./canvas.js";
import { redraw, replayPage, update } from "./pageState.js";
import { seekTo } from "./playback.js";

/** Shows `next` large; a followed message is looked up again in that team. */
export function setTeam(next: number): void {
  const { round, team, followed } = replayPage();
  if (!round || next === team || !round.index.teams.has(next)) return;
  let refollowed = followed;
  if (followed) {
    const again = findMessage(round.index, next, followed.msgId);
    refollowed = again ? followMessage(round.index, next, again) : null;
  }
  update({ team: next, jumped: null, followed: refollowed }, "page");
  announce(t("focusedTeam", { team: next + 1 }));
}

/** Pauses at the anomaly's cause, with its team large (another team's followed message is dropped). */
export function jump(a: Anomaly): void {
  const { round, team, followed } = replayPage();
  if (!round) return;
  const changed = a.team !== team;
  update({ playing: false, jumped: a, team: a.team, followed: changed ? null : followed });
  seekTo(a.cause.tick);
  redraw("page");
  announce(`${formatTick(a.cause.tick, round.index.tickMs)} · ${a.msgId}`);
}

/** Jumps to the next (1) or previous (-1) anomaly, of the team shown when the list shows only that team. */
export function jumpToNearestAnomaly(direction: 1 | -1): void {
  const { round, playhead, choices, team } = replayPage();
  if (!round || !playhead) return;
  const a = nearestAnomaly(round.index, playhead.tick, direction, choices.anomalyScope === "team" ? team : null);
  if (a) jump(a);
}

/** Follows the message `text` names in `forTeam`, or says that team has no such message. */
export function follow(forTeam: number, text: string): void {
  const { round, jumped, choices } = replayPage();
  if (!round) return;
  const msgId = findMessage(round.index, forTeam, text);
  if (!msgId) {
    update({ followText: text, followError: t("replayFollowUnknown", { team: forTeam + 1, msgId: text.trim() }), followed: null }, "page");
    return;
  }
  const followed = followMessage(round.index, forTeam, msgId);
  const keepJumped = jumped && (jumped.team !== forTeam || jumped.msgId !== msgId) ? null : jumped;
  update({ followText: msgId, followError: "", jumped: keepJumped, team: forTeam, followed, choices: { ...choices, sequenceSource: "message" } });
  canvas.invalidate();
  redraw("page");
  announce(
    t("replayFollowSummary", {
      msgId: followed.msgId,
      team: followed.team + 1,
      hops: followed.hops,
      drops: followed.drops,
      retries: followed.retries,
      redeliveries: followed.redeliveries,
      applications: followed.applications,
    }),
  );
}

export function stopFollowing(): void {
  update({ followed: null, followText: "", choices: { ...replayPage().choices, sequenceSource: "window" } });
  canvas.invalidate();
  redraw("page");
}
