import type { Problem } from "../errors.ts";
import { NumberFormat } from "../format/numbers.ts";
import { kindOf, type TableDefinitions } from "../kinds/definitions.ts";
import type { ComputedTableBase, TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import type { ReportConfig } from "../load/config.ts";
import { type Locale, localeFor } from "../locale/index.ts";
import type { DataTable } from "../validate/table.ts";
import { collectFacts, type Fact } from "./facts.ts";
import { checkRelations } from "./relations.ts";

/** A table as computed by its kind (kinds/<kind>/compute.ts); `kind` says which. */
export type ComputedTable = ComputedTableBase;

/** Everything the chapters, tables and charts print, computed from data. */
export interface ReportModel {
  config: ReportConfig;
  /** The report's language: the words the engine prints. */
  locale: Locale;
  /** How the report's language writes numbers; everything printed goes through it. */
  format: NumberFormat;
  /** The table kinds the tables were computed by; later stages ask them how to print each table. */
  kinds: readonly TableKind[];
  facts: Map<string, Fact>;
  tables: Map<string, ComputedTable>;
  /** The data the tables were computed from (counted, in a build from answers), for the provenance of each number. */
  data: Map<string, DataTable>;
  /** Set when tables were counted from respondent-level answers: which, and whether the answers are synthetic. */
  respondents?: { tables: Set<string>; synthetic: boolean; notes: string[]; count: number };
}

export function computeModel(
  config: ReportConfig,
  definitions: TableDefinitions,
  data: Map<string, DataTable>,
  tableFiles: Record<string, string> = {},
  kinds: readonly TableKind[] = defaultKinds,
): { model: ReportModel; problems: Problem[] } {
  const problems: Problem[] = [];
  // The config's schema admits only languages the engine has.
  const locale = localeFor(config.language);
  const format = new NumberFormat(locale, config.currency);
  const facts = collectFacts(data, config.factsPrefix);
  const tables = new Map<string, ComputedTable>();
  for (const [id, definition] of Object.entries(definitions)) {
    const table = data.get(definition.data);
    if (!table) continue; // reported by checkReportNeeds
    const kind = kindOf(kinds, definition.kind);
    const definedIn = tableFiles[id] ?? "report/tables";
    const computed = kind.compute(definition, {
      id,
      data: table,
      dataFile: (name) => data.get(name),
      facts,
      definedIn,
      format,
    });
    problems.push(...computed.problems);
    if (computed.table) {
      tables.set(id, computed.table);
      problems.push(...checkRelations(computed.table, kind, facts, definedIn, table.file));
    }
  }
  return { model: { config, locale, format, kinds, facts, tables, data }, problems };
}
