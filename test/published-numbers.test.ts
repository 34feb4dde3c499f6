/**
 * Every number of every published table in data/ appears in the built HTML
 * and PDF, in its row and column. The expected values come from the data
 * files as transcribed from the source, read here independently of the
 * pipeline, and formatted the Norwegian way by a few plain rules.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { parse } from "csv-parse/sync";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { tableCells } from "./support/html-tables.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let work: string;
let $: cheerio.CheerioAPI;
let pdfText: string;

interface Definition {
  kind: string;
  data: string;
  category?: string;
  count?: string;
  publishedPercent?: string;
  nonResponse?: string[];
  publishedDiffers?: Record<string, string>;
  row?: string;
  column?: string;
  item?: string;
  percent?: string;
  rowHeader?: string;
  columns?: { field: string; format?: string }[];
}

const NBSP = "\u00a0";
/** "0.5" → "0,5"; "2693" → "2 693" (no-break space); as the source prints numbers, in Norwegian. */
function norwegian(text: string): string {
  const [whole, fraction] = text.split(".");
  const grouped =
    whole.length > 4 || (whole.length === 4 && !fraction) ? whole.replace(/\B(?=(\d{3})+$)/g, NBSP) : whole;
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/** The table definitions of every table the report places. */
/** A number in Norwegian form; text as it is. */
const asPrinted = (value: string) => (/^-?\d+(\.\d+)?$/.test(value) ? norwegian(value) : value);

async function definitions(): Promise<[string, Definition][]> {
  const all: [string, Definition][] = [];
  for (const file of (await readdir(join(root, "report", "tables"))).sort()) {
    all.push(
      ...Object.entries(
        JSON.parse(await readFile(join(root, "report", "tables", file), "utf8")) as Record<string, Definition>,
      ),
    );
  }
  return all.filter(([id]) => $(`#tabell-${id}`).length > 0);
}

async function rows(name: string): Promise<Record<string, string>[]> {
  return parse(await readFile(join(root, "data", `${name}.csv`), "utf8"), { columns: true });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-numbers-"));
  await build({ root, outDir: work });
  $ = cheerio.load(await readFile(join(work, "rapport.html"), "utf8"));
  const pdf = await getDocument({ data: new Uint8Array(await readFile(join(work, "rapport.pdf"))), verbosity: 0 })
    .promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  pdfText = pages.join(" ").replace(/\s+/g, " ");
  await pdf.destroy();
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("every published number, in its row and column", () => {
  it("comes from a table the report places: every table defined in report/tables/ is in the HTML", async () => {
    const defined: string[] = [];
    for (const file of await readdir(join(root, "report", "tables"))) {
      const tables = JSON.parse(await readFile(join(root, "report", "tables", file), "utf8")) as Record<
        string,
        { respondentsOnly?: boolean }
      >;
      // Tables only counted from respondent answers are not in the published build (see respondents-report.test.ts).
      defined.push(...Object.keys(tables).filter((id) => !tables[id].respondentsOnly));
    }
    expect(defined.filter((id) => $(`#tabell-${id}`).length === 0)).toEqual([]);
    expect(defined.length).toBeGreaterThanOrEqual(20);
  });

  it("is in the HTML for every table the report places", async () => {
    const checked: string[] = [];
    for (const [id, def] of await definitions()) {
      const data = await rows(def.data);
      const shown = tableCells($, id);
      expect(shown.length, `table ${id} is in the report`).toBeGreaterThan(0);
      const rowOf = (label: string) => shown.find((cells) => cells[0] === label);
      if (def.kind === "frequency" && def.category && def.count && def.publishedPercent) {
        for (const r of data) {
          const cells = rowOf(r[def.category]);
          expect(cells, `${id}: row ${r[def.category]}`).toBeDefined();
          expect(cells?.[1], `${id}: ${r[def.category]} count`).toBe(norwegian(r[def.count]));
          const percent = r[def.publishedPercent];
          if (percent !== "" && !def.publishedDiffers?.[r[def.category]]) {
            expect(cells?.[2], `${id}: ${r[def.category]} percent`).toBe(norwegian(percent));
          }
          checked.push(`${id}/${r[def.category]}`);
        }
      } else if (def.kind === "crosstab" && def.row && def.column && def.count && def.publishedPercent) {
        const columns = [...new Set(data.map((r) => r[def.column as string]))];
        for (const r of data) {
          const at = shown.findIndex((cells) => cells[0] === r[def.row as string]);
          const column = columns.indexOf(r[def.column]);
          // A row group: "<label> Antall …counts… total", then "Prosent …percents… 100".
          expect(shown[at]?.[2 + column], `${id}: ${r[def.row]} × ${r[def.column]} count`).toBe(
            norwegian(r[def.count]),
          );
          expect(shown[at + 1]?.[1 + column], `${id}: ${r[def.row]} × ${r[def.column]} percent`).toBe(
            norwegian(r[def.publishedPercent]),
          );
          checked.push(`${id}/${r[def.row]}/${r[def.column]}`);
        }
      } else if (def.kind === "multiresponse" && def.item && def.percent) {
        for (const r of data) {
          expect(rowOf(r[def.item])?.[1], `${id}: ${r[def.item]}`).toBe(norwegian(r[def.percent]));
          checked.push(`${id}/${r[def.item]}`);
        }
      } else if (def.kind === "grid" && def.rowHeader) {
        const columns = def.columns ?? [];
        // A p value prints at one precision: the published 0,000 as < 0,001, 0,02 as 0,020.
        const pValue = (text: string) =>
          Number(text) < 0.001 ? "<\u00a00,001" : Number(text).toFixed(3).replace(".", ",");
        data.forEach((r, i) => {
          const cells = shown[i + 1]; // after the header row
          expect(cells?.[0], `${id}: row ${i + 1}`).toBe(asPrinted(r[def.rowHeader as string]));
          columns.forEach(({ field, format }, j) => {
            expect(cells?.[j + 1], `${id}: row ${i + 1}, ${field}`).toBe(
              format === "p" ? pValue(r[field]) : asPrinted(r[field]),
            );
          });
          checked.push(`${id}/${i}`);
        });
      }
    }
    expect(checked.length).toBeGreaterThan(50);
  });

  it("is in the PDF text, on the line of its category, for every frequency table", async () => {
    for (const [id, def] of await definitions()) {
      if (def.kind !== "frequency" || !def.category || !def.count || !def.publishedPercent) continue;
      for (const r of await rows(def.data)) {
        const published = r[def.publishedPercent];
        const percent = published === "" || def.publishedDiffers?.[r[def.category]] ? "" : ` ${norwegian(published)}`;
        // A long category may wrap in the PDF: its last words then stand on the line with the numbers.
        const tail = r[def.category].split(" ").slice(-2).join(" ");
        expect(pdfText, `${id}: ${r[def.category]}`).toContain(`${tail} ${norwegian(r[def.count])}${percent}`);
      }
    }
  });

  it("is in the PDF text, row by row, for every table the report places (body and appendix)", async () => {
    // Line-end hyphenation splits a word as "kompe- tanse"; undo it on both sides, so only the words count.
    const joinHyphens = (text: string) => text.replace(/(\p{L})[-\u2010] (\p{L})/gu, "$1$2");
    const pdf = joinHyphens(pdfText);
    const missing: string[] = [];
    let checked = 0;
    for (const [id] of await definitions()) {
      // Body rows only: the HTML test above has matched each of them to data/, cell by cell.
      const rowsShown = tableCells($, id, "body").map((cells) => cells.filter((text) => text !== ""));
      for (const cells of rowsShown) {
        const expected = joinHyphens(cells.join(" ").replace(/\s+/g, " "));
        checked += 1;
        if (!pdf.includes(expected)) missing.push(`${id}: ${expected}`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });
});
