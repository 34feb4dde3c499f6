import { createRequire } from "node:module";
import { type Codebook, type Question, wasAsked } from "./codebook.ts";
import type { Respondents } from "./read.ts";

/**
 * Counting and scoring respondent-level answers: the computations the
 * report's method chapter describes, each a small function of the answers
 * and the codebook.
 */

interface LabelledCount {
  code: number;
  label: string;
  count: number;
}

export function question(codebook: Codebook, id: string): Question {
  const found = codebook.questions.find((q) => q.id === id);
  if (!found) throw new Error(`the codebook has no question "${id}"`);
  return found;
}

/** A question's answers: a count per code in scale order, per missing-value code, and the blanks. */
export function countAnswers(
  respondents: Respondents,
  codebook: Codebook,
  id: string,
): { answers: LabelledCount[]; missing: LabelledCount[]; blank: number } {
  const scale = codebook.scales[question(codebook, id).scale];
  const count = (code: number) => respondents.rows.filter((r) => r.answers[id] === code).length;
  return {
    answers: scale.codes.map((c) => ({ ...c, count: count(c.code) })),
    missing: scale.missing.map((c) => ({ ...c, count: count(c.code) })),
    blank: respondents.rows.filter((r) => r.answers[id] == null).length,
  };
}

/** Counts by the answers to two questions, among those who answered both (missing-value codes left out). */
export function crossCounts(
  respondents: Respondents,
  codebook: Codebook,
  rowId: string,
  columnId: string,
): { rows: string[]; columns: string[]; counts: number[][] } {
  const rowScale = codebook.scales[question(codebook, rowId).scale];
  const columnScale = codebook.scales[question(codebook, columnId).scale];
  return {
    rows: rowScale.codes.map((c) => c.label),
    columns: columnScale.codes.map((c) => c.label),
    counts: rowScale.codes.map((r) =>
      columnScale.codes.map(
        (c) => respondents.rows.filter((x) => x.answers[rowId] === r.code && x.answers[columnId] === c.code).length,
      ),
    ),
  };
}

/**
 * Several boxes to tick: for each item, how many ticked it, out of the base
 * (everyone the items were asked of: the routing of the first item).
 */
export function multiResponse(
  respondents: Respondents,
  codebook: Codebook,
  itemIds: string[],
): { base: number; items: { id: string; label: string; count: number }[] } {
  const items = itemIds.map((id) => question(codebook, id));
  const first = items[0];
  const asked = respondents.rows.filter((r) => !first || wasAsked(first, r.answers));
  return {
    base: asked.length,
    items: items.map((q) => ({ id: q.id, label: q.text, count: asked.filter((r) => r.answers[q.id] != null).length })),
  };
}

/** One person's score on a question: points by code (indicators) or the code itself, reversed where the codebook says. */
export function itemScore(codebook: Codebook, q: Question, code: number | null): number | null {
  if (code === null) return null;
  const scale = codebook.scales[q.scale];
  if (!scale.codes.some((c) => c.code === code)) return null; // a missing-value code scores nothing
  const { scoring } = codebook.indicators;
  if (q.scale === scoring.scale) return scoring.points[String(code)] ?? null;
  if (!q.reverse) return code;
  const codes = scale.codes.map((c) => c.code);
  return Math.min(...codes) + Math.max(...codes) - code;
}

/** Each person's mean score over the items they answered (null: none answered). */
export function meanScores(respondents: Respondents, codebook: Codebook, itemIds: string[]): (number | null)[] {
  const items = itemIds.map((id) => question(codebook, id));
  return respondents.rows.map((r) => {
    const scores = items.map((q) => itemScore(codebook, q, r.answers[q.id])).filter((s): s is number => s !== null);
    return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
  });
}

// jstat is CommonJS without types; these are the functions used.
const jStat = createRequire(import.meta.url)("jstat") as {
  mean(values: number[]): number;
  stdev(values: number[], sample: boolean): number;
  anovafscore(...groups: number[][]): number;
  anovaftest(...groups: number[][]): number;
};

/** N, mean and (sample) standard deviation of the scores that exist. */
export function summarize(scores: (number | null)[]): { n: number; mean: number; sd: number } {
  const values = scores.filter((s): s is number => s !== null);
  return { n: values.length, mean: jStat.mean(values), sd: values.length > 1 ? jStat.stdev(values, true) : 0 };
}

/** How many scores fall in each band; a score belongs to the first band (highest first) whose lower bound it reaches. */
export function bandCounts(codebook: Codebook, scores: (number | null)[]): { label: string; count: number }[] {
  const { labels, from } = codebook.indicators.bands;
  const counts = labels.map((label) => ({ label, count: 0 }));
  for (const score of scores) {
    if (score === null) continue;
    const band = from.findIndex((bound) => score >= bound);
    counts[band === -1 ? counts.length - 1 : band].count += 1;
  }
  return counts;
}

/**
 * One-way analysis of variance: do the groups' means differ more than
 * chance would make them? F is the between-group variance over the
 * within-group variance; p its upper tail in the F distribution.
 */
export function oneWayAnova(groups: number[][]): {
  f: number;
  p: number;
  dfBetween: number;
  dfWithin: number;
  means: number[];
  ns: number[];
} {
  const used = groups.filter((g) => g.length > 0);
  const n = used.reduce((sum, g) => sum + g.length, 0);
  return {
    f: jStat.anovafscore(...used),
    p: jStat.anovaftest(...used),
    dfBetween: used.length - 1,
    dfWithin: n - used.length,
    means: groups.map((g) => (g.length > 0 ? jStat.mean(g) : Number.NaN)),
    ns: groups.map((g) => g.length),
  };
}
