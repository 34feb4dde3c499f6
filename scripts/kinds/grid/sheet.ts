import type { PrintContext, Sheet, SheetColumn } from "../kind.ts";
import type { GridTable } from "./compute.ts";

/**
 * A published table as it prints: its row headers and columns, each number
 * as printed (at the decimals the table shows; a bound such as `< 0,001` as
 * its text). A column whose numbers carry more decimals than it prints has
 * the numbers in full beside it.
 */
export function gridSheet(table: GridTable, { labels, format }: PrintContext): Sheet {
  const parts = table.columns.map((column) => {
    const cells = table.rows.map((r) => r.cells[column.field]);
    const printed = cells.map((cell) =>
      cell.value === null ? cell.text || null : (format.parse(cell.text) ?? cell.text),
    );
    const exact = cells.map((cell) => cell.value);
    const type: SheetColumn["type"] = printed.some((v) => typeof v === "string")
      ? "string"
      : printed.every((v) => v === null || Number.isInteger(v))
        ? "integer"
        : "number";
    const columns: SheetColumn[] = [{ label: column.label, type }];
    const values = [printed];
    // A bound (p < 0,001) stays as printed; numbers printed with fewer decimals than they have are given in full.
    if (exact.some((v, i) => v !== null && typeof printed[i] === "number" && v !== printed[i])) {
      columns.push({ label: labels.downloads.unrounded(column.label), type: "number" });
      values.push(exact);
    }
    return { columns, values };
  });
  return {
    columns: [
      { label: table.definition.rowLabel || labels.downloads.category, type: "string" },
      ...parts.flatMap((p) => p.columns),
    ],
    rows: table.rows.map((r, i) => [r.header, ...parts.flatMap((p) => p.values.map((v) => v[i]))]),
  };
}
