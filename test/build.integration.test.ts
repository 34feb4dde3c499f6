import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import CSL from "citeproc";
import { parse } from "csv-parse/sync";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { messagesFor } from "../scripts/messages/index.ts";

const nb = messagesFor("nb");

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** The published table as transcribed in data/, read independently of the pipeline. */
async function publishedRows(name: string): Promise<Record<string, string>[]> {
  return parse(await readFile(join(root, "data", `${name}.csv`), "utf8"), { columns: true });
}

/** How the source prints a percentage, written the Norwegian way: "0.5" → "0,5". */
const norwegian = (text: string) => text.replace(".", ",");

/** The text of each page as lines, top to bottom (items sharing a baseline make one line). */
async function pdfLines(path: string): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const lines = new Map<number, string[]>();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const y = Math.round(item.transform[5]);
      lines.set(y, [...(lines.get(y) ?? []), item.str]);
    }
    pages.push(
      [...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, parts]) => parts.join(" ").replace(/\s+/g, " ").trim()),
    );
  }
  await pdf.destroy();
  return pages;
}

async function pdfPages(path: string): Promise<{ width: number; height: number; text: string }[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push({ width, height, text: text.replace(/\s+/g, " ") });
  }
  await pdf.destroy();
  return pages;
}

let work: string;
let outDir: string;
let $: cheerio.CheerioAPI;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-test-"));
  outDir = join(work, "out");
  await build({ root, outDir });
  $ = cheerio.load(await readFile(join(outDir, "rapport.html"), "utf8"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the built HTML", () => {
  it("is Norwegian", () => {
    expect($("html").attr("lang")).toBe("nb");
  });

  it.each([
    ["utdanning", "Helsesekretærenes utdanning", "utdanning"],
    ["kontorstorrelse", "Størrelse på fastlegekontorene", "storrelse"],
  ])("shows table %s with the published counts and percentages", async (id, caption, categoryColumn) => {
    const table = $(`#tabell-${id} table`);
    expect(table.find("caption").text()).toContain(caption);
    const shown = new Map(
      table
        .find("tbody tr")
        .toArray()
        .map((tr) => [
          $(tr).find("th").text(),
          $(tr)
            .find("td")
            .toArray()
            .map((td) => $(td).text()),
        ]),
    );
    const published = (await publishedRows(id)).filter((r) => r.prosent_publisert !== "");
    expect(shown.size).toBe(published.length);
    for (const row of published) {
      expect(shown.get(row[categoryColumn]), row[categoryColumn]).toEqual([
        row.antall,
        norwegian(row.prosent_publisert),
      ]);
    }
  });

  it("shows the totals and the non-response of Tabell 1", () => {
    const foot = $("#tabell-utdanning tfoot tr")
      .toArray()
      .map((tr) =>
        $(tr)
          .children()
          .toArray()
          .map((cell) => $(cell).text())
          .join(" ")
          .trim(),
      );
    expect(foot).toEqual(["Totalt 208 100", "Ikke besvart 2", "Totalt 210"]);
  });

  it("numbers tables and figures in order of appearance", () => {
    const labels = (selector: string) =>
      $(selector)
        .toArray()
        .map((e) => $(e).text());
    const tables = labels("caption .label");
    const figures = labels("figcaption .label");
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables).toEqual(tables.map((_, i) => `Tabell ${i + 1}`));
    expect(figures).toEqual(figures.map((_, i) => `Figur ${i + 1}`));
    expect($("#tabell-utdanning caption .label").text()).toBe("Tabell 1");
    expect($('a.xref[href="#tabell-kontorstorrelse"]').first().text()).toBe("tabell\u00a02");
  });

  it("has one SVG chart per figure, with a text alternative", () => {
    const figures = $("figure.chart");
    expect(figures.length).toBe($("figcaption .label").length);
    expect(figures.length).toBeGreaterThanOrEqual(2);
    for (const figure of figures.toArray()) {
      // One drawing with the text alternative; a second one, drawn for phones, is aria-hidden.
      const svgs = $(figure).find(".chart-image svg:not(.chart-narrow)");
      expect(svgs.length).toBe(1);
      expect($(figure).find(".chart-image svg.chart-narrow:not([aria-hidden='true'])").length).toBe(0);
      expect(svgs.attr("role")).toBe("img");
      expect(svgs.attr("aria-label")?.length).toBeGreaterThan(20);
    }
    expect($("#figur-bemanning-per-lege svg text").text()).toMatch(/\d\u00a0%/);
  });

  it("puts computed numbers in the prose, formatted the Norwegian way", () => {
    const method = $("main").text();
    // 210 answered of 260 + 39 = 299: 70 %.
    expect(method).toContain("Skjemaet gikk dermed til 299 helsesekretærer, og 210 svarte.");
    expect(method).toContain("Svarprosenten ble altså 70\u00a0%");
    expect(method).toContain("4\u00a0151 leger");
  });

  it("is self-contained: no external resources", () => {
    const external = $("[src], link[href]")
      .toArray()
      .map((e) => $(e).attr("src") ?? $(e).attr("href"))
      .filter((url) => !url?.startsWith("data:"));
    expect(external).toEqual([]);
  });
});

/** Sentences about the source document, allowed only in the chapter on the edition's provenance. */
const ABOUT_THE_SOURCE = [/kilden/i, /originalrapport/i, /originalen/i, /AFI-notatet/i, /(rapporten|notatet) oppgir/i];

describe("the report's framing", () => {
  /** Letters and digits only, so page breaks, hyphenation and spacing do not matter when matching. */
  const letters = (text: string) =>
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, "");
  const provenance = () => $("section").filter((_i, s) => $(s).find("h1").first().text() === "Om denne utgaven");

  it("speaks of its source only in «Om denne utgaven», in the HTML", () => {
    expect(provenance()).toHaveLength(1);
    const body = $("main").clone();
    body
      .find("section")
      .filter((_i, s) => body.find(s).find("h1").first().text() === "Om denne utgaven")
      .remove();
    const text = body.text().replace(/\s+/g, " ");
    for (const phrase of ABOUT_THE_SOURCE) expect(text.match(phrase)?.[0], String(phrase)).toBeUndefined();
    expect($("th").filter((_i, th) => /i kilden/i.test($(th).text()))).toHaveLength(0);
  });

  it("speaks of its source only in «Om denne utgaven», in the PDF", async () => {
    const text = letters((await pdfLines(join(outDir, "rapport.pdf"))).flat().join(" "));
    // The chapter as printed: from its first sentence to its last, located by the HTML's text.
    const chapter = letters(provenance().text());
    const start = text.indexOf(chapter.slice(0, 60));
    const end = text.indexOf(chapter.slice(-60), start) + 60;
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const rest = text.slice(0, start) + text.slice(end);
    for (const phrase of [
      "kilden",
      "originalrapport",
      "afinotatet",
      "rapportenoppgir",
      "notatetoppgir",
      "figurikilden",
    ]) {
      expect(rest.includes(phrase), phrase).toBe(false);
    }
  });

  it("says how many had work-related sick leave, from the data", async () => {
    const facts = parse(await readFile(join(root, "data", "fakta-arbeidsmiljo.csv"), "utf8"), { columns: true }) as {
      id: string;
      verdi: string;
    }[];
    const share = facts.find((f) => f.id === "sykefravaer_arbeidsrelatert")?.verdi;
    expect(share).toBeDefined();
    expect($("main").text()).toContain(
      `Nesten ${share}\u00a0% av helsesekretærene hadde hatt sykefravær som de mente skyldtes arbeidet.`,
    );
  });

  it("prints the literature list as the CSL processor formats report/litteratur.json", async () => {
    const items = JSON.parse(await readFile(join(root, "report", "litteratur.json"), "utf8")) as { id: string }[];
    const csl = join(root, "templates", "csl");
    const engine = new CSL.Engine(
      {
        retrieveLocale: () => readFileSync(join(csl, "locales-nb-NO.xml"), "utf8"),
        retrieveItem: (id) => items.find((i) => i.id === id) ?? {},
      },
      readFileSync(join(csl, "forfatter-aar.csl"), "utf8"),
      "nb-NO",
      true,
    );
    engine.updateItems(items.map((i) => i.id));
    const made = engine.makeBibliography();
    if (!made) throw new Error("citeproc made no bibliography");
    const expected = made[1].map((entry) =>
      cheerio
        .load(entry)
        .text()
        .trim()
        .replace(/([?!]»?)\./g, "$1"),
    );
    const shown = $("ul.literature li")
      .toArray()
      .map((li) => $(li).text().trim());
    expect(shown).toEqual(expected);
    expect(shown).toHaveLength(items.length);
    // One name for Rutle mfl. 1995, and the barometer the text cites is listed (undated).
    const cited = $(".citation").text();
    expect(cited).toContain("(Rutle mfl. 1995)");
    expect(cited).toContain("(YS udatert)");
    expect(cited).not.toMatch(/Rutle 1995/);
  });
});

describe("the built PDF", () => {
  it("has A4 pages whose text holds the captions and the published numbers", async () => {
    const pages = await pdfPages(join(outDir, "rapport.pdf"));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(Math.round(page.width)).toBe(595);
      expect(Math.round(page.height)).toBe(842);
    }
    const text = pages.map((p) => p.text).join(" ");
    expect(text).toContain("Tabell 1 Helsesekretærenes utdanning");
    expect(text).toContain("Tabell 2 Størrelse på fastlegekontorene");
    expect(text).toContain("Figur 1 Opplevd bemanning");
    expect(text).toMatch(/Helsesekretær\/legesekretær 172 83/);
    expect(text).toMatch(/Annen høyere utdanning 1 0,5/);
    expect(text).toContain("æ");
    expect(text).toContain("ø");
  });
});

describe("the built PDF's pages", () => {
  it("keep all text inside the margins at full size (nothing too wide makes Chromium shrink the pages)", async () => {
    const pdf = await getDocument({ data: new Uint8Array(await readFile(join(outDir, "rapport.pdf"))), verbosity: 0 })
      .promise;
    const rightEdges: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      for (const item of content.items)
        if ("str" in item && item.str.trim()) rightEdges.push(item.transform[4] + item.width);
    }
    await pdf.destroy();
    const A4_WIDTH = 595.28;
    const MARGIN = (22 / 25.4) * 72; // 22 mm, as templates/style.css sets it
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 1);
    // Full size: the widest lines reach the margin, as they would not if the page were scaled down.
    expect(Math.max(...rightEdges)).toBeGreaterThan(A4_WIDTH - MARGIN - 15);
  });
});

describe("the built PDF's page breaks", () => {
  /** Letters and digits only, so line-end hyphenation and spacing do not matter when matching. */
  const letters = (text: string) =>
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, "");

  /** Every body line of the PDF (running header and page number dropped), with where its letters start. */
  async function bodyLines() {
    const pages = await pdfLines(join(outDir, "rapport.pdf"));
    const lines: { page: number; last: boolean; start: number }[] = [];
    let text = "";
    pages.forEach((pageLines, index) => {
      const body = index === 0 ? pageLines : pageLines.slice(1, -1);
      body.forEach((line, i) => {
        lines.push({ page: index + 1, last: i === body.length - 1, start: text.length });
        text += letters(line);
      });
    });
    const lineAt = (offset: number) => {
      let found = 0;
      for (let i = 0; i < lines.length && lines[i].start <= offset; i++) found = i;
      return found;
    };
    return { lines, text, lineAt };
  }

  it("never leaves a single line of a paragraph alone at the foot or the head of a page", async () => {
    const { lines, text, lineAt } = await bodyLines();
    const paragraphs = $(".chapter > p, .front-matter > p")
      .toArray()
      .map((p) => letters($(p).text()))
      .filter((key) => key.length > 0);
    let cursor = 0;
    let found = 0;
    const split: string[] = [];
    for (const key of paragraphs) {
      const at = text.indexOf(key, cursor);
      if (at < 0) continue;
      found += 1;
      cursor = at + key.length;
      const first = lineAt(at);
      const last = lineAt(at + key.length - 1);
      const onFirstPage = lines.slice(first, last + 1).filter((l) => l.page === lines[first].page).length;
      const onLastPage = lines.slice(first, last + 1).filter((l) => l.page === lines[last].page).length;
      if (lines[first].page !== lines[last].page && (onFirstPage < 2 || onLastPage < 2)) {
        split.push(`page ${lines[first].page}: ${onFirstPage} + ${onLastPage} lines of «${key.slice(0, 40)}…»`);
      }
    }
    // Nearly every paragraph is found in the PDF text, so the check is not vacuous.
    expect(found / paragraphs.length).toBeGreaterThan(0.9);
    expect(split).toEqual([]);
  });

  it("never strands a heading at the foot of a page", async () => {
    const { lines, text, lineAt } = await bodyLines();
    const stranded: string[] = [];
    let checked = 0;
    // Matched from the end backwards: the contents pages list every heading too, earlier in the text.
    let cursor = text.length;
    for (const heading of $(".chapter h2, .chapter h3").toArray().reverse()) {
      const key = letters($(heading).text());
      const at = text.lastIndexOf(key, cursor);
      if (at < 0) continue;
      cursor = at;
      checked += 1;
      const line = lines[lineAt(at + key.length - 1)];
      if (line.last) stranded.push(`page ${line.page}: ${$(heading).text()}`);
    }
    expect(checked).toBeGreaterThan(30);
    expect(stranded).toEqual([]);
  });
});

describe("the built PDF's contents", () => {
  it("gives each heading, table and figure the page it is printed on", async () => {
    const pages = await pdfLines(join(outDir, "rapport.pdf"));
    const contentsPage = pages.findIndex((lines) => lines.includes("Innhold"));
    expect(contentsPage).toBeGreaterThan(0);
    const entriesOf = (lines: string[]) =>
      lines
        .map((line) => /^(.+?) (\d+)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ text: m[1], page: Number(m[2]) }));
    // The contents run from its first page to the page before the first entry.
    const firstEntryPage = entriesOf(pages[contentsPage])[0].page;
    const entries = pages.slice(contentsPage, firstEntryPage - 1).flatMap(entriesOf);
    const lastContentsPage = firstEntryPage - 2;
    expect(entries.map((e) => e.text)).toEqual(
      expect.arrayContaining(["1 Innledning", "3.1 Utdanning", "Tabell 2 Størrelse på fastlegekontorene"]),
    );
    for (const entry of entries) {
      // The first page after the contents where the entry's text stands as a line of its own.
      const printedOn =
        pages.findIndex((lines, i) => i > lastContentsPage && lines.some((l) => l.startsWith(entry.text))) + 1;
      expect(printedOn, entry.text).toBe(entry.page);
    }
  });

  it("has the report's metadata", async () => {
    const pdf = await getDocument({ data: new Uint8Array(await readFile(join(outDir, "rapport.pdf"))), verbosity: 0 })
      .promise;
    const info = (await pdf.getMetadata()).info as Record<string, string>;
    expect(info.Title).toBe("Helsesekretærer ved fastlegekontor");
    expect(info.Author).toBe("Arbeidsforskningsinstituttet (AFI)");
    expect(info.Keywords).toContain("helsesekretærer");
    await pdf.destroy();
  });
});

describe("the built PDF's charts", () => {
  it("are vector graphics, not images, in a tagged PDF", async () => {
    const doc = await PDFDocument.load(await readFile(join(outDir, "rapport.pdf")));
    expect(doc.catalog.has(PDFName.of("StructTreeRoot"))).toBe(true);
    const images = doc.context
      .enumerateIndirectObjects()
      .filter(
        ([, object]) =>
          object instanceof PDFRawStream && object.dict.get(PDFName.of("Subtype")) === PDFName.of("Image"),
      );
    expect(images).toEqual([]);
  });
});

describe("an Excel export of a data file", () => {
  it("renders a report byte-identical to the UTF-8 original, and builds are deterministic", async () => {
    const dataDir = join(work, "data-excel");
    await cp(join(root, "data"), dataDir, { recursive: true });
    // What Excel in a Norwegian locale writes: semicolons, decimal commas, Windows-1252, CRLF.
    const original = await readFile(join(root, "data", "utdanning.csv"), "utf8");
    const excel = original
      .replaceAll(",", ";")
      .replace(/(\d)\.(\d)/g, "$1,$2")
      .replaceAll("\n", "\r\n");
    await writeFile(join(dataDir, "utdanning.csv"), Buffer.from(excel, "latin1"));

    const fromExcel = join(work, "out-excel");
    const again = join(work, "out-again");
    await build({ root, dataDir, outDir: fromExcel, pdf: false });
    await build({ root, outDir: again, pdf: false });
    const html = await readFile(join(again, "rapport.html"));
    expect((await readFile(join(fromExcel, "rapport.html"))).equals(html)).toBe(true);
    // The build into outDir printed a PDF, so its web edition links to it; otherwise the two are the same.
    const printed = (await readFile(join(outDir, "rapport.html"), "utf8")).replace(
      /<a class="pdf-link"[^>]*>[^<]*<\/a>/,
      "",
    );
    expect(printed).toBe(html.toString("utf8"));
  });
});

describe("rebuilding with changed numbers", () => {
  it("lists every changed number and every sentence citing one, in out/endringer.md", async () => {
    const changedOut = join(work, "out-changes");
    await build({ root, outDir: changedOut, pdf: false });
    const dataDir = join(work, "data-changed");
    await cp(join(root, "data"), dataDir, { recursive: true });
    const facts = await readFile(join(dataDir, "fakta.csv"), "utf8");
    // Not "svarte": 23 tables declare that their total equals it (checks.total), so a new value alone fails the build.
    await writeFile(
      join(dataDir, "fakta.csv"),
      facts.replace("\nsendt_privat_epost,260,", "\nsendt_privat_epost,250,"),
    );

    const lines: string[] = [];
    await build({ root, dataDir, outDir: changedOut, pdf: false, log: (line) => lines.push(line) });
    const summary = await readFile(join(changedOut, "endringer.md"), "utf8");
    // 210 of 289 = 72.7 → 73 %: the sum and the computed response rate both change.
    expect(summary).toContain("Skjemaet gikk dermed til 289 helsesekretærer, og 210 svarte.");
    expect(summary).toContain("Svarprosenten ble altså 73\u00a0%");
    expect(summary).toMatch(/før: Skjemaet gikk dermed til 299 helsesekretærer, og 210 svarte\./);
    expect(lines.join("\n")).toContain("«Svarprosenten ble altså 73\u00a0%");

    // The same data again: nothing changed.
    await build({ root, dataDir, outDir: changedOut, pdf: false });
    expect(await readFile(join(changedOut, "endringer.md"), "utf8")).toContain("Ingen tall er endret.");
  });

  it("lists a changed salary figure and every sentence that cites it", async () => {
    const changedOut = join(work, "out-changes-salary");
    await build({ root, outDir: changedOut, pdf: false });
    const dataDir = join(work, "data-changed-salary");
    await cp(join(root, "data"), dataDir, { recursive: true });
    const csv = await readFile(join(dataDir, "lonn-helsesekretaerer.csv"), "utf8");
    const row = "Legesekretærer,Heltidsansatte,Helsetjenester,1547,9,210,31000,372000,";
    expect(csv).toContain(row);
    await writeFile(join(dataDir, "lonn-helsesekretaerer.csv"), csv.replace(row, row.replace("372000", "380400")));
    const lines: string[] = [];
    await build({ root, dataDir, outDir: changedOut, pdf: false, log: (line) => lines.push(line) });
    const summary = await readFile(join(changedOut, "endringer.md"), "utf8");
    expect(summary).toContain(
      "lonn · Legesekretærer / Heltidsansatte / Helsetjenester · Årslønn (kr): 372\u00a0000 → 380\u00a0400",
    );
    expect(summary).toMatch(/nå: En legesekretær i heltidsstilling .* eller 380\u00a0400\u00a0kr i året\./);
    expect(summary.match(/^- lonn/gm)).toHaveLength(1);
    expect(lines.join("\n")).toContain("380\u00a0400\u00a0kr i året");
  });

  it("changes a count's table, chart, percentages and every sentence citing it, and lists them", async () => {
    const changedOut = join(work, "out-changes-table");
    await build({ root, outDir: changedOut, pdf: false });
    const dataDir = join(work, "data-changed-table");
    await cp(join(root, "data"), dataDir, { recursive: true });
    const csv = await readFile(join(dataDir, "kontorstorrelse.csv"), "utf8");
    // Published percentages record the old publication: a deliberate change empties them.
    await writeFile(
      join(dataDir, "kontorstorrelse.csv"),
      // Ten move from the middle group, so the total still equals the 210 who answered (checks.total).
      csv
        .replace(/,\d+\n/g, ",\n")
        .replace("0–1 lege,27,", "0–1 lege,37,")
        .replace("2–6 leger,168,", "2–6 leger,158,"),
    );
    await build({ root, dataDir, outDir: changedOut, pdf: false });
    const summary = await readFile(join(changedOut, "endringer.md"), "utf8");
    expect(summary).toContain("kontorstorrelse · 0–1 lege · Antall: 27 → 37");
    expect(summary).toContain("kontorstorrelse · 0–1 lege · Prosent: 13\u00a0% → 18\u00a0%"); // 37/210 = 17.6
    expect(summary).toContain("kontorstorrelse · 2–6 leger · Antall: 168 → 158");

    // The table, its percentages and every sentence citing it follow the new count (its figure was dropped).
    const html = cheerio.load(await readFile(join(changedOut, "rapport.html"), "utf8"));
    const row = html("#tabell-kontorstorrelse tbody tr")
      .toArray()
      .map((tr) =>
        html(tr)
          .children()
          .toArray()
          .map((c) => html(c).text()),
      );
    expect(row).toEqual([
      ["0–1 lege", "37", "18"],
      ["2–6 leger", "158", "75"], // 158/210 = 75.2
      ["7 leger eller flere", "15", "7"],
    ]);
    expect(html("#tabell-kontorstorrelse tfoot").text()).toContain("210");
    expect(html("main").text()).toContain(
      "75\u00a0% er ansatt ved kontor med to til seks leger, 18\u00a0% ved kontor med én lege og 7\u00a0%",
    );
    expect(summary).toMatch(/nå: .*75\u00a0% er ansatt ved kontor med to til seks leger, 18\u00a0%/);
  });
});

describe("a build with bad data", () => {
  it("names file, row and column, exits non-zero and leaves out/ as it was", async () => {
    const dataDir = join(work, "data-bad");
    await cp(join(root, "data"), dataDir, { recursive: true });
    const csv = await readFile(join(dataDir, "utdanning.csv"), "utf8");
    await writeFile(join(dataDir, "utdanning.csv"), csv.replace("Sykepleier,8,4", "Sykepleier,åtte,4"));

    const before = await snapshot(outDir);
    const failure = await run(
      process.execPath,
      ["--import", "tsx", "scripts/cli.ts", "build", "--data", dataDir, "--out", outDir],
      { cwd: root },
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      // The shipped report is in bokmål: so is the line naming the file, row and column.
      nb.report.problem(
        `${join(dataDir, "utdanning.csv")}, ${nb.report.row(4)}, ${nb.report.columnNamed("antall")}`,
        nb.problem.cellType("integer", 0),
        nb.report.quote("åtte"),
      ),
    );
    expect(await snapshot(outDir)).toEqual(before);
  });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    files[name] = (await readFile(join(dir, name)).catch(() => Buffer.from("<dir>"))).toString("base64");
  }
  return files;
}
