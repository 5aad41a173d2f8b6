// Each role's and action's words (shared/scenarios/roleTexts.ts), for the phone's buttons and
// the canvas's node labels — in the words of the broker the round runs on, once the page
// knows it (shared/scenarios/brokerVocabulary.ts).
import { ACTION_TEXTS, ROLE_TEXTS } from "../../../shared/scenarios/roleTexts.js";
import {
  BROKER_VOCABULARY,
  BUTTON_HELP_IN_TERMS,
  fillTerms,
  ROLE_HELP_IN_TERMS,
  termText,
  termValues,
  type VocabularyTerm,
} from "../../../shared/scenarios/brokerVocabulary.js";
import { isProfileId } from "../../../shared/engine/profiles.js";
import type { ProfileId } from "../../../shared/engine/config.js";
import type { Role } from "../../../shared/engine/types.js";
import { currentLocale, tx } from "./locale.js";
import type { ActionButton } from "../../../shared/engine/actions.js";

let profile: ProfileId | null = null;

/** The broker profile whose words the page speaks (the room's `profile`); unknown: the game's own words. Returns whether it changed. */
export function setVocabulary(next: string | null | undefined): boolean {
  const value = isProfileId(next) ? next : null;
  if (value === profile) return false;
  profile = value;
  return true;
}

export function vocabularyProfile(): ProfileId | null {
  return profile;
}

/** Every term of the page's broker, in its language, for a text's placeholders (RabbitMQ's, the game's default, before the room says). */
export function brokerTerms(): Record<string, string> {
  return termValues(profile ?? "rabbitmq", currentLocale());
}

export function actionLabel(button: string): string {
  const own = profile ? BROKER_VOCABULARY[profile].buttons[button as ActionButton] : undefined;
  if (own) return termText(own, currentLocale());
  return tx(ACTION_TEXTS[button as ActionButton]?.label) || button;
}

export function actionHelp(button: string): string {
  const inTerms = profile ? BUTTON_HELP_IN_TERMS[button as keyof typeof BUTTON_HELP_IN_TERMS] : undefined;
  if (profile && inTerms) return fillTerms(tx(inTerms), profile, currentLocale());
  return tx(ACTION_TEXTS[button as ActionButton]?.help);
}

/** What a role does, in the broker's words when the page knows it. */
export function roleHelpText(role: Role): string {
  return profile ? fillTerms(tx(ROLE_HELP_IN_TERMS[role]), profile, currentLocale()) : tx(ROLE_TEXTS[role].help);
}

export function roleName(role: string): string {
  return tx(ROLE_TEXTS[role as keyof typeof ROLE_TEXTS]?.name) || role;
}

/** A vocabulary term of the page's broker in its language; null before the broker is known. */
export function brokerTerm(term: VocabularyTerm): string | null {
  return profile ? termText(BROKER_VOCABULARY[profile].terms[term], currentLocale()) : null;
}
