/**
 * What spreadsheets save, decoded: Windows-1252 byte by byte over 0x80–0x9F
 * (where Node 20's own decoder gives C1 control characters), and Excel's
 * «Unicode-tekst» (UTF-16 with a byte-order mark, tab-separated).
 */
import { describe, expect, it } from "vitest";
import { parseCsv } from "../scripts/load/csv.ts";

/** Windows-1252 over 0x80–0x9F, from the WHATWG encoding index; null where it defines no character. */
const WINDOWS_1252: Record<number, string | null> = {
  128: "\u20ac",
  129: null,
  130: "\u201a",
  131: "\u0192",
  132: "\u201e",
  133: "\u2026",
  134: "\u2020",
  135: "\u2021",
  136: "\u02c6",
  137: "\u2030",
  138: "\u0160",
  139: "\u2039",
  140: "\u0152",
  141: null,
  142: "\u017d",
  143: null,
  144: null,
  145: "\u2018",
  146: "\u2019",
  147: "\u201c",
  148: "\u201d",
  149: "\u2022",
  150: "\u2013",
  151: "\u2014",
  152: "\u02dc",
  153: "\u2122",
  154: "\u0161",
  155: "\u203a",
  156: "\u0153",
  157: null,
  158: "\u017e",
  159: "\u0178",
};

/** A one-column file as Excel writes it: "kategori" and then "0<byte>1 lege" (semicolons, CRLF). */
const withByte = (byte: number) =>
  Buffer.concat([Buffer.from("kategori;antall\r\n0", "latin1"), Buffer.from([byte]), Buffer.from("1 lege;27\r\n")]);

const C1_CONTROLS = /[\u0080-\u009f]/;

describe("Windows-1252", () => {
  const defined = Object.entries(WINDOWS_1252).filter(([, c]) => c !== null);
  const undefinedBytes = Object.entries(WINDOWS_1252).filter(([, c]) => c === null);

  it("covers every byte from 0x80 to 0x9F", () => {
    expect(Object.keys(WINDOWS_1252).map(Number)).toEqual(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(undefinedBytes.map(([b]) => Number(b))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });

  it.each(defined)("decodes byte %s as its character, never a control character", (byte, character) => {
    const { table, problems } = parseCsv("data/test.csv", withByte(Number(byte)));
    expect(problems).toEqual([]);
    expect(table?.encoding).toBe("windows-1252");
    expect(table?.records).toEqual([{ row: 2, cells: [`0${character}1 lege`, "27"] }]);
    expect(table?.records[0].cells[0]).not.toMatch(C1_CONTROLS);
  });

  it.each(undefinedBytes)("names the file, row and column of byte %s, which Windows-1252 leaves undefined", (byte) => {
    const hex = Number(byte).toString(16).toUpperCase();
    const { table, problems } = parseCsv("data/test.csv", withByte(Number(byte)));
    expect(table).toBeUndefined();
    expect(problems).toEqual([
      {
        file: "data/test.csv",
        row: 2,
        column: "kategori",
        expected: "text in UTF-8 or Windows-1252",
        found: `0x${hex} in "0<0x${hex}>1 lege", a byte Windows-1252 leaves undefined`,
        hint: "in Excel, save as «CSV UTF-8 (kommadelt)»",
      },
    ]);
    expect(JSON.stringify(problems)).not.toMatch(C1_CONTROLS);
  });

  it("names each cell with such a byte, in the header too, and counts them in order", () => {
    const bytes = Buffer.concat([
      Buffer.from("kat"),
      Buffer.from([0x90]),
      Buffer.from(";antall\n"),
      Buffer.from("a"),
      Buffer.from([0x81, 0x96, 0x9d]),
      Buffer.from(";1\n"),
    ]);
    const { problems } = parseCsv("data/test.csv", bytes);
    expect(problems.map((p) => [p.row, p.column, p.found])).toEqual([
      [1, "kat?", '0x90 in "kat<0x90>", a byte Windows-1252 leaves undefined'],
      [2, "kat?", '0x81, 0x9D in "a<0x81>–<0x9D>", bytes Windows-1252 leaves undefined'],
    ]);
  });

  it("names the first hundred cells with such bytes and counts the rest", () => {
    const lines = ["kategori;antall", ...Array.from({ length: 250 }, () => "a\u0081;1")];
    const { problems } = parseCsv("data/test.csv", Buffer.from(lines.join("\n"), "latin1"));
    expect(problems).toHaveLength(101);
    expect(problems[99]).toEqual(expect.objectContaining({ row: 101, column: "kategori" }));
    expect(problems[100]).toEqual({
      file: "data/test.csv",
      expected: "text in UTF-8 or Windows-1252",
      found: "150 more cells with bytes Windows-1252 leaves undefined",
    });
  });
});

describe("Excel's «Unicode-tekst» (UTF-16, tab-separated)", () => {
  const text = "\ufeffstorrelse\tantall\tprosent_publisert\r\n0–1 lege\t27\t12,9\r\n«7 leger» eller flere\t15\t7\r\n";

  it.each([
    ["little-endian", "utf-16le", Buffer.from(text, "utf16le")],
    ["big-endian", "utf-16be", Buffer.from(text, "utf16le").swap16()],
  ])("loads %s with a byte-order mark", (_, encoding, bytes) => {
    expect([...bytes.subarray(0, 2)]).toEqual(encoding === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff]);
    const { table, problems } = parseCsv("data/test.csv", bytes);
    expect(problems).toEqual([]);
    expect(table).toEqual({
      file: "data/test.csv",
      header: ["storrelse", "antall", "prosent_publisert"],
      records: [
        { row: 2, cells: ["0–1 lege", "27", "12,9"] },
        { row: 3, cells: ["«7 leger» eller flere", "15", "7"] },
      ],
      delimiter: "\t",
      decimalMark: ",",
      encoding,
    });
  });

  it("refuses UTF-16 cut in the middle of a character", () => {
    const bytes = Buffer.from(text, "utf16le").subarray(0, 11);
    expect(parseCsv("data/test.csv", bytes).problems).toEqual([
      expect.objectContaining({ file: "data/test.csv", found: "text in broken UTF-16 LE (cut short or damaged)" }),
    ]);
  });
});
