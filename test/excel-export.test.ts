/**
 * The whole shipped data set saved as Excel in a Norwegian locale saves it,
 * built into a report byte-identical to the one from the UTF-8 originals:
 * «CSV (semikolondelt)» (Windows-1252, semicolons, decimal commas, CRLF) and
 * «Unicode-tekst» (UTF-16 LE with a byte-order mark, tabs, decimal commas).
 * The data has en dashes (`0–1 lege`): byte 0x96 in Windows-1252.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let work: string;
let utf8Html: Buffer;

/** A data file as Excel writes it: cells quoted only when they must be, number fields with a decimal comma. */
async function asExcel(name: string, separator: ";" | "\t"): Promise<string> {
  const rows: string[][] = parse(await readFile(join(root, "data", `${name}.csv`), "utf8"), { bom: true });
  const schema = JSON.parse(await readFile(join(root, "data", `${name}.schema.json`), "utf8")) as {
    fields: { name: string; type: string }[];
  };
  const numeric = rows[0].map((column) => schema.fields.find((f) => f.name === column)?.type === "number");
  const cell = (text: string) => (/[";\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return rows
    .map((row, r) => row.map((text, i) => cell(r > 0 && numeric[i] ? text.replace(".", ",") : text)).join(separator))
    .map((line) => `${line}\r\n`)
    .join("");
}

/** A copy of data/ (schemas and svar/ included) with every CSV file saved the Excel way. */
async function excelDataDir(folder: string, save: (name: string) => Promise<Buffer>): Promise<string> {
  const dataDir = join(work, folder);
  await cp(join(root, "data"), dataDir, { recursive: true });
  const names = (await readdir(join(root, "data"))).filter((n) => n.endsWith(".csv")).map((n) => n.slice(0, -4));
  expect(names.length).toBeGreaterThan(40);
  for (const name of names) await writeFile(join(dataDir, `${name}.csv`), await save(name));
  return dataDir;
}

async function htmlFrom(dataDir: string | undefined, out: string): Promise<Buffer> {
  await build({ root, dataDir, outDir: join(work, out), pdf: false, pageCache: false });
  return readFile(join(work, out, "rapport.html"));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-excel-"));
  utf8Html = await htmlFrom(undefined, "out-utf8");
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the shipped data saved from Excel", () => {
  it("as «CSV (semikolondelt)», Windows-1252, builds the same HTML byte for byte", async () => {
    const dataDir = await excelDataDir("data-windows-1252", async (name) =>
      iconv.encode(await asExcel(name, ";"), "windows-1252"),
    );
    // The export really has the bytes Node 20's TextDecoder gets wrong.
    expect([...(await readFile(join(dataDir, "kontorstorrelse.csv")))]).toContain(0x96);
    const html = await htmlFrom(dataDir, "out-windows-1252");
    expect(html.toString("utf8")).toContain("0–1 lege");
    expect(html.equals(utf8Html)).toBe(true);
  });

  it("as «Unicode-tekst», UTF-16 LE with tabs, builds the same HTML byte for byte", async () => {
    const dataDir = await excelDataDir("data-utf-16", async (name) =>
      Buffer.from(`\ufeff${await asExcel(name, "\t")}`, "utf16le"),
    );
    expect([...(await readFile(join(dataDir, "kontorstorrelse.csv"))).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const html = await htmlFrom(dataDir, "out-utf-16");
    expect(html.equals(utf8Html)).toBe(true);
  });
});
