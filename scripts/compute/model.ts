import type { Problem } from "../errors.ts";
import type { ReportConfig, TableDefinition, TableDefinitions } from "../load/config.ts";
import type { DataTable } from "../validate/table.ts";
import { type CrosstabTable, computeCrosstab } from "./crosstab.ts";
import { collectFacts, type Fact } from "./facts.ts";
import { computeFrequency, type FrequencyTable } from "./frequency.ts";
import { checkDistribution, computeGrid, type GridTable } from "./grid.ts";
import { computeMultiResponse, type MultiResponseTable } from "./multiresponse.ts";
import { computeScoredMeans, type ScoredMeansTable } from "./scored-means.ts";

export type ComputedTable = FrequencyTable | CrosstabTable | MultiResponseTable | GridTable | ScoredMeansTable;

/** Everything the chapters, tables and charts print, computed from data. */
export interface ReportModel {
  config: ReportConfig;
  facts: Map<string, Fact>;
  tables: Map<string, ComputedTable>;
  /** Set when tables were counted from respondent-level answers: which, and whether the answers are synthetic. */
  respondents?: { tables: Set<string>; synthetic: boolean; notes: string[]; count: number };
}

export function computeModel(
  config: ReportConfig,
  definitions: TableDefinitions,
  data: Map<string, DataTable>,
  tableFiles: Record<string, string> = {},
): { model: ReportModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const facts = collectFacts(data, config.factsPrefix);
  const tables = new Map<string, ComputedTable>();
  for (const [id, definition] of Object.entries(definitions)) {
    const table = data.get(definition.data);
    if (!table) continue; // reported by checkReportNeeds
    const computed = computeTable(id, definition, table, facts, data, tableFiles[id] ?? "report/tables");
    problems.push(...computed.problems);
    if (computed.table) tables.set(id, computed.table);
  }
  return { model: { config, facts, tables }, problems };
}

function computeTable(
  id: string,
  definition: TableDefinition,
  table: DataTable,
  facts: Map<string, Fact>,
  data: Map<string, DataTable>,
  definedIn: string,
): { table?: ComputedTable; problems: Problem[] } {
  switch (definition.kind) {
    case "frequency":
      return computeFrequency(id, definition, table);
    case "crosstab":
      return computeCrosstab(id, definition, table);
    case "multiresponse":
      return computeMultiResponse(id, definition, table, facts, definedIn);
    case "grid":
      return { table: computeGrid(id, definition, table), problems: checkDistribution(definition, table) };
    case "scoredMeans": {
      const scale = data.get(definition.scale.data);
      const groups = data.get(definition.groups.data);
      if (!scale || !groups) return { problems: [] }; // reported by checkReportNeeds
      return computeScoredMeans(id, definition, table, scale, groups, definedIn);
    }
  }
}
