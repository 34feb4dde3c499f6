import { roundHalfUp } from "../compute/rounding.ts";
import { type Codebook, findIndex, scaleOf } from "./codebook.ts";
import type { Respondents } from "./read.ts";
import { choiceQuestion, indexScores, numericAnswers, oneWayAnova, question, summarize } from "./tabulate.ts";

/**
 * A group comparison: one measure (a person's score on an index, or their
 * answer to a numeric question) summarised for each group of respondents
 * (their answer to a choice question), with one-way ANOVA's test of whether
 * the groups' means differ more than chance would make them.
 */

/** What is compared: an index of the codebook, or a numeric question. */
export type Measure = { index: string } | { question: string };

export interface GroupSummary {
  code: number;
  label: string;
  n: number;
  /** NaN for a group nobody is in. */
  mean: number;
  /** Sample standard deviation; 0 for a group of one, NaN for an empty one. */
  sd: number;
}

export interface GroupComparison {
  measure: { id: string; name: string };
  groups: GroupSummary[];
  anova: { f: number; p: number; dfBetween: number; dfWithin: number };
}

/** Each person's value on the measure; null where they have none. */
export function measureValues(respondents: Respondents, codebook: Codebook, measure: Measure): (number | null)[] {
  return "index" in measure
    ? indexScores(respondents, codebook, measure.index)
    : numericAnswers(respondents, codebook, measure.question);
}

/** The measure's id and name, as a table's column heads them. */
export function measureName(codebook: Codebook, measure: Measure): { id: string; name: string } {
  if ("index" in measure) {
    const found = findIndex(codebook, measure.index);
    if (!found) throw new Error(`the codebook has no index "${measure.index}"`);
    return { id: found.index.id, name: found.index.name };
  }
  const q = question(codebook, measure.question);
  return { id: q.id, name: q.text };
}

/** The measure by the groups of `by` (its scale's answer codes, in order; missing-value codes and blanks left out). */
export function compareGroups(
  respondents: Respondents,
  codebook: Codebook,
  by: string,
  measure: Measure,
): GroupComparison {
  const groups = scaleOf(codebook, choiceQuestion(codebook, by))?.codes ?? [];
  const values = measureValues(respondents, codebook, measure);
  const byGroup = groups.map((g) =>
    respondents.rows.flatMap((r, i) => {
      const value = values[i];
      return r.answers[by] === g.code && value !== null ? [value] : [];
    }),
  );
  const anova = oneWayAnova(byGroup);
  return {
    measure: measureName(codebook, measure),
    groups: groups.map((g, k) => {
      const s = byGroup[k].length > 0 ? summarize(byGroup[k]) : { n: 0, mean: Number.NaN, sd: Number.NaN };
      // The mean as ANOVA computed it, so that the printed means and the test agree to the last digit.
      return { code: g.code, label: g.label, n: s.n, mean: anova.means[k], sd: s.sd };
    }),
    anova: { f: anova.f, p: anova.p, dfBetween: anova.dfBetween, dfWithin: anova.dfWithin },
  };
}

/** A group comparison table's settings (a table definition's `respondents.groupComparison`). */
export interface GroupComparisonSpec {
  by: string;
  measures: (Measure | { indices: string })[];
  statistics: ("mean" | "sd" | "n")[];
  decimals: number;
  headings: { mean: string; sd: string; n: string };
}

/** A table's cells before they become data rows: values by field, and the decimals each field prints with. */
export interface PlainTable {
  fields: { name: string; title: string; type: "string" | "number" | "integer" }[];
  rows: { values: Record<string, string | number | null>; decimals: Record<string, number> }[];
}

/**
 * Groups as rows (long answer labels stay readable), a column per measure
 * and statistic, then a row each for ANOVA's F and p, printed in each
 * measure's first column. A measure `{ indices: group }` is every index of
 * that group, in order.
 */
export function groupComparisonTable(
  respondents: Respondents,
  codebook: Codebook,
  spec: GroupComparisonSpec,
  rowHeader: { field: string; title: string },
): PlainTable {
  const measures = spec.measures.flatMap((m): Measure[] =>
    "indices" in m ? (codebook.indices[m.indices]?.list ?? []).map((index) => ({ index: index.id })) : [m],
  );
  const compared = measures.map((m) => compareGroups(respondents, codebook, spec.by, m));
  const single = spec.statistics.length === 1;
  // Fields numbered, not named after the measure: a measure's id need not be a valid column name.
  const columns = compared.flatMap((c, k) =>
    spec.statistics.map((statistic, s) => ({
      name: single ? `measure_${k + 1}` : `measure_${k + 1}_${statistic}`,
      title: single ? c.measure.name : `${c.measure.name}: ${spec.headings[statistic]}`,
      statistic,
      first: s === 0,
      comparison: c,
    })),
  );
  const decimalsOf = (statistic: "mean" | "sd" | "n") => (statistic === "n" ? 0 : spec.decimals);
  const groupRows = (compared[0]?.groups ?? []).map((group, g) => ({
    values: {
      [rowHeader.field]: group.label,
      ...Object.fromEntries(
        columns.map((col) => {
          const summary = col.comparison.groups[g];
          const value =
            col.statistic === "n"
              ? summary.n
              : summary.n === 0
                ? null
                : roundHalfUp(col.statistic === "mean" ? summary.mean : summary.sd, spec.decimals);
          return [col.name, value];
        }),
      ),
    },
    decimals: Object.fromEntries(columns.map((col) => [col.name, decimalsOf(col.statistic)])),
  }));
  const testRow = (label: string, value: (c: GroupComparison) => number, decimals: number) => ({
    values: {
      [rowHeader.field]: label,
      ...Object.fromEntries(
        columns.map((col) => [col.name, col.first ? roundHalfUp(value(col.comparison), decimals) : null]),
      ),
    },
    decimals: Object.fromEntries(columns.map((col) => [col.name, decimals])),
  });
  return {
    fields: [
      { name: rowHeader.field, title: rowHeader.title, type: "string" },
      ...columns.map((col) => ({
        name: col.name,
        title: col.title,
        type: col.statistic === "n" ? ("integer" as const) : ("number" as const),
      })),
    ],
    rows: [...groupRows, testRow("F", (c) => c.anova.f, 1), testRow("p", (c) => c.anova.p, 3)],
  };
}
