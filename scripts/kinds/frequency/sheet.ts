import type { PrintContext, Sheet } from "../kind.ts";
import type { FrequencyTable } from "./compute.ts";

/**
 * The rows as the table prints them (categories, the total of those who
 * answered, those outside the base, everyone), with each percentage as
 * printed and as computed from the counts before rounding.
 */
export function frequencySheet(table: FrequencyTable, { labels }: PrintContext): Sheet {
  const exact = (count: number) => (table.base > 0 ? (count / table.base) * 100 : null);
  return {
    columns: [
      { label: table.definition.question || labels.downloads.category, type: "string" },
      { label: labels.count, type: "integer" },
      { label: labels.percent, type: "number" },
      { label: labels.downloads.unrounded(labels.percent), type: "number" },
    ],
    rows: [
      ...table.rows.map((r) => [r.category, r.count, r.percent, exact(r.count)]),
      [labels.total, table.base, 100, exact(table.base)],
      ...table.outside.map((r) => [r.category, r.count, null, null]),
      ...(table.outside.length > 0 ? [[labels.total, table.grandTotal, null, null]] : []),
    ],
  };
}
