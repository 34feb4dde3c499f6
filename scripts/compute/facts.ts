import { decimalsOf } from "../format/numbers.ts";
import type { DataTable } from "../validate/table.ts";

export type FactUnit = "antall" | "tall" | "prosent" | "kr" | "år" | "årstall";

/** English names of the units, for facts files written in English. */
const UNIT_ALIASES: Record<string, FactUnit> = {
  count: "antall",
  number: "tall",
  percent: "prosent",
  currency: "kr",
  years: "år",
  year: "årstall",
};

/**
 * The columns of a facts file. Bokmål names are the engine's own; each has an
 * English alias (a file uses one or the other for each column).
 */
export const FACT_COLUMNS = {
  id: ["id"],
  value: ["verdi", "value"],
  unit: ["enhet", "unit"],
  description: ["beskrivelse", "description"],
} as const;

/** The name a facts file's header uses for a column, among its accepted names. */
export function factColumn(fields: string[], column: keyof typeof FACT_COLUMNS): string | undefined {
  return FACT_COLUMNS[column].find((name) => fields.includes(name));
}

export function factUnit(text: string): FactUnit {
  return UNIT_ALIASES[text] ?? (text as FactUnit);
}

/** A single number the prose cites, with how it is printed. */
export interface Fact {
  id: string;
  value: number;
  unit: FactUnit;
  /** Decimals as written in the data file. */
  decimals: number;
  description: string;
  /** The facts file and row it stands in, for messages that name it. */
  file: string;
  row: number;
}

/** Whether a data file holds facts: named `<prefix>` or `<prefix>-…` (fakta.csv, fakta-lonn.csv). */
export function isFactsFile(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}-`);
}

/** Every fact of every facts file (data files whose names start with `prefix`). */
export function collectFacts(data: Map<string, DataTable>, prefix: string): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  for (const table of data.values()) {
    if (isFactsFile(table.name, prefix)) for (const [id, fact] of readFacts(table)) facts.set(id, fact);
  }
  return facts;
}

export function readFacts(table: DataTable): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const fields = Object.keys(table.rows[0]?.values ?? {});
  const value = factColumn(fields, "value") ?? "verdi";
  const unit = factColumn(fields, "unit") ?? "enhet";
  const description = factColumn(fields, "description") ?? "beskrivelse";
  for (const row of table.rows) {
    const id = String(row.values.id);
    facts.set(id, {
      id,
      value: Number(row.values[value]),
      unit: factUnit(String(row.values[unit])),
      decimals: decimalsOf(row.text[value]),
      description: String(row.values[description]),
      file: table.file,
      row: row.row,
    });
  }
  return facts;
}
