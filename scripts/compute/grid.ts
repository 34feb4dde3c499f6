import { decimalsOf, formatNumber } from "../format/norwegian.ts";
import type { GridTableDefinition } from "../load/config.ts";
import type { DataTable } from "../validate/table.ts";

export interface GridColumn {
  field: string;
  label: string;
  decimals?: number;
}

export interface GridCell {
  value: number | null;
  /** Formatted the Norwegian way, at the decimals the table prints; "" when empty. */
  text: string;
}

/** A published table shown as it is. */
export interface GridTable {
  kind: "grid";
  id: string;
  definition: GridTableDefinition;
  columns: GridColumn[];
  rows: { header: string; cells: Record<string, GridCell> }[];
}

export function computeGrid(id: string, definition: GridTableDefinition, data: DataTable): GridTable {
  const titleOf = (field: string) => data.schema.fields.find((f) => f.name === field)?.title ?? field;
  const chosen: { field: string; label?: string; decimals?: number }[] =
    definition.columns ??
    data.schema.fields.filter((f) => f.name !== definition.rowHeader).map((f) => ({ field: f.name }));
  const columns: GridColumn[] = chosen.map((c) => ({ ...c, label: c.label ?? titleOf(c.field) }));

  const rows = data.rows.map((r) => {
    const cells: Record<string, GridCell> = {};
    for (const column of columns) {
      const value = r.values[column.field];
      if (value === null || value === undefined) {
        cells[column.field] = { value: null, text: "" };
      } else if (typeof value === "number") {
        const decimals = column.decimals ?? decimalsOf(r.text[column.field] ?? "");
        cells[column.field] = { value, text: formatNumber(value, decimals) };
      } else {
        cells[column.field] = { value: null, text: value };
      }
    }
    return { header: String(r.values[definition.rowHeader]), cells };
  });
  return { kind: "grid", id, definition, columns, rows };
}
