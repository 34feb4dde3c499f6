/**
 * A table kind's part in provenance (each kind's provenance.ts, reached
 * through the kind's `provenance`): for every number its partial prints, and
 * for every number its lookups give the prose, the term it comes from
 * (term.ts), built from the same data rows the kind computed it from.
 */
import type { Fact } from "../compute/facts.ts";
import type { PrintContext } from "../kinds/kind.ts";
import type { DataRow, DataTable } from "../validate/table.ts";
import type { Read, Term, Traced } from "./term.ts";

/** One number a table prints, as its partial prints it, with where it comes from. */
export interface TracedCell extends Traced {
  /** The row and column as the change summary names them (the kind's `cells`), or as the table heads them. */
  row: string;
  column: string;
  /** As printed in the table. */
  text: string;
}

export interface TraceContext extends PrintContext {
  /** A data file by name (the counted one, in a build from answers). */
  data(name: string): DataTable | undefined;
  facts: Map<string, Fact>;
}

/** The lookups mirror the kind's own (kinds/kind.ts KindLookups), called only after those succeeded. */
export interface KindProvenance<T> {
  /** Every number the kind's partial prints, in reading order. */
  cells(table: T, context: TraceContext): TracedCell[];
  count?(table: T, keys: string[], context: TraceContext): Traced;
  percent?(table: T, keys: string[], context: TraceContext): Traced;
  n?(table: T, context: TraceContext): Traced;
  value?(table: T, keys: string[], filters: Record<string, string>, context: TraceContext): Traced;
}

/**
 * A row counted from respondent-level answers carries what it counted, per
 * column (respondents/derived-row.ts); its numbers come from the answers,
 * not from a line of a file.
 */
export type AnswersOrigin = Term;

/**
 * A data file as provenance names it: by its place in the data folder
 * (`data/utdanning.csv`), wherever `--data` put that folder and whatever
 * encoding it is in, so that the same numbers give the same page; the index
 * says which folder it was (index-file.ts).
 */
export const dataPath = (name: string) => `data/${name}.csv`;

/** The term of one cell of a data row: read from its file, or what it counted from answers. */
export function cellTerm(data: DataTable, row: DataRow, column: string, keyFields: string[]): Term {
  const value = Number(row.values[column]);
  const origin = row.origin?.[column];
  if (origin) return origin;
  const key: Record<string, string> = {};
  for (const field of keyFields) key[field] = String(row.values[field] ?? "");
  return { op: "read", file: dataPath(data.name), line: row.row, key, column, value };
}

/** The term of a fact: its line of a facts file. */
export function factTerm(fact: Fact): Read {
  const { row, id, column, value } = fact;
  return { op: "read", file: dataPath(fact.data), line: row, key: { id }, column, value };
}

/** The data file a table was computed from; every table's is there (checkReportNeeds made sure). */
export function dataOf(context: TraceContext, name: string): DataTable {
  const data = context.data(name);
  if (!data) throw new Error(`unreachable: no data "${name}" for a computed table`);
  return data;
}

export type { Term };
