/**
 * The languages a report can be written in, one file each. A new language
 * is a new file implementing `Locale` and one line here.
 */
import { en } from "./en.ts";
import { nb } from "./nb.ts";
import type { Labels, Locale } from "./types.ts";

export type { CitedReport, DownloadedFile, Labels, Locale } from "./types.ts";

const LOCALES: Locale[] = [nb, en];

export const knownLanguages = LOCALES.map((l) => l.language);

/** The locale for a report's `language` ("nb", "nb-NO", "en", "en-GB"), or undefined. */
export function findLocale(language: string): Locale | undefined {
  const primary = language.toLowerCase().split("-")[0];
  // Norwegian without a written standard named is taken as bokmål.
  return LOCALES.find((l) => l.language === primary) ?? (primary === "no" ? nb : undefined);
}

export function localeFor(language: string): Locale {
  const locale = findLocale(language);
  if (!locale) throw new RangeError(`no locale for language "${language}" (known: ${knownLanguages.join(", ")})`);
  return locale;
}

/** The mark after the title of a table or figure counted from synthetic answers: "(beregnet fra …)". */
export function syntheticMark(labels: Labels): string {
  return `(${labels.syntheticMark})`;
}
