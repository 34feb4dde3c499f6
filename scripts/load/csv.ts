import { parse } from "csv-parse/sync";
import type { Problem } from "../errors.ts";
import { type Delimiter, decodeText, detectDelimiter, type Encoding, UnsupportedEncoding } from "./decode.ts";

/** A CSV file as text cells, before any typing. */
export interface RawTable {
  /** Path relative to the project root, for messages. */
  file: string;
  header: string[];
  /** Data records with the spreadsheet row each started on (header = row 1). */
  records: { row: number; cells: string[] }[];
  delimiter: Delimiter;
  /** "," in semicolon- or tab-separated files (Excel in a Norwegian locale), "." in comma-separated ones. */
  decimalMark: "," | ".";
  encoding: Encoding;
}

/**
 * Parse CSV text with a real CSV parser (quotes, embedded commas and line
 * breaks). Ragged rows are kept as they are so validation can name them.
 */
export function parseCsv(file: string, input: string | Uint8Array): { table?: RawTable; problems: Problem[] } {
  let decoded: { text: string; encoding: Encoding };
  try {
    decoded = typeof input === "string" ? { text: input, encoding: "utf-8" } : decodeText(input);
  } catch (error) {
    if (!(error instanceof UnsupportedEncoding)) throw error;
    return {
      problems: [
        {
          file,
          expected: "text in UTF-8 or Windows-1252",
          found: error.message,
          hint: "in Excel, save as «CSV UTF-8 (kommadelt)» or «CSV (semikolondelt)»",
        },
      ],
    };
  }
  const { text, encoding } = decoded;
  const delimiter = detectDelimiter(text);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read; the typings do not model that.
    rows = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return {
      problems: [
        {
          file,
          row: lines,
          expected: "well-formed CSV",
          found: (error as Error).message.replace(/^Invalid .*?: /, ""),
          hint: "check quotes: a cell that contains a comma or a line break must be in double quotes",
        },
      ],
    };
  }
  if (rows.length === 0) {
    return { problems: [{ file, expected: "a header row and data rows", found: "an empty file" }] };
  }
  const [headerRow, ...dataRows] = rows;
  return {
    table: {
      file,
      header: headerRow.record.map((name) => name.trim()),
      records: dataRows.map(({ record, info }) => ({ row: info.lines, cells: record })),
      delimiter,
      decimalMark: delimiter === "," ? "." : ",",
      encoding,
    },
    problems: [],
  };
}
