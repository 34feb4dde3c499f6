import type { Problem } from "../errors.ts";
import type { TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import { figureTables } from "../load/chart-meta.ts";
import type { ProjectSources } from "../load/project.ts";
import { problem } from "../messages/index.ts";
import { checkReportNeeds } from "./report-needs.ts";
import { type DataTable, validateTable } from "./table.ts";

/**
 * Stage 2: check every data file against its schema, then check that the
 * report's tables, charts and facts find what they need in the data. All
 * problems are returned together; nothing renders if there is one.
 */
export function validateProject(
  sources: ProjectSources,
  kinds: readonly TableKind[] = defaultKinds,
): { data: Map<string, DataTable>; problems: Problem[]; unlisted: number } {
  const problems: Problem[] = [];
  let unlisted = 0;
  const data = new Map<string, DataTable>();
  for (const source of sources.data) {
    const result = validateTable(source.name, source.raw, source.schema);
    problems.push(...result.problems);
    unlisted += result.unlisted;
    if (result.table) data.set(source.name, result.table);
  }
  problems.push(...checkReportNeeds(sources, data, kinds));
  problems.push(...checkCharts(sources));
  return { data, problems, unlisted };
}

/** Every table a chart draws is defined (its metadata itself was parsed at load). */
function checkCharts(sources: ProjectSources): Problem[] {
  return sources.charts.flatMap((chart) =>
    figureTables(chart.meta)
      .filter((table) => !sources.tables[table])
      .map((table) => ({
        file: chart.file,
        column: table === chart.meta.table ? "usermeta.table" : "usermeta.data",
        ...problem.chartTableUnknown(table, Object.keys(sources.tables).length),
      })),
  );
}
