// How the projector names things from the catalogue, in the page's language: a topic, a
// variant, a round ("3 · Lost messages · Fire-and-forget"), and lists of teams.
import { tx } from "../i18n/locale.js";
import { currentLocale } from "../i18n/locale.js";
import { scenarioOf } from "./pageState.js";
import { hostPage } from "./pageState.js";

export function scenarioTitle(id: string): string {
  const s = hostPage().catalogue.find((c) => c.id === id);
  return s ? tx(s.title) : id;
}

export function variantLabel(scenario: string, variant: string): string {
  const v = hostPage()
    .catalogue.find((c) => c.id === scenario)
    ?.variants.find((x) => x.id === variant);
  return (v && tx(v.label)) || variant;
}

/** "3 · Lost messages · Fire-and-forget". */
export function roundTitle(scenario: string, variant: string): string {
  const topic = scenarioOf(scenario)?.topic;
  return [topic && scenarioOf(scenario)?.id === scenario ? topic : null, scenarioTitle(scenario), variantLabel(scenario, variant)].filter(Boolean).join(" · ");
}

/** Teams numbered from 1, as on screen: "1, 2 and 4" / "1, 2 e 4". */
export function teamList(teams: readonly number[]): string {
  const names = teams.map((t) => String(t + 1));
  if (names.length <= 1) return names.join("");
  const and = currentLocale() === "pt-BR" ? " e " : " and ";
  return `${names.slice(0, -1).join(", ")}${and}${names[names.length - 1]}`;
}
