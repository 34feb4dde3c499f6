import { FACT_COLUMNS, factColumn, isFactsFile } from "../compute/facts.ts";
import type { Problem } from "../errors.ts";
import { CHECKED_TOTALS } from "../kinds/common.ts";
import { kindOf } from "../kinds/definitions.ts";
import type { NeedsCheck, TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import type { ProjectSources } from "../load/project.ts";
import { type Said, problem as said } from "../messages/index.ts";
import type { DataTable } from "./table.ts";

const TABLES_FILE = "report/tables";

/** Check that what the report refers to exists in the data, with the right types; each kind checks its own settings. */
export function checkReportNeeds(
  sources: ProjectSources,
  data: Map<string, DataTable>,
  kinds: readonly TableKind[] = defaultKinds,
): Problem[] {
  const problems: Problem[] = [];
  const dataNames = new Set(sources.data.map((d) => d.name));

  const factIds = new Map<string, string>();
  for (const facts of sources.data.filter((d) => isFactsFile(d.name, sources.config.factsPrefix))) {
    const names = facts.schema.fields.map((f) => f.name);
    for (const [column, accepted] of Object.entries(FACT_COLUMNS)) {
      if (!factColumn(names, column as keyof typeof FACT_COLUMNS)) {
        problems.push({
          file: `${facts.raw.file.replace(/\.csv$/, "")}.schema.json`,
          column: accepted[0],
          ...said.factColumns(Object.values(FACT_COLUMNS), accepted),
        });
      }
    }
    for (const row of data.get(facts.name)?.rows ?? []) {
      const id = String(row.values.id);
      const first = factIds.get(id);
      if (first) {
        problems.push({
          file: facts.raw.file,
          row: row.row,
          column: "id",
          ...said.factIdTwice(id, first),
        });
      } else {
        factIds.set(id, facts.raw.file);
      }
    }
  }

  for (const [id, definition] of Object.entries(sources.tables)) {
    if (definition.respondentsOnly) continue; // made from respondent answers, checked there
    const where = (setting: string) => ({ file: sources.tableFiles[id] ?? TABLES_FILE, column: `${id}.${setting}` });
    if (!dataNames.has(definition.data)) {
      problems.push({
        ...where("data"),
        ...said.noDataFile(definition.data),
      });
      continue;
    }
    const schema = sources.data.find((d) => d.name === definition.data)?.schema ?? { fields: [] };
    const problem = (setting: string, what: Said): Problem => ({ ...where(setting), ...what });
    const check: NeedsCheck = {
      schema,
      problem,
      column(setting, column, types) {
        if (column === undefined) return [];
        const type = schema.fields.find((f) => f.name === column)?.type;
        if (type === undefined) {
          return [problem(setting, said.noSuchColumn(definition.data, column))];
        }
        if (!types.includes(type)) {
          return [problem(setting, said.columnType(types, column, type))];
        }
        return [];
      },
      dataFile: (setting, name) => (dataNames.has(name) ? [] : [problem(setting, said.noDataFile(name))]),
      fact: (setting, id) => (factIds.has(id) ? [] : [problem(setting, said.factHoldingN(id))]),
    };
    const kind = kindOf(kinds, definition.kind);
    problems.push(...kind.checkNeeds(definition, check));
    // `checks` is a common setting; a kind without an N or total has nothing to compare.
    for (const name of CHECKED_TOTALS) {
      const factId = definition.checks?.[name];
      if (factId === undefined) continue;
      if (!kind.totals) {
        problems.push(problem(`checks.${name}`, said.noChecks(definition.kind)));
      } else if (!factIds.has(factId)) {
        problems.push(problem(`checks.${name}`, said.unknownCheckFact(factId)));
      }
    }
  }
  return problems;
}
