import { quoteFound } from "../errors.ts";
import type { FieldSchema } from "../load/schema.ts";
import { problem } from "../messages/index.ts";

export type Cell = string | number | null;

export type CellResult = { ok: true; value: Cell } | { ok: false; expected: string; found: string; hint?: string };

const GROUP = "[ \u00a0\u202f]"; // thousands are grouped with a space, a no-break space or a narrow one

const patterns = new Map<string, RegExp>();

/** A number as a spreadsheet in either locale writes it: `30 700`, `49,5`, `−4`, and for percentages `83 %`. */
function numberPattern(decimalMark: "," | ".", integer: boolean): RegExp {
  // Built once per kind: compiling it for every cell was most of the time a large file took.
  const key = `${decimalMark}${integer}`;
  const known = patterns.get(key);
  if (known) return known;
  const digits = `(\\d{1,3}(${GROUP}\\d{3})+|\\d+)`;
  const fraction = integer ? "" : `(\\${decimalMark}\\d+)?`;
  const bareFraction = integer ? "" : `|\\${decimalMark}\\d+`;
  const pattern = new RegExp(`^[+\\-\u2212]?(${digits}${fraction}${bareFraction})$`);
  patterns.set(key, pattern);
  return pattern;
}

function toNumber(text: string, decimalMark: "," | "."): number {
  const plain = text.replace(new RegExp(GROUP, "g"), "").replace("\u2212", "-");
  return Number(decimalMark === "," ? plain.replace(",", ".") : plain);
}

function describeType(field: FieldSchema): string {
  const { minimum, maximum } = field.constraints ?? {};
  return problem.cellType(field.type, minimum, maximum);
}

/** Type one cell as its field says, or say what was expected and found. */
export function parseCell(field: FieldSchema, text: string, decimalMark: "," | "." = "."): CellResult {
  const trimmed = text.trim();
  const constraints = field.constraints ?? {};
  if (trimmed === "") {
    return constraints.required
      ? { ok: false, ...problem.requiredCell(describeType(field)) }
      : { ok: true, value: null };
  }
  if (field.type === "string") {
    if (constraints.enum && !constraints.enum.includes(trimmed)) {
      return { ok: false, ...problem.notInEnum(constraints.enum, quoteFound(trimmed)) };
    }
    return { ok: true, value: trimmed };
  }
  // A percent sign may follow a decimal number (Excel's percent format); counts stay bare.
  const bare = field.type === "number" ? trimmed.replace(/\s*%$/, "") : trimmed;
  if (!numberPattern(decimalMark, field.type === "integer").test(bare)) {
    const otherMark = decimalMark === "," ? "." : ",";
    const hint =
      field.type === "integer"
        ? problem.hintCount
        : bare.includes(otherMark)
          ? problem.hintDecimalMark(decimalMark)
          : undefined;
    return { ok: false, ...problem.wrongType(describeType(field), quoteFound(trimmed), hint) };
  }
  const value = toNumber(bare, decimalMark);
  if (
    (constraints.minimum !== undefined && value < constraints.minimum) ||
    (constraints.maximum !== undefined && value > constraints.maximum)
  ) {
    return { ok: false, ...problem.wrongType(describeType(field), quoteFound(trimmed)) };
  }
  return { ok: true, value };
}
