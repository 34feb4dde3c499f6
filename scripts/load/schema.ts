import { z } from "zod";

/**
 * The schema kept beside each CSV file (`name.csv` → `name.schema.json`): a
 * subset of Frictionless Table Schema. Extra keys (notes on where a number
 * comes from, how an ambiguous value was read) are allowed and kept.
 */

const Constraints = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    enum: z.array(z.string()).min(1).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
  })
  .strict();

export const FieldSchema = z.looseObject({
  name: z.string().min(1),
  type: z.enum(["string", "integer", "number"]),
  title: z.string().optional(),
  description: z.string().optional(),
  constraints: Constraints.optional(),
});

export const TableSchemaSchema = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  fields: z.array(FieldSchema).min(1),
  primaryKey: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
});

export type FieldSchema = z.infer<typeof FieldSchema>;
export type TableSchema = z.infer<typeof TableSchemaSchema>;

export function primaryKeyOf(schema: TableSchema): string[] {
  const key = schema.primaryKey;
  if (key === undefined) return [];
  return typeof key === "string" ? [key] : key;
}
