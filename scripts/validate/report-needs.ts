import { FACT_COLUMNS, factColumn, isFactsFile } from "../compute/facts.ts";
import type { Problem } from "../errors.ts";
import type { ProjectSources } from "../load/project.ts";
import type { DataTable } from "./table.ts";

const TABLES_FILE = "report/tables";

/** Check that what the report refers to exists in the data, with the right types. */
export function checkReportNeeds(sources: ProjectSources, data: Map<string, DataTable>): Problem[] {
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
    const text = ["string"];
    const whole = ["integer"];
    const numeric = ["number", "integer"];
    switch (definition.kind) {
      case "frequency":
        needColumn("category", definition.category, text);
        needColumn("count", definition.count, whole);
        needColumn("publishedPercent", definition.publishedPercent, numeric);
        for (const category of definition.nonResponse) {
          // A category merely absent from this round's data is fine; one the schema does not allow is a typo.
          const allowed = schema?.fields.find((f) => f.name === definition.category)?.constraints?.enum;
          if (allowed && !allowed.includes(category)) {
            problems.push({
              ...where("nonResponse"),
              expected: `a category of column "${definition.category}" (${allowed.map((a) => `"${a}"`).join(", ")})`,
              found: `"${category}"`,
            });
          }
        }
        break;
      case "crosstab":
        needColumn("row", definition.row, text);
        needColumn("column", definition.column, text);
        needColumn("count", definition.count, whole);
        needColumn("publishedPercent", definition.publishedPercent, numeric);
        break;
      case "multiresponse":
        needColumn("item", definition.item, text);
        needColumn("percent", definition.percent, numeric);
        if (!factIds.has(definition.base)) {
          problems.push({ ...where("base"), expected: "the id of a fact holding N", found: `"${definition.base}"` });
        }
        break;
      case "scoredMeans": {
        needColumn("item", definition.item, text);
        for (const [setting, name] of [
          ["scale.data", definition.scale.data],
          ["groups.data", definition.groups.data],
        ] as const) {
          if (!dataNames.has(name)) {
            problems.push({ ...where(setting), expected: `a data file data/${name}.csv`, found: "no such file" });
          }
        }
        break;
      }
      case "grid":
        needColumn("rowHeader", definition.rowHeader, ["string", "integer", "number"]);
        for (const [index, column] of (definition.columns ?? []).entries()) {
          needColumn(`columns.${index}.field`, column.field, ["number", "integer", "string"]);
        }
        for (const [index, column] of (definition.distribution?.columns ?? []).entries()) {
          needColumn(`distribution.columns.${index}`, column, numeric);
        }
        break;
    }
  }
  return problems;
}
