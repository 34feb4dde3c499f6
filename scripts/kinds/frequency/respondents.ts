import { respondents as said } from "../../messages/index.ts";
import { findIndex, wasAsked } from "../../respondents/codebook.ts";
import { derivedRow } from "../../respondents/derived-row.ts";
import { blankCategory } from "../../respondents/non-response.ts";
import { bandCounts, choiceQuestion, countAnswers, indexScores } from "../../respondents/tabulate.ts";
import type { DataTable } from "../../validate/table.ts";
import type { DeriveContext, DerivedRows, SyntheticAnswers } from "../kind.ts";
import type { FrequencyTableDefinition } from "./schema.ts";

/**
 * One question's answers counted (blanks under the `blank` category, those
 * routed past it under `notAsked`), or how many scores on an index fall in
 * each of its group's bands.
 */
export function deriveFrequency(
  definition: FrequencyTableDefinition,
  { codebook, respondents }: DeriveContext,
): DerivedRows | undefined {
  const spec = definition.respondents;
  if (!spec) return undefined;
  const out: Record<string, string | number | null>[] = [];
  const withPercent = (label: string, count: number) => ({
    [definition.category]: label,
    [definition.count]: count,
    ...(definition.publishedPercent ? { [definition.publishedPercent]: null } : {}),
  });
  if ("index" in spec) {
    // specLinkProblems has checked that the index exists and its group has bands.
    const bands = findIndex(codebook, spec.index)?.group.bands;
    if (!bands) return undefined;
    const scores = indexScores(respondents, codebook, spec.index);
    for (const band of bandCounts(bands, scores)) out.push(withPercent(band.label, band.count));
    const blank = scores.filter((s) => s === null).length;
    const blankLabel = blankCategory(definition.nonResponse, spec);
    for (const label of definition.nonResponse) out.push(withPercent(label, label === blankLabel ? blank : 0));
  } else {
    const q = choiceQuestion(codebook, spec.question);
    const counts = countAnswers(respondents, codebook, q.id);
    for (const a of counts.answers) out.push(withPercent(a.label, a.count));
    const asked = respondents.rows.filter((r) => wasAsked(q, r.answers));
    const blankLabel = blankCategory(
      definition.nonResponse,
      spec,
      counts.missing.map((m) => m.label),
    );
    for (const label of definition.nonResponse) {
      const missing = counts.missing.find((m) => m.label === label);
      const count = missing
        ? missing.count
        : label === spec.notAsked
          ? respondents.rows.length - asked.length
          : label === blankLabel
            ? asked.filter((r) => r.answers[q.id] == null).length
            : 0;
      out.push(withPercent(label, count));
    }
  }
  return { rows: out.map((fields, i) => derivedRow(i, fields)) };
}

/** Each published count becomes that many answers to the question, dealt among those asked. */
export function synthesizeFrequency(
  tableId: string,
  definition: FrequencyTableDefinition,
  published: DataTable,
  answers: SyntheticAnswers,
): void {
  const spec = definition.respondents;
  if (!spec || !("question" in spec)) return;
  const q = answers.question(spec.question);
  if (!q) return;
  const codes: number[] = [];
  for (const row of published.rows) {
    const label = String(row.values[definition.category]);
    const code = answers.codeOf(q, label);
    // Rows outside the base that are no code (the blanks, those not asked) are nobody's answer.
    if (code === undefined && definition.nonResponse.includes(label)) continue;
    if (code === undefined) answers.notes.push(said.labelNotInScale(tableId, label, q.id));
    else codes.push(...Array.from({ length: Number(row.values[definition.count]) }, () => code));
  }
  answers.deal(q.id, codes, answers.askedOf(q), tableId);
}
