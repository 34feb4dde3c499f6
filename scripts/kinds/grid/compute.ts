import type { Problem } from "../../errors.ts";
import type { NumberFormat } from "../../format/numbers.ts";
import { decimalsOf } from "../../format/numbers.ts";
import { compute } from "../../messages/index.ts";
import type { DataTable } from "../../validate/table.ts";
import type { GridTableDefinition } from "./schema.ts";

export interface GridColumn {
  field: string;
  label: string;
  decimals?: number;
  unit?: string;
  format?: "p";
}

export interface GridCell {
  value: number | null;
  /** Decimals of `text`, for a number. */
  decimals?: number;
  /** Formatted as the report's language writes numbers, at the decimals the table prints; "" when empty. */
  text: string;
}

/** A published table shown as it is. */
export interface GridTable {
  kind: "grid";
  id: string;
  definition: GridTableDefinition;
  columns: GridColumn[];
  rows: { header: string; cells: Record<string, GridCell>; values: Record<string, string | number | null> }[];
}

/**
 * Rows of a published distribution must add up to its total within rounding:
 * each printed value may be off by half its last decimal.
 */
export function checkDistribution(definition: GridTableDefinition, data: DataTable): Problem[] {
  const distribution = definition.distribution;
  if (!distribution) return [];
  const problems: Problem[] = [];
  for (const row of data.rows) {
    const values = distribution.columns.map((c) => row.values[c]);
    if (values.every((v) => v === null)) continue;
    const sum = values.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
    const slack = distribution.columns.reduce((s, c) => s + 0.5 * 10 ** -decimalsOf(row.text[c] ?? ""), 0);
    if (Math.abs(sum - distribution.total) > slack + 1e-9) {
      problems.push({
        file: data.file,
        row: row.row,
        column: distribution.columns.join(" + "),
        ...compute.distributionSum(
          distribution.total,
          slack,
          sum,
          Math.max(...distribution.columns.map((c) => decimalsOf(row.text[c] ?? ""))),
        ),
      });
    }
  }
  return problems;
}

/** A p value at one precision: three decimals, and what rounds below 0.001 as "< 0,001" (no-break space). */
export function pValueText(p: number, format: NumberFormat): string {
  return p < 0.001 ? `<\u00a0${format.number(0.001, 3)}` : format.number(p, 3);
}

export function computeGrid(
  id: string,
  definition: GridTableDefinition,
  data: DataTable,
  format: NumberFormat,
): GridTable {
  const titleOf = (field: string) => data.schema.fields.find((f) => f.name === field)?.title ?? field;
  const chosen: { field: string; label?: string; decimals?: number; unit?: string; format?: "p" }[] =
    definition.columns ??
    data.schema.fields.filter((f) => f.name !== definition.rowHeader).map((f) => ({ field: f.name }));
  const columns: GridColumn[] = chosen.map((c) => ({ ...c, label: c.label ?? titleOf(c.field) }));

  const rows = data.rows.map((r) => {
    const cells: Record<string, GridCell> = {};
    for (const column of columns) {
      const value = r.values[column.field];
      if (value === null || value === undefined) {
        cells[column.field] = { value: null, text: "" };
      } else if (typeof value === "number" && column.format === "p") {
        cells[column.field] = { value, decimals: 3, text: pValueText(value, format) };
      } else if (typeof value === "number") {
        const decimals = column.decimals ?? decimalsOf(r.text[column.field] ?? "");
        cells[column.field] = { value, decimals, text: format.number(value, decimals) };
      } else {
        cells[column.field] = { value: null, text: value };
      }
    }
    const header = r.values[definition.rowHeader];
    return {
      values: r.values,
      header:
        typeof header === "number"
          ? format.number(header, decimalsOf(r.text[definition.rowHeader] ?? ""))
          : String(header),
      cells,
    };
  });
  return { kind: "grid", id, definition, columns, rows };
}
