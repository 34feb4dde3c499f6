/**
 * Relations between facts and tables: a definition's `checks` says which
 * fact the prose cites for the table's N or total (how many answered), so
 * that a new count in the table and an old fact in the prose cannot both be
 * printed. Checked after compute, when both numbers exist.
 */
import type { Problem } from "../errors.ts";
import { CHECKED_TOTALS } from "../kinds/common.ts";
import type { ComputedTableBase, TableKind } from "../kinds/kind.ts";
import { compute } from "../messages/index.ts";
import type { Fact } from "./facts.ts";

export function checkRelations(
  table: ComputedTableBase,
  kind: TableKind,
  facts: Map<string, Fact>,
  definedIn: string,
  /** The table's data file as messages name it. */
  dataFile: string,
): Problem[] {
  const checks = table.definition.checks;
  if (!checks || !kind.totals) return []; // a kind without totals was refused at validate
  const totals = kind.totals(table);
  const problems: Problem[] = [];
  for (const name of CHECKED_TOTALS) {
    const fact = checks[name] === undefined ? undefined : facts.get(checks[name]);
    if (!fact || fact.value === totals[name]) continue; // an unknown fact was reported at validate
    problems.push({
      file: definedIn,
      column: `${table.id}.checks.${name}`,
      ...compute.relation({
        total: name,
        table: table.id,
        value: totals[name],
        dataFile,
        fact: fact.id,
        factValue: fact.value,
        factFile: fact.file,
        factRow: fact.row,
      }),
    });
  }
  return problems;
}
