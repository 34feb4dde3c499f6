import { kindOf } from "../kinds/definitions.ts";
import type { ComputedTableBase, KindLookups, PrintContext, TableKind } from "../kinds/kind.ts";

/**
 * Answers to "what does table X say about Y", as prose asks them: each
 * kind's lookups (kinds/<kind>/), found through the registry. Each returns
 * the number formatted as the table prints it; a key the table does not
 * have, or a question its kind cannot answer, throws a LookupError saying
 * what there is.
 */

export class LookupError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`expected ${expected}, found ${found}`);
  }
}

export const listed = (values: string[]) => values.map((v) => `"${v}"`).join(", ");

/** `value` if it is one of `known`, else a LookupError listing them. */
export function need(known: string[], value: string | undefined, what: string): string {
  if (value === undefined || !known.includes(value)) {
    throw new LookupError(`${what} (${listed(known)})`, value === undefined ? "nothing" : `"${value}"`);
  }
  return value;
}

export function expectArgs(keys: string[], count: number, usage: string) {
  if (keys.length !== count) throw new LookupError(usage, `${keys.length} arguments`);
}

/** What the lookups need besides the table: the kinds, and how the report prints numbers. */
export interface LookupContext extends PrintContext {
  kinds: readonly TableKind[];
}

type Part = keyof KindLookups<ComputedTableBase>;

/** What a table must be to answer a lookup, for the message when its kind has none. */
const WANTED: Record<Part, string> = {
  count: "a table with counts",
  percent: "a table with percentages",
  n: "a table with an N",
  value: "a table with values",
};

function lookups<P extends Part>(
  context: LookupContext,
  table: ComputedTableBase,
  part: P,
): NonNullable<KindLookups<ComputedTableBase>[P]> {
  const found = kindOf(context.kinds, table.kind).lookups[part];
  if (found) return found;
  const able = context.kinds.filter((k) => k.lookups[part]).map((k) => k.name);
  const kinds = able.length > 1 ? `${able.slice(0, -1).join(", ")} or ${able[able.length - 1]}` : able.join("");
  throw new LookupError(`${WANTED[part]} (${kinds})`, `a ${table.kind} table`);
}

/** A count: frequency categories (summed), a crosstab cell, row total or column total. */
export function lookupCount(table: ComputedTableBase, keys: string[], context: LookupContext): string {
  return lookups(context, table, "count")(table, keys, context);
}

/** A percentage as the table prints it; several categories are summed from their counts. */
export function lookupPercent(table: ComputedTableBase, keys: string[], context: LookupContext): string {
  return lookups(context, table, "percent")(table, keys, context);
}

/** N: the base of the table's percentages. */
export function lookupN(table: ComputedTableBase, context: LookupContext): string {
  return lookups(context, table, "n")(table, context);
}

/** A value as printed, by row and column or by column and field filters that pick one row. */
export function lookupValue(
  table: ComputedTableBase,
  keys: string[],
  filters: Record<string, string>,
  context: LookupContext,
): string {
  return lookups(context, table, "value")(table, keys, filters, context);
}
