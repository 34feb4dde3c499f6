import { type CsvError, type Options, Parser } from "csv-parse";
import { LISTED_PROBLEMS, type Problem } from "../errors.ts";
import { problem } from "../messages/index.ts";
import {
  type DecodedText,
  type Delimiter,
  detectDelimiter,
  type Encoding,
  toUtf8,
  UnsupportedEncoding,
} from "./decode.ts";

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
  let decoded: DecodedText;
  try {
    decoded = toUtf8(typeof input === "string" ? Buffer.from(input) : input);
  } catch (error) {
    if (!(error instanceof UnsupportedEncoding)) throw error;
    return {
      problems: [
        {
          file,
          ...problem.encoding(error.message),
        },
      ],
    };
  }
  const { utf8, encoding } = decoded;
  const firstLineEnd = utf8.indexOf(0x0a);
  const delimiter = detectDelimiter(utf8.subarray(0, firstLineEnd < 0 ? undefined : firstLineEnd).toString());
  const parsed = parseRecords(utf8, delimiter);
  if (parsed.error) {
    return {
      problems: [
        {
          file,
          row: typeof parsed.error.lines === "number" ? parsed.error.lines : undefined,
          ...problem.malformedCsv(parsed.error.message.replace(/^Invalid .*?: /, "")),
        },
      ],
    };
  }
  const rows = parsed.records;
  if (rows.length === 0) {
    return { problems: [{ file, ...problem.emptyFile() }] };
  }
  const header = rows[0].cells.map((name) => name.trim());
  if (decoded.undefinedBytes.length > 0) return { problems: undefinedByteProblems(file, header, rows, decoded) };
  return {
    table: {
      file,
      header,
      records: rows.slice(1),
      delimiter,
      decimalMark: delimiter === "," ? "." : ",",
      encoding,
    },
    problems: [],
  };
}

/** csv-parse's parser, as its own sync API drives it (csv-parse/lib/sync.js); the typings leave it out. */
interface ParserApi {
  parse(data: Buffer, end: boolean, push: (record: string[]) => void, close: () => void): CsvError | undefined;
}

/**
 * Every record with the line it ended on. csv-parse's sync API gives line
 * numbers only with `info`, which builds a ten-field object per record: for
 * 50 MB that took 15 s and 2.8 GB. Its parser keeps `info.lines` current as
 * each record is pushed, so we drive the parser and read the line there.
 */
function parseRecords(utf8: Buffer, delimiter: Delimiter): { records: RawTable["records"]; error?: CsvError } {
  const options: Options = { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true };
  const parser = new Parser(options);
  const api = (parser as unknown as { api?: ParserApi }).api;
  if (typeof api?.parse !== "function") throw new Error("csv-parse changed: its Parser has no api.parse");
  const records: RawTable["records"] = [];
  // The parser's record arrays have room for 17 cells; a copy of exact length halves what a big file holds.
  const error = api.parse(
    utf8,
    true,
    (cells) => records.push({ row: parser.info.lines, cells: cells.slice() }),
    () => {},
  );
  return { records, error };
}

/**
 * A byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) means the
 * file is in some other encoding: name each cell one is in, rather than load
 * a replacement character or a control character into the report.
 */
function undefinedByteProblems(
  file: string,
  header: string[],
  rows: RawTable["records"],
  decoded: DecodedText,
): Problem[] {
  const problems: Problem[] = [];
  // The n-th U+FFFD in the text is the n-th undefined byte: Windows-1252 decodes nothing else to U+FFFD.
  let next = 0;
  let more = 0;
  for (const { row, cells } of rows) {
    cells.forEach((cell, i) => {
      if (!cell.includes("\ufffd")) return;
      // A file in another encoding can have such a byte in every cell: name the first hundred.
      if (problems.length === LISTED_PROBLEMS) {
        more++;
        next += cell.split("\ufffd").length - 1;
        return;
      }
      const bytes: string[] = [];
      const shown = cell.replace(/\ufffd/g, () => {
        bytes.push(`0x${hex(decoded.undefinedBytes[next++])}`);
        return `<${bytes.at(-1)}>`;
      });
      problems.push({
        file,
        row,
        column: (header[i] ?? "").replace(/\ufffd/g, "?") || `${i + 1}`,
        ...problem.undefinedBytes(bytes, shown),
      });
    });
  }
  if (more > 0) {
    problems.push({
      file,
      ...problem.moreUndefinedBytes(more),
    });
  }
  return problems;
}

const hex = (byte: number | undefined) => (byte ?? 0).toString(16).toUpperCase().padStart(2, "0");
