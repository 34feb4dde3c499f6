import { policyOf, roundHalfUp } from "../../compute/rounding.ts";
import type { FieldSchema } from "../../load/schema.ts";
import { respondents as said } from "../../messages/index.ts";
import { derivedRow } from "../../respondents/derived-row.ts";
import { countsForPercents, largestRemainder } from "../../respondents/synthetic-counts.ts";
import { indexScores, question, summarize } from "../../respondents/tabulate.ts";
import type { DataTable } from "../../validate/table.ts";
import type { DeriveContext, DerivedRows, SyntheticAnswers } from "../kind.ts";
import type { GridTableDefinition } from "./schema.ts";

/**
 * One row per question, each column the percentage giving one answer code;
 * or one row per index of an index group with N, mean and SD of its scores.
 */
export function deriveGrid(definition: GridTableDefinition, context: DeriveContext): DerivedRows | undefined {
  const { codebook, respondents, source, labels } = context;
  const spec = definition.respondents;
  if (!spec) return undefined;
  if ("indices" in spec) {
    const fields = spec.indices;
    const rows = (codebook.indices[fields.group]?.list ?? []).map((index, i) => {
      const s = summarize(indexScores(respondents, codebook, index.id));
      return derivedRow(
        i,
        {
          [definition.rowHeader]: index.name,
          [fields.n]: s.n,
          [fields.mean]: roundHalfUp(s.mean, fields.decimals),
          [fields.sd]: roundHalfUp(s.sd, fields.decimals),
        },
        { [fields.mean]: fields.decimals, [fields.sd]: fields.decimals },
      );
    });
    return { rows };
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
  const answerLabels = new Map(
    q?.type === "choice" ? codebook.scales[q.scale].codes.map((c) => [c.code, c.label]) : [],
  );
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
    const candidates = spec.n
      ? [Number(row.values[spec.n])]
      : Array.from({ length: answers.searchN }, (_, k) => total - k);
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
      answers.notes.push(said.noWholeRowCounts(tableId, n, q.text, sum));
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
