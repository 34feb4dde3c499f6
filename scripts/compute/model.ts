import type { Problem } from "../errors.ts";
import type { ReportConfig, TableDefinitions } from "../load/config.ts";
import { isFactsFile } from "../validate/report-needs.ts";
import type { DataTable } from "../validate/table.ts";
import { type Fact, readFacts } from "./facts.ts";
import { computeFrequency, type FrequencyTable } from "./frequency.ts";

export type ComputedTable = FrequencyTable;

/** Everything the chapters, tables and charts print, computed from data. */
export interface ReportModel {
  config: ReportConfig;
  facts: Map<string, Fact>;
  tables: Map<string, ComputedTable>;
}

export function computeModel(
  config: ReportConfig,
  definitions: TableDefinitions,
  data: Map<string, DataTable>,
): { model: ReportModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const tables = new Map<string, ComputedTable>();
  for (const [id, definition] of Object.entries(definitions)) {
    const table = data.get(definition.data);
    if (!table) continue; // reported by validateReportNeeds
    const computed = computeFrequency(id, definition, table);
    problems.push(...computed.problems);
    tables.set(id, computed.table);
  }
  const facts = new Map<string, Fact>();
  for (const table of data.values()) {
    if (isFactsFile(table.name, config.factsPrefix)) for (const [id, fact] of readFacts(table)) facts.set(id, fact);
  }
  return { model: { config, facts, tables }, problems };
}
