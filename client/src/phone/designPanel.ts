// The phone during a design round's design phase: the settings of the end this seat designs,
// each a row of choices with their one-line cost (`design-option`, the chosen one pressed),
// the time left, and the team's whole pipeline read-only, so the ends can negotiate.
import { h } from "../dom.js";
import { currentLocale } from "../i18n/locale.js";
import { t } from "../i18n/phoneWords.js";
import { DESIGN_ENDS, DESIGN_SETTINGS, designTexts, settingsOfEnd, type DesignEnd, type DesignSetting } from "../../../shared/design/index.js";
import { designEndsOf } from "../../../shared/view/designEnds.js";
import type { RoomStateView } from "../../../shared/view/roomState.js";

/** What the phone keeps of its team's design: the choices, the end this seat designs, the ends people design. */
export interface TeamDesignFacts {
  choices: Record<string, string>;
  end: DesignEnd | null;
  designed: DesignEnd[];
}

/** The team's design as the room publishes it, and which end this seat and its teammates design. */
export function teamDesign(s: RoomStateView, me: { seat: string; team: number }): TeamDesignFacts | null {
  const entry = [...(s.designs ?? [])][me.team];
  if (!entry) return null;
  const choices: Record<string, string> = {};
  entry.choices.forEach((value, setting) => (choices[setting] = value));
  const seats: string[] = [];
  s.players?.forEach((p) => {
    if (p.team === me.team && !p.spectator && p.seat) seats.push(p.seat);
  });
  const ends = designEndsOf([...seats, me.seat]);
  return { choices, end: ends.get(me.seat) ?? null, designed: [...new Set(ends.values())] };
}

export interface DesignPanelInput {
  /** The end this seat designs, null when it designs none. */
  end: DesignEnd | null;
  seat: string;
  /** 0-based. */
  team: number;
  /** The team's design as the room publishes it: setting -> value. */
  design: Readonly<Record<string, string>>;
  /** The ends a person designs in this team (the others are the bots'). */
  designed: ReadonlySet<DesignEnd>;
  /** Seconds left in the design phase. */
  secondsLeft: number;
  choose(setting: DesignSetting, value: string): void;
}

export const clockOf = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

export function designPanel(input: DesignPanelInput): HTMLElement {
  const words = designTexts(currentLocale());
  const { end, design } = input;
  const settings = end
    ? settingsOfEnd(end).map((setting) => {
        const def = DESIGN_SETTINGS.find((s) => s.setting === setting)!;
        const text = words.settings[setting];
        return h(
          "fieldset",
          { class: "design-setting" },
          h("legend", {}, text.label),
          ...def.values.map((value) => {
            const chosen = design[setting] === value;
            return h(
              "button",
              {
                type: "button",
                class: `design-option${chosen ? " chosen" : ""}`,
                testid: "design-option",
                "data-setting": setting,
                "data-value": value,
                "aria-pressed": String(chosen),
                onclick: () => input.choose(setting, value),
              },
              h("strong", {}, `${chosen ? "✓ " : ""}${text.values[value]?.label ?? value}`),
              h("small", {}, text.values[value]?.cost ?? ""),
            );
          }),
        );
      })
    : [h("p", { class: "muted" }, t("designNoEnd"))];
  return h(
    "section",
    { class: "card design", testid: "design-panel", "data-end": end ?? "" },
    h("h1", {}, end ? t("designTitle", { end: words.ends[end] }) : t("design")),
    h(
      "p",
      { class: "design-meta" },
      h("span", {}, t("designWho", { seat: input.seat, team: input.team + 1 })),
      h("span", { class: "design-timer", testid: "design-timer", "aria-label": t("designTimeLeft") }, clockOf(input.secondsLeft)),
    ),
    h("p", { class: "muted small" }, t("designHelp")),
    ...settings,
    pipeline(input),
  );
}

/** The team's whole design, end by end, read-only; this seat's end marked. */
function pipeline({ end, design, designed }: DesignPanelInput): HTMLElement {
  const words = designTexts(currentLocale());
  return h(
    "section",
    { class: "design-pipeline", testid: "design-pipeline" },
    h("h2", {}, t("designTeam")),
    ...DESIGN_ENDS.map((e) =>
      h(
        "div",
        { class: `design-end${e === end ? " mine" : ""}`, "data-end": e },
        h("h3", {}, words.ends[e], h("small", {}, e === end ? ` · ${t("designYou")}` : designed.has(e) ? "" : ` · ${t("designBots")}`)),
        h(
          "ul",
          {},
          ...settingsOfEnd(e).map((s) =>
            h(
              "li",
              { "data-setting": s },
              h("span", {}, words.settings[s].label),
              h("strong", {}, words.settings[s].values[design[s]]?.label ?? design[s] ?? "—"),
            ),
          ),
        ),
      ),
    ),
  );
}
