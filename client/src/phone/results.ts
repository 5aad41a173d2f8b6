// The end of a round on a phone: the team's place among the teams, its score and counts, the
// main cause of its anomalies in one sentence (the shared causeSentence, once its texts have
// arrived), and the person's own part.
import { h } from "../dom.js";
import { currentLocale } from "../i18n/locale.js";
import { t } from "../i18n/phoneWords.js";
import type { causeSentence as CauseSentence } from "../../../shared/checker/causeSentence.js";
import { vocabularyProfile } from "../i18n/roles.js";
import type { AnomalyKind, TeamReport } from "../../../shared/checker/checker.js";
import type { PlayerRoundOver } from "../../../shared/protocol.js";

/** How many anomalies of a kind the team had (the group's count is part of it). */
function kindTotal(team: TeamReport | null, kind: AnomalyKind): number {
  if (!team) return 0;
  const counts: Record<AnomalyKind, number> = {
    lost: team.lost,
    duplicated: team.duplicated,
    misordered: team.misordered,
    inconsistent: team.inconsistent,
    race: team.raceAnomalies,
    wrongFinalState: team.wrongFinalState,
    parked: team.parked,
  };
  return counts[kind];
}

/** "Main cause of 40 of the 76 losses:"; "…of the 4 losses:" when it caused them all; "Cause of the loss:" for one. */
export function mainCauseLead(kind: AnomalyKind, count: number, total: number): string {
  if (total === 1) return t(`mainCauseOne_${kind}`);
  return count === total ? t(`mainCauseAll_${kind}`, { total }) : t(`mainCause_${kind}`, { count, total });
}

export function results(o: PlayerRoundOver, sentence: typeof CauseSentence | null): HTMLElement {
  const team = o.team;
  const number = (team?.team ?? 0) + 1;
  const place = o.rank > 0 && o.teamCount > 1 ? t("teamPlace", { team: number, rank: o.rank, count: o.teamCount }) : t("teamOnly", { team: number });
  const count = (label: string, value: number, bad = false) => h("li", { class: bad && value > 0 ? "bad" : "" }, h("strong", {}, String(value)), ` ${label}`);
  const cause = o.mainCause;
  return h(
    "section",
    { class: "card over", testid: "results" },
    h("h2", {}, t("over")),
    h("p", { class: "place", testid: "team-rank", "data-rank": o.rank }, place),
    // A design round ranks the teams by its own score: effects per minute minus the anomalies' penalty.
    o.design
      ? h("p", { class: "score", testid: "team-score" }, `${t("score")}: ${o.design.score} · ${t("perMinute", { n: o.design.throughputPerMin })}`)
      : h("p", { class: "score", testid: "team-score" }, `${t("score")}: ${team?.score ?? 0}`),
    team
      ? h(
          "ul",
          { class: "counts" },
          count(t("committed"), team.committed),
          count(t("lost"), team.lost, true),
          count(t("duplicated"), team.duplicated, true),
          count(t("misordered"), team.misordered, true),
          team.inconsistent ? count(t("inconsistent"), team.inconsistent, true) : null,
          team.raceAnomalies ? count(t("raceAnomalies"), team.raceAnomalies, true) : null,
          team.wrongFinalState ? count(t("wrongBalances"), team.wrongFinalState, true) : null,
          team.parked ? count(t("parkedMessages"), team.parked, true) : null,
        )
      : null,
    cause
      ? h(
          "div",
          { class: "main-cause", testid: "main-cause", "data-cause": cause.code },
          h("p", {}, h("strong", {}, mainCauseLead(cause.kind, cause.count, Math.max(cause.count, kindTotal(team, cause.kind))))),
          h("p", { class: "sentence" }, sentence ? sentence(cause.sample, currentLocale(), undefined, vocabularyProfile()) : "…"),
        )
      : team
        ? h("p", { class: "ok" }, t("noAnomaly"))
        : null,
    h("p", { class: "muted" }, t("yourContribution", { actions: o.you?.actions ?? 0, refusals: o.you?.refusals ?? 0 })),
  );
}
