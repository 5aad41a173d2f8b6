// A fix's verdict as the debrief says it: what the variant bought and what it left open, in
// the reader's language, with the round's counts in place of their names ("{duplicated}
// duplicates — …" reads "12 duplicates — …").
import type { Counts } from "../checker/effects.js";
import type { Locale, Text, VariantText } from "./texts.js";

/** The counts a verdict may name. */
export type VerdictCounts = Partial<Record<keyof Counts, number>>;

/** A verdict text with each {count} replaced by the round's figure (a count the round lacks reads 0). */
export function verdictSentence(text: Text, counts: VerdictCounts, locale: Locale): string {
  return text[locale].replace(/\{(\w+)\}/g, (_, name: string) => String(counts[name as keyof Counts] ?? 0));
}

/** "bought; left open", or null for a variant that is not a fix. */
export function verdictOf(variant: VariantText | undefined, counts: VerdictCounts, locale: Locale): { bought: string; leftOpen: string } | null {
  if (!variant?.verdict) return null;
  return { bought: verdictSentence(variant.verdict.bought, counts, locale), leftOpen: verdictSentence(variant.verdict.leftOpen, counts, locale) };
}
