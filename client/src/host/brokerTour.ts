// Topic 2.6 on the projector: the same round on every broker. The next round's variant is
// simulated (shared/sim/tour.ts, bots only, one team) on each profile it runs on, one
// column per broker with its counts beside its one-line behaviour — computed in the browser
// in about a second, not played. Also the debrief's panel naming the round's broker's words.
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { currentLocale, tx } from "../i18n/locale.js";
import { BROKER_VOCABULARY, termText, type VocabularyTerm } from "../../../shared/scenarios/brokerVocabulary.js";
import { PROFILE_TEXTS } from "../../../shared/scenarios/texts.js";
import { isProfileId } from "../../../shared/engine/profiles.js";
import type { TourColumn, TourCount } from "../../../shared/sim/tour.js";
import { variantLabel } from "./names.js";
import { hostPage, update } from "./pageState.js";

/** The counts a column shows: the anomalies first, always; the rest when some broker has any. */
const ALWAYS: readonly TourCount[] = ["applied", "lost", "duplicated", "misordered", "parked"];
const SOMETIMES: readonly TourCount[] = ["wrongFinalState", "raceAnomalies", "inconsistent"];
const NOT_ANOMALY = new Set<TourCount>(["committed", "applied"]);

/** The tour of what the pickers show, as far as computed ("columns" grows one broker at a time). */
export interface TourState {
  scenario: string;
  variant: string;
  seed: number;
  profiles: string[];
  columns: TourColumn[];
  /** Milliseconds the whole computation took (shown small: "simulated in 0.4 s"). */
  ms: number | null;
}

let running = 0;

/** Opens the tour and computes it for the room's next round, one broker per frame so the page stays responsive. */
export async function openTour(): Promise<void> {
  const room = hostPage().room;
  if (!room) return;
  const { scenario, variant } = room;
  const seed = hostPage().seed === "" ? 1 : Number(hostPage().seed) | 0;
  const run = ++running;
  const { tourColumn, tourProfiles } = await import("../../../shared/sim/tour.js");
  const profiles = tourProfiles(scenario, variant);
  const started = performance.now();
  const state: TourState = { scenario, variant, seed, profiles, columns: [], ms: null };
  update({ tour: { ...state } });
  for (const profile of profiles) {
    // One broker per task: the page draws each column as it comes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run !== running || !hostPage().tour) return;
    try {
      state.columns.push(tourColumn(scenario, variant, seed, profile));
    } catch (error) {
      console.error("tour", profile, error);
      throw error;
    }
    update({ tour: { ...state, columns: [...state.columns], ms: state.columns.length === profiles.length ? performance.now() - started : null } });
  }
}

export function closeTour(): void {
  running++;
  update({ tour: null });
}

export function tourButton(): HTMLElement {
  return h("button", { type: "button", testid: "broker-tour", title: t("tourHelp"), onclick: () => void openTour() }, `⇶ ${t("tourOpen")}`);
}

/** The tour's view: one column per broker, or nothing when closed. */
export function tourView(): HTMLElement | null {
  const tour = hostPage().tour;
  if (!tour) return null;
  const rows = [...ALWAYS, ...SOMETIMES.filter((k) => tour.columns.some((c) => c.counts[k] > 0))];
  const done = tour.columns.length === tour.profiles.length;
  return h(
    "section",
    { class: "broker-tour", testid: "broker-tour-view", "data-done": String(done), "aria-label": t("tourTitle") },
    h(
      "header",
      { class: "tour-head" },
      h("h2", {}, t("tourTitle"), h("small", {}, ` · ${variantLabel(tour.scenario, tour.variant)} · ${t("tourSeed", { seed: tour.seed })}`)),
      h("button", { type: "button", class: "primary", testid: "broker-tour-close", onclick: closeTour }, t("tourClose")),
    ),
    h("p", { class: "explain" }, t("tourExplain", { committed: tour.columns[0]?.counts.committed ?? "…" })),
    h(
      "div",
      { class: `tour-columns n${tour.profiles.length}` },
      ...tour.profiles.map((profile) => {
        const column = tour.columns.find((c) => c.profile === profile);
        const text = isProfileId(profile) ? PROFILE_TEXTS[profile] : null;
        return h(
          "article",
          { class: "tour-column", testid: "broker-tour-column", "data-profile": profile, "aria-busy": String(!column) },
          h("h3", {}, text?.name ?? profile),
          column
            ? h(
                "dl",
                { class: "tour-counts" },
                ...rows.flatMap((k) => [
                  h("dt", {}, t(k)),
                  h(
                    "dd",
                    {
                      testid: "tour-count",
                      "data-kind": k,
                      "data-count": String(column.counts[k]),
                      class: column.counts[k] > 0 && !NOT_ANOMALY.has(k) ? "bad" : "",
                    },
                    String(column.counts[k]),
                  ),
                ]),
              )
            : h("p", { class: "muted" }, t("tourComputing")),
          h("p", { class: "behaviour" }, text ? tx(text.summary) : ""),
        );
      }),
    ),
    tour.ms !== null ? h("p", { class: "explain small" }, t("tourTook", { s: (tour.ms / 1000).toFixed(1) })) : null,
  );
}

/** The terms the debrief names, in the order it lists them. */
const DEBRIEF_TERMS = [
  "ack",
  "nack",
  "publishConfirm",
  "redelivery",
  "redelivered",
  "deadLetter",
  "dedupId",
  "group",
] as const satisfies readonly VocabularyTerm[];

/** In the debrief: the broker the round ran on and the names its documentation gives what the round showed (its behaviour is on the lobby's line). */
export function vocabularyPanel(profile: string | undefined): HTMLElement | null {
  if (!isProfileId(profile)) return null;
  const terms = BROKER_VOCABULARY[profile].terms;
  const locale = currentLocale();
  return h(
    "section",
    { class: "broker-words", testid: "debrief-vocabulary", "data-profile": profile },
    h("h2", {}, t("inBrokerWords", { broker: PROFILE_TEXTS[profile].name })),
    h("dl", {}, ...DEBRIEF_TERMS.flatMap((k) => [h("dt", {}, t(`term_${k}`)), h("dd", {}, termText(terms[k], locale))])),
  );
}
