import { type Problem, ProblemLog, quoteFound } from "../errors.ts";
import type { RawTable } from "../load/csv.ts";
import { primaryKeyOf, type TableSchema } from "../load/schema.ts";
import { problem } from "../messages/index.ts";
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
): { table?: DataTable; problems: Problem[]; unlisted: number } {
  // A file can have millions of bad cells: the first hundred are kept, the rest counted.
  const problems = new ProblemLog();
  const outcome = () => ({ problems: problems.kept, unlisted: problems.unlisted });
  const { file } = raw;
  const fieldNames = schema.fields.map((f) => f.name);

  const missing = fieldNames.filter((n) => !raw.header.includes(n));
  const extra = raw.header.filter((n) => !fieldNames.includes(n));
  for (const column of missing) {
    problems.add({
      file,
      row: 1,
      column,
      ...problem.missingColumn(column, fieldNames),
    });
  }
  for (const column of extra) {
    problems.add({
      file,
      row: 1,
      column,
      ...problem.extraColumn(quoteFound(column), fieldNames),
    });
  }
  const duplicateHeaders = raw.header.filter((n, i) => raw.header.indexOf(n) !== i);
  for (const column of new Set(duplicateHeaders)) {
    problems.add({ file, row: 1, column, ...problem.columnTwice() });
  }
  if (problems.count > 0) return outcome();

  if (raw.records.length === 0) {
    problems.add({ file, row: 2, ...problem.noDataRows() });
  }

  const rows: DataRow[] = [];
  const unique = uniqueKeys(file, schema);
  for (const record of raw.records) {
    if (record.cells.length !== raw.header.length) {
      problems.add({
        file,
        row: record.row,
        ...problem.cellCount(raw.header.length, record.cells.length),
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
        problems.add({ file, row: record.row, column: field.name, ...result });
      }
    }
    const row = { row: record.row, values, text };
    unique.check(row);
    // An invalid table is never returned: keeping its rows would only fill memory (a 50 MB file's took 400 MB).
    if (problems.count === 0 && unique.problems.every((log) => log.count === 0)) rows.push(row);
  }

  // Duplicates are listed after the cells' problems, key by key.
  for (const log of unique.problems) problems.addAll(log);
  return problems.count > 0 ? outcome() : { table: { name, file, schema, rows }, ...outcome() };
}

/** Unique columns and the primary key, checked row by row so the rows need not be kept. */
function uniqueKeys(file: string, schema: TableSchema): { check: (row: DataRow) => void; problems: ProblemLog[] } {
  const keys = [
    ...schema.fields.filter((f) => f.constraints?.unique).map((f) => [f.name]),
    ...(schema.primaryKey ? [primaryKeyOf(schema)] : []),
  ].map((key) => ({ key, seen: new Map<string, number>(), problems: new ProblemLog() }));
  const check = (row: DataRow) => {
    for (const { key, seen, problems } of keys) {
      const id = JSON.stringify(key.map((k) => row.values[k]));
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, row.row);
      } else {
        problems.add({
          file,
          row: row.row,
          column: key.join(" + "),
          ...problem.duplicateKey(key, key.map((k) => quoteFound(String(row.values[k]))).join(" + "), first),
        });
      }
    }
  };
  return { check, problems: keys.map((k) => k.problems) };
}
