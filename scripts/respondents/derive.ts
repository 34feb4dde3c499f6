import { publishedPercent, roundHalfUp } from "../compute/rounding.ts";
import type { TableDefinition, TableDefinitions } from "../load/config.ts";
import type { FieldSchema, TableSchema } from "../load/schema.ts";
import type { DataRow, DataTable } from "../validate/table.ts";
import { type Codebook, wasAsked } from "./codebook.ts";
import type { Respondents } from "./read.ts";
import {
  bandCounts,
  countAnswers,
  crossCounts,
  meanScores,
  multiResponse,
  oneWayAnova,
  question,
  summarize,
} from "./tabulate.ts";

/**
 * Every table that says how (`respondents` in its definition) is counted
 * from the answers into the same shape as its published data file, so the
 * rest of the pipeline (percentages, rounding, rendering, charts, prose)
 * runs unchanged. Published percentages are left out: computed ones are
 * printed. Titles say where the numbers come from when the data is synthetic.
 */
/** How a synthetic table says so: after its title, and as its source line (from the report's locale). */
export interface SyntheticMarks {
  mark: string;
  source: string;
}

export function deriveTables(
  codebook: Codebook,
  definitions: TableDefinitions,
  respondents: Respondents,
  published: Map<string, DataTable>,
  synthetic: SyntheticMarks | undefined,
): { data: Map<string, DataTable>; definitions: TableDefinitions; derived: Set<string> } {
  const data = new Map(published);
  const out: TableDefinitions = { ...definitions };
  const derived = new Set<string>();
  for (const [id, definition] of Object.entries(definitions)) {
    const source = published.get(definition.data);
    if (!source && !definition.respondentsOnly) continue;
    const derivedRows = deriveRows(codebook, definition, respondents, source);
    if (!derivedRows) continue;
    const { rows, fields } = derivedRows;
    // A derived table gets its own data name, so a data file two tables share is never replaced under the other.
    const name = `${definition.data}@svar:${id}`;
    const schema: TableSchema = source?.schema ?? { fields: fields ?? [] };
    data.set(name, { name, file: `${respondents.file} (${id})`, schema, rows });
    out[id] = {
      ...definition,
      data: name,
      // Counted tables have no published percentages to differ from.
      ...(definition.kind === "frequency" ? { publishedDiffers: {} } : {}),
      ...(synthetic
        ? {
            title: `${definition.title} ${synthetic.mark}`,
            source: synthetic.source,
          }
        : {}),
    } as TableDefinition;
    derived.add(id);
  }
  // Tables computed from another table's data (Figur 2's means from the stress distributions) follow it.
  for (const [id, definition] of Object.entries(definitions)) {
    if (definition.kind !== "scoredMeans") continue;
    const from = [...derived].find((d) => definitions[d].data === definition.data);
    if (!from) continue;
    out[id] = {
      ...definition,
      data: out[from].data,
      ...(synthetic ? { title: `${definition.title} ${synthetic.mark}` } : {}),
    };
    derived.add(id);
  }
  return { data, definitions: out, derived };
}

function row(
  index: number,
  fields: Record<string, string | number | null>,
  decimals: Record<string, number> = {},
): DataRow {
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields))
    text[k] = v === null ? "" : typeof v === "number" ? v.toFixed(decimals[k] ?? 0) : v;
  return { row: index + 2, values: fields, text };
}

type Derived = { rows: DataRow[]; fields?: FieldSchema[] } | undefined;

function deriveRows(
  codebook: Codebook,
  definition: TableDefinition,
  respondents: Respondents,
  source: DataTable | undefined,
): Derived {
  switch (definition.kind) {
    case "frequency": {
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
      return { rows: out.map((fields, i) => row(i, fields)) };
    }
    case "crosstab": {
      const spec = definition.respondents;
      if (!spec) return undefined;
      const cross = crossCounts(respondents, codebook, spec.row, spec.column);
      const rows = cross.rows.flatMap((r, i) =>
        cross.columns.map((c, j) =>
          row(i * cross.columns.length + j, {
            [definition.row]: r,
            [definition.column]: c,
            [definition.count]: cross.counts[i][j],
            ...(definition.publishedPercent ? { [definition.publishedPercent]: null } : {}),
          }),
        ),
      );
      return { rows };
    }
    case "multiresponse": {
      const spec = definition.respondents;
      if (!spec) return undefined;
      const result = multiResponse(respondents, codebook, spec.items);
      const rows = result.items.map((item, i) => {
        const percent = publishedPercent(item.count, result.base);
        return row(
          i,
          { [definition.item]: item.label, [definition.percent]: percent.value },
          { [definition.percent]: percent.decimals },
        );
      });
      return { rows };
    }
    case "grid": {
      const spec = definition.respondents;
      if (!spec) return undefined;
      if ("indicators" in spec) {
        const fields = spec.indicators;
        const rows = codebook.indicators.list.map((indicator, i) => {
          const s = summarize(meanScores(respondents, codebook, indicator.items));
          return row(i, {
            [definition.rowHeader]: indicator.name,
            [fields.n]: s.n,
            [fields.mean]: roundHalfUp(s.mean, 0),
            [fields.sd]: roundHalfUp(s.sd, 0),
          });
        });
        return { rows };
      }
      if ("groupMeans" in spec) return groupMeans(codebook, definition.rowHeader, spec.groupMeans.by, respondents);
      const rows = spec.items.map((id, i) => {
        const q = question(codebook, id);
        const answered = respondents.rows.filter((r) => r.answers[id] != null);
        const n = answered.length;
        const fields: Record<string, string | number | null> = { [definition.rowHeader]: q.text };
        const decimals: Record<string, number> = {};
        for (const [field, code] of Object.entries(spec.columns)) {
          const count = answered.filter((r) => r.answers[id] === code).length;
          // Rounded as the published appendix rounds (SPSS's one decimal, then whole percent).
          fields[field] = n > 0 ? publishedPercent(count, n, spec.decimals).value : null;
          decimals[field] = spec.decimals;
        }
        if (spec.n) fields[spec.n] = n;
        if (spec.total) fields[spec.total] = 100;
        // Columns of the published file this derivation does not fill stay empty.
        for (const f of source?.schema.fields ?? []) if (!(f.name in fields)) fields[f.name] = null;
        return row(i, fields, decimals);
      });
      // A table only counted from answers has no schema file: its columns are the question's answers.
      const q = spec.items[0] ? question(codebook, spec.items[0]) : undefined;
      const labels = new Map(q ? codebook.scales[q.scale].codes.map((c) => [c.code, c.label]) : []);
      const fields: FieldSchema[] = [
        { name: definition.rowHeader, type: "string", title: definition.rowLabel || "Spørsmål" },
        ...Object.entries(spec.columns).map(([name, code]) => ({
          name,
          type: "number" as const,
          title: labels.get(code) ?? name,
        })),
        ...(spec.n ? [{ name: spec.n, type: "integer" as const, title: "N" }] : []),
        ...(spec.total ? [{ name: spec.total, type: "integer" as const, title: "Totalt" }] : []),
      ];
      return { rows, fields };
    }
    case "scoredMeans":
      return undefined;
  }
}

/**
 * The stress factors' mean scores (reversed: 6 = daily) by the answers to
 * one question: a row per group, a column per factor, then a row each for
 * one-way ANOVA's F and p (groups as rows keeps long answer labels readable).
 */
function groupMeans(codebook: Codebook, rowHeader: string, by: string, respondents: Respondents): Derived {
  const groups = codebook.scales[question(codebook, by).scale].codes;
  const factors = codebook.stressFactors.map((factor, k) => {
    const scores = meanScores(respondents, codebook, factor.items);
    const byGroup = groups.map((g) =>
      respondents.rows.flatMap((r, i) => (r.answers[by] === g.code && scores[i] !== null ? [scores[i] as number] : [])),
    );
    return { field: `faktor_${k + 1}`, name: factor.name, byGroup, anova: oneWayAnova(byGroup) };
  });
  const fields: FieldSchema[] = [
    { name: rowHeader, type: "string", title: "Gruppe" },
    ...factors.map((f) => ({ name: f.field, type: "number" as const, title: f.name })),
  ];
  const line = (
    index: number,
    header: string,
    value: (f: (typeof factors)[number]) => number | null,
    decimals: number,
  ) =>
    row(
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
