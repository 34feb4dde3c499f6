import { z } from "zod";
import { ROUNDING_NAMES } from "../compute/rounding.ts";

/** Settings every table definition has, whatever its kind; defaults beside each. */
export const tableCommon = {
  /** Caption after "Tabell N". */
  title: z.string().min(1),
  /** The question as asked, shown over the category column. */
  question: z.string().optional(),
  /** Data file (without .csv) under data/. */
  data: z.string().min(1),
  /** Where the numbers come from, printed under the table. */
  source: z.string().optional(),
  /** A short note printed under the table (e.g. on a rounding oddity). */
  note: z.string().optional(),
  /**
   * Only counted from respondent-level answers (`--svar`): the published
   * report has no such table, so a published build leaves it out, and
   * chapters place it inside {{#fraSvar}} … {{/fraSvar}}.
   */
  respondentsOnly: z.boolean().default(false),
  /** How its percentages of counts are rounded (see compute/rounding.ts); default: the report's `rounding`. */
  rounding: z.enum(ROUNDING_NAMES).optional(),
  /**
   * Facts the prose cites for this table's own numbers, checked after
   * compute so that the prose and the table cannot drift apart: `n` names
   * the fact equal to those who answered (the percentage base), `total` the
   * fact equal to everyone (answered or not). Default: none checked.
   */
  checks: z.strictObject({ n: z.string().min(1).optional(), total: z.string().min(1).optional() }).optional(),
};

/** The numbers a table's `checks` compare with facts. */
export const CHECKED_TOTALS = ["n", "total"] as const;
export type CheckedTotal = (typeof CHECKED_TOTALS)[number];

/** A kind's definition schema: the common settings, `kind: name` and the kind's own settings. */
export function definitionSchema<Name extends string, Shape extends z.core.$ZodLooseShape>(name: Name, shape: Shape) {
  return z.strictObject({ ...tableCommon, kind: z.literal(name), ...shape });
}
