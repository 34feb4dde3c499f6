import type { Problem } from "../errors.ts";
import type { ProjectSources } from "../load/project.ts";
import type { DataTable } from "./table.ts";

const TABLES_FILE = "report/tables";
const FACT_COLUMNS = ["id", "verdi", "enhet", "beskrivelse"];

export function isFactsFile(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}-`);
}

/** Check that what the report refers to exists in the data, with the right types. */
export function checkReportNeeds(sources: ProjectSources, data: Map<string, DataTable>): Problem[] {
  const problems: Problem[] = [];
  const dataNames = new Set(sources.data.map((d) => d.name));

  const factIds = new Map<string, string>();
  for (const facts of sources.data.filter((d) => isFactsFile(d.name, sources.config.factsPrefix))) {
    const names = facts.schema.fields.map((f) => f.name);
    for (const column of FACT_COLUMNS) {
      if (!names.includes(column)) {
        problems.push({
          file: `${facts.raw.file.replace(/\.csv$/, "")}.schema.json`,
          column,
          expected: `the fact columns ${FACT_COLUMNS.join(", ")}`,
          found: `no field "${column}"`,
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
    const where = (setting: string) => ({ file: sources.tableFiles[id] ?? TABLES_FILE, column: `${id}.${setting}` });
    if (!dataNames.has(definition.data)) {
      problems.push({
        ...where("data"),
        expected: `a data file data/${definition.data}.csv`,
        found: "no such file",
      });
      continue;
    }
    const schema = sources.data.find((d) => d.name === definition.data)?.schema;
    const fieldType = (name: string) => schema?.fields.find((f) => f.name === name)?.type;
    const needColumn = (setting: string, column: string | undefined, types: string[]) => {
      if (column === undefined) return;
      const type = fieldType(column);
      if (type === undefined) {
        problems.push({
          ...where(setting),
          expected: `a column of data/${definition.data}.csv`,
          found: `"${column}", which the file does not have`,
        });
      } else if (!types.includes(type)) {
        problems.push({
          ...where(setting),
          expected: `a column of type ${types.join(" or ")}`,
          found: `"${column}" of type ${type}`,
        });
      }
    };
    needColumn("category", definition.category, ["string"]);
    needColumn("count", definition.count, ["integer"]);
    needColumn("publishedPercent", definition.publishedPercent, ["number", "integer"]);

    const table = data.get(definition.data);
    if (table) {
      const categories = new Set(table.rows.map((r) => String(r.values[definition.category])));
      for (const category of definition.nonResponse) {
        if (!categories.has(category)) {
          // A category that is simply absent from this round's data is not an error.
          const allowed = schema?.fields.find((f) => f.name === definition.category)?.constraints?.enum;
          if (allowed && !allowed.includes(category)) {
            problems.push({
              ...where("nonResponse"),
              expected: `a category of column "${definition.category}"`,
              found: `"${category}"`,
            });
          }
        }
      }
    }
  }
  return problems;
}
