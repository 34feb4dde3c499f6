import type { DataTable } from "../validate/table.ts";

/** Category order of a column: the schema's enum order if it has one, else order of first appearance. */
export function categoryOrder(data: DataTable, column: string): string[] {
  const present = [...new Set(data.rows.map((r) => String(r.values[column])))];
  const allowed = data.schema.fields.find((f) => f.name === column)?.constraints?.enum;
  return allowed ? allowed.filter((c) => present.includes(c)) : present;
}
