import type { Fact } from "../../compute/facts.ts";
import type { Problem } from "../../errors.ts";
import { decimalsOf } from "../../format/numbers.ts";
import { problem } from "../../messages/index.ts";
import type { DataTable } from "../../validate/table.ts";
import type { MultiResponseTableDefinition } from "./schema.ts";

/** Items that could each be chosen: the published percentage of the same N for each. */
export interface MultiResponseTable {
  kind: "multiresponse";
  id: string;
  definition: MultiResponseTableDefinition;
  rows: { item: string; percent: number; percentDecimals: number }[];
  /** N: everyone asked, the base of each percentage. */
  base: number;
}

export function computeMultiResponse(
  id: string,
  definition: MultiResponseTableDefinition,
  data: DataTable,
  facts: Map<string, Fact>,
  definedIn: string,
): { table?: MultiResponseTable; problems: Problem[] } {
  const base = facts.get(definition.base);
  if (!base) {
    return {
      problems: [
        {
          file: definedIn,
          column: `${id}.base`,
          ...problem.factHoldingN(definition.base),
        },
      ],
    };
  }
  const rows = data.rows.map((r) => ({
    item: String(r.values[definition.item]),
    percent: Number(r.values[definition.percent]),
    percentDecimals: decimalsOf(r.text[definition.percent] ?? ""),
  }));
  return { table: { kind: "multiresponse", id, definition, rows, base: base.value }, problems: [] };
}
