import { expectArgs, LookupError } from "../../compute/lookup.ts";
import { lookup as said } from "../../messages/index.ts";
import type { PrintContext, TableKind } from "../kind.ts";
import { checkDistribution, computeGrid, type GridCell, type GridColumn, type GridTable } from "./compute.ts";
import { gridProvenance } from "./provenance.ts";
import { deriveGrid, synthesizeGrid } from "./respondents.ts";
import { type GridTableDefinition, GridTableSchema } from "./schema.ts";
import { gridSheet } from "./sheet.ts";

export type { GridTable } from "./compute.ts";
export type { GridTableDefinition } from "./schema.ts";

/** A cell as prose prints it: with the percent sign or the currency when the column's unit says so. */
function cellText(table: GridTable, cell: GridCell, column: GridColumn, { format }: PrintContext): string {
  if (cell.value === null) throw new LookupError(said.cellWithNumber, said.emptyCell);
  const unit = column.unit ?? table.definition.unit;
  if (unit === "prosent") return format.percent(cell.value, cell.decimals);
  if (unit === "kr") return format.currency(cell.value, cell.decimals);
  return cell.text;
}

function columnOf(table: GridTable, key: string | undefined): GridColumn {
  const column = table.columns.find((c) => c.field === key || c.label === key);
  if (!column)
    throw new LookupError(
      said.oneOf(
        said.aColumn,
        table.columns.map((c) => c.field),
      ),
      said.quoted(String(key)),
    );
  return column;
}

/** A published table shown as it is: a row per data row, the chosen columns as written. */
export const grid: TableKind<GridTableDefinition, GridTable> = {
  name: "grid",
  schema: GridTableSchema,

  checkNeeds: (definition, check) => [
    ...check.column("rowHeader", definition.rowHeader, ["string", "integer", "number"]),
    ...(definition.columns ?? []).flatMap((column, index) =>
      check.column(`columns.${index}.field`, column.field, ["number", "integer", "string"]),
    ),
    ...(definition.distribution?.columns ?? []).flatMap((column, index) =>
      check.column(`distribution.columns.${index}`, column, ["number", "integer"]),
    ),
  ],

  compute: (definition, { id, data, format }) => ({
    table: computeGrid(id, definition, data, format),
    problems: checkDistribution(definition, data),
  }),

  lookups: {
    /**
     * By row header and column, or by column and field filters that pick one
     * row (`{{verdi "lonnstabell" "arslonn" yrke="Sekretærer" sektor="Privat"}}`).
     */
    value(table, keys, filters, context) {
      if (Object.keys(filters).length > 0) {
        expectArgs(keys, 1, said.columnFiltered);
        const rows = table.rows.filter((r) =>
          Object.entries(filters).every(([field, value]) => String(r.values[field]) === value),
        );
        if (rows.length !== 1) {
          throw new LookupError(
            said.oneRowFilters,
            said.rowsFor(
              rows.length,
              Object.entries(filters)
                .map(([f, v]) => `${f}="${v}"`)
                .join(" "),
            ),
          );
        }
        const column = columnOf(table, keys[0]);
        return cellText(table, rows[0].cells[column.field], column, context);
      }
      expectArgs(keys, 2, said.rowAndColumn);
      const row = table.rows.find((r) => r.header === keys[0]);
      if (!row)
        throw new LookupError(
          said.oneOf(
            said.aRow,
            table.rows.map((r) => r.header),
          ),
          said.quoted(keys[0]),
        );
      const column = columnOf(table, keys[1]);
      return cellText(table, row.cells[column.field], column, context);
    },
  },

  provenance: gridProvenance(
    (_row, column) => column.format === "p",
    (table, context) => grid.cells(table, context),
  ),

  // A row is named by its header and its text cells (e.g. "Sekretærer / Heltidsansatte / Helsetjenester"),
  // since a header alone may repeat; only number cells are listed.
  cells(table) {
    const seen = new Map<string, number>();
    return table.rows.flatMap((r) => {
      const texts = table.columns.filter((c) => r.cells[c.field].value === null).map((c) => r.cells[c.field].text);
      let name = [r.header, ...texts.filter(Boolean)].join(" / ");
      const count = (seen.get(name) ?? 0) + 1;
      seen.set(name, count);
      if (count > 1) name = `${name} (${count})`;
      return table.columns
        .filter((c) => r.cells[c.field].value !== null)
        .map((c) => ({ row: name, column: c.label, value: r.cells[c.field].text }));
    });
  },

  sheet: gridSheet,

  chartRows: (table) =>
    table.rows.flatMap((row, rowIndex) =>
      table.columns.map((column, columnIndex) => ({
        // Every field of the row, so a chart can label or filter by any of them.
        ...Object.fromEntries(table.columns.map((c) => [c.field, row.cells[c.field].value ?? row.cells[c.field].text])),
        rekkefolge: rowIndex * table.columns.length + columnIndex,
        rad: row.header,
        rad_rekkefolge: rowIndex,
        kolonne: column.label,
        kolonne_rekkefolge: columnIndex,
        verdi: row.cells[column.field].value,
        verdi_tekst: row.cells[column.field].text,
      })),
    ),

  view(table) {
    // A column of text only reads from the left; numbers line up on the right.
    const textColumns = new Set(
      table.columns.filter((c) => table.rows.every((r) => r.cells[c.field].value === null)).map((c) => c.field),
    );
    return {
      rowLabel: table.definition.rowLabel,
      columns: table.columns.map((c) => ({ label: c.label, text: textColumns.has(c.field) })),
      rows: table.rows.map((r) => ({
        header: r.header,
        cells: table.columns.map((c) => {
          const cell = r.cells[c.field];
          return { text: cell.text, isText: cell.value === null && cell.text !== "" };
        }),
      })),
    };
  },

  respondents: {
    links: ({ respondents: spec }, check) => {
      if (!spec) return [];
      if ("indices" in spec) return check.indexGroup("indices.group", spec.indices.group);
      return spec.items.flatMap((item, i) => check.choice(`items.${i}`, item));
    },
    derive: deriveGrid,
    synthesize: synthesizeGrid,
  },
};
