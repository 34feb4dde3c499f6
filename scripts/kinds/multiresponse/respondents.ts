import { policyOf } from "../../compute/rounding.ts";
import { respondents as said } from "../../messages/index.ts";
import type { Question } from "../../respondents/codebook.ts";
import { derivedRow } from "../../respondents/derived-row.ts";
import { multiResponse } from "../../respondents/tabulate.ts";
import type { DataTable } from "../../validate/table.ts";
import type { DeriveContext, DerivedRows, SyntheticAnswers } from "../kind.ts";
import type { MultiResponseTableDefinition } from "./schema.ts";

/** The share ticking each item, of everyone asked. */
export function deriveMultiResponse(
  definition: MultiResponseTableDefinition,
  { codebook, respondents }: DeriveContext,
): DerivedRows | undefined {
  const spec = definition.respondents;
  if (!spec) return undefined;
  const result = multiResponse(respondents, codebook, spec.items);
  const rows = result.items.map((item, i) => {
    const percent = policyOf(definition)(item.count, result.base, 0);
    return derivedRow(
      i,
      { [definition.item]: item.label, [definition.percent]: percent.value },
      { [definition.percent]: percent.decimals },
    );
  });
  return { rows };
}

/** Each item's published percentage turned back into the whole count of those asked that gives it. */
export function synthesizeMultiResponse(
  tableId: string,
  definition: MultiResponseTableDefinition,
  published: DataTable,
  answers: SyntheticAnswers,
): void {
  const spec = definition.respondents;
  if (!spec) return;
  const items = spec.items.map((id) => answers.question(id)).filter((q): q is Question => !!q);
  const pool = items[0] ? answers.askedOf(items[0]) : [];
  published.rows.forEach((row, i) => {
    const q = items[i];
    if (!q) return;
    const percent = Number(row.values[definition.percent]);
    const count = Math.round((percent * pool.length) / 100);
    if (policyOf(definition)(count, pool.length, 0).value !== percent)
      answers.notes.push(said.noWholeCount(tableId, pool.length, percent, q.text));
    answers.deal(
      q.id,
      Array.from({ length: count }, () => 1),
      pool,
      tableId,
    );
  });
}
