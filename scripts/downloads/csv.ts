import type { Sheet } from "../kinds/kind.ts";
import type { Locale } from "../locale/index.ts";

/**
 * A sheet as a CSV file a spreadsheet in the report's language opens with its
 * numbers as numbers: the locale's separator and decimal mark (bokmål `;` and
 * `4,5`, English `,` and `4.5`), UTF-8 with a byte-order mark (without it
 * Excel reads UTF-8 as the system's code page), CRLF line ends (RFC 4180).
 * Numbers are written in full (15 significant digits), without thousands separators or exponents,
 * with an ASCII minus, so that the project's own reader (load/csv.ts) and
 * any spreadsheet read back exactly what was written. Quoting is RFC 4180's;
 * it is short enough not to need a library beside csv-parse.
 */
export function sheetCsv(sheet: Sheet, form: Locale["csv"]): string {
  const quote = (text: string) =>
    /[";,\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
  const cell = (value: string | number | null) =>
    value === null ? "" : typeof value === "number" ? plainNumber(value, form.decimalMark) : quote(guarded(value));
  const lines = [headerLabels(sheet).map(quote), ...sheet.rows.map((row) => row.map(cell))];
  return `\ufeff${lines.map((cells) => `${cells.join(form.separator)}\r\n`).join("")}`;
}

/**
 * The header as written: each column's label, trimmed, guarded (below), and
 * made unique with " (2)", " (3)" where a table repeats one; the names the
 * data package's schema gives the columns.
 */
export function headerLabels(sheet: Sheet): string[] {
  const seen = new Map<string, number>();
  return sheet.columns.map((column) => {
    const label = guarded(column.label.trim());
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

/**
 * Text a spreadsheet would run as a formula (a label beginning with `=`, `+`,
 * `-` or `@`) gets an apostrophe before it, as OWASP advises for CSV files;
 * numbers are never text here, so no number is touched.
 */
function guarded(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A number in full to 15 significant digits, as many as a spreadsheet keeps
 * and enough to drop binary noise (22 / 160 × 100 = 13.750000000000002 → "13,75"):
 * 14.473684210526317 → "14,4736842105263", 1.2e-10 → "0,00000000012".
 */
export function plainNumber(value: number, decimalMark: "," | "."): string {
  if (!Number.isFinite(value)) return "";
  const text = withoutExponent(Number(value.toPrecision(15)) || 0);
  return decimalMark === "." ? text : text.replace(".", decimalMark);
}

function withoutExponent(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = "", exponent] = match;
  const digits = whole + fraction;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
