import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { problem } from "../messages/index.ts";

/**
 * Spreadsheet exports arrive as bytes in one of three encodings:
 * - UTF-16 with a byte-order mark, little- or big-endian: Excel's
 *   «Unicode-tekst» (tab-separated);
 * - UTF-8, with or without a byte-order mark;
 * - Windows-1252, from Excel's «CSV (semikolondelt)» in a Norwegian locale.
 * Bytes that are valid UTF-8 are read as UTF-8; anything else as
 * Windows-1252. The result is UTF-8 bytes, what the CSV parser reads: valid
 * UTF-8 passes through uncopied, which matters for a 50 MB file (a string of
 * it and the bytes again would cost three times its size). Windows-1252 comes from iconv-lite: Node 20's
 * `TextDecoder("windows-1252")` reads 0x80–0x9F as C1 control characters
 * (an en dash, 0x96, becomes U+0096), which would garble `0–1 lege`.
 */
export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export interface DecodedText {
  /** The text as UTF-8, without a byte-order mark. */
  utf8: Buffer;
  encoding: Encoding;
  /**
   * The bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), in
   * the order they occur. Each stands as U+FFFD in `text`, so the caller can
   * name the cell each is in; empty for the other encodings.
   */
  undefinedBytes: number[];
}

export class UnsupportedEncoding extends Error {
  /** `found` of the problem: what the text is in (messages/ brokenUtf16). */
  constructor(found: string) {
    super(found);
  }
}

/** Windows-1252 has no character for these five bytes; iconv-lite reads them as U+FFFD. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function toUtf8(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : undefined;
  if (utf16) {
    try {
      // `fatal` makes an odd byte count or a lone surrogate throw instead of turning into U+FFFD; the BOM is stripped.
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      return { utf8: Buffer.from(text), encoding: utf16, undefinedBytes: [] };
    } catch {
      throw new UnsupportedEncoding(problem.brokenUtf16(utf16 === "utf-16le" ? "UTF-16 LE" : "UTF-16 BE"));
    }
  }
  if (isUtf8(buffer)) {
    const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    return { utf8: buffer.subarray(bom), encoding: "utf-8", undefinedBytes: [] };
  }
  return {
    utf8: Buffer.from(iconv.decode(buffer, "windows-1252")),
    encoding: "windows-1252",
    undefinedBytes: Array.from(bytes.filter((b) => UNDEFINED_IN_WINDOWS_1252.has(b))),
  };
}

export type Delimiter = "," | ";" | "\t";

/**
 * The separator of a CSV file, read from its header line: Excel in a
 * Norwegian locale writes semicolons, because the comma is the decimal mark.
 */
export function detectDelimiter(text: string): Delimiter {
  const header = text.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0] ?? "";
  const outsideQuotes = header.replace(/"[^"]*"/g, "");
  const count = (d: string) => outsideQuotes.split(d).length - 1;
  const candidates: Delimiter[] = [";", "\t", ","];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}
