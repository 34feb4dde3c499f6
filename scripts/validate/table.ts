import { type Problem, quoteFound } from "../errors.ts";
import type { RawTable } from "../load/csv.ts";
import { primaryKeyOf, type TableSchema } from "../load/schema.ts";
import { type Cell, parseCell } from "./cells.ts";

/** A data file checked against its schema: every cell typed. */
export interface DataTable {
  /** File name without `.csv`, used as the data's id. */
  name: string;
  file: string;
  schema: TableSchema;
  rows: DataRow[];
}

export interface DataRow {
  /** Spreadsheet row (header = 1), for messages raised later. */
  row: number;
  values: Record<string, Cell>;
  /** The text as written, so a value can be shown as published (e.g. decimals). */
  text: Record<string, string>;
}

/** Check a parsed CSV against its schema; all problems at once. */
export function validateTable(
  name: string,
  raw: RawTable,
  schema: TableSchema,
): { table?: DataTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const { file } = raw;
  const fieldNames = schema.fields.map((f) => f.name);

  const missing = fieldNames.filter((n) => !raw.header.includes(n));
  const extra = raw.header.filter((n) => !fieldNames.includes(n));
  for (const column of missing) {
    problems.push({
      file,
      row: 1,
      column,
      expected: `a column "${column}" (the schema lists ${fieldNames.map((n) => `"${n}"`).join(", ")})`,
      found: `no such column in the header`,
    });
  }
  for (const column of extra) {
    problems.push({
      file,
      row: 1,
      column,
      expected: `only the columns in the schema (${fieldNames.map((n) => `"${n}"`).join(", ")})`,
      found: `an extra column ${quoteFound(column)}`,
      hint: "add the column to the schema, or remove it from the file",
    });
  }
  const duplicateHeaders = raw.header.filter((n, i) => raw.header.indexOf(n) !== i);
  for (const column of new Set(duplicateHeaders)) {
    problems.push({ file, row: 1, column, expected: "each column once", found: "the column twice" });
  }
  if (problems.length > 0) return { problems };

  if (raw.records.length === 0) {
    problems.push({ file, row: 2, expected: "at least one data row", found: "only a header" });
  }

  const rows: DataRow[] = [];
  for (const record of raw.records) {
    if (record.cells.length !== raw.header.length) {
      problems.push({
        file,
        row: record.row,
        expected: `${raw.header.length} cells, one per column`,
        found: `${record.cells.length} cells`,
        hint: "a text with a comma in it must be in double quotes",
      });
      continue;
    }
    const values: Record<string, Cell> = {};
    const text: Record<string, string> = {};
    for (const field of schema.fields) {
      const cellText = record.cells[raw.header.indexOf(field.name)];
      const result = parseCell(field, cellText, raw.decimalMark);
      if (result.ok) {
        values[field.name] = result.value;
        text[field.name] = cellText.trim();
      } else {
        problems.push({ file, row: record.row, column: field.name, ...result });
      }
    }
    rows.push({ row: record.row, values, text });
  }

  problems.push(...checkUnique(file, schema, rows));
  return problems.length > 0 ? { problems } : { table: { name, file, schema, rows }, problems };
}

function checkUnique(file: string, schema: TableSchema, rows: DataRow[]): Problem[] {
  const problems: Problem[] = [];
  const keys = [
    ...schema.fields.filter((f) => f.constraints?.unique).map((f) => [f.name]),
    ...(schema.primaryKey ? [primaryKeyOf(schema)] : []),
  ];
  for (const key of keys) {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const id = JSON.stringify(key.map((k) => row.values[k]));
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, row.row);
      } else {
        problems.push({
          file,
          row: row.row,
          column: key.join(" + "),
          expected: `each ${key.join(" + ")} once`,
          found: `${key.map((k) => quoteFound(String(row.values[k]))).join(" + ")} again (first on row ${first})`,
        });
      }
    }
  }
  return problems;
}
