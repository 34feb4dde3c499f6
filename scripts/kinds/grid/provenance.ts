import { primaryKeyOf } from "../../load/schema.ts";
import type { KindProvenance, TraceContext, TracedCell } from "../../provenance/kind.ts";
import { cellTerm, dataOf } from "../../provenance/kind.ts";
import type { PrintSpec, Traced } from "../../provenance/term.ts";
import type { PrintContext } from "../kind.ts";
import type { GridCell, GridColumn, GridTable } from "./compute.ts";

type Row = GridTable["rows"][number];

/**
 * A grid prints its cells as the data writes them: each number is read from
 * its row and column. `isP` says which cells print as p values (a column of
 * format "p"; a comparison's row of p).
 */
export function gridProvenance(
  isP: (row: Row, column: GridColumn) => boolean,
  /** The kind's own names of its cells (its `cells`), in the same order. */
  names: (table: GridTable, context: PrintContext) => { row: string; column: string }[],
): Required<Pick<KindProvenance<GridTable>, "cells" | "value">> {
  const trace = (table: GridTable, context: TraceContext, rowIndex: number, column: GridColumn) => {
    const data = dataOf(context, table.definition.data);
    const keyFields = primaryKeyOf(data.schema);
    return cellTerm(
      data,
      data.rows[rowIndex],
      column.field,
      keyFields.length > 0 ? keyFields : [table.definition.rowHeader],
    );
  };
  const cellPrint = (row: Row, column: GridColumn, cell: GridCell): PrintSpec =>
    isP(row, column) ? { style: "p" } : { style: "number", decimals: cell.decimals };
  return {
    cells(table, context) {
      const named = names(table, context);
      const cells: TracedCell[] = [];
      table.rows.forEach((row, i) => {
        for (const column of table.columns) {
          const cell = row.cells[column.field];
          if (cell.value === null) continue;
          const name = named[cells.length];
          cells.push({
            ...name,
            text: cell.text,
            term: trace(table, context, i, column),
            print: cellPrint(row, column, cell),
          });
        }
      });
      return cells;
    },

    // The same row and column the kind's lookup found (kinds/grid/index.ts): by filters, or by header and column.
    value(table, keys, filters, context): Traced {
      const byFilters = Object.keys(filters).length > 0;
      const index = byFilters
        ? table.rows.findIndex((r) => Object.entries(filters).every(([f, v]) => String(r.values[f]) === v))
        : table.rows.findIndex((r) => r.header === keys[0]);
      const key = byFilters ? keys[0] : keys[1];
      const column = table.columns.find((c) => c.field === key || c.label === key);
      if (index < 0 || !column) throw new RangeError(`table "${table.id}" has no cell ${keys.join(" ")}`);
      const row = table.rows[index];
      const cell = row.cells[column.field];
      const unit = column.unit ?? table.definition.unit;
      const print: PrintSpec =
        unit === "prosent"
          ? { style: "percent", decimals: cell.decimals }
          : unit === "kr"
            ? { style: "currency", decimals: cell.decimals }
            : cellPrint(row, column, cell);
      return { term: trace(table, context, index, column), print };
    },
  };
}
