import { expectArgs, need } from "../../compute/lookup.ts";
import { lookup as said } from "../../messages/index.ts";
import type { TableKind } from "../kind.ts";
import { computeMultiResponse, type MultiResponseTable } from "./compute.ts";
import { multiResponseProvenance } from "./provenance.ts";
import { deriveMultiResponse, synthesizeMultiResponse } from "./respondents.ts";
import { type MultiResponseTableDefinition, MultiResponseTableSchema } from "./schema.ts";
import { multiResponseSheet } from "./sheet.ts";

export type { MultiResponseTable } from "./compute.ts";
export type { MultiResponseTableDefinition } from "./schema.ts";

/** Items that could each be chosen: the published percentage of the same N for each. */
export const multiResponse: TableKind<MultiResponseTableDefinition, MultiResponseTable> = {
  name: "multiresponse",
  schema: MultiResponseTableSchema,

  checkNeeds: (definition, check) => [
    ...check.column("item", definition.item, ["string"]),
    ...check.column("percent", definition.percent, ["number", "integer"]),
    ...check.fact("base", definition.base),
  ],

  compute: (definition, { id, data, facts, definedIn }) => computeMultiResponse(id, definition, data, facts, definedIn),

  // N is everyone asked, read from the `base` fact.
  totals: (table) => ({ n: table.base, total: table.base }),

  lookups: {
    percent(table, keys, { format }) {
      expectArgs(keys, 1, said.oneItem);
      const item = need(
        table.rows.map((r) => r.item),
        keys[0],
        said.anItem,
      );
      const row = table.rows.find((r) => r.item === item);
      return row ? format.percent(row.percent, row.percentDecimals) : "";
    },
    n: (table, { format }) => format.number(table.base),
  },

  provenance: multiResponseProvenance,

  cells: (table, { format, labels }) => [
    ...table.rows.map((r) => ({
      row: r.item,
      column: labels.percent,
      value: format.percent(r.percent, r.percentDecimals),
    })),
    { row: labels.n, column: labels.n, value: format.number(table.base) },
  ],

  sheet: multiResponseSheet,

  chartRows: (table, { format }) =>
    table.rows.map((row, index) => ({
      rekkefolge: index,
      kategori: row.item,
      prosent: row.percent,
      prosent_tekst: format.percent(row.percent, row.percentDecimals),
    })),

  view: (table, { format }) => ({
    question: table.definition.question ?? "",
    rows: table.rows.map((r) => ({ item: r.item, percent: format.number(r.percent, r.percentDecimals) })),
    base: format.number(table.base),
  }),

  respondents: {
    links: ({ respondents: spec }, check) =>
      (spec?.items ?? []).flatMap((item, i) => check.question(`items.${i}`, item)),
    derive: deriveMultiResponse,
    synthesize: synthesizeMultiResponse,
  },
};
