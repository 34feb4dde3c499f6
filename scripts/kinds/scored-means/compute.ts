import { roundHalfUp } from "../../compute/rounding.ts";
import type { Problem } from "../../errors.ts";
import { compute } from "../../messages/index.ts";
import type { DataTable } from "../../validate/table.ts";
import type { ScoredMeansTableDefinition } from "./schema.ts";

export interface ItemMean {
  item: string;
  group: string;
  /** Unrounded mean score. */
  mean: number;
}

export interface GroupMean {
  group: string;
  /** Mean of the item means, rounded to the table's decimals. */
  mean: number;
  items: number;
}

/** Means per group computed from published distributions (e.g. Figur 2: stress factors). */
export interface ScoredMeansTable {
  kind: "scoredMeans";
  id: string;
  definition: ScoredMeansTableDefinition;
  items: ItemMean[];
  rows: GroupMean[];
  /** The scale as used: label and score per distribution column. */
  scale: { field: string; label: string; score: number }[];
}

/** Normalise wording for matching items across two tables (spacing, case, final full stop). */
const key = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "")
    .trim();

export function computeScoredMeans(
  id: string,
  definition: ScoredMeansTableDefinition,
  data: DataTable,
  scaleData: DataTable,
  groupData: DataTable,
  definedIn: string,
): { table?: ScoredMeansTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const scale = scaleData.rows.map((r) => ({
    field: String(r.values[definition.scale.field]),
    label: String(r.values[definition.scale.label]),
    score: Number(r.values[definition.scale.score]),
  }));
  const groupColumns = groupData.schema.fields.filter((f) => f.name !== definition.groups.item && f.type !== "string");

  // An item's group: named in the group column, or the column holding its largest (absolute) printed value.
  const groupOf = new Map<string, string>();
  const ungrouped = new Set<string>();
  const groupColumn = definition.groups.group;
  for (const row of groupData.rows) {
    if (groupColumn) {
      const group = row.values[groupColumn];
      const item = key(String(row.values[definition.groups.item]));
      if (group === null || group === "") ungrouped.add(item);
      else groupOf.set(item, String(group));
      continue;
    }
    let best: { title: string; value: number } | undefined;
    for (const field of groupColumns) {
      const value = row.values[field.name];
      if (typeof value === "number" && (!best || Math.abs(value) > Math.abs(best.value))) {
        best = { title: field.title ?? field.name, value };
      }
    }
    if (best) groupOf.set(key(String(row.values[definition.groups.item])), best.title);
  }

  const items: ItemMean[] = [];
  for (const row of data.rows) {
    const item = String(row.values[definition.item]);
    const group = groupOf.get(key(item));
    if (!group && ungrouped.has(key(item))) continue;
    if (!group) {
      problems.push({
        file: data.file,
        row: row.row,
        column: definition.item,
        ...compute.ungroupedItem(groupData.file, item),
      });
      continue;
    }
    let weight = 0;
    let sum = 0;
    for (const { field, score } of scale) {
      const share = row.values[field];
      if (typeof share === "number") {
        weight += share;
        sum += share * score;
      }
    }
    if (weight === 0) {
      problems.push({ file: data.file, row: row.row, ...compute.noAnswers() });
      continue;
    }
    items.push({ item, group, mean: sum / weight });
  }

  const order = groupColumn
    ? (groupData.schema.fields.find((f) => f.name === groupColumn)?.constraints?.enum ?? [...new Set(groupOf.values())])
    : groupColumns.map((f) => f.title ?? f.name);
  const groups = [...new Set(order)].filter((g) => items.some((i) => i.group === g));
  const rows = groups.map((group) => {
    const members = items.filter((i) => i.group === group);
    const mean = members.reduce((s, i) => s + i.mean, 0) / members.length;
    return { group, mean: roundHalfUp(mean, definition.decimals), items: members.length };
  });
  if (rows.length === 0) {
    problems.push({
      file: definedIn,
      column: `${id}.groups`,
      ...compute.noGroups(),
    });
  }
  return problems.length > 0
    ? { problems }
    : { table: { kind: "scoredMeans", id, definition, items, rows, scale }, problems };
}
