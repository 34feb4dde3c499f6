/**
 * The index of printed numbers beside the HTML (`rapport.tall.json` in
 * bokmål): every number the web edition prints, in order, with where it
 * stands, how it is printed, its provenance as a term (term.ts) and that
 * provenance in the report's language. One entry per line, so a diff of two
 * builds' indexes reads number by number.
 */
import type { NumberEntry } from "./collect.ts";

/** The version of the index's format; a reader refuses a newer one. */
export const NUMBER_INDEX_FORMAT = 1;

export interface NumberIndexFile {
  format: number;
  /** The HTML file the numbers are printed in, beside this file. */
  report: string;
  language: string;
  /** The data folder the build read, relative to the project (or absolute): where `data/…` in the provenance is. */
  dataFolder: string;
  /** Whether the tables were counted from respondent-level answers (their provenance names questions, codes and N). */
  fromAnswers: boolean;
  numbers: NumberEntry[];
}

export function numberIndexJson(meta: Omit<NumberIndexFile, "format" | "numbers">, numbers: NumberEntry[]): string {
  const head = JSON.stringify({ format: NUMBER_INDEX_FORMAT, ...meta });
  const lines = numbers.map((n) => JSON.stringify(n));
  return `${head.slice(0, -1)},"numbers":[\n${lines.join(",\n")}\n]}\n`;
}
