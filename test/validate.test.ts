import { describe, expect, it } from "vitest";
import { formatProblem, type Problem } from "../scripts/errors.ts";
import { parseCsv } from "../scripts/load/csv.ts";
import type { TableSchema } from "../scripts/load/schema.ts";
import { validateTable } from "../scripts/validate/table.ts";

const schema: TableSchema = {
  fields: [
    {
      name: "utdanning",
      type: "string",
      constraints: { required: true, enum: ["Sykepleier", "Bioingeniør", "Ikke besvart"] },
    },
    { name: "antall", type: "integer", constraints: { required: true, minimum: 0 } },
    { name: "prosent", type: "number", constraints: { minimum: 0, maximum: 100 } },
  ],
  primaryKey: "utdanning",
};

function tableOf(parsed: ReturnType<typeof parseCsv>) {
  if (!parsed.table) throw new Error(`expected a parsed table, got ${JSON.stringify(parsed.problems)}`);
  return parsed.table;
}

function check(text: string): { problems: Problem[]; rows?: number } {
  const parsed = parseCsv("data/test.csv", text);
  if (!parsed.table) return { problems: parsed.problems };
  const result = validateTable("test", parsed.table, schema);
  return { problems: result.problems, rows: result.table?.rows.length };
}

describe("loading and validating a CSV file against its schema", () => {
  it("types a good file", () => {
    const parsed = parseCsv("data/test.csv", "utdanning,antall,prosent\nSykepleier,8,4\nBioingeniør,2,1\n");
    expect(parsed.problems).toEqual([]);
    const result = validateTable("test", tableOf(parsed), schema);
    expect(result.problems).toEqual([]);
    expect(result.table?.rows.map((r) => r.values)).toEqual([
      { utdanning: "Sykepleier", antall: 8, prosent: 4 },
      { utdanning: "Bioingeniør", antall: 2, prosent: 1 },
    ]);
  });

  it("handles quoted cells with commas, a byte-order mark and CRLF line ends", () => {
    const parsed = parseCsv("data/test.csv", '\ufeffutdanning,antall,prosent\r\n"Sykepleier",8,4\r\n');
    const result = validateTable("test", tableOf(parsed), schema);
    expect(result.problems).toEqual([]);
    expect(result.table?.rows[0].values.utdanning).toBe("Sykepleier");
  });

  it("names file, row and column for text in a count column", () => {
    const { problems } = check("utdanning,antall,prosent\nSykepleier,8,4\nBioingeniør,to,1\n");
    expect(problems).toEqual([
      expect.objectContaining({
        file: "data/test.csv",
        row: 3,
        column: "antall",
        expected: "a whole number ≥ 0",
        found: '"to"',
      }),
    ]);
    expect(formatProblem(problems[0])).toMatch(
      /^data\/test\.csv, row 3, column "antall": expected a whole number ≥ 0, found "to"/,
    );
  });

  it("reports every problem of a file in one run", () => {
    const { problems } = check(
      "utdanning,antall,prosent\nSykepleier,-1,4\nTannlege,2,1\nBioingeniør,2,120\nSykepleier,3,\nIkke besvart,,\n",
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, "antall"], // negative count
      [3, "utdanning"], // not an allowed category
      [4, "prosent"], // over 100
      [6, "antall"], // required but empty
      [5, "utdanning"], // duplicate key
    ]);
    expect(problems.find((p) => p.row === 3)?.found).toBe('"Tannlege"');
    expect(problems.find((p) => p.row === 5)?.found).toMatch(/first on row 2/);
  });

  it("names missing and extra columns in the header", () => {
    const { problems } = check("utdanning,antall,kommentar\nSykepleier,8,x\n");
    expect(problems).toEqual([
      expect.objectContaining({ row: 1, column: "prosent", found: "no such column in the header" }),
      expect.objectContaining({ row: 1, column: "kommentar", found: 'an extra column "kommentar"' }),
    ]);
  });

  it("names a row with too many cells", () => {
    const { problems } = check("utdanning,antall,prosent\nSykepleier,8,4,9\n");
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, expected: "3 cells, one per column", found: "4 cells" }),
    ]);
  });

  it("rejects an empty file and a header without rows", () => {
    expect(check("").problems).toEqual([expect.objectContaining({ found: "an empty file" })]);
    expect(check("utdanning,antall,prosent\n").problems).toEqual([expect.objectContaining({ found: "only a header" })]);
  });

  it("names the line of malformed CSV", () => {
    const { problems } = check('utdanning,antall,prosent\nSykepleier,8,4\n"Bioingeniør,2,1\n');
    expect(problems).toEqual([expect.objectContaining({ file: "data/test.csv", expected: "well-formed CSV" })]);
  });
});

describe("spreadsheet exports from Excel in a Norwegian locale", () => {
  const excelSchema: TableSchema = {
    fields: [
      { name: "utdanning", type: "string", constraints: { required: true } },
      { name: "antall", type: "integer", constraints: { minimum: 0 } },
      { name: "prosent", type: "number", constraints: { minimum: 0, maximum: 100 } },
    ],
  };
  const load = (input: string | Uint8Array) => {
    const parsed = parseCsv("data/eksport.csv", input);
    const result = validateTable("eksport", tableOf(parsed), excelSchema);
    return { parsed, result };
  };

  it("reads semicolons, decimal commas, grouped thousands, percent signs and CRLF", () => {
    const { parsed, result } = load(
      "utdanning;antall;prosent\r\nSykepleier;1\u00a0208;49,5 %\r\nBioingeniør;12 000;0,5\r\n",
    );
    expect(parsed.table?.delimiter).toBe(";");
    expect(result.problems).toEqual([]);
    expect(result.table?.rows.map((r) => r.values)).toEqual([
      { utdanning: "Sykepleier", antall: 1208, prosent: 49.5 },
      { utdanning: "Bioingeniør", antall: 12000, prosent: 0.5 },
    ]);
  });

  it("reads Windows-1252 bytes and UTF-8 with a byte-order mark to the same values", () => {
    const text = "utdanning;antall;prosent\r\nBioingeniør;2;1\r\nHelsesekretær;172;83\r\n";
    const windows1252 = Buffer.from(text, "latin1"); // æøå have the same bytes in Latin-1 and Windows-1252
    const utf8WithBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    const a = load(windows1252);
    const b = load(utf8WithBom);
    expect(a.parsed.table?.encoding).toBe("windows-1252");
    expect(b.parsed.table?.encoding).toBe("utf-8");
    expect(a.result.table?.rows.map((r) => r.values)).toEqual(b.result.table?.rows.map((r) => r.values));
    expect(a.result.table?.rows[0].values.utdanning).toBe("Bioingeniør");
  });

  it("refuses a decimal point in a semicolon file instead of guessing", () => {
    const { result } = load("utdanning;antall;prosent\nSykepleier;8;49.5\n");
    expect(result.problems).toEqual([
      expect.objectContaining({ row: 2, column: "prosent", found: '"49.5"', hint: expect.stringContaining('","') }),
    ]);
  });

  it("refuses a percent sign on a count and badly grouped thousands", () => {
    const { result } = load("utdanning;antall;prosent\nSykepleier;8 %;4\nBioingeniør;12 00;1\n");
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "antall"],
      [3, "antall"],
    ]);
  });
});
