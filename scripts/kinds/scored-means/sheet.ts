import type { PrintContext, Sheet } from "../kind.ts";
import type { ScoredMeansTable } from "./compute.ts";

/** Each group's mean as printed, how many items it averages, and the mean before rounding. */
export function scoredMeansSheet(table: ScoredMeansTable, { labels }: PrintContext): Sheet {
  const exact = (group: string) => {
    const members = table.items.filter((i) => i.group === group);
    return members.length > 0 ? members.reduce((s, i) => s + i.mean, 0) / members.length : null;
  };
  return {
    columns: [
      { label: table.definition.rowLabel || labels.downloads.category, type: "string" },
      { label: labels.mean, type: "number" },
      { label: labels.itemCount, type: "integer" },
      { label: labels.downloads.unrounded(labels.mean), type: "number" },
    ],
    rows: table.rows.map((r) => [r.group, r.mean, r.items, exact(r.group)]),
  };
}
