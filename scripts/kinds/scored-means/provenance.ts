import type { KindProvenance, TraceContext, TracedCell } from "../../provenance/kind.ts";
import { cellTerm, dataOf, dataPath } from "../../provenance/kind.ts";
import type { Count, Mean, Term } from "../../provenance/term.ts";
import type { ScoredMeansTable } from "./compute.ts";

/**
 * A group's mean: the mean of its items' mean scores, each the scale's scores
 * weighted by the item's distribution (compute.ts), rounded at the table's decimals.
 */
function groupTerms(table: ScoredMeansTable, context: TraceContext, group: string): { mean: Mean; items: Count } {
  const d = table.definition;
  const data = dataOf(context, d.data);
  const scaleData = dataOf(context, d.scale.data);
  const scores = new Map(
    scaleData.rows.map((r) => [
      String(r.values[d.scale.field]),
      cellTerm(scaleData, r, d.scale.score, [d.scale.field]),
    ]),
  );
  const rows = table.items
    .filter((i) => i.group === group)
    .map((i) => data.rows.find((r) => String(r.values[d.item]) === i.item))
    .filter((r) => r !== undefined);
  const itemMean = (row: (typeof rows)[number]): Term => ({
    op: "weighted",
    of: table.scale
      .filter(({ field }) => typeof row.values[field] === "number")
      .map(({ field }) => {
        const score = scores.get(field);
        if (!score) throw new Error(`unreachable: no scale row for "${field}"`);
        return { weight: cellTerm(data, row, field, [d.item]), score };
      }),
  });
  return {
    mean: { op: "mean", of: rows.map(itemMean), decimals: d.decimals },
    items: {
      op: "count",
      rows: rows.map((r) => ({ file: dataPath(data.name), line: r.row, key: { [d.item]: String(r.values[d.item]) } })),
    },
  };
}

export const scoredMeansProvenance: KindProvenance<ScoredMeansTable> = {
  cells(table, context) {
    const { format, labels } = context;
    return table.rows.flatMap((r): TracedCell[] => {
      const t = groupTerms(table, context, r.group);
      return [
        {
          row: r.group,
          column: labels.mean,
          text: format.number(r.mean, table.definition.decimals),
          term: t.mean,
          print: { style: "number", decimals: table.definition.decimals },
        },
        {
          row: r.group,
          column: labels.itemCount,
          text: format.number(r.items),
          term: t.items,
          print: { style: "number" },
        },
      ];
    });
  },

  value: (table, keys, _filters, context) => ({
    term: groupTerms(table, context, keys[0]).mean,
    print: { style: "number", decimals: table.definition.decimals },
  }),
};
