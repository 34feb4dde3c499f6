import { z } from "zod";
import { definitionSchema } from "../common.ts";

/** Several answers allowed: one published percentage of the same N per item. */
export const MultiResponseTableSchema = definitionSchema("multiresponse", {
  item: z.string(),
  percent: z.string(),
  /** Fact id holding N, the base of every percentage. */
  base: z.string(),
  /** From respondent-level answers: one tick-box question per item, in the table's order. */
  respondents: z.strictObject({ items: z.array(z.string()).min(1) }).optional(),
});
export type MultiResponseTableDefinition = z.infer<typeof MultiResponseTableSchema>;
