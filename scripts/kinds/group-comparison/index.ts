import { derivedRow } from "../../respondents/derived-row.ts";
import { groupComparisonTable } from "../../respondents/group-comparison.ts";
import type { DataTable } from "../../validate/table.ts";
import { computeGrid, pValueText } from "../grid/compute.ts";
import type { GridTable, GridTableDefinition } from "../grid/index.ts";
import { grid } from "../grid/index.ts";
import { gridProvenance } from "../grid/provenance.ts";
import { gridSheet } from "../grid/sheet.ts";
import type { TableKind } from "../kind.ts";
import { type GroupComparisonTableDefinition, GroupComparisonTableSchema } from "./schema.ts";

export type { GroupComparisonTableDefinition } from "./schema.ts";

/** Computed, a group comparison is a grid of its rows; only its kind (class and partial) differs. */
export type GroupComparisonTable = Omit<GridTable, "kind"> & { kind: "groupComparison" };

/**
 * The definition as the grid it is shown as: its rows as they come, every
 * column of the data, the heading over the groups from the data's schema
 * unless the definition names one.
 */
function asGridDefinition(definition: GroupComparisonTableDefinition, data: DataTable): GridTableDefinition {
  const { respondents: _counted, ...shown } = definition;
  const rowLabel =
    definition.rowLabel || (data.schema.fields.find((f) => f.name === definition.rowHeader)?.title ?? "");
  return { ...shown, kind: "grid", rowLabel };
}

/** The label respondents/group-comparison.ts gives the row of p values. */
const P_ROW = "p";

const asGrid = (table: GroupComparisonTable): GridTable => ({ ...table, kind: "grid" });

/** Traced as a grid, its row of p values printed as p values. */
const asGridProvenance = gridProvenance(
  (row, column) => row.header === P_ROW || column.format === "p",
  (table, context) => grid.cells(table, context),
);

/**
 * Measures compared by the groups of a choice question, with one-way ANOVA
 * (respondents/group-comparison.ts counts it); shown, cited and charted as
 * a grid, with a partial of its own a project can replace.
 */
export const groupComparison: TableKind<GroupComparisonTableDefinition, GroupComparisonTable> = {
  name: "groupComparison",
  schema: GroupComparisonTableSchema,

  checkNeeds: (definition, check) => check.column("rowHeader", definition.rowHeader, ["string"]),

  compute: (definition, { id, data, format }) => {
    const table = computeGrid(id, asGridDefinition(definition, data), data, format);
    // The test's p row at one precision, as every p in the report: below 0,001 as "< 0,001", never "0,000".
    for (const row of table.rows.filter((r) => r.header === P_ROW)) {
      for (const cell of Object.values(row.cells)) {
        if (cell.value !== null) cell.text = pValueText(cell.value, format);
      }
    }
    return { table: { ...table, kind: "groupComparison" }, problems: [] };
  },

  lookups: {
    value: (table, keys, filters, context) => grid.lookups.value?.(asGrid(table), keys, filters, context) ?? "",
  },
  provenance: {
    cells: (table, context) => asGridProvenance.cells(asGrid(table), context),
    value: (table, keys, filters, context) => asGridProvenance.value(asGrid(table), keys, filters, context),
  },
  cells: (table, context) => grid.cells(asGrid(table), context),
  chartRows: (table, context) => grid.chartRows(asGrid(table), context),
  sheet: (table, context) => gridSheet(asGrid(table), context),
  view: (table, context) => grid.view(asGrid(table), context),

  respondents: {
    links: ({ respondents: spec }, check) => [
      ...check.choice("by", spec.by),
      ...spec.measures.flatMap((m, i) =>
        "index" in m
          ? check.index(`measures.${i}.index`, m.index)
          : "indices" in m
            ? check.indexGroup(`measures.${i}.indices`, m.indices)
            : check.numeric(`measures.${i}.question`, m.question),
      ),
    ],
    derive: (definition, { codebook, respondents, labels }) => {
      const table = groupComparisonTable(respondents, codebook, definition.respondents, {
        field: definition.rowHeader,
        title: definition.rowLabel || labels.group,
      });
      return { rows: table.rows.map((r, i) => derivedRow(i, r.values, r.decimals)), fields: table.fields };
    },
  },
};
