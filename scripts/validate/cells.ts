import { quoteFound } from "../errors.ts";
import type { FieldSchema } from "../load/schema.ts";

export type Cell = string | number | null;

export type CellResult = { ok: true; value: Cell } | { ok: false; expected: string; found: string; hint?: string };

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function describeType(field: FieldSchema): string {
  const { minimum, maximum } = field.constraints ?? {};
  const noun = field.type === "integer" ? "a whole number" : field.type === "number" ? "a number" : "text";
  if (minimum !== undefined && maximum !== undefined) return `${noun} from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return `${noun} ≥ ${minimum}`;
  if (maximum !== undefined) return `${noun} ≤ ${maximum}`;
  return noun;
}

/** Type one cell as its field says, or say what was expected and found. */
export function parseCell(field: FieldSchema, text: string): CellResult {
  const trimmed = text.trim();
  const constraints = field.constraints ?? {};
  if (trimmed === "") {
    return constraints.required
      ? { ok: false, expected: `${describeType(field)} (required)`, found: "an empty cell" }
      : { ok: true, value: null };
  }
  if (field.type === "string") {
    if (constraints.enum && !constraints.enum.includes(trimmed)) {
      return {
        ok: false,
        expected: `one of ${constraints.enum.map((v) => `"${v}"`).join(", ")}`,
        found: quoteFound(trimmed),
        hint: "categories must be spelt exactly as in the schema; add a new category to the schema's enum first",
      };
    }
    return { ok: true, value: trimmed };
  }
  const pattern = field.type === "integer" ? INTEGER : NUMBER;
  if (!pattern.test(trimmed)) {
    return {
      ok: false,
      expected: describeType(field),
      found: quoteFound(trimmed),
      hint: field.type === "integer" ? "counts are whole numbers without spaces or units" : undefined,
    };
  }
  const value = Number(trimmed);
  if (
    (constraints.minimum !== undefined && value < constraints.minimum) ||
    (constraints.maximum !== undefined && value > constraints.maximum)
  ) {
    return { ok: false, expected: describeType(field), found: quoteFound(trimmed) };
  }
  return { ok: true, value };
}
