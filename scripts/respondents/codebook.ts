import { z } from "zod";
import { problem, respondents } from "../messages/index.ts";

/**
 * The codebook: a survey instrument as data. Its questions (id, wording,
 * and either an answer scale or a numeric answer), the scales (codes with
 * labels, and codes that are answers outside the percentage base), routing
 * (a question asked only of some), and any number of groups of scored
 * indices (items averaged per person, a score per code, reversal, bands).
 * Nothing here knows one survey: a report's codebook names its own.
 */
const CodeSchema = z.strictObject({ code: z.number().int(), label: z.string().min(1) });

const ScaleSchema = z.strictObject({
  codes: z.array(CodeSchema).min(1),
  /** Codes that are answers outside the percentage base (shown as rows under the total). */
  missing: z.array(CodeSchema).default([]),
  note: z.string().optional(),
});

/** Asked only of those who gave one of these codes to another question; blank for the rest. */
const RoutingSchema = z.strictObject({ question: z.string(), codes: z.array(z.number().int()).min(1) });

const QuestionId = z.string().regex(/^[a-z0-9_]+$/, { error: () => problem.schema.questionId });

/** A question answered by choosing one code of a scale (the default type). */
const ChoiceQuestionSchema = z.strictObject({
  id: QuestionId,
  text: z.string().min(1),
  type: z.literal("choice"),
  scale: z.string(),
  /** Scored in reverse: the highest code gets the lowest score (e.g. a frequency asked from "daily" down). */
  reverse: z.boolean().default(false),
  asked: RoutingSchema.optional(),
});

/** A question answered with a number (an age, a salary, years in the job): no scale. */
const NumericQuestionSchema = z
  .strictObject({
    id: QuestionId,
    text: z.string().min(1),
    type: z.literal("numeric"),
    /** Bounds an answer must lie within (inclusive); default: any number. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** Only whole numbers (e.g. years of age); default false. */
    integer: z.boolean().default(false),
    /** What the number counts, for readers: "years", "kr". */
    unit: z.string().optional(),
    /** Codes that mean "no number" (e.g. 999 = refused), outside every mean; SPSS's user-missing values. */
    missing: z.array(CodeSchema).default([]),
    asked: RoutingSchema.optional(),
  })
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
    error: () => problem.schema.minAtMostMax,
    path: ["max"],
  });

// A question without `type` is a choice question, as every question was before numeric ones.
const QuestionSchema = z.preprocess(
  (raw) =>
    raw && typeof raw === "object" && !Array.isArray(raw) && !("type" in raw) ? { ...raw, type: "choice" } : raw,
  z.discriminatedUnion("type", [ChoiceQuestionSchema, NumericQuestionSchema]),
);

/** Points per answer code (e.g. 1 → 100 … 5 → 0), for the items of one scale. */
const ScoringSchema = z.strictObject({ scale: z.string(), points: z.record(z.string(), z.number()) });

/** Score bands, highest first: a score falls in the first band whose lower bound it reaches. */
const BandsSchema = z.strictObject({
  labels: z.array(z.string().min(1)).min(2),
  from: z.array(z.number()).min(2),
  /** Why the bounds are where they are, for the method chapter's reader. */
  note: z.string().optional(),
});

const IndexSchema = z.strictObject({
  /** Unique among all the codebook's indices; tables name an index by it. */
  id: z.string().regex(/^[a-z0-9_-]+$/, { error: () => problem.schema.indexId }),
  name: z.string().min(1),
  /** The questions averaged into a person's score. */
  items: z.array(z.string()).min(1),
});

/**
 * Indices scored alike: each person's score on an index is the mean of the
 * item scores they have (at least `minAnswered` of them). An item's score is
 * its code (reversed where the question says), mapped through `scoring`
 * when given; a numeric question's score is its number.
 */
const IndexGroupSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Default: the code itself. */
  scoring: ScoringSchema.optional(),
  bands: BandsSchema.optional(),
  /** How many of an index's items a person must have answered to get a score; default 1. */
  minAnswered: z.number().int().min(1).default(1),
  list: z.array(IndexSchema).min(1),
});

export const CodebookSchema = z.strictObject({
  $comment: z.string().optional(),
  /** How many answered the survey; a data file with another number of rows is reported. The synthetic example's size. */
  respondents: z.number().int().positive().optional(),
  /** Columns an answers file may have besides the questions (a respondent number); default ["id"]. */
  idColumns: z.array(z.string().min(1)).default(["id"]),
  scales: z.record(z.string(), ScaleSchema).default({}),
  questions: z.array(QuestionSchema).min(1),
  /** Groups of scored indices by id (e.g. the scales of a standard questionnaire); default none. */
  indices: z.record(z.string().regex(/^[a-z0-9_-]+$/), IndexGroupSchema).default({}),
});

export type Codebook = z.infer<typeof CodebookSchema>;
export type Question = Codebook["questions"][number];
export type ChoiceQuestion = Extract<Question, { type: "choice" }>;
export type NumericQuestion = Extract<Question, { type: "numeric" }>;
export type Scale = Codebook["scales"][string];
export type IndexGroup = Codebook["indices"][string];
export type Index = IndexGroup["list"][number];

/** Whether a respondent with these answers was asked the question (routing: `asked`). */
export function wasAsked(question: Question, answers: Record<string, number | null>): boolean {
  if (!question.asked) return true;
  const gate = answers[question.asked.question];
  return gate != null && question.asked.codes.includes(gate);
}

/** A choice question's scale; undefined for a numeric question (codebookProblems guarantees the rest exist). */
export function scaleOf(codebook: Codebook, question: Question): Scale | undefined {
  return question.type === "choice" ? codebook.scales[question.scale] : undefined;
}

/** Codes that are answers outside the base: a scale's `missing`, or a numeric question's. */
export function missingCodes(codebook: Codebook, question: Question): { code: number; label: string }[] {
  return question.type === "choice" ? (codebook.scales[question.scale]?.missing ?? []) : question.missing;
}

/** An index by id, with the group that says how it is scored. */
export function findIndex(codebook: Codebook, id: string): { group: IndexGroup; index: Index } | undefined {
  for (const group of Object.values(codebook.indices)) {
    const index = group.list.find((i) => i.id === id);
    if (index) return { group, index };
  }
  return undefined;
}

/**
 * Cross-references a schema cannot express: every scale, item and routing
 * question named exists, index ids are unique, scoring covers every code of
 * its scale and applies only to items on it, bands have a label per bound.
 */
export function codebookProblems(codebook: Codebook): string[] {
  const said = respondents.codebookIssue;
  const problems: string[] = [];
  const byId = new Map<string, Question>();
  for (const q of codebook.questions) {
    if (byId.has(q.id)) problems.push(said.questionTwice(q.id));
    byId.set(q.id, q);
    if (q.type === "choice" && !codebook.scales[q.scale])
      problems.push(said.noScale(`questions.${q.id}.scale`, q.scale));
  }
  for (const q of codebook.questions) {
    if (!q.asked) continue;
    const gate = byId.get(q.asked.question);
    if (!gate) problems.push(said.noQuestion(`questions.${q.id}.asked`, q.asked.question));
    else if (gate.type !== "choice") problems.push(said.gateNumeric(`questions.${q.id}.asked`, gate.id));
  }
  const indexIds = new Set<string>();
  for (const [groupId, group] of Object.entries(codebook.indices)) {
    const at = `indices.${groupId}`;
    const { scoring, bands } = group;
    const scoringScale = scoring ? codebook.scales[scoring.scale] : undefined;
    if (scoring && !scoringScale) problems.push(said.noScale(`${at}.scoring.scale`, scoring.scale));
    if (scoring && scoringScale)
      for (const { code } of scoringScale.codes)
        if (scoring.points[String(code)] === undefined)
          problems.push(said.noPoints(`${at}.scoring.points`, code, scoring.scale));
    if (bands) {
      if (bands.labels.length !== bands.from.length)
        problems.push(said.bandLabels(`${at}.bands`, bands.labels.length, bands.from.length));
      if (bands.from.some((bound, i) => i > 0 && bound >= bands.from[i - 1]))
        problems.push(said.bandOrder(`${at}.bands.from`));
    }
    for (const index of group.list) {
      if (indexIds.has(index.id)) problems.push(said.indexTwice(at, index.id));
      indexIds.add(index.id);
      if (index.items.length < group.minAnswered)
        problems.push(said.tooFewItems(`${at}.${index.id}`, index.items.length, group.minAnswered));
      for (const item of index.items) {
        const q = byId.get(item);
        if (!q) problems.push(said.noQuestion(`${at}.${index.id}`, item));
        else if (scoring && (q.type !== "choice" || q.scale !== scoring.scale))
          problems.push(said.notOnScale(`${at}.${index.id}`, item, scoring.scale));
      }
    }
  }
  return problems;
}
