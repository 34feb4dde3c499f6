import { wasAsked } from "../../respondents/codebook.ts";
import { derivedRow } from "../../respondents/derived-row.ts";
import { bandCounts, countAnswers, meanScores, question } from "../../respondents/tabulate.ts";
import type { DataTable } from "../../validate/table.ts";
import type { DeriveContext, DerivedRows, SyntheticAnswers } from "../kind.ts";
import type { FrequencyTableDefinition } from "./schema.ts";

/**
 * One question's answers counted (blanks as "Ikke besvart", those routed
 * past it under `notAsked`), or the score bands of an indicator.
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
  if ("indicator" in spec) {
    const indicator = codebook.indicators.list.find((i) => i.id === spec.indicator);
    if (!indicator) return undefined;
    const scores = meanScores(respondents, codebook, indicator.items);
    for (const band of bandCounts(codebook, scores)) out.push(withPercent(band.label, band.count));
    const blank = scores.filter((s) => s === null).length;
    for (const label of definition.nonResponse) out.push(withPercent(label, label === "Ikke besvart" ? blank : 0));
  } else {
    const q = question(codebook, spec.question);
    const counts = countAnswers(respondents, codebook, q.id);
    for (const a of counts.answers) out.push(withPercent(a.label, a.count));
    const asked = respondents.rows.filter((r) => wasAsked(q, r.answers));
    for (const label of definition.nonResponse) {
      const missing = counts.missing.find((m) => m.label === label);
      const count = missing
        ? missing.count
        : label === spec.notAsked
          ? respondents.rows.length - asked.length
          : label === "Ikke besvart"
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
    if (label === spec.notAsked || label === "Ikke besvart") continue;
    const code = answers.codeOf(q, label);
    if (code === undefined) answers.notes.push(`${tableId}: «${label}» is not in the codebook's scale for ${q.id}`);
    else codes.push(...Array.from({ length: Number(row.values[definition.count]) }, () => code));
  }
  answers.deal(q.id, codes, answers.askedOf(q), tableId);
}
