import { policyOf, roundHalfUp } from "../../compute/rounding.ts";
import type { FieldSchema } from "../../load/schema.ts";
import type { Codebook } from "../../respondents/codebook.ts";
import { derivedRow } from "../../respondents/derived-row.ts";
import type { Respondents } from "../../respondents/read.ts";
import { countsForPercents, largestRemainder } from "../../respondents/synthetic-counts.ts";
import { meanScores, oneWayAnova, question, summarize } from "../../respondents/tabulate.ts";
import type { DataTable } from "../../validate/table.ts";
import type { DeriveContext, DerivedRows, SyntheticAnswers } from "../kind.ts";
import type { GridTableDefinition } from "./schema.ts";

/**
 * One row per question, each column the percentage giving one answer code;
 * or one row per indicator with N, mean and SD of its scores; or the stress
 * factors' means by the groups of one question.
 */
export function deriveGrid(definition: GridTableDefinition, context: DeriveContext): DerivedRows | undefined {
  const { codebook, respondents, source, labels } = context;
  const spec = definition.respondents;
  if (!spec) return undefined;
  if ("indicators" in spec) {
    const fields = spec.indicators;
    const rows = codebook.indicators.list.map((indicator, i) => {
      const s = summarize(meanScores(respondents, codebook, indicator.items));
      return derivedRow(i, {
        [definition.rowHeader]: indicator.name,
        [fields.n]: s.n,
        [fields.mean]: roundHalfUp(s.mean, 0),
        [fields.sd]: roundHalfUp(s.sd, 0),
      });
    });
    return { rows };
  }
  if ("groupMeans" in spec) {
    return groupMeans(codebook, definition.rowHeader, spec.groupMeans.by, respondents, labels.group);
  }
  const rows = spec.items.map((id, i) => {
    const q = question(codebook, id);
    const answered = respondents.rows.filter((r) => r.answers[id] != null);
    const n = answered.length;
    const fields: Record<string, string | number | null> = { [definition.rowHeader]: q.text };
    const decimals: Record<string, number> = {};
    for (const [field, code] of Object.entries(spec.columns)) {
      const count = answered.filter((r) => r.answers[id] === code).length;
      // Rounded by the table's policy (the shipped appendix: SPSS's one decimal, then whole percent).
      fields[field] = n > 0 ? policyOf(definition)(count, n, spec.decimals).value : null;
      decimals[field] = spec.decimals;
    }
    if (spec.n) fields[spec.n] = n;
    if (spec.total) fields[spec.total] = 100;
    // Columns of the published file this derivation does not fill stay empty.
    for (const f of source?.schema.fields ?? []) if (!(f.name in fields)) fields[f.name] = null;
    return derivedRow(i, fields, decimals);
  });
  // A table only counted from answers has no schema file: its columns are the question's answers.
  const q = spec.items[0] ? question(codebook, spec.items[0]) : undefined;
  const answerLabels = new Map(q ? codebook.scales[q.scale].codes.map((c) => [c.code, c.label]) : []);
  const fields: FieldSchema[] = [
    { name: definition.rowHeader, type: "string", title: definition.rowLabel || labels.question },
    ...Object.entries(spec.columns).map(([name, code]) => ({
      name,
      type: "number" as const,
      title: answerLabels.get(code) ?? name,
    })),
    ...(spec.n ? [{ name: spec.n, type: "integer" as const, title: labels.n }] : []),
    ...(spec.total ? [{ name: spec.total, type: "integer" as const, title: labels.total }] : []),
  ];
  return { rows, fields };
}

/**
 * The stress factors' mean scores (reversed: 6 = daily) by the answers to
 * one question: a row per group, a column per factor, then a row each for
 * one-way ANOVA's F and p (groups as rows keeps long answer labels readable).
 */
function groupMeans(
  codebook: Codebook,
  rowHeader: string,
  by: string,
  respondents: Respondents,
  groupLabel: string,
): DerivedRows {
  const groups = codebook.scales[question(codebook, by).scale].codes;
  const factors = codebook.stressFactors.map((factor, k) => {
    const scores = meanScores(respondents, codebook, factor.items);
    const byGroup = groups.map((g) =>
      respondents.rows.flatMap((r, i) => (r.answers[by] === g.code && scores[i] !== null ? [scores[i] as number] : [])),
    );
    return { field: `faktor_${k + 1}`, name: factor.name, byGroup, anova: oneWayAnova(byGroup) };
  });
  const fields: FieldSchema[] = [
    { name: rowHeader, type: "string", title: groupLabel },
    ...factors.map((f) => ({ name: f.field, type: "number" as const, title: f.name })),
  ];
  const line = (
    index: number,
    header: string,
    value: (f: (typeof factors)[number]) => number | null,
    decimals: number,
  ) =>
    derivedRow(
      index,
      { [rowHeader]: header, ...Object.fromEntries(factors.map((f) => [f.field, value(f)])) },
      Object.fromEntries(factors.map((f) => [f.field, decimals])),
    );
  const rows = [
    ...groups.map((g, k) =>
      line(k, g.label, (f) => (f.byGroup[k].length > 0 ? roundHalfUp(f.anova.means[k], 1) : null), 1),
    ),
    line(groups.length, "F", (f) => roundHalfUp(f.anova.f, 1), 1),
    line(groups.length + 1, "p", (f) => roundHalfUp(f.anova.p, 3), 3),
  ];
  return { rows, fields };
}

/**
 * One question per published row: whole counts that print as its
 * percentages, given to people so that answers within a block go together.
 */
export function synthesizeGrid(
  tableId: string,
  definition: GridTableDefinition,
  published: DataTable,
  answers: SyntheticAnswers,
): void {
  const spec = definition.respondents;
  if (!spec || !("items" in spec)) return;
  const { people } = answers;
  const total = people.length;
  const fields = Object.keys(spec.columns);
  const blockOrder = answers.shuffled(people);
  const latent = new Map(people.map((p) => [p, answers.noise()]));
  published.rows.forEach((row, i) => {
    const q = answers.question(spec.items[i] ?? "");
    if (!q) return;
    const percents = fields.map((f) => Number(row.values[f]));
    // N as printed, or else the largest number of answers whose whole counts print as these percentages.
    const candidates = spec.n ? [Number(row.values[spec.n])] : Array.from({ length: 40 }, (_, k) => total - k);
    let counts: number[] | undefined;
    let n = candidates[0];
    for (const candidate of candidates) {
      counts = countsForPercents(percents, candidate, spec.decimals, policyOf(definition));
      n = candidate;
      if (counts) break;
    }
    if (!counts) {
      // The printed percentages do not add up (e.g. to 102): share n out in proportion to them.
      const sum = percents.reduce((a, b) => a + b, 0);
      counts = largestRemainder(
        percents.map((p) => (p / sum) * 100),
        n,
      );
      answers.notes.push(
        `${tableId}: no whole counts of ${n} print as the row «${q.text}» (it sums to ${sum}); counts in proportion used`,
      );
    }
    // The same people skip every question of a block, and answers within a block go together
    // (a person's latent level, plus noise), so indicator scores spread as real ones do.
    const answering = blockOrder.slice(0, n);
    const order = answering
      .map((person) => ({ person, key: (latent.get(person) ?? 0) + answers.noise() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.person);
    const found = counts;
    const codes = fields
      .map((f, k) => ({ code: spec.columns[f], count: found[k] }))
      .sort((a, b) => a.code - b.code)
      .flatMap((c) => Array.from({ length: c.count }, () => c.code));
    for (const person of people) if (!answering.includes(person)) person[q.id] = null;
    order.forEach((person, k) => {
      person[q.id] = codes[k] ?? null;
    });
  });
}
