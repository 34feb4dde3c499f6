import { expectArgs, need } from "../../compute/lookup.ts";
import { lookup as said } from "../../messages/index.ts";
import type { TableKind } from "../kind.ts";
import { computeScoredMeans, type ScoredMeansTable } from "./compute.ts";
import { scoredMeansProvenance } from "./provenance.ts";
import { type ScoredMeansTableDefinition, ScoredMeansTableSchema } from "./schema.ts";
import { scoredMeansSheet } from "./sheet.ts";

export type { ScoredMeansTable } from "./compute.ts";
export type { ScoredMeansTableDefinition } from "./schema.ts";

/** Means per group computed from published distributions (e.g. Figur 2: stress factors). */
export const scoredMeans: TableKind<ScoredMeansTableDefinition, ScoredMeansTable> = {
  name: "scoredMeans",
  schema: ScoredMeansTableSchema,

  checkNeeds: (definition, check) => [
    ...check.column("item", definition.item, ["string"]),
    ...check.dataFile("scale.data", definition.scale.data),
    ...check.dataFile("groups.data", definition.groups.data),
  ],

  compute(definition, { id, data, dataFile, definedIn }) {
    const scale = dataFile(definition.scale.data);
    const groups = dataFile(definition.groups.data);
    if (!scale || !groups) return { problems: [] }; // reported by checkNeeds
    return computeScoredMeans(id, definition, data, scale, groups, definedIn);
  },

  lookups: {
    /** A group's mean: {{verdi "stress" "Overbelastning"}}. */
    value(table, keys, _filters, { format }) {
      expectArgs(keys, 1, said.aGroup);
      const group = need(
        table.rows.map((r) => r.group),
        keys[0],
        said.aGroup,
      );
      const row = table.rows.find((r) => r.group === group);
      return row ? format.number(row.mean, table.definition.decimals) : "";
    },
  },

  provenance: scoredMeansProvenance,

  cells: (table, { format, labels }) =>
    table.rows.map((r) => ({
      row: r.group,
      column: labels.mean,
      value: format.number(r.mean, table.definition.decimals),
    })),

  sheet: scoredMeansSheet,

  chartRows: (table, { format }) =>
    table.rows.map((row, index) => ({
      rekkefolge: index,
      kategori: row.group,
      gjennomsnitt: row.mean,
      gjennomsnitt_tekst: format.number(row.mean, table.definition.decimals),
      sporsmal: row.items,
    })),

  view: (table, { format }) => ({
    rowLabel: table.definition.rowLabel,
    rows: table.rows.map((r) => ({
      group: r.group,
      mean: format.number(r.mean, table.definition.decimals),
      items: format.number(r.items),
    })),
  }),

  // Computed from the distributions of another table's data: counted from answers, it follows that table.
  respondents: { followsSharedData: true },
};
