/**
 * Empty some cells of a CSV file and change nothing else: the encoding
 * (UTF-8 with or without a byte-order mark, Windows-1252, UTF-16), the
 * separator, the quoting and the line ends stay byte for byte, so that the
 * file's diff under version control shows only the cleared cells.
 */
import iconv from "iconv-lite";
import { type Delimiter, type Encoding, toUtf8 } from "../load/decode.ts";

/** Where one field stands in the text, quotes included: [start, end). */
interface Span {
  start: number;
  end: number;
}

/**
 * The fields of every record, located in the text. Empty lines are skipped,
 * as the loader's parser skips them (csv-parse `skip_empty_lines`), so the
 * n-th record here is the loader's n-th record.
 */
export function fieldSpans(text: string, delimiter: Delimiter): Span[][] {
  const records: Span[][] = [];
  let at = text.startsWith("\ufeff") ? 1 : 0;
  const lineEnd = (i: number) => (text[i] === "\n" ? 1 : text[i] === "\r" && text[i + 1] === "\n" ? 2 : 0);
  while (at < text.length) {
    const empty = lineEnd(at);
    if (empty > 0) {
      at += empty;
      continue;
    }
    const fields: Span[] = [];
    for (;;) {
      const start = at;
      if (text[at] === '"') {
        at++;
        // A quote inside a quoted field is doubled.
        while (at < text.length && !(text[at] === '"' && text[at + 1] !== '"')) at += text[at] === '"' ? 2 : 1;
        at++;
      }
      while (at < text.length && text[at] !== delimiter && lineEnd(at) === 0) at++;
      fields.push({ start, end: at });
      if (text[at] === delimiter) {
        at++;
        continue;
      }
      at += lineEnd(at);
      break;
    }
    records.push(fields);
  }
  return records;
}

/** Text back to the bytes of its original encoding, byte-order mark as it was. */
function encode(text: string, encoding: Encoding, bom: boolean): Buffer {
  if (encoding === "utf-8") return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
  if (encoding === "windows-1252") return iconv.encode(text, "windows-1252");
  // UTF-16 is only read with its byte-order mark (load/decode.ts), which the decoder removed.
  return iconv.encode(text, encoding, { addBOM: true });
}

/**
 * The file with the given cells emptied: `cells` are [record, field] with
 * record 0 the header, as the loader numbers its records after it.
 */
export function clearCells(bytes: Uint8Array, delimiter: Delimiter, cells: [number, number][]): Buffer {
  const { utf8, encoding } = toUtf8(bytes);
  const bom = encoding === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = utf8.toString();
  const spans = fieldSpans(text, delimiter);
  const cleared = cells
    .map(([record, field]) => {
      const span = spans[record]?.[field];
      if (!span) throw new Error(`unreachable: no field ${field} in record ${record} of the file`);
      return span;
    })
    .sort((a, b) => b.start - a.start); // from the end, so earlier offsets stay right
  let out = text;
  for (const { start, end } of cleared) out = out.slice(0, start) + out.slice(end);
  return encode(out, encoding, bom);
}
