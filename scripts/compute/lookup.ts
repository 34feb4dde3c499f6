import { kindOf } from "../kinds/definitions.ts";
import type { ComputedTableBase, KindLookups, PrintContext, TableKind } from "../kinds/kind.ts";
import { lookup as said } from "../messages/index.ts";

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

/** `value` if it is one of `known`, else a LookupError listing them. */
export function need(known: string[], value: string | undefined, what: string): string {
  if (value === undefined || !known.includes(value)) {
    throw new LookupError(said.oneOf(what, known), value === undefined ? said.nothing : said.quoted(value));
  }
  return value;
}

export function expectArgs(keys: string[], count: number, usage: string) {
  if (keys.length !== count) throw new LookupError(usage, said.argumentCount(keys.length));
}

/** What the lookups need besides the table: the kinds, and how the report prints numbers. */
export interface LookupContext extends PrintContext {
  kinds: readonly TableKind[];
}

type Part = keyof KindLookups<ComputedTableBase>;

function lookups<P extends Part>(
  context: LookupContext,
  table: ComputedTableBase,
  part: P,
): NonNullable<KindLookups<ComputedTableBase>[P]> {
  const found = kindOf(context.kinds, table.kind).lookups[part];
  if (found) return found;
  const able = context.kinds.filter((k) => k.lookups[part]).map((k) => k.name);
  throw new LookupError(`${said.wanted[part]} (${said.kinds(able)})`, said.aKindTable(table.kind));
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
