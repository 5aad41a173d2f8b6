// The pages' language: the browser's by default, the lang-toggle's choice once made
// (remembered), announced to whoever redraws. Words live in dictionaries, one per page and
// one per group of words several pages share; `translator` gives each page its own typed
// `t`, so a key the page's dictionaries lack does not compile.
import type { Locale, Text } from "../../../shared/scenarios/texts.js";

/** Values for a text's {placeholders}. */
export type Vars = Record<string, string | number>;

const STORAGE_KEY = "eo:lang";
let locale: Locale = detect();
const listeners = new Set<() => void>();

function detect(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "en" || saved === "pt-BR") return saved;
  } catch {
    /* private mode */
  }
  const languages = typeof navigator !== "undefined" ? (navigator.languages ?? [navigator.language]) : [];
  return languages.some((l) => l.toLowerCase().startsWith("pt")) ? "pt-BR" : "en";
}

export function currentLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale): void {
  locale = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode */
  }
  document.documentElement.lang = next;
  for (const l of listeners) l();
}

/** Calls `listener` after each switch; returns what stops it (a page part that goes away). */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fill(text: string, vars?: Vars): string {
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`)) : text;
}

/** A text from the shared catalogues (scenarios, roles, causes…) in the current language. */
export function tx(text: Text | undefined, vars?: Vars): string {
  return text ? fill(text[locale] ?? text.en, vars) : "";
}

/** The `t` of a dictionary: a key's words in the current language, placeholders filled. */
export function translator<K extends string>(words: Record<K, Text>): (key: K, vars?: Vars) => string {
  return (key, vars) => fill(words[key][locale], vars);
}
