import { z } from "zod";
import { definitionSchema } from "../common.ts";

/** A published table shown as it is: one row per data row, the chosen columns formatted as the report's language writes numbers. */
export const GridTableSchema = definitionSchema("grid", {
  /** Column holding the row headers. */
  rowHeader: z.string(),
  /** Heading over the row headers. */
  rowLabel: z.string().default(""),
  /** Columns to show, in order; default: every other column of the data, titled by the schema. */
  columns: z
    .array(
      z.strictObject({
        field: z.string(),
        /** Header; default: the schema field's title. */
        label: z.string().optional(),
        /** Decimals to print; default: as written in the data. */
        decimals: z.number().int().min(0).max(4).optional(),
        /** How prose prints the column's values: "prosent" adds " %", "kr" adds " kr"; default: the table's unit. */
        unit: z.string().optional(),
        /**
         * "p": a p value as a group comparison reports it, at three decimals, and below 0.001 as
         * "< 0,001" (a printed 0,000 claims a p of zero); default: as written.
         */
        format: z.enum(["p"]).optional(),
      }),
    )
    .optional(),
  /** What the values are, for the chart's axis and the text: "prosent", "poeng", ... */
  unit: z.string().optional(),
  /** A distribution: these columns of every row add up to `total` (e.g. 100 %), within rounding. */
  distribution: z.strictObject({ columns: z.array(z.string()).min(2), total: z.number() }).optional(),
  /**
   * From respondent-level answers: either one row per question, each column
   * the percentage giving one answer code (with N and the total in the
   * columns named), or one row per index of one of the codebook's index
   * groups with N, mean and standard deviation of the scores. (Group
   * comparisons are a kind of their own: groupComparison.)
   */
  respondents: z
    .union([
      z.strictObject({
        items: z.array(z.string()).min(1),
        columns: z.record(z.string(), z.number().int()),
        decimals: z.number().int().min(0).max(2).default(0),
        n: z.string().optional(),
        total: z.string().optional(),
      }),
      z.strictObject({
        indices: z.strictObject({
          group: z.string(),
          n: z.string(),
          mean: z.string(),
          sd: z.string(),
          /** Decimals of mean and SD; default 0. */
          decimals: z.number().int().min(0).max(3).default(0),
        }),
      }),
    ])
    .optional(),
});
export type GridTableDefinition = z.infer<typeof GridTableSchema>;
