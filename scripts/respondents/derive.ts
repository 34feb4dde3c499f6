import { publishedPercent, roundHalfUp } from "../compute/rounding.ts";
import type { TableDefinition, TableDefinitions } from "../load/config.ts";
import type { DataRow, DataTable } from "../validate/table.ts";
import type { Codebook } from "./codebook.ts";
import type { Respondents } from "./read.ts";
import { bandCounts, countAnswers, crossCounts, meanScores, multiResponse, question, summarize } from "./tabulate.ts";

/**
 * Every table that says how (`respondents` in its definition) is counted
 * from the answers into the same shape as its published data file, so the
 * rest of the pipeline (percentages, rounding, rendering, charts, prose)
 * runs unchanged. Published percentages are left out: computed ones are
 * printed. Titles say where the numbers come from when the data is synthetic.
 */
export const SYNTHETIC_MARK = "(beregnet fra syntetiske eksempeldata)";

export function deriveTables(
  codebook: Codebook,
  definitions: TableDefinitions,
  respondents: Respondents,
  published: Map<string, DataTable>,
  synthetic: boolean,
): { data: Map<string, DataTable>; definitions: TableDefinitions; derived: Set<string> } {
  const data = new Map(published);
  const out: TableDefinitions = { ...definitions };
  const derived = new Set<string>();
  for (const [id, definition] of Object.entries(definitions)) {
    const source = published.get(definition.data);
    if (!source) continue;
    const rows = deriveRows(codebook, definition, respondents, source);
    if (!rows) continue;
    // A derived table gets its own data name, so a data file two tables share is never replaced under the other.
    const name = `${definition.data}@svar:${id}`;
    data.set(name, { ...source, name, file: `${respondents.file} (${id})`, rows });
    out[id] = {
      ...definition,
      data: name,
      // Counted tables have no published percentages to differ from.
      ...(definition.kind === "frequency" ? { publishedDiffers: {} } : {}),
      ...(synthetic
        ? {
            title: `${definition.title} ${SYNTHETIC_MARK}`,
            source: "Syntetiske eksempeldata: oppdiktede svar som summerer seg til tabellene i AFI-notat 2010:14.",
          }
        : {}),
    } as TableDefinition;
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

function deriveRows(
  codebook: Codebook,
  definition: TableDefinition,
  respondents: Respondents,
  source: DataTable,
): DataRow[] | undefined {
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
        const asked = respondents.rows.filter(
          (r) => !q.asked || q.asked.codes.includes(r.answers[q.asked.question] ?? Number.NaN),
        );
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
      return out.map((fields, i) => row(i, fields));
    }
    case "crosstab": {
      const spec = definition.respondents;
      if (!spec) return undefined;
      const cross = crossCounts(respondents, codebook, spec.row, spec.column);
      return cross.rows.flatMap((r, i) =>
        cross.columns.map((c, j) =>
          row(i * cross.columns.length + j, {
            [definition.row]: r,
            [definition.column]: c,
            [definition.count]: cross.counts[i][j],
            ...(definition.publishedPercent ? { [definition.publishedPercent]: null } : {}),
          }),
        ),
      );
    }
    case "multiresponse": {
      const spec = definition.respondents;
      if (!spec) return undefined;
      const result = multiResponse(respondents, codebook, spec.items);
      return result.items.map((item, i) => {
        const percent = publishedPercent(item.count, result.base);
        return row(
          i,
          { [definition.item]: item.label, [definition.percent]: percent.value },
          { [definition.percent]: percent.decimals },
        );
      });
    }
    case "grid": {
      const spec = definition.respondents;
      if (!spec) return undefined;
      if ("indicators" in spec) {
        const fields = spec.indicators;
        return codebook.indicators.list.map((indicator, i) => {
          const s = summarize(meanScores(respondents, codebook, indicator.items));
          return row(i, {
            [definition.rowHeader]: indicator.name,
            [fields.n]: s.n,
            [fields.mean]: roundHalfUp(s.mean, 0),
            [fields.sd]: roundHalfUp(s.sd, 0),
          });
        });
      }
      return spec.items.map((id, i) => {
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
        for (const f of source.schema.fields) if (!(f.name in fields)) fields[f.name] = null;
        return row(i, fields, decimals);
      });
    }
    case "scoredMeans":
      return undefined;
  }
}
