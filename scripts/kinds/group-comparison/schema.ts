import { z } from "zod";
import { definitionSchema } from "../common.ts";

/** What is compared: an index, every index of a group (in order), or a numeric question. */
const MeasureSchema = z.union([
  z.strictObject({ index: z.string() }),
  z.strictObject({ indices: z.string() }),
  z.strictObject({ question: z.string() }),
]);

/**
 * A group comparison: measures (an index, every index of a group, a
 * numeric answer) by the groups of one choice question, from respondent-level
 * answers. A row per group, columns per measure and statistic, then a row
 * each for one-way ANOVA's F and p; shown as a grid is.
 */
export const GroupComparisonTableSchema = definitionSchema("groupComparison", {
  /** Field of the group labels in the counted data (and of a published file of the same shape); default "group". */
  rowHeader: z.string().default("group"),
  /** Heading over the groups; default: the locale's word for "group". */
  rowLabel: z.string().default(""),
  /** What the values are, for the chart's axis and the text. */
  unit: z.string().optional(),
  respondents: z.strictObject({
    /** The choice question whose answer codes make the groups (missing codes and blanks left out). */
    by: z.string(),
    measures: z.array(MeasureSchema).min(1),
    /** Statistics per measure, in order; default mean, SD and N. */
    statistics: z
      .array(z.enum(["mean", "sd", "n"]))
      .min(1)
      .default(["mean", "sd", "n"]),
    /** Decimals of means and SDs; default 1 (F gets one, p three). */
    decimals: z.number().int().min(0).max(3).default(1),
    /** Column headings of the statistics, after the measure's name; default Mean, SD, N. */
    headings: z
      .strictObject({ mean: z.string().default("Mean"), sd: z.string().default("SD"), n: z.string().default("N") })
      .default({ mean: "Mean", sd: "SD", n: "N" }),
  }),
});
export type GroupComparisonTableDefinition = z.infer<typeof GroupComparisonTableSchema>;
