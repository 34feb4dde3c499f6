import { categoryOrder } from "../../compute/categories.ts";
import { policyOf } from "../../compute/rounding.ts";
import type { Problem } from "../../errors.ts";
import { compute, message } from "../../messages/index.ts";
import type { DataTable } from "../../validate/table.ts";
import type { CrosstabTableDefinition } from "./schema.ts";

export interface CrosstabCell {
  count: number;
  /** Row percentage, rounded as published. */
  percent: number;
  percentDecimals: number;
}

/** Counts by row × column category, with row percentages, row totals and a totals row. */
export interface CrosstabTable {
  kind: "crosstab";
  id: string;
  definition: CrosstabTableDefinition;
  rows: string[];
  columns: string[];
  /** cells[row][column]; a combination missing from the data counts 0. */
  cells: Record<string, Record<string, CrosstabCell>>;
  rowTotals: Record<string, number>;
  /** The totals row: column sums and their share of everyone. */
  columnTotals: Record<string, CrosstabCell>;
  grandTotal: number;
}

/**
 * The key prose names the totals row by ({{prosent "x" "Totalt" "column"}}),
 * in every report language: it is the helpers' API, like their names. The
 * locale's word for the total is accepted too (see index.ts).
 */
export const TOTAL_ROW = "Totalt";

export function computeCrosstab(
  id: string,
  definition: CrosstabTableDefinition,
  data: DataTable,
): { table: CrosstabTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const rounded = policyOf(definition);
  const rows = categoryOrder(data, definition.row);
  const columns = categoryOrder(data, definition.column);
  const count = (row: string, column: string) =>
    data.rows
      .filter((r) => r.values[definition.row] === row && r.values[definition.column] === column)
      .reduce((sum, r) => sum + Number(r.values[definition.count]), 0);

  const cells: CrosstabTable["cells"] = {};
  const rowTotals: CrosstabTable["rowTotals"] = {};
  for (const row of rows) {
    rowTotals[row] = columns.reduce((sum, column) => sum + count(row, column), 0);
    cells[row] = {};
    for (const column of columns) {
      const n = count(row, column);
      const { value, decimals } = rounded(n, rowTotals[row], definition.percentDecimals);
      cells[row][column] = { count: n, percent: value, percentDecimals: decimals };
    }
  }
  const grandTotal = Object.values(rowTotals).reduce((a, b) => a + b, 0);
  const columnTotals: CrosstabTable["columnTotals"] = {};
  for (const column of columns) {
    const n = rows.reduce((sum, row) => sum + cells[row][column].count, 0);
    const { value, decimals } = rounded(n, grandTotal, definition.percentDecimals);
    columnTotals[column] = { count: n, percent: value, percentDecimals: decimals };
  }

  if (definition.publishedPercent) {
    for (const r of data.rows) {
      const published = r.values[definition.publishedPercent];
      const cell = cells[String(r.values[definition.row])]?.[String(r.values[definition.column])];
      if (typeof published === "number" && cell && published !== cell.percent) {
        problems.push({
          file: data.file,
          row: r.row,
          column: definition.publishedPercent,
          ...compute.rowPercentMismatch(cell.percent, published, cell.percentDecimals),
          hint: message.acceptHint(id),
        });
      }
    }
  }
  return {
    table: { kind: "crosstab", id, definition, rows, columns, cells, rowTotals, columnTotals, grandTotal },
    problems,
  };
}
