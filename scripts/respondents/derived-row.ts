import type { Term } from "../provenance/term.ts";
import type { DataRow } from "../validate/table.ts";

/**
 * A data row counted from answers, as validation would hand on a published
 * one: its values, and their text at the decimals given (default whole).
 */
export function derivedRow(
  index: number,
  fields: Record<string, string | number | null>,
  decimals: Record<string, number> = {},
  /** What each counted column counted, for its numbers' provenance (respondents/origin.ts). */
  origin?: Record<string, Term>,
): DataRow {
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields))
    text[k] = v === null ? "" : typeof v === "number" ? v.toFixed(decimals[k] ?? 0) : v;
  return { row: index + 2, values: fields, text, ...(origin ? { origin } : {}) };
}
