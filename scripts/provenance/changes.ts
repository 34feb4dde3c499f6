/**
 * The change summary's pointers to provenance (changes/compare.ts): where
 * each changed number now comes from, with its id in the index beside the
 * HTML. A changed table cell is found among its table's traced cells by the
 * names the change summary gives it (a kind's `cells`); a changed number in
 * a sentence, by the web edition's sentence and the number's position.
 */
import type { ChangeProvenance } from "../changes/compare.ts";
import { sentenceNumberIds } from "../changes/snapshot.ts";
import type { ReportModel } from "../compute/model.ts";
import { kindOf } from "../kinds/definitions.ts";
import { type NumberEntry, NumberIndex } from "./collect.ts";
import { type ExplainContext, explain, sources } from "./explain.ts";
import type { Term } from "./term.ts";

export function changeProvenance(
  model: ReportModel,
  document: { siteBody: string; numbers: NumberEntry[] },
): ChangeProvenance {
  const words: ExplainContext = { format: model.format, words: model.locale.labels.provenance, brief: true };
  // A value read, or a sum of rows, in full; a computed one as its rule (brief) and every file, line and column it read.
  const where = (term: Term) => {
    const read = term.op === "read" || (term.op === "sum" && term.of.every((t) => t.op === "read"));
    return read ? explain(term, { ...words, brief: false }) : `${explain(term, words)}; ${sources(term, words)}`;
  };
  const key = (table: string, row: string, column: string) => `${table}\u0000${row}\u0000${column}`;
  // Every table of the model, placed or not: the change summary lists them all.
  const traced = new Map<string, Term>();
  const context = new NumberIndex(model).context;
  for (const table of model.tables.values()) {
    for (const cell of kindOf(model.kinds, table.kind).provenance?.cells(table, context) ?? []) {
      traced.set(key(table.id, cell.row, cell.column), cell.term);
    }
  }
  const ids = new Map<string, string>();
  for (const entry of document.numbers) {
    const w = entry.where;
    if (w.in !== "text") ids.set(key(w.table, w.row, w.column), ids.get(key(w.table, w.row, w.column)) ?? entry.id);
  }
  const byId = new Map(document.numbers.map((n) => [n.id, n]));
  const sentences = sentenceNumberIds(document.siteBody);
  return {
    cell(table, row, column) {
      const term = traced.get(key(table, row, column));
      return term && { id: ids.get(key(table, row, column)), where: where(term) };
    },
    sentence(text, position) {
      const id = sentences.get(text)?.[position];
      const entry = id === undefined ? undefined : byId.get(id);
      return entry && { id: entry.id, where: where(entry.provenance) };
    },
  };
}
