import { z } from "zod";

/**
 * `data/svar/kodebok.json`: the questionnaire as data. Each question's id,
 * wording and answer scale (codes with labels, and codes that mean "not in
 * the base", e.g. routed past); the COPSOQ indicators with their items,
 * scoring and score bands; the stress factors with their items.
 */
const CodeSchema = z.strictObject({ code: z.number().int(), label: z.string().min(1) });

const ScaleSchema = z.strictObject({
  codes: z.array(CodeSchema).min(1),
  /** Codes that are answers outside the percentage base (shown as rows under the total). */
  missing: z.array(CodeSchema).default([]),
  note: z.string().optional(),
});

const QuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, "lower-case letters, digits and _"),
  text: z.string().min(1),
  scale: z.string(),
  /** Scored in reverse: the highest code gets the lowest score (the stress frequencies, asked from "daily"). */
  reverse: z.boolean().default(false),
  /** Asked only of those who gave one of these codes to another question; blank for the rest. */
  asked: z.strictObject({ question: z.string(), codes: z.array(z.number().int()).min(1) }).optional(),
});

export const CodebookSchema = z.strictObject({
  $comment: z.string().optional(),
  /** How many answered the survey; a data file with another number of rows is reported. */
  respondents: z.number().int().positive().optional(),
  scales: z.record(z.string(), ScaleSchema),
  questions: z.array(QuestionSchema).min(1),
  indicators: z.strictObject({
    /** Points per answer code, e.g. 1 → 100 … 5 → 0. */
    scoring: z.strictObject({ scale: z.string(), points: z.record(z.string(), z.number()) }),
    /** Score bands, highest first: a score falls in the first band whose lower bound it reaches. */
    bands: z.strictObject({ labels: z.array(z.string()).min(2), from: z.array(z.number()).min(2), note: z.string() }),
    list: z.array(z.strictObject({ id: z.string(), name: z.string(), items: z.array(z.string()).min(1) })),
  }),
  stressFactors: z.array(z.strictObject({ name: z.string(), items: z.array(z.string()).min(1) })),
});

export type Codebook = z.infer<typeof CodebookSchema>;
export type Question = Codebook["questions"][number];
export type Scale = Codebook["scales"][string];

/** Whether a respondent with these answers was asked the question (routing: `asked`). */
export function wasAsked(question: Question, answers: Record<string, number | null>): boolean {
  if (!question.asked) return true;
  const gate = answers[question.asked.question];
  return gate != null && question.asked.codes.includes(gate);
}

/** Cross-references a schema cannot express: every scale, item and routing question named exists. */
export function codebookProblems(codebook: Codebook): string[] {
  const problems: string[] = [];
  const ids = new Set(codebook.questions.map((q) => q.id));
  const seen = new Set<string>();
  for (const q of codebook.questions) {
    if (seen.has(q.id)) problems.push(`questions: "${q.id}" twice`);
    seen.add(q.id);
    if (!codebook.scales[q.scale]) problems.push(`questions.${q.id}.scale: no scale "${q.scale}"`);
    if (q.asked && !ids.has(q.asked.question))
      problems.push(`questions.${q.id}.asked: no question "${q.asked.question}"`);
  }
  const { scoring, bands, list } = codebook.indicators;
  if (!codebook.scales[scoring.scale]) problems.push(`indicators.scoring.scale: no scale "${scoring.scale}"`);
  if (bands.labels.length !== bands.from.length) problems.push("indicators.bands: as many labels as lower bounds");
  for (const indicator of list)
    for (const item of indicator.items)
      if (!ids.has(item)) problems.push(`indicators.${indicator.id}: no question "${item}"`);
  for (const factor of codebook.stressFactors)
    for (const item of factor.items)
      if (!ids.has(item)) problems.push(`stressFactors.${factor.name}: no question "${item}"`);
  return problems;
}
