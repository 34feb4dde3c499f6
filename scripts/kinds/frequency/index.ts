import { LookupError, need } from "../../compute/lookup.ts";
import { problem, lookup as said } from "../../messages/index.ts";
import type { TableKind } from "../kind.ts";
import { computeFrequency, countOfCategories, type FrequencyTable, percentOfCategories } from "./compute.ts";
import { frequencyProvenance } from "./provenance.ts";
import { deriveFrequency, synthesizeFrequency } from "./respondents.ts";
import { type FrequencyTableDefinition, FrequencyTableSchema } from "./schema.ts";
import { frequencySheet } from "./sheet.ts";

export type { FrequencyTable } from "./compute.ts";
export type { FrequencyTableDefinition } from "./schema.ts";

const text = ["string" as const];

/** One question's answers: counts, percentages of those who answered, non-response under the total. */
export const frequency: TableKind<FrequencyTableDefinition, FrequencyTable> = {
  name: "frequency",
  schema: FrequencyTableSchema,

  checkNeeds(definition, check) {
    const problems = [
      ...check.column("category", definition.category, text),
      ...check.column("count", definition.count, ["integer"]),
      ...check.column("publishedPercent", definition.publishedPercent, ["number", "integer"]),
    ];
    // A category merely absent from this round's data is fine; one the schema does not allow is a typo.
    const allowed = check.schema.fields.find((f) => f.name === definition.category)?.constraints?.enum;
    for (const category of definition.nonResponse) {
      if (allowed && !allowed.includes(category)) {
        problems.push(check.problem("nonResponse", problem.notACategory(definition.category, allowed, category)));
      }
    }
    return problems;
  },

  compute: (definition, { id, data }) => computeFrequency(id, definition, data),

  publishedColumns: (definition) => (definition.publishedPercent ? [definition.publishedPercent] : []),

  totals: (table) => ({ n: table.base, total: table.grandTotal }),

  lookups: {
    count(table, keys, { format }) {
      const known = [...table.rows.map((r) => r.category), ...table.outside.map((r) => r.category)];
      if (keys.length === 0) throw new LookupError(said.oneOf(said.categories, known), said.none);
      for (const key of keys) need(known, key, said.categoryOf(table.id));
      return format.number(countOfCategories(table, keys));
    },
    percent(table, keys, { format }) {
      const known = table.rows.map((r) => r.category);
      if (keys.length === 0) throw new LookupError(said.oneOf(said.categories, known), said.none);
      for (const key of keys) need(known, key, said.categoryInBase(table.id));
      if (keys.length === 1) {
        const row = table.rows.find((r) => r.category === keys[0]);
        if (row) return format.percent(row.percent, row.percentDecimals);
      }
      const sum = percentOfCategories(table, keys, table.definition.percentDecimals);
      return format.percent(sum.value, sum.decimals);
    },
    n: (table, { format }) => format.number(table.base),
  },

  provenance: frequencyProvenance,

  cells(table, { format, labels }) {
    return [
      ...table.rows.flatMap((r) => [
        { row: r.category, column: labels.count, value: format.number(r.count) },
        { row: r.category, column: labels.percent, value: format.percent(r.percent, r.percentDecimals) },
      ]),
      ...table.outside.map((r) => ({ row: r.category, column: labels.count, value: format.number(r.count) })),
      { row: labels.total, column: labels.n, value: format.number(table.base) },
      { row: labels.total, column: labels.everyone, value: format.number(table.grandTotal) },
    ];
  },

  sheet: frequencySheet,

  chartRows(table, { format }) {
    return table.rows.map((row, index) => ({
      rekkefolge: index,
      kategori: row.category,
      antall: row.count,
      antall_tekst: format.number(row.count),
      prosent: row.percent,
      prosent_tekst: format.percent(row.percent, row.percentDecimals),
    }));
  },

  // Percent cells are printed without the sign: the column header says what they are.
  view(table, { format }) {
    return {
      question: table.definition.question ?? "",
      rows: table.rows.map((r) => ({
        category: r.category,
        count: format.number(r.count),
        percent: format.number(r.percent, r.percentDecimals),
      })),
      base: format.number(table.base),
      basePercent: format.number(100, table.definition.percentDecimals),
      outside: table.outside.map((r) => ({ category: r.category, count: format.number(r.count) })),
      /** Everyone, printed only when some are outside the base. */
      grandTotal: table.outside.length > 0 ? format.number(table.grandTotal) : "",
    };
  },

  // Published percentages the counts do not give, accepted in the definition with a reason.
  dataNote(table, { format, labels }) {
    if (table.discrepancies.length === 0) return undefined;
    return table.discrepancies
      .map((d) =>
        labels.publishedDiffers({
          category: d.category,
          published: format.percent(d.published, d.decimals),
          computed: format.percent(d.computed, d.decimals),
          reason: d.reason,
        }),
      )
      .join(" ");
  },

  respondents: {
    links: (definition, check) => {
      const spec = definition.respondents;
      if (!spec) return [];
      return "index" in spec
        ? check.index("index", spec.index, { bands: true })
        : check.choice("question", spec.question);
    },
    derive: deriveFrequency,
    // Counted tables have no published percentages to differ from.
    counted: (definition) => ({ ...definition, publishedDiffers: {} }),
    synthesize: synthesizeFrequency,
  },
};

/** For helpers that only make sense for a frequency table (non-response, the sum of rounded percentages). */
export function isFrequencyTable(table: { kind: string }): table is FrequencyTable {
  return table.kind === frequency.name;
}
