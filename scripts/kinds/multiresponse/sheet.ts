import type { PrintContext, Sheet } from "../kind.ts";
import type { MultiResponseTable } from "./compute.ts";

/** Each item's percentage as published, and N (everyone asked) under them, as the table prints it. */
export function multiResponseSheet(table: MultiResponseTable, { labels }: PrintContext): Sheet {
  return {
    columns: [
      { label: table.definition.question || labels.downloads.category, type: "string" },
      { label: labels.percent, type: "number" },
    ],
    rows: [...table.rows.map((r) => [r.item, r.percent]), [labels.n, table.base]],
  };
}
