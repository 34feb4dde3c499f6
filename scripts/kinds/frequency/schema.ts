import { z } from "zod";
import { problem } from "../../messages/index.ts";
import { definitionSchema } from "../common.ts";

/** Counts of one question's answers, with percentages of those who answered and totals. */
export const FrequencyTableSchema = definitionSchema("frequency", {
  /** Column holding the answer category. */
  category: z.string(),
  /** Column holding the count. */
  count: z.string(),
  /** Optional column holding the percentage as published, checked against the computed one. */
  publishedPercent: z.string().optional(),
  /** Categories counted outside the percentage base (e.g. "Ikke besvart"), listed under the total. */
  nonResponse: z.array(z.string()).default([]),
  /** Decimals of the percentage column; default 0 (whole percent). */
  percentDecimals: z.number().int().min(0).max(2).default(0),
  /**
   * Categories whose published percentage the counts do not give, known and
   * accepted: category → why (words only; the note under the table prints
   * both numbers from the data). The table shows the computed percentage.
   */
  publishedDiffers: z
    .record(z.string(), z.string().regex(/^[^0-9]*$/, { error: () => problem.schema.reasonInWords }))
    .default({}),
  /**
   * How to count the table from respondent-level answers: one question's
   * answers (blanks under `blank`, those routed past the question under
   * `notAsked`), or how many people's scores on one of the codebook's
   * indices fall in each of its group's bands.
   */
  respondents: z
    .union([
      z.strictObject({
        question: z.string(),
        notAsked: z.string().optional(),
        /** The category counting blanks; default: the first of `nonResponse` that is no missing code nor `notAsked`. */
        blank: z.string().optional(),
      }),
      z.strictObject({ index: z.string(), blank: z.string().optional() }),
    ])
    .optional(),
});
export type FrequencyTableDefinition = z.infer<typeof FrequencyTableSchema>;
