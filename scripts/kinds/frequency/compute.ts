import { policyOf } from "../../compute/rounding.ts";
import type { Problem } from "../../errors.ts";
import { compute, message } from "../../messages/index.ts";
import type { DataTable } from "../../validate/table.ts";
import type { FrequencyTableDefinition } from "./schema.ts";

export interface FrequencyRow {
  category: string;
  count: number;
  /** Rounded as the published report rounds. */
  percent: number;
  percentDecimals: number;
}

/** A one-way frequency table: counts, percentages of those who answered, totals. */
export interface FrequencyTable {
  kind: "frequency";
  id: string;
  definition: FrequencyTableDefinition;
  /** Categories inside the percentage base, in data order. */
  rows: FrequencyRow[];
  /** Categories outside the base ("Ikke besvart"), in data order. */
  outside: { category: string; count: number }[];
  /** N: those who answered, the base of every percentage. */
  base: number;
  /** Everyone, answered or not. */
  grandTotal: number;
  /** Published percentages the counts do not give, accepted in the definition with a reason. */
  discrepancies: { category: string; published: number; computed: number; decimals: number; reason: string }[];
}

export function computeFrequency(
  id: string,
  definition: FrequencyTableDefinition,
  data: DataTable,
): { table: FrequencyTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const discrepancies: FrequencyTable["discrepancies"] = [];
  const outsideNames = new Set(definition.nonResponse);
  const answered = data.rows.filter((r) => !outsideNames.has(String(r.values[definition.category])));
  const base = answered.reduce((sum, r) => sum + Number(r.values[definition.count]), 0);

  const rows: FrequencyRow[] = answered.map((r) => {
    const count = Number(r.values[definition.count]);
    const { value, decimals } =
      base > 0 ? policyOf(definition)(count, base, definition.percentDecimals) : { value: 0, decimals: 0 };
    const published = definition.publishedPercent ? r.values[definition.publishedPercent] : null;
    const category = String(r.values[definition.category]);
    const reason = definition.publishedDiffers[category];
    if (typeof published === "number" && published !== value && reason !== undefined) {
      discrepancies.push({ category, published, computed: value, decimals, reason });
    } else if (typeof published === "number" && published !== value) {
      problems.push({
        file: data.file,
        row: r.row,
        column: definition.publishedPercent,
        ...compute.percentMismatch({ computed: value, count, base, published, decimals }),
        hint: message.acceptHint(id),
      });
    }
    return { category: String(r.values[definition.category]), count, percent: value, percentDecimals: decimals };
  });

  const outside = data.rows
    .filter((r) => outsideNames.has(String(r.values[definition.category])))
    .map((r) => ({ category: String(r.values[definition.category]), count: Number(r.values[definition.count]) }));

  const grandTotal = base + outside.reduce((sum, r) => sum + r.count, 0);
  for (const category of Object.keys(definition.publishedDiffers)) {
    if (!discrepancies.some((d) => d.category === category)) {
      problems.push({
        file: data.file,
        column: definition.publishedPercent,
        ...compute.publishedDoesNotDiffer(category),
      });
    }
  }
  return { table: { kind: "frequency", id, definition, rows, outside, base, grandTotal, discrepancies }, problems };
}

/** Percentage of the base that a set of categories makes up together, computed from their summed counts. */
export function percentOfCategories(
  table: FrequencyTable,
  categories: string[],
  decimals = 0,
): { value: number; decimals: number } {
  return policyOf(table.definition)(countOfCategories(table, categories), table.base, decimals);
}

export function countOfCategories(table: FrequencyTable, categories: string[]): number {
  let sum = 0;
  for (const category of categories) {
    const row = table.rows.find((r) => r.category === category) ?? table.outside.find((r) => r.category === category);
    if (!row) throw new RangeError(`table "${table.id}" has no category "${category}"`);
    sum += row.count;
  }
  return sum;
}
