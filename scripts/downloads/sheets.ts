import type { ComputedTable } from "../compute/model.ts";
import { kindOf } from "../kinds/definitions.ts";
import type { PrintContext, Sheet, SheetColumn, TableKind } from "../kinds/kind.ts";
import type { Labels } from "../locale/index.ts";

/** A table's numbers as its kind lays them out for download, or, for a kind without a sheet, its printed cells. */
export function tableSheet(kinds: readonly TableKind[], table: ComputedTable, context: PrintContext): Sheet {
  const kind = kindOf(kinds, table.kind);
  if (kind.sheet) return kind.sheet(table, context);
  const { labels } = context;
  return {
    columns: [
      { label: labels.changes.row, type: "string" },
      { label: labels.changes.column, type: "string" },
      { label: labels.downloads.value, type: "string" },
    ],
    rows: kind.cells(table, context).map((c) => [c.row, c.column, c.value]),
  };
}

/**
 * A figure's numbers: its table's sheet; for a figure drawn from several
 * tables, their rows one under the other, each starting with its table's
 * title, then the rows' names in one column, then the columns of them all (a
 * column is shared where the tables name it alike), so that the file stays
 * one rectangle a spreadsheet reads.
 */
export function figureSheet(parts: { title: string; sheet: Sheet }[], labels: Labels): Sheet {
  if (parts.length === 1) return parts[0].sheet;
  const heads = new Set(parts.map((p) => p.sheet.columns[0]?.label));
  const columns: SheetColumn[] = [
    { label: labels.table, type: "string" },
    { label: heads.size === 1 ? [...heads][0] : labels.downloads.category, type: "string" },
  ];
  const at = new Map<string, number>();
  const placed = parts.map(({ sheet }) => {
    // A label a table repeats is a column of its own each time (the CSV header numbers them).
    const seen = new Map<string, number>();
    return sheet.columns.map((column, i) => {
      if (i === 0) return 1;
      const nth = (seen.get(column.label) ?? 0) + 1;
      seen.set(column.label, nth);
      const key = `${column.label}\u0000${nth}`;
      const index = at.get(key);
      if (index === undefined) {
        at.set(key, columns.length);
        columns.push({ ...column });
        return columns.length - 1;
      }
      columns[index].type = wider(columns[index].type, column.type);
      return index;
    });
  });
  const rows = parts.flatMap(({ title, sheet }, p) =>
    sheet.rows.map((row) => {
      const out: Sheet["rows"][number] = columns.map(() => null);
      out[0] = title;
      row.forEach((value, i) => {
        out[placed[p][i]] = value;
      });
      return out;
    }),
  );
  return { columns, rows };
}

function wider(a: SheetColumn["type"], b: SheetColumn["type"]): SheetColumn["type"] {
  if (a === b) return a;
  return a === "string" || b === "string" ? "string" : "number";
}
