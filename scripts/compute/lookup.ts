import { formatNumber, formatPercent } from "../format/norwegian.ts";
import { TOTAL_ROW } from "./crosstab.ts";
import { countOfCategories, percentOfCategories } from "./frequency.ts";
import type { GridCell, GridColumn, GridTable } from "./grid.ts";
import type { ComputedTable } from "./model.ts";
import { publishedPercent } from "./rounding.ts";

/**
 * Answers to "what does table X say about Y", as prose asks them. Each
 * returns the number formatted as the table prints it; a key the table does
 * not have throws a LookupError saying what it has.
 */

export class LookupError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`expected ${expected}, found ${found}`);
  }
}

const listed = (values: string[]) => values.map((v) => `"${v}"`).join(", ");

function need(known: string[], value: string | undefined, what: string): string {
  if (value === undefined || !known.includes(value)) {
    throw new LookupError(`${what} (${listed(known)})`, value === undefined ? "nothing" : `"${value}"`);
  }
  return value;
}

function expectArgs(keys: string[], count: number, usage: string) {
  if (keys.length !== count) throw new LookupError(usage, `${keys.length} arguments`);
}

/** A count: frequency categories (summed), a crosstab cell, row total or column total. */
export function lookupCount(table: ComputedTable, keys: string[]): string {
  switch (table.kind) {
    case "frequency": {
      const known = [...table.rows.map((r) => r.category), ...table.outside.map((r) => r.category)];
      if (keys.length === 0) throw new LookupError(`one or more categories (${listed(known)})`, "none");
      for (const key of keys) need(known, key, `a category of table "${table.id}"`);
      return formatNumber(countOfCategories(table, keys));
    }
    case "crosstab": {
      if (keys.length === 1) {
        if (keys[0] === TOTAL_ROW) return formatNumber(table.grandTotal);
        return formatNumber(table.rowTotals[need(table.rows, keys[0], "a row")]);
      }
      expectArgs(keys, 2, "a row and a column (or only a row, for its total)");
      const column = need(table.columns, keys[1], "a column");
      if (keys[0] === TOTAL_ROW) return formatNumber(table.columnTotals[column].count);
      return formatNumber(table.cells[need(table.rows, keys[0], "a row")][column].count);
    }
    default:
      throw new LookupError("a table with counts (frequency or crosstab)", `a ${table.kind} table`);
  }
}

/** A percentage as the table prints it; several frequency categories are summed from their counts. */
export function lookupPercent(table: ComputedTable, keys: string[]): string {
  switch (table.kind) {
    case "frequency": {
      const known = table.rows.map((r) => r.category);
      if (keys.length === 0) throw new LookupError(`one or more categories (${listed(known)})`, "none");
      for (const key of keys) need(known, key, `a category inside the percentage base of "${table.id}"`);
      if (keys.length === 1) {
        const row = table.rows.find((r) => r.category === keys[0]);
        if (row) return formatPercent(row.percent, row.percentDecimals);
      }
      const sum = percentOfCategories(table, keys, table.definition.percentDecimals);
      return formatPercent(sum.value, sum.decimals);
    }
    case "crosstab": {
      if (keys.length === 1) {
        // A row's share of everyone in the table.
        const row = need(table.rows, keys[0], "a row");
        const share = publishedPercent(table.rowTotals[row], table.grandTotal, table.definition.percentDecimals);
        return formatPercent(share.value, share.decimals);
      }
      if (keys.length < 2) throw new LookupError("a row and one or more columns", `${keys.length} arguments`);
      const [rowKey, ...columnKeys] = keys;
      const columns = columnKeys.map((c) => need(table.columns, c, "a column"));
      const cells =
        rowKey === TOTAL_ROW ? table.columnTotals : table.cells[need([...table.rows], rowKey, 'a row or "Totalt"')];
      if (columns.length === 1) return formatPercent(cells[columns[0]].percent, cells[columns[0]].percentDecimals);
      // Several columns: sum the counts, then take the share of the row.
      const count = columns.reduce((sum, c) => sum + cells[c].count, 0);
      const total = rowKey === TOTAL_ROW ? table.grandTotal : table.rowTotals[rowKey];
      const share = publishedPercent(count, total, table.definition.percentDecimals);
      return formatPercent(share.value, share.decimals);
    }
    case "multiresponse": {
      expectArgs(keys, 1, "one item");
      const item = need(
        table.rows.map((r) => r.item),
        keys[0],
        "an item",
      );
      const row = table.rows.find((r) => r.item === item);
      return row ? formatPercent(row.percent, row.percentDecimals) : "";
    }
    case "grid":
    case "scoredMeans":
      throw new LookupError(`{{verdi "table" "row" ...}} for a ${table.kind} table`, "{{prosent}}");
  }
}

/** N: those who answered (frequency), everyone in the crosstab, or the base of a multiple-response table. */
export function lookupN(table: ComputedTable): string {
  switch (table.kind) {
    case "frequency":
      return formatNumber(table.base);
    case "crosstab":
      return formatNumber(table.grandTotal);
    case "multiresponse":
      return formatNumber(table.base);
    case "grid":
    case "scoredMeans":
      throw new LookupError("a table with an N", `a ${table.kind} table`);
  }
}

/**
 * A cell of a grid table as printed, with " %" when the table's unit is
 * "prosent": by row header and column, or by column and field filters that
 * pick one row (`{{verdi "lonnstabell" "arslonn" yrke="Sekretærer" arbeidstid="Heltid"}}`).
 */
export function lookupValue(table: ComputedTable, keys: string[], filters: Record<string, string> = {}): string {
  if (table.kind === "grid" && Object.keys(filters).length > 0) {
    expectArgs(keys, 1, "a column, with the row chosen by field filters");
    const rows = table.rows.filter((r) =>
      Object.entries(filters).every(([field, value]) => String(r.values[field]) === value),
    );
    if (rows.length !== 1) {
      throw new LookupError(
        "filters that pick exactly one row",
        `${rows.length} rows for ${Object.entries(filters)
          .map(([f, v]) => `${f}="${v}"`)
          .join(" ")}`,
      );
    }
    const column = table.columns.find((c) => c.field === keys[0] || c.label === keys[0]);
    if (!column) throw new LookupError(`a column (${listed(table.columns.map((c) => c.field))})`, `"${keys[0]}"`);
    return cellText(table, rows[0].cells[column.field], column);
  }
  if (table.kind === "scoredMeans") {
    expectArgs(keys, 1, "a group");
    const group = need(
      table.rows.map((r) => r.group),
      keys[0],
      "a group",
    );
    const row = table.rows.find((r) => r.group === group);
    return row ? formatNumber(row.mean, table.definition.decimals) : "";
  }
  if (table.kind !== "grid") throw new LookupError("a grid or scoredMeans table", `a ${table.kind} table`);
  expectArgs(keys, 2, "a row and a column");
  const row = table.rows.find((r) => r.header === keys[0]);
  if (!row) {
    throw new LookupError(`a row (${listed(table.rows.map((r) => r.header))})`, `"${keys[0]}"`);
  }
  const column = table.columns.find((c) => c.field === keys[1] || c.label === keys[1]);
  if (!column) throw new LookupError(`a column (${listed(table.columns.map((c) => c.field))})`, `"${keys[1]}"`);
  return cellText(table, row.cells[column.field], column);
}

function cellText(table: GridTable, cell: GridCell, column: GridColumn): string {
  if (cell.value === null) throw new LookupError("a cell with a number", "an empty cell");
  const unit = column.unit ?? table.definition.unit;
  return unit === "prosent" ? `${cell.text}\u00a0%` : unit === "kr" ? `${cell.text}\u00a0kr` : cell.text;
}
