import type { KindProvenance, TraceContext, TracedCell } from "../../provenance/kind.ts";
import { cellTerm, dataOf } from "../../provenance/kind.ts";
import { type Share, sum, type Term, type Traced } from "../../provenance/term.ts";
import type { FrequencyTable } from "./compute.ts";

/** The terms of a frequency table: a count per data row, N and everyone as their sums. */
export function frequencyTerms(table: FrequencyTable, context: TraceContext) {
  const definition = table.definition;
  const data = dataOf(context, definition.data);
  const outsideNames = new Set(definition.nonResponse);
  const categoryOf = (r: (typeof data.rows)[number]) => String(r.values[definition.category]);
  const count = (r: (typeof data.rows)[number]) => cellTerm(data, r, definition.count, [definition.category]);
  // As compute.ts: each row inside the base is a row of the table, in data order.
  const answered = data.rows.filter((r) => !outsideNames.has(categoryOf(r))).map(count);
  const outside = data.rows.filter((r) => outsideNames.has(categoryOf(r))).map(count);
  const base = sum(answered);
  const everyone = sum([...answered, ...outside]);
  const rounding = definition.rounding ?? "half-up";
  const share = (part: Term, decimals = definition.percentDecimals): Share => ({
    op: "share",
    part,
    whole: base,
    rounding,
    decimals,
  });
  /** A category's count as lookups find it: its first row, inside the base or not. */
  const first = (category: string): Term => {
    const row = data.rows.find((r) => categoryOf(r) === category);
    if (!row) throw new RangeError(`table "${table.id}" has no category "${category}"`);
    return count(row);
  };
  return { answered, outside, base, everyone, share, first };
}

const number = (term: Term): Traced => ({ term, print: { style: "number" } });

export const frequencyProvenance: KindProvenance<FrequencyTable> = {
  cells(table, context) {
    const { format, labels } = context;
    const t = frequencyTerms(table, context);
    const cells: TracedCell[] = [];
    table.rows.forEach((r, i) => {
      cells.push({ row: r.category, column: labels.count, text: format.number(r.count), ...number(t.answered[i]) });
      cells.push({
        row: r.category,
        column: labels.percent,
        text: format.number(r.percent, r.percentDecimals),
        term: t.share(t.answered[i]),
        print: { style: "percentValue" },
      });
    });
    cells.push({ row: labels.total, column: labels.n, text: format.number(table.base), ...number(t.base) });
    const decimals = table.definition.percentDecimals;
    cells.push({
      row: labels.total,
      column: labels.percent,
      text: format.number(100, decimals),
      term: t.share(t.base),
      print: { style: "percentValue", decimals },
    });
    table.outside.forEach((r, i) => {
      cells.push({ row: r.category, column: labels.count, text: format.number(r.count), ...number(t.outside[i]) });
    });
    if (table.outside.length > 0) {
      cells.push({
        row: labels.total,
        column: labels.everyone,
        text: format.number(table.grandTotal),
        ...number(t.everyone),
      });
    }
    return cells;
  },

  count: (table, keys, context) => number(sum(keys.map(frequencyTerms(table, context).first))),

  percent(table, keys, context) {
    const t = frequencyTerms(table, context);
    const term = t.share(sum(keys.map(t.first)));
    return { term, print: { style: "percent" } };
  },

  n: (table, context) => number(frequencyTerms(table, context).base),
};
