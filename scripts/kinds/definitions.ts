import { z } from "zod";
import type { KindSchema, TableDefinitionBase, TableKind } from "./kind.ts";

/** One table definition of any registered kind, as parsed. */
export type TableDefinition = TableDefinitionBase;
export type TableDefinitions = Record<string, TableDefinition>;

/** A table definition's schema: one discriminated union over the kinds' schemas, by `kind`. */
export function tableDefinitionSchema(kinds: readonly TableKind[]): z.ZodType<TableDefinition> {
  const [first, ...rest] = kinds.map((k) => k.schema);
  if (!first) throw new RangeError("a registry needs at least one table kind");
  const options: [KindSchema<TableDefinition>, ...KindSchema<TableDefinition>[]] = [first, ...rest];
  return z.discriminatedUnion("kind", options);
}

/** report/tables/*.json: table id → definition. */
export function tableDefinitionsSchema(kinds: readonly TableKind[]): z.ZodType<TableDefinitions> {
  return z.record(z.string().regex(/^[a-z0-9-]+$/), tableDefinitionSchema(kinds));
}

/** The kind a definition or computed table names; the schema let no other kind through. */
export function kindOf(kinds: readonly TableKind[], name: string): TableKind {
  const kind = kinds.find((k) => k.name === name);
  if (!kind) throw new Error(`unreachable: no table kind "${name}" in the registry (${kinds.map((k) => k.name)})`);
  return kind;
}
