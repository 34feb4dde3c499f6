import { FACT_COLUMNS, factColumn, isFactsFile } from "../compute/facts.ts";
import type { Problem } from "../errors.ts";
import { CHECKED_TOTALS } from "../kinds/common.ts";
import { kindOf } from "../kinds/definitions.ts";
import type { NeedsCheck, TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import type { ProjectSources } from "../load/project.ts";
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
          expected: `the fact columns ${Object.values(FACT_COLUMNS)
            .map((a) => a.join(" or "))
            .join(", ")}`,
          found: `no field "${accepted.join('" or "')}"`,
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
          expected: "an id used by no other facts file",
          found: `"${id}", already in ${first}`,
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
        expected: `a data file data/${definition.data}.csv`,
        found: "no such file",
      });
      continue;
    }
    const schema = sources.data.find((d) => d.name === definition.data)?.schema ?? { fields: [] };
    const problem = (setting: string, expected: string, found: string): Problem => ({
      ...where(setting),
      expected,
      found,
    });
    const check: NeedsCheck = {
      schema,
      problem,
      column(setting, column, types) {
        if (column === undefined) return [];
        const type = schema.fields.find((f) => f.name === column)?.type;
        if (type === undefined) {
          return [
            problem(setting, `a column of data/${definition.data}.csv`, `"${column}", which the file does not have`),
          ];
        }
        if (!types.includes(type)) {
          return [problem(setting, `a column of type ${types.join(" or ")}`, `"${column}" of type ${type}`)];
        }
        return [];
      },
      dataFile: (setting, name) =>
        dataNames.has(name) ? [] : [problem(setting, `a data file data/${name}.csv`, "no such file")],
      fact: (setting, id) => (factIds.has(id) ? [] : [problem(setting, "the id of a fact holding N", `"${id}"`)]),
    };
    const kind = kindOf(kinds, definition.kind);
    problems.push(...kind.checkNeeds(definition, check));
    // `checks` is a common setting; a kind without an N or total has nothing to compare.
    for (const name of CHECKED_TOTALS) {
      const factId = definition.checks?.[name];
      if (factId === undefined) continue;
      if (!kind.totals) {
        problems.push(
          problem(`checks.${name}`, "no checks (this kind of table has no N or total)", `"${definition.kind}"`),
        );
      } else if (!factIds.has(factId)) {
        problems.push(problem(`checks.${name}`, "the id of a fact in a facts file", `"${factId}"`));
      }
    }
  }
  return problems;
}
