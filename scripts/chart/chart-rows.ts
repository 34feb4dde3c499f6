import type { ComputedTable } from "../compute/model.ts";
import { formatNumber, formatPercent } from "../format/norwegian.ts";

export type ChartRow = Record<string, string | number | null>;

/**
 * The rows a chart's named dataset receives for each kind of table, with
 * labels already formatted the Norwegian way (`*_tekst`) so a chart prints
 * exactly what the table prints. `rekkefolge` keeps the published order.
 */
export function chartRows(table: ComputedTable): ChartRow[] {
  switch (table.kind) {
    case "frequency":
      return table.rows.map((row, index) => ({
        rekkefolge: index,
        kategori: row.category,
        antall: row.count,
        antall_tekst: formatNumber(row.count),
        prosent: row.percent,
        prosent_tekst: formatPercent(row.percent, row.percentDecimals),
      }));
    case "crosstab":
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
            antall_tekst: formatNumber(cell.count),
            prosent: cell.percent,
            prosent_tekst: formatPercent(cell.percent, cell.percentDecimals),
          };
        }),
      );
    case "multiresponse":
      return table.rows.map((row, index) => ({
        rekkefolge: index,
        kategori: row.item,
        prosent: row.percent,
        prosent_tekst: formatPercent(row.percent, row.percentDecimals),
      }));
    case "scoredMeans":
      return table.rows.map((row, index) => ({
        rekkefolge: index,
        kategori: row.group,
        gjennomsnitt: row.mean,
        gjennomsnitt_tekst: formatNumber(row.mean, table.definition.decimals),
        sporsmal: row.items,
      }));
    case "grid":
      return table.rows.flatMap((row, rowIndex) =>
        table.columns.map((column, columnIndex) => ({
          // Every field of the row, so a chart can label or filter by any of them.
          ...Object.fromEntries(
            table.columns.map((c) => [c.field, row.cells[c.field].value ?? row.cells[c.field].text]),
          ),
          rekkefolge: rowIndex * table.columns.length + columnIndex,
          rad: row.header,
          rad_rekkefolge: rowIndex,
          kolonne: column.label,
          kolonne_rekkefolge: columnIndex,
          verdi: row.cells[column.field].value,
          verdi_tekst: row.cells[column.field].text,
        })),
      );
  }
}
