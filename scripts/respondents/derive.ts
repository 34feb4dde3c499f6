import { kindOf, type TableDefinitions } from "../kinds/definitions.ts";
import type { TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import type { TableSchema } from "../load/schema.ts";
import type { Labels } from "../locale/index.ts";
import type { Term } from "../provenance/term.ts";
import type { DataRow, DataTable } from "../validate/table.ts";
import type { Codebook } from "./codebook.ts";
import { statisticOrigin } from "./origin.ts";
import type { Respondents } from "./read.ts";

/** Every string a definition's `respondents` spec holds: the questions, indices and groups it names. */
function namedIds(spec: unknown): string[] {
  if (typeof spec === "string") return [spec];
  if (Array.isArray(spec)) return spec.flatMap(namedIds);
  if (spec && typeof spec === "object") return Object.values(spec).flatMap(namedIds);
  return [];
}

const isCodebookId = (codebook: Codebook, id: string) =>
  codebook.questions.some((q) => q.id === id) ||
  Object.entries(codebook.indices).some(([group, g]) => group === id || g.list.some((i) => i.id === id));

/** A derived row whose numeric columns each have an origin: the kind's own, or `generic`. */
function withOrigin(row: DataRow, generic: (value: number) => Term): DataRow {
  const origin: Record<string, Term> = { ...row.origin };
  for (const [column, value] of Object.entries(row.values)) {
    if (typeof value === "number" && !origin[column]) origin[column] = generic(value);
  }
  return { ...row, origin };
}

/**
 * Every table that says how (`respondents` in its definition) is counted
 * from the answers into the same shape as its published data file, by its
 * kind (kinds/<kind>/respondents.ts), so the rest of the pipeline
 * (percentages, rounding, rendering, charts, prose) runs unchanged.
 * Published percentages are left out: computed ones are printed. Titles say
 * where the numbers come from when the data is synthetic.
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
  labels: Labels,
  kinds: readonly TableKind[] = defaultKinds,
): { data: Map<string, DataTable>; definitions: TableDefinitions; derived: Set<string> } {
  const data = new Map(published);
  const out: TableDefinitions = { ...definitions };
  const derived = new Set<string>();
  for (const [id, definition] of Object.entries(definitions)) {
    const source = published.get(definition.data);
    if (!source && !definition.respondentsOnly) continue;
    const part = kindOf(kinds, definition.kind).respondents;
    const derivedRows = part?.derive?.(definition, { codebook, respondents, source, labels });
    if (!derivedRows) continue;
    const { fields } = derivedRows;
    // Numbers a kind did not trace to questions and codes are traced to the questions its definition names.
    const named = namedIds((definition as { respondents?: unknown }).respondents).filter((q) =>
      isCodebookId(codebook, q),
    );
    const rows = derivedRows.rows.map((row) =>
      withOrigin(row, (value) => statisticOrigin(respondents, codebook, named, value)),
    );
    // A derived table gets its own data name, so a data file two tables share is never replaced under the other.
    const name = `${definition.data}@svar:${id}`;
    const schema: TableSchema = source?.schema ?? { fields: fields ?? [] };
    data.set(name, { name, file: `${respondents.file} (${id})`, schema, rows });
    out[id] = {
      ...(part?.counted?.(definition) ?? definition),
      data: name,
      ...(synthetic
        ? {
            title: `${definition.title} ${synthetic.mark}`,
            source: synthetic.source,
          }
        : {}),
    };
    derived.add(id);
  }
  // Tables computed from another table's data (Figur 2's means from the stress distributions) follow it.
  for (const [id, definition] of Object.entries(definitions)) {
    if (!kindOf(kinds, definition.kind).respondents?.followsSharedData) continue;
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
