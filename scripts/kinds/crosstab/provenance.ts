import type { Labels } from "../../locale/index.ts";
import type { KindProvenance, TraceContext, TracedCell } from "../../provenance/kind.ts";
import { cellTerm, dataOf } from "../../provenance/kind.ts";
import { type Share, sum, type Term, type Traced } from "../../provenance/term.ts";
import { type CrosstabTable, TOTAL_ROW } from "./compute.ts";

const isTotal = (key: string | undefined, labels: Labels) => key === TOTAL_ROW || key === labels.total;

/** A cell's count as the sum of the data rows with its row and column category (0 when there is none). */
function crosstabTerms(table: CrosstabTable, context: TraceContext) {
  const d = table.definition;
  const data = dataOf(context, d.data);
  const key = [d.row, d.column];
  const cell = (row: string, column: string): Term => {
    const rows = data.rows.filter((r) => r.values[d.row] === row && r.values[d.column] === column);
    if (rows.length === 0) return { op: "fixed", value: 0, why: "absent" };
    return sum(rows.map((r) => cellTerm(data, r, d.count, key)));
  };
  const rowTotal = (row: string) => sum(table.columns.map((column) => cell(row, column)));
  const columnTotal = (column: string) => sum(table.rows.map((row) => cell(row, column)));
  const grand = sum(table.rows.map(rowTotal));
  const share = (part: Term, whole: Term): Share => ({
    op: "share",
    part,
    whole,
    rounding: d.rounding ?? "half-up",
    decimals: d.percentDecimals,
  });
  return { cell, rowTotal, columnTotal, grand, share };
}

const number = (term: Term): Traced => ({ term, print: { style: "number" } });

export const crosstabProvenance: KindProvenance<CrosstabTable> = {
  cells(table, context) {
    const { format, labels } = context;
    const t = crosstabTerms(table, context);
    const count = labels.count.toLowerCase();
    const percent = labels.percent.toLowerCase();
    const decimals = table.definition.percentDecimals;
    const cells: TracedCell[] = [];
    // As the partial prints each pair of rows: counts and the row total, then row percentages and 100.
    const pair = (row: string | undefined, counts: Term[], total: Term, shares: Share[]) => {
      const printed = row === undefined ? table.columnTotals : table.cells[row];
      const name = row ?? labels.total;
      table.columns.forEach((column, i) => {
        const text = format.number(printed[column].count);
        cells.push({ row: name, column: `${column} (${count})`, text, ...number(counts[i]) });
      });
      cells.push({
        row: name,
        column: `${labels.total} (${count})`,
        text: format.number(row === undefined ? table.grandTotal : table.rowTotals[row]),
        ...number(total),
      });
      table.columns.forEach((column, i) => {
        const c = printed[column];
        cells.push({
          row: name,
          column: `${column} (${percent})`,
          text: format.number(c.percent, c.percentDecimals),
          term: shares[i],
          print: { style: "percentValue" },
        });
      });
      cells.push({
        row: name,
        column: `${labels.total} (${percent})`,
        text: format.number(100, decimals),
        term: t.share(total, total),
        print: { style: "percentValue", decimals },
      });
    };
    for (const row of table.rows) {
      const counts = table.columns.map((column) => t.cell(row, column));
      const total = t.rowTotal(row);
      pair(
        row,
        counts,
        total,
        counts.map((c) => t.share(c, total)),
      );
    }
    const totals = table.columns.map(t.columnTotal);
    pair(
      undefined,
      totals,
      t.grand,
      totals.map((c) => t.share(c, t.grand)),
    );
    return cells;
  },

  count(table, keys, context) {
    const t = crosstabTerms(table, context);
    const [row, column] = keys;
    if (keys.length === 1) return number(isTotal(row, context.labels) ? t.grand : t.rowTotal(row));
    return number(isTotal(row, context.labels) ? t.columnTotal(column) : t.cell(row, column));
  },

  percent(table, keys, context) {
    const t = crosstabTerms(table, context);
    const percent = (term: Term): Traced => ({ term, print: { style: "percent" } });
    if (keys.length === 1) return percent(t.share(t.rowTotal(keys[0]), t.grand));
    const [row, ...columns] = keys;
    const total = isTotal(row, context.labels);
    const part = sum(columns.map((c) => (total ? t.columnTotal(c) : t.cell(row, c))));
    return percent(t.share(part, total ? t.grand : t.rowTotal(row)));
  },

  n: (table, context) => number(crosstabTerms(table, context).grand),
};
