/**
 * Spreadsheet exports arrive as bytes in one of two encodings: UTF-8 (with
 * or without a byte-order mark) or, from Excel in a Norwegian locale,
 * Windows-1252. Bytes that are valid UTF-8 are read as UTF-8; anything else
 * as Windows-1252 (every byte sequence is valid there, so æøå come out right
 * and nothing is lost). Node's built-in decoders do the work.
 */
export type Encoding = "utf-8" | "windows-1252";

export class UnsupportedEncoding extends Error {
  constructor(readonly encoding: string) {
    super(`text in ${encoding}`);
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnsupportedEncoding("UTF-16 (Excel's «Unicode-tekst»)");
  }
  try {
    // `fatal` makes invalid UTF-8 throw instead of turning into U+FFFD; the BOM is stripped.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
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
