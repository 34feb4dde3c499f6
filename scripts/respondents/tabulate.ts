import { createRequire } from "node:module";
import {
  type ChoiceQuestion,
  type Codebook,
  findIndex,
  type IndexGroup,
  missingCodes,
  type Question,
  wasAsked,
} from "./codebook.ts";
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

/** A question counted by its codes: a numeric one has no categories to count. */
export function choiceQuestion(codebook: Codebook, id: string): ChoiceQuestion {
  const found = question(codebook, id);
  if (found.type !== "choice") throw new Error(`the codebook's question "${id}" is numeric, not answered with codes`);
  return found;
}

/** A question's answers: a count per code in scale order, per missing-value code, and the blanks. */
export function countAnswers(
  respondents: Respondents,
  codebook: Codebook,
  id: string,
): { answers: LabelledCount[]; missing: LabelledCount[]; blank: number } {
  const scale = codebook.scales[choiceQuestion(codebook, id).scale];
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
  const rowScale = codebook.scales[choiceQuestion(codebook, rowId).scale];
  const columnScale = codebook.scales[choiceQuestion(codebook, columnId).scale];
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

/**
 * One person's score on an index item: a numeric answer as it is; a code
 * reversed where the question says (lowest + highest − code), then mapped
 * through the group's points, or else the code itself. A missing-value code
 * or a blank scores nothing.
 */
export function itemScore(codebook: Codebook, group: IndexGroup, q: Question, answer: number | null): number | null {
  if (answer === null) return null;
  if (missingCodes(codebook, q).some((c) => c.code === answer)) return null;
  if (q.type === "numeric") return answer;
  const codes = codebook.scales[q.scale].codes.map((c) => c.code);
  if (!codes.includes(answer)) return null;
  const code = q.reverse ? Math.min(...codes) + Math.max(...codes) - answer : answer;
  return group.scoring ? (group.scoring.points[String(code)] ?? null) : code;
}

/** Each person's score on an index: the mean of the item scores they have (null: fewer than the group's minimum). */
export function indexScores(respondents: Respondents, codebook: Codebook, indexId: string): (number | null)[] {
  const found = findIndex(codebook, indexId);
  if (!found) throw new Error(`the codebook has no index "${indexId}"`);
  const { group, index } = found;
  const items = index.items.map((id) => question(codebook, id));
  return respondents.rows.map((r) => {
    const scores = items
      .map((q) => itemScore(codebook, group, q, r.answers[q.id]))
      .filter((s): s is number => s !== null);
    return scores.length < group.minAnswered ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
  });
}

/** Each person's answer to a numeric question; null for a blank or a missing-value code. */
export function numericAnswers(respondents: Respondents, codebook: Codebook, id: string): (number | null)[] {
  const q = question(codebook, id);
  if (q.type !== "numeric") throw new Error(`the codebook's question "${id}" is not numeric`);
  return respondents.rows.map((r) => {
    const value = r.answers[id];
    return value == null || q.missing.some((c) => c.code === value) ? null : value;
  });
}

// jstat is CommonJS without types; these are the functions used. Required at the first statistic:
// only a build from respondent answers computes one, and loading it costs every other build and check.
interface JStat {
  mean(values: number[]): number;
  stdev(values: number[], sample: boolean): number;
  anovafscore(...groups: number[][]): number;
  anovaftest(...groups: number[][]): number;
}
let loaded: JStat | undefined;
const jStat = (): JStat => {
  loaded ??= createRequire(import.meta.url)("jstat") as JStat;
  return loaded;
};

/** N, mean and (sample) standard deviation of the scores that exist. */
export function summarize(scores: (number | null)[]): { n: number; mean: number; sd: number } {
  const values = scores.filter((s): s is number => s !== null);
  return { n: values.length, mean: jStat().mean(values), sd: values.length > 1 ? jStat().stdev(values, true) : 0 };
}

/** How many scores fall in each band; a score belongs to the first band (highest first) whose lower bound it reaches. */
export function bandCounts(
  bands: { labels: string[]; from: number[] },
  scores: (number | null)[],
): { label: string; count: number }[] {
  const { labels, from } = bands;
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
    f: jStat().anovafscore(...used),
    p: jStat().anovaftest(...used),
    dfBetween: used.length - 1,
    dfWithin: n - used.length,
    means: groups.map((g) => (g.length > 0 ? jStat().mean(g) : Number.NaN)),
    ns: groups.map((g) => g.length),
  };
}
