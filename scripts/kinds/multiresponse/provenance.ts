import { decimalsOf } from "../../format/numbers.ts";
import type { KindProvenance, TraceContext } from "../../provenance/kind.ts";
import { cellTerm, dataOf, factTerm } from "../../provenance/kind.ts";
import type { Term, Traced } from "../../provenance/term.ts";
import type { MultiResponseTable } from "./compute.ts";

/** Each item's percentage as the data file writes it; N is the `base` fact. */
function multiResponseTerms(table: MultiResponseTable, context: TraceContext) {
  const d = table.definition;
  const data = dataOf(context, d.data);
  const items = data.rows.map((r) => ({
    item: String(r.values[d.item]),
    term: cellTerm(data, r, d.percent, [d.item]) as Term,
    decimals: decimalsOf(r.text[d.percent] ?? ""),
  }));
  const fact = context.facts.get(d.base);
  if (!fact) throw new Error(`unreachable: no fact "${d.base}" for a computed table`);
  return { items, base: factTerm(fact) };
}

export const multiResponseProvenance: KindProvenance<MultiResponseTable> = {
  cells(table, context) {
    const { format, labels } = context;
    const t = multiResponseTerms(table, context);
    return [
      ...table.rows.map((r, i) => ({
        row: r.item,
        column: labels.percent,
        text: format.number(r.percent, r.percentDecimals),
        term: t.items[i].term,
        print: { style: "percentValue" as const, decimals: r.percentDecimals },
      })),
      { row: labels.n, column: labels.n, text: format.number(table.base), term: t.base, print: { style: "number" } },
    ];
  },

  percent(table, keys, context): Traced {
    const found = multiResponseTerms(table, context).items.find((i) => i.item === keys[0]);
    if (!found) throw new RangeError(`table "${table.id}" has no item "${keys[0]}"`);
    return { term: found.term, print: { style: "percent", decimals: found.decimals } };
  },

  n: (table, context) => ({ term: multiResponseTerms(table, context).base, print: { style: "number" } }),
};
