import type { ComputedTable, ReportModel } from "../compute/model.ts";
import { kindOf } from "../kinds/definitions.ts";
import type { ChartRow } from "../kinds/kind.ts";

export type { ChartRow } from "../kinds/kind.ts";

/**
 * The rows a chart's named dataset receives, as the table's kind lays them
 * out, with labels already formatted as the report writes numbers (`*_tekst`)
 * so a chart prints exactly what the table prints. `rekkefolge` keeps the
 * published order.
 */
export function chartRows(table: ComputedTable, model: Pick<ReportModel, "kinds" | "format" | "locale">): ChartRow[] {
  return kindOf(model.kinds, table.kind).chartRows(table, { format: model.format, labels: model.locale.labels });
}
