import { expectArgs, LookupError, need } from "../../compute/lookup.ts";
import { policyOf } from "../../compute/rounding.ts";
import type { Labels } from "../../locale/index.ts";
import { lookup as said } from "../../messages/index.ts";
import type { PrintContext, TableKind } from "../kind.ts";
import { type CrosstabCell, type CrosstabTable, computeCrosstab, TOTAL_ROW } from "./compute.ts";
import { crosstabProvenance } from "./provenance.ts";
import { deriveCrosstab, synthesizeCrosstab } from "./respondents.ts";
import { type CrosstabTableDefinition, CrosstabTableSchema } from "./schema.ts";
import { crosstabSheet } from "./sheet.ts";

export type { CrosstabTable } from "./compute.ts";
export { TOTAL_ROW } from "./compute.ts";
export type { CrosstabTableDefinition } from "./schema.ts";

const isTotal = (key: string | undefined, labels: Labels) => key === TOTAL_ROW || key === labels.total;
const totalKeys = (labels: Labels) =>
  said.kinds([...new Set([TOTAL_ROW, labels.total])].map((key) => said.quoted(key)));

/** A row of the table as printed: counts, then row percentages, each with its total. */
function pairView(
  label: string,
  cells: Record<string, CrosstabCell>,
  total: number,
  table: CrosstabTable,
  c: PrintContext,
) {
  return {
    label,
    counts: table.columns.map((column) => c.format.number(cells[column].count)),
    percents: table.columns.map((column) => c.format.number(cells[column].percent, cells[column].percentDecimals)),
    total: c.format.number(total),
    totalPercent: c.format.number(100, table.definition.percentDecimals),
  };
}

/** Counts by row × column category, with row percentages, row totals and a totals row. */
export const crosstab: TableKind<CrosstabTableDefinition, CrosstabTable> = {
  name: "crosstab",
  schema: CrosstabTableSchema,

  checkNeeds: (definition, check) => [
    ...check.column("row", definition.row, ["string"]),
    ...check.column("column", definition.column, ["string"]),
    ...check.column("count", definition.count, ["integer"]),
    ...check.column("publishedPercent", definition.publishedPercent, ["number", "integer"]),
  ],

  compute: (definition, { id, data }) => computeCrosstab(id, definition, data),

  // Every cell is in the base: N and the total are both the grand total.
  publishedColumns: (definition) => (definition.publishedPercent ? [definition.publishedPercent] : []),

  totals: (table) => ({ n: table.grandTotal, total: table.grandTotal }),

  lookups: {
    /** A row's total (or everyone's, for the totals row), or one cell's count. */
    count(table, keys, { format, labels }) {
      if (keys.length === 1) {
        if (isTotal(keys[0], labels)) return format.number(table.grandTotal);
        return format.number(table.rowTotals[need(table.rows, keys[0], said.aRow)]);
      }
      expectArgs(keys, 2, said.rowAndColumnOrTotal);
      const column = need(table.columns, keys[1], said.aColumn);
      if (isTotal(keys[0], labels)) return format.number(table.columnTotals[column].count);
      return format.number(table.cells[need(table.rows, keys[0], said.aRow)][column].count);
    },
    /** A row's share of everyone; a cell's row percentage; several columns summed from their counts. */
    percent(table, keys, { format, labels }) {
      const share = (count: number, total: number) => {
        const p = policyOf(table.definition)(count, total, table.definition.percentDecimals);
        return format.percent(p.value, p.decimals);
      };
      if (keys.length === 1) {
        const row = need(table.rows, keys[0], said.aRow);
        return share(table.rowTotals[row], table.grandTotal);
      }
      if (keys.length < 2) throw new LookupError(said.rowAndColumns, said.argumentCount(keys.length));
      const [rowKey, ...columnKeys] = keys;
      const columns = columnKeys.map((c) => need(table.columns, c, said.aColumn));
      const total = isTotal(rowKey, labels);
      const cells = total ? table.columnTotals : table.cells[need(table.rows, rowKey, said.aRowOr(totalKeys(labels)))];
      if (columns.length === 1) return format.percent(cells[columns[0]].percent, cells[columns[0]].percentDecimals);
      const count = columns.reduce((sum, c) => sum + cells[c].count, 0);
      return share(count, total ? table.grandTotal : table.rowTotals[rowKey]);
    },
    n: (table, { format }) => format.number(table.grandTotal),
  },

  provenance: crosstabProvenance,

  cells(table, { format, labels }) {
    const count = labels.count.toLowerCase();
    const percent = labels.percent.toLowerCase();
    return [
      ...table.rows.flatMap((row) =>
        table.columns.flatMap((column) => [
          { row, column: `${column} (${count})`, value: format.number(table.cells[row][column].count) },
          {
            row,
            column: `${column} (${percent})`,
            value: format.percent(table.cells[row][column].percent, table.cells[row][column].percentDecimals),
          },
        ]),
      ),
      ...table.columns.map((column) => ({
        row: labels.total,
        column: `${column} (${count})`,
        value: format.number(table.columnTotals[column].count),
      })),
    ];
  },

  sheet: crosstabSheet,

  chartRows(table, { format }) {
    return table.rows.flatMap((row, rowIndex) =>
      table.columns.map((column, columnIndex) => {
        const cell = table.cells[row][column];
        return {
          rekkefolge: rowIndex * table.columns.length + columnIndex,
          rad: row,
          rad_rekkefolge: rowIndex,
          kategori: column,
          kategori_rekkefolge: columnIndex,
          antall: cell.count,
          antall_tekst: format.number(cell.count),
          prosent: cell.percent,
          prosent_tekst: format.percent(cell.percent, cell.percentDecimals),
        };
      }),
    );
  },

  view(table, context) {
    return {
      rowLabel: table.definition.rowLabel,
      columnLabel: table.definition.columnLabel,
      columnCount: table.columns.length,
      columns: table.columns,
      rows: table.rows.map((row) => pairView(row, table.cells[row], table.rowTotals[row], table, context)),
      total: pairView(context.labels.total, table.columnTotals, table.grandTotal, table, context),
    };
  },

  respondents: {
    links: ({ respondents: spec }, check) =>
      spec ? [...check.choice("row", spec.row), ...check.choice("column", spec.column)] : [],
    derive: deriveCrosstab,
    synthesize: synthesizeCrosstab,
  },
};
