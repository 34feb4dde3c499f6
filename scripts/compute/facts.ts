import { decimalsOf } from "../format/norwegian.ts";
import { isFactsFile } from "../validate/report-needs.ts";
import type { DataTable } from "../validate/table.ts";

export type FactUnit = "antall" | "tall" | "prosent" | "kr" | "år" | "årstall";

/** A single number the prose cites, with how it is printed. */
export interface Fact {
  id: string;
  value: number;
  unit: FactUnit;
  /** Decimals as written in the data file. */
  decimals: number;
  description: string;
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
  for (const row of table.rows) {
    const id = String(row.values.id);
    facts.set(id, {
      id,
      value: Number(row.values.verdi),
      unit: String(row.values.enhet) as FactUnit,
      decimals: decimalsOf(row.text.verdi),
      description: String(row.values.beskrivelse),
    });
  }
  return facts;
}
