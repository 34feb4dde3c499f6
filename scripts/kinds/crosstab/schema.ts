import { z } from "zod";
import { definitionSchema } from "../common.ts";

/** Counts by two categories, shown with row percentages and a totals row (e.g. staffing by secretaries per doctor). */
export const CrosstabTableSchema = definitionSchema("crosstab", {
  /** Column holding the row category. */
  row: z.string(),
  /** Column holding the column category. */
  column: z.string(),
  count: z.string(),
  publishedPercent: z.string().optional(),
  /** Heading over the row categories. */
  rowLabel: z.string(),
  /** Heading over the column categories (usually the question). */
  columnLabel: z.string(),
  percentDecimals: z.number().int().min(0).max(2).default(0),
  /** From respondent-level answers: the two questions whose answers make the rows and the columns. */
  respondents: z.strictObject({ row: z.string(), column: z.string() }).optional(),
});
export type CrosstabTableDefinition = z.infer<typeof CrosstabTableSchema>;
