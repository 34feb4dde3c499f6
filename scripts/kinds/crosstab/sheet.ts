import type { PrintContext, Sheet } from "../kind.ts";
import type { CrosstabCell, CrosstabTable } from "./compute.ts";

/**
 * As the table prints it: per row category a row of counts and a row of row
 * percentages (then the percentages before rounding), the column categories
 * and the row total across, and the totals row last.
 */
export function crosstabSheet(table: CrosstabTable, { labels }: PrintContext): Sheet {
  const unrounded = labels.downloads.unrounded(labels.percent);
  const group = (label: string, cells: Record<string, CrosstabCell>, total: number) => {
    const exact = (count: number) => (total > 0 ? (count / total) * 100 : null);
    return [
      [label, labels.count, ...table.columns.map((c) => cells[c].count), total],
      [label, labels.percent, ...table.columns.map((c) => cells[c].percent), 100],
      [label, unrounded, ...table.columns.map((c) => exact(cells[c].count)), exact(total)],
    ];
  };
  return {
    columns: [
      { label: table.definition.rowLabel || labels.downloads.category, type: "string" },
      { label: labels.downloads.measure, type: "string" },
      ...table.columns.map((label) => ({ label, type: "number" as const })),
      { label: labels.total, type: "number" },
    ],
    rows: [
      ...table.rows.flatMap((row) => group(row, table.cells[row], table.rowTotals[row])),
      ...group(labels.total, table.columnTotals, table.grandTotal),
    ],
  };
}
