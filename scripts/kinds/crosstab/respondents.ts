import { respondents as said } from "../../messages/index.ts";
import { derivedRow } from "../../respondents/derived-row.ts";
import { crossCounts } from "../../respondents/tabulate.ts";
import type { DataTable } from "../../validate/table.ts";
import type { DeriveContext, DerivedRows, SyntheticAnswers } from "../kind.ts";
import type { CrosstabTableDefinition } from "./schema.ts";

/** The two questions' answers counted together, one data row per combination. */
export function deriveCrosstab(
  definition: CrosstabTableDefinition,
  { codebook, respondents }: DeriveContext,
): DerivedRows | undefined {
  const spec = definition.respondents;
  if (!spec) return undefined;
  const cross = crossCounts(respondents, codebook, spec.row, spec.column);
  const rows = cross.rows.flatMap((r, i) =>
    cross.columns.map((c, j) =>
      derivedRow(i * cross.columns.length + j, {
        [definition.row]: r,
        [definition.column]: c,
        [definition.count]: cross.counts[i][j],
        ...(definition.publishedPercent ? { [definition.publishedPercent]: null } : {}),
      }),
    ),
  );
  return { rows };
}

/** Each published count becomes that many people with that pair of answers. */
export function synthesizeCrosstab(
  tableId: string,
  definition: CrosstabTableDefinition,
  published: DataTable,
  answers: SyntheticAnswers,
): void {
  const spec = definition.respondents;
  if (!spec) return;
  const rowQ = answers.question(spec.row);
  const columnQ = answers.question(spec.column);
  if (!rowQ || !columnQ) return;
  const pairs: [number, number][] = [];
  for (const row of published.rows) {
    const r = answers.codeOf(rowQ, String(row.values[definition.row]));
    const c = answers.codeOf(columnQ, String(row.values[definition.column]));
    if (r === undefined || c === undefined) answers.notes.push(said.categoryNotInCodebook(tableId));
    else for (let i = 0; i < Number(row.values[definition.count]); i++) pairs.push([r, c]);
  }
  answers.shuffled(answers.people).forEach((person, i) => {
    person[rowQ.id] = pairs[i]?.[0] ?? null;
    person[columnQ.id] = pairs[i]?.[1] ?? null;
  });
}
