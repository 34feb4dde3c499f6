/**
 * Every user-facing message, in the report's language: one catalogue of
 * small functions per language (en.ts, nb.ts), the same keys in each (the
 * type `Messages` of en.ts). Callers import `message`, `problem`, … from
 * here and get the current language's wording.
 *
 * Messages are English until a report's language is known (a command-line
 * error, a project without a readable report.json); loading a project calls
 * `useMessageLanguage` with its `language`. A new language is a new file
 * like nb.ts and one line in CATALOGUES.
 */
import { z } from "zod";
import { findLocale } from "../locale/index.ts";
import { en, type Messages } from "./en.ts";
import { nb } from "./nb.ts";

export type { Messages, Said } from "./en.ts";

/** The shipped catalogues, by the locale's language (locale/index.ts). */
export const CATALOGUES: Record<string, Messages> = { en, nb };

let current: Messages = en;

/** The catalogue for a report's `language` ("nb", "nb-NO", "en-GB", …); English for a language without one. */
export function messagesFor(language: string | undefined): Messages {
  const locale = language === undefined ? undefined : findLocale(language);
  return (locale && CATALOGUES[locale.language]) ?? en;
}

/**
 * Messages from now on are in this language (undefined: English again).
 * zod's own messages (a setting of the wrong type) follow, in its wording.
 */
export function useMessageLanguage(language: string | undefined): void {
  current = messagesFor(language);
  z.config(current.zod());
}

/** The catalogue messages are in now. */
export function messages(): Messages {
  return current;
}

/** One part of the catalogue, always read from the current language. */
function part<K extends keyof Messages>(key: K): Messages[K] {
  return new Proxy({} as Messages[K], {
    get: (_target, name) => (current[key] as Record<string | symbol, unknown>)[name],
    ownKeys: () => Reflect.ownKeys(current[key] as object),
    getOwnPropertyDescriptor: (_target, name) => ({
      enumerable: true,
      configurable: true,
      value: (current[key] as Record<string | symbol, unknown>)[name],
    }),
  });
}

/** The command line's own messages. */
export const message = part("message");
/** The progress line of each stage. */
export const stage = part("stage");
/** How problems are laid out: "file, row 3, column "x": expected …, found …". */
export const report = part("report");
/** What load and validate find. */
export const problem = part("problem");
/** What computing the tables finds. */
export const compute = part("compute");
/** What a lookup in a table needs. */
export const lookup = part("lookup");
/** What a chapter's helpers find. */
export const helperProblem = part("helperProblem");
/** What respondent-level answers and their codebook give. */
export const respondents = part("respondents");
/** The preview server's lines and pages. */
export const dev = part("dev");
