/**
 * The web edition's downloads: every table and figure links to its numbers as
 * a CSV file written beside the HTML, and each file, read back through the
 * project's own CSV reader (load/csv.ts) and validated against the schema the
 * build wrote for it (validate/table.ts), gives the numbers of the computed
 * table. Bokmål files are `;`-separated with decimal commas and a byte-order
 * mark; an English project's are `,`-separated with decimal points. The ZIP
 * holds every file.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, loadAndCompute } from "../scripts/build.ts";
import type { RenderedChart } from "../scripts/chart/render-chart.ts";
import type { ComputedTable, ReportModel } from "../scripts/compute/model.ts";
import { citation } from "../scripts/downloads/cite.ts";
import { plainNumber, sheetCsv } from "../scripts/downloads/csv.ts";
import { Downloads } from "../scripts/downloads/index.ts";
import { fileNameOf } from "../scripts/downloads/names.ts";
import { figureSheet } from "../scripts/downloads/sheets.ts";
import type { CrosstabTable } from "../scripts/kinds/crosstab/index.ts";
import type { FrequencyTable } from "../scripts/kinds/frequency/index.ts";
import type { GridTable } from "../scripts/kinds/grid/index.ts";
import type { MultiResponseTable } from "../scripts/kinds/multiresponse/compute.ts";
import type { ScoredMeansTable } from "../scripts/kinds/scored-means/compute.ts";
import { parseCsv } from "../scripts/load/csv.ts";
import { isPlainName } from "../scripts/load/inside.ts";
import { TableSchemaSchema } from "../scripts/load/schema.ts";
import { en } from "../scripts/locale/en.ts";
import { nb } from "../scripts/locale/nb.ts";
import { createProject } from "../scripts/new/create-project.ts";
import { launchBrowser } from "../scripts/print/browser.ts";
import { renderDocument } from "../scripts/render/document.ts";
import type { DataRow } from "../scripts/validate/table.ts";
import { validateTable } from "../scripts/validate/table.ts";
import { MemoryWriter } from "../scripts/write/writer.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const OUT = "/virtual/out";

interface Built {
  writer: MemoryWriter;
  model: ReportModel;
  bytes(name: string): Uint8Array;
  text(name: string): string;
  has(name: string): boolean;
}

async function builtInMemory(projectRoot: string, editions?: string[]): Promise<Built> {
  const writer = new MemoryWriter();
  await build({ root: projectRoot, outDir: OUT, pdf: false, writer, editions });
  const { model } = await loadAndCompute({ root: projectRoot });
  const bytes = (name: string) => {
    const data = writer.files.get(join(OUT, name));
    if (data === undefined) throw new Error(`not written: ${name}`);
    return typeof data === "string" ? new TextEncoder().encode(data) : data;
  };
  return {
    writer,
    model,
    bytes,
    // The byte-order mark is kept, to be checked.
    text: (name) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes(name)),
    has: (name) => writer.files.has(join(OUT, name)),
  };
}

/** A downloaded CSV read back as the project reads its own data: parsed, then typed by the schema the build wrote for it. */
function readBack(built: Built, folder: string, file: string) {
  const parsed = parseCsv(file, built.bytes(`${folder}/${file}`));
  expect(parsed.problems).toEqual([]);
  const raw = parsed.table;
  if (!raw) throw new Error("unreachable");
  const descriptor = JSON.parse(built.text(`${folder}/datapackage.json`)) as {
    resources: { path: string; schema: unknown }[];
  };
  const resource = descriptor.resources.find((r) => r.path === file);
  expect(resource, `${file} in datapackage.json`).toBeDefined();
  const schema = TableSchemaSchema.parse(resource?.schema);
  const validated = validateTable(file, raw, schema);
  expect(validated.problems, file).toEqual([]);
  const rows = validated.table?.rows ?? [];
  const names = schema.fields.map((f) => f.name);
  return { raw, rows, names, cell: (row: DataRow, i: number) => row.values[names[i]] };
}

/** Every number of a computed table, compared with the file's: the same numbers, as the table prints them and in full. */
function expectSameNumbers(
  table: ComputedTable,
  { rows, cell, names }: { rows: DataRow[]; cell: (row: DataRow, i: number) => unknown; names: string[] },
) {
  const at = (r: number, i: number) => cell(rows[r], i);
  if (table.kind === "frequency") {
    const t = table as FrequencyTable;
    t.rows.forEach((row, r) => {
      expect([at(r, 0), at(r, 1), at(r, 2)]).toEqual([row.category, row.count, row.percent]);
      expect(at(r, 3)).toBe(full((row.count / t.base) * 100));
    });
    expect(at(t.rows.length, 1)).toBe(t.base);
    t.outside.forEach((row, i) => {
      expect([at(t.rows.length + 1 + i, 0), at(t.rows.length + 1 + i, 1)]).toEqual([row.category, row.count]);
    });
    if (t.outside.length > 0) expect(at(rows.length - 1, 1)).toBe(t.grandTotal);
  } else if (table.kind === "crosstab") {
    const t = table as CrosstabTable;
    t.rows.forEach((row, r) => {
      t.columns.forEach((column, c) => {
        expect(at(3 * r, 2 + c)).toBe(t.cells[row][column].count);
        expect(at(3 * r + 1, 2 + c)).toBe(t.cells[row][column].percent);
        expect(at(3 * r + 2, 2 + c)).toBe(full((t.cells[row][column].count / t.rowTotals[row]) * 100));
      });
      expect(at(3 * r, 2 + t.columns.length)).toBe(t.rowTotals[row]);
    });
    expect(at(3 * t.rows.length, 2 + t.columns.length)).toBe(t.grandTotal);
  } else if (table.kind === "grid" || table.kind === "groupComparison") {
    const t = table as unknown as GridTable;
    t.rows.forEach((row, r) => {
      expect(at(r, 0)).toBe(row.header);
      let i = 1;
      for (const column of t.columns) {
        const c = row.cells[column.field];
        const read = at(r, i);
        // A column holding a bound (`< 0,001`) is text: its numbers read back as the file writes them.
        const value =
          typeof read === "string" && /^-?\d+([.,]\d+)?$/.test(read) ? Number(read.replace(",", ".")) : read;
        // As printed: the number, formatted as the table formats it, is the table's text; a bound stays text.
        if (typeof value === "number") expect(format(value, c.decimals ?? 0)).toBe(c.text);
        else expect(value ?? "").toBe(c.text);
        // In full beside it, where the table prints fewer decimals than the number has.
        if (names[i + 1] === unrounded(column.label)) {
          expect(at(r, i + 1)).toBe(c.value === null ? null : full(c.value));
          i++;
        } else if (typeof value === "number") {
          expect(value).toBe(c.value);
        }
        i++;
      }
    });
  } else if (table.kind === "multiresponse") {
    const t = table as MultiResponseTable;
    t.rows.forEach((row, r) => {
      expect([at(r, 0), at(r, 1)]).toEqual([row.item, row.percent]);
    });
    expect(at(t.rows.length, 1)).toBe(t.base);
  } else if (table.kind === "scoredMeans") {
    const t = table as ScoredMeansTable;
    t.rows.forEach((row, r) => {
      expect([at(r, 0), at(r, 1), at(r, 2)]).toEqual([row.group, row.mean, row.items]);
      expect(Math.abs(Number(at(r, 3)) - row.mean)).toBeLessThan(0.5 * 10 ** -t.definition.decimals + 1e-9);
    });
  } else {
    throw new Error(`no comparison for kind ${table.kind}`);
  }
}

/** A number as the files keep it: 15 significant digits, as many as a spreadsheet has. */
const full = (value: number) => Number(value.toPrecision(15));
let format: (value: number, decimals: number) => string;
let unrounded: (label: string) => string;

describe("the shipped report's downloads", () => {
  let built: Built;
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    built = await builtInMemory(root);
    format = (value, decimals) => built.model.format.number(value, decimals);
    unrounded = built.model.locale.labels.downloads.unrounded;
    $ = cheerio.load(built.text("rapport.html"));
  }, 120_000);

  it("links every table and every figure to its CSV file, which the build wrote beside the HTML", () => {
    const blocks = $(".table-block, figure.chart").toArray();
    expect(blocks.length).toBe($(".table-block").length + $("figure.chart").length);
    expect($(".table-block").length).toBeGreaterThan(40);
    for (const block of blocks) {
      const links = $(block).find("p.download a");
      expect(links.length, $(block).attr("id")).toBe(1);
      const href = links.attr("href") ?? "";
      expect(href).toMatch(/^tall\/(tabell|figur)-[A-Za-z0-9._-]+\.csv$/);
      expect(built.has(decodeURI(href)), href).toBe(true);
      // Its text names the table or figure, so that every link says where it leads.
      const label = $(block).find(".label").first().text().toLowerCase();
      expect(links.text()).toBe(`Last ned tallene i ${label} (CSV)`);
    }
  });

  it("writes each table's CSV the way Excel in bokmål reads it: BOM, semicolons, decimal commas, CRLF", () => {
    const bytes = built.bytes("tall/tabell-utdanning.csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const { raw } = readBack(built, "tall", "tabell-utdanning.csv");
    expect(raw.delimiter).toBe(";");
    expect(raw.decimalMark).toBe(",");
    expect(raw.header).toEqual(["Hva slags type utdanning har du?", "Antall", "Prosent", "Prosent, uavrundet"]);
    // 1 of 208 prints as 0,5 (the report's rule); the unrounded share follows it in full.
    expect(text).toContain("\r\nAnnen høyere utdanning;1;0,5;0,480769230769231\r\n");
  });

  it("gives back, through the project's CSV reader, every number of every table it placed", () => {
    const tableLinks = $(".table-block p.download a").toArray();
    for (const link of tableLinks) {
      const href = decodeURI($(link).attr("href") ?? "");
      const id = ($(link).closest(".table-block").attr("id") ?? "").replace(/^tabell-/, "");
      const table = built.model.tables.get(id);
      expect(table, id).toBeDefined();
      if (!table) continue;
      expectSameNumbers(table, readBack(built, "tall", href.replace(/^tall\//, "")));
    }
  });

  it("gives each figure the numbers of every table it draws, each row under its table's title", () => {
    const ledelse = readBack(built, "tall", "figur-ledelse.csv");
    expect(ledelse.names.slice(0, 2)).toEqual(["Tabell", "Kategori"]);
    const titles = new Set(ledelse.rows.map((r) => r.values.Tabell));
    expect(titles).toEqual(
      new Set(["godt-ledet", "leder-ferdigheter"].map((id) => built.model.tables.get(id)?.definition.title)),
    );
    // One table's rows, read from the figure's file, are that table's numbers.
    const own = ledelse.rows.filter((r) => r.values.Tabell === built.model.tables.get("godt-ledet")?.definition.title);
    const table = built.model.tables.get("godt-ledet") as FrequencyTable;
    expect(own.map((r) => r.values.Antall)).toEqual([
      ...table.rows.map((r) => r.count),
      table.base,
      ...table.outside.map((r) => r.count),
      table.grandTotal,
    ]);
    // A figure of one table has that table's file, under its own name.
    expect($("#figur-bemanning-per-lege p.download a").attr("href")).toBe("tall/figur-bemanning-per-lege.csv");
    expect(built.text("tall/figur-bemanning-per-lege.csv")).toBe(built.text("tall/tabell-bemanning-per-lege.csv"));
  });

  it("puts every CSV, the text on citing them and the data package into one ZIP, linked from the bar and the colophon", () => {
    const folder = [...built.writer.files.keys()]
      .filter((p) => p.startsWith(join(OUT, "tall/")))
      .map((p) => p.slice(join(OUT, "tall/").length))
      .sort();
    expect(folder).toContain("LESMEG.txt");
    expect(folder).toContain("datapackage.json");
    const entries = unzipSync(built.bytes("rapport-tall.zip"));
    expect(Object.keys(entries).sort()).toEqual(folder.map((f) => `rapport-tall/${f}`));
    for (const f of folder) expect(entries[`rapport-tall/${f}`], f).toEqual(built.bytes(`tall/${f}`));
    expect($(".site-bar a.data-link").attr("href")).toBe("rapport-tall.zip");
    expect($(".colophon-data a[href='rapport-tall.zip']").text()).toBe(nb.labels.downloads.all);
    expect($(".colophon-data a[href='tall/LESMEG.txt']").length).toBe(1);
  });

  it("says how to cite the numbers, in the colophon and beside the files, and lists every file with its table or figure", () => {
    const cite =
      "Arbeidsforskningsinstituttet (AFI). Helsesekretærer ved fastlegekontor: Arbeidsvilkår, organisering, arbeidsmiljø og stress (AFI-notat 2010:14).";
    expect($(".colophon-data").text()).toContain(cite);
    const readme = built.text("tall/LESMEG.txt");
    expect(readme.startsWith("\ufeffHelsesekretærer ved fastlegekontor\r\n")).toBe(true);
    expect(readme).toContain(cite);
    for (const link of $("p.download a").toArray()) {
      const file = decodeURI($(link).attr("href") ?? "").replace(/^tall\//, "");
      const block = $(link).closest(".table-block, figure.chart");
      const label = block.find(".label").first().text();
      expect(readme).toContain(`  ${file}  ${label} `);
    }
    const pkg = JSON.parse(built.text("tall/datapackage.json"));
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.resources).toHaveLength($("p.download a").length);
    expect(pkg.resources[0].dialect.delimiter).toBe(";");
  });
});

describe("downloads in the PDF", () => {
  it("are not in the print edition's document at all, so that the PDF is what it was without them", async () => {
    const { sources, model, editions } = await loadAndCompute({ root });
    const charts = new Map<string, RenderedChart>(
      sources.charts.map((c) => [c.id, { id: c.id, file: c.file, meta: c.meta, svg: "<svg></svg>", narrow: false }]),
    );
    const downloads = new Downloads(model, sources.charts, "rapport").links(editions[0]);
    const render = (links?: typeof downloads) => {
      const { document } = renderDocument(sources, model, charts, {
        fonts: "",
        edition: editions[0],
        downloads: links,
      });
      if (!document) throw new Error("no document");
      return document;
    };
    const withLinks = render(downloads);
    expect(withLinks.html.match(/<p class="download">/g)?.length).toBe(
      withLinks.numbering.tables.size + withLinks.numbering.figures.size,
    );
    expect(withLinks.paged).not.toContain('class="download"');
    expect(withLinks.paged).not.toContain('class="colophon-data"');
    expect(withLinks.paged).toBe(render(undefined).paged);
  });

  it("are never shown when printed: the links under tables and figures, in the bar and in the colophon", async () => {
    const built = await builtInMemory(join(root, "test", "fixtures", "project"));
    const html = built.text(
      [...built.writer.files.keys()].find((p) => p.endsWith(".html"))?.slice(OUT.length + 1) ?? "",
    );
    expect(html).toContain('class="download"');
    const browser = await launchBrowser();
    try {
      const page = await browser.browser.newPage();
      await page.setContent(html, { waitUntil: "load" });
      const shown = `[...document.querySelectorAll(".download, .colophon-data, .data-link")].filter((e) => e.getClientRects().length > 0).length`;
      expect(await page.evaluate(shown)).toBeGreaterThan(0);
      await page.emulateMediaType("print");
      expect(await page.evaluate(shown)).toBe(0);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe("downloads of several editions and of a new English project", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "rapport-downloads-"));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("writes each edition's files into its own folder, its citation naming a union's edition", async () => {
    const built = await builtInMemory(root, ["afi", "fagforbundet"]);
    for (const edition of ["afi", "fagforbundet"]) {
      const $ = cheerio.load(built.text(`${edition}/rapport.html`));
      for (const link of $("p.download a, a.data-link").toArray()) {
        expect(built.has(`${edition}/${decodeURI($(link).attr("href") ?? "")}`)).toBe(true);
      }
      const entries = unzipSync(built.bytes(`${edition}/rapport-tall.zip`));
      expect(Object.keys(entries)).toContain("rapport-tall/LESMEG.txt");
    }
    expect(built.text("fagforbundet/tall/LESMEG.txt")).toContain("Utgave for Fagforbundet.");
    expect(built.text("afi/tall/LESMEG.txt")).not.toContain("Utgave for");
  }, 120_000);

  it("writes an English project's files with commas and decimal points, named in English", async () => {
    const project = join(work, "wellbeing");
    createProject(project, "en");
    const built = await builtInMemory(project);
    const $ = cheerio.load(built.text("report.html"));
    const links = $("p.download a").toArray();
    expect(links.length).toBe($(".table-block").length + $("figure.chart").length);
    expect($(links[0]).text()).toMatch(/^Download the numbers in (table|figure) \d+ \(CSV\)$/);
    expect(built.has("report-data.zip")).toBe(true);
    expect(built.has("data/README.txt")).toBe(true);
    for (const link of links) {
      const href = decodeURI($(link).attr("href") ?? "");
      expect(href).toMatch(/^data\/(table|figure)-.+\.csv$/);
      const read = readBack(built, "data", href.replace(/^data\//, ""));
      expect(read.raw.delimiter).toBe(",");
      expect(read.raw.decimalMark).toBe(".");
      const block = $(link).closest(".table-block");
      if (block.length === 0) continue;
      const table = built.model.tables.get((block.attr("id") ?? "").replace(/^table-/, ""));
      expect(table).toBeDefined();
      if (table) expectSameNumbers(table, read);
    }
    const text = built.text(decodeURI($(".table-block p.download a").first().attr("href") ?? ""));
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(text).toMatch(/\d\.\d/);
    expect(text).not.toContain(";");
  }, 120_000);
});

describe("a sheet as CSV", () => {
  const sheet = (rows: (string | number | null)[][], labels = ["A", "B"]) => ({
    columns: labels.map((label) => ({ label, type: "string" as const })),
    rows,
  });

  it("writes numbers in full, without exponents, grouping or a typographic minus", () => {
    expect(plainNumber(14.473684210526317, ",")).toBe("14,4736842105263");
    expect(plainNumber((22 / 160) * 100, ".")).toBe("13.75");
    expect(plainNumber(1.2e-10, ",")).toBe("0,00000000012");
    expect(plainNumber(-4.5, ".")).toBe("-4.5");
    expect(plainNumber(30700, ",")).toBe("30700");
    expect(plainNumber(1e21, ".")).toBe("1000000000000000000000");
    expect(plainNumber(-0, ".")).toBe("0");
  });

  it("quotes what must be quoted, and keeps text a spreadsheet would run as a formula from running", () => {
    const csv = sheetCsv(
      sheet([
        ['Si "ja"; eller nei', "=SUM(A1)"],
        ["+65 år", -3],
      ]),
      nb.csv,
    );
    expect(csv).toBe('\ufeffA;B\r\n"Si ""ja""; eller nei";\'=SUM(A1)\r\n\'+65 år;-3\r\n');
    const parsed = parseCsv("x.csv", csv).table;
    expect(parsed?.records.map((r) => r.cells)).toEqual([
      ['Si "ja"; eller nei', "'=SUM(A1)"],
      ["'+65 år", "-3"],
    ]);
  });

  it("makes a repeated header unique, so that the file reads back", () => {
    expect(sheetCsv(sheet([], ["Prosent", "Prosent"]), en.csv)).toBe("\ufeffProsent,Prosent (2)\r\n");
  });

  it("stacks the tables of a figure under their titles, sharing the columns they name alike", () => {
    const a = { title: "T1", sheet: { ...sheet([["x", 1]], ["Q1", "Antall"]) } };
    const b = { title: "T2", sheet: { ...sheet([["y", 2]], ["Q2", "Antall"]) } };
    const stacked = figureSheet([a, b], nb.labels);
    expect(stacked.columns.map((c) => c.label)).toEqual(["Tabell", "Kategori", "Antall"]);
    expect(stacked.rows).toEqual([
      ["T1", "x", 1],
      ["T2", "y", 2],
    ]);
  });

  it("names a file after an id that is a plain name, and safely after one that is not", () => {
    expect(fileNameOf("utdanning")).toBe("utdanning");
    for (const id of ["../etc/passwd", "a b/c", "Lønn?", "..", "…"]) {
      const name = fileNameOf(id);
      expect(isPlainName(name), `${id} → ${name}`).toBe(true);
      expect(name).not.toBe(fileNameOf(`${id}x`));
    }
  });

  it("cites the report as APA does, with authors, date and publisher when it has them", () => {
    expect(
      citation({
        title: "Trivsel",
        subtitle: "En undersøkelse",
        authors: ["Kari Nordmann", "Ola Nordmann"],
        publisher: "Instituttet",
        published: "2026",
        series: "Notat 2026:3",
      }),
    ).toBe("Kari Nordmann, Ola Nordmann (2026). Trivsel: En undersøkelse (Notat 2026:3). Instituttet.");
    expect(citation({ title: "Why?", authors: [] })).toBe("Why?");
  });
});
