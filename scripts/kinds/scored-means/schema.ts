import { z } from "zod";
import { definitionSchema } from "../common.ts";

/**
 * Means computed from published percentage distributions: each item's mean
 * score (the percentages weighting the scale's scores), then the mean of the
 * items in each group, the group of an item being the column in which a
 * grouping table (e.g. a rotated factor matrix) prints a value for it.
 */
export const ScoredMeansTableSchema = definitionSchema("scoredMeans", {
  /** Column of the distribution data naming the item. */
  item: z.string(),
  /** Data file with the scale: which distribution column scores what. */
  scale: z.strictObject({ data: z.string(), field: z.string(), score: z.string(), label: z.string() }),
  /**
   * Data file assigning items to groups: by a `group` column naming each item's
   * group (empty: in no group), or else by the numeric column in which it has
   * its largest value (e.g. a factor loading).
   */
  groups: z.strictObject({ data: z.string(), item: z.string(), group: z.string().optional() }),
  /** Heading over the group names. */
  rowLabel: z.string(),
  /** Decimals of the means; default 1. */
  decimals: z.number().int().min(0).max(3).default(1),
});
export type ScoredMeansTableDefinition = z.infer<typeof ScoredMeansTableSchema>;
