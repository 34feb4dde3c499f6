import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";

/**
 * The pagination rules and the PDF/UA-1 points of issue 12, held on the
 * printed PDF of every edition (built once, all editions in one browser),
 * read with pdf.js (text, marked content, structure, metadata, outline) and
 * pdf-lib (table rows per page, scopes, catalog) — not with the print
 * stage's own page map or checks.
 */

const root = fileURLToPath(new URL("..", import.meta.url));
const MM = 72 / 25.4;
const AREA_TOP = 24 * MM;
const AREA_HEIGHT = 841.92 - 2 * 24 * MM;

let work: string;
const editions: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-pagination-"));
  const result = await build({ root, outDir: work, editions: "all", pageCache: false });
  for (const file of result.files) {
    const m = /([^/]+)\/rapport\.pdf$/.exec(file);
    if (m) editions.push(m[1]);
  }
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface PrintedPage {
  /** Tagged text (real content), with its top measured from the top of the page. */
  content: { str: string; top: number; bottom: number }[];
  /** Text inside /Artifact marked content. */
  artifacts: string[];
  /** Structure roles with content on this page. */
  roles: Set<string>;
  /** Text items in no marked content at all: neither tagged nor artifact (Matterhorn 01-005). */
  unmarked: number;
}

async function readPages(file: string): Promise<PrintedPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const pages: PrintedPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.view[3];
    const text = await page.getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    const printed: PrintedPage = { content: [], artifacts: [], roles: new Set(), unmarked: 0 };
    for (const item of text.items) {
      if ("type" in item && (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps")) {
        stack.push((item as { tag?: string }).tag ?? "");
      } else if ("type" in item && item.type === "endMarkedContent") {
        stack.pop();
      } else if ("str" in item && item.str.trim() !== "") {
        if (stack.length === 0) printed.unmarked++;
        if (stack.includes("Artifact")) printed.artifacts.push(item.str);
        else {
          const baseline = height - item.transform[5];
          printed.content.push({ str: item.str, top: baseline - item.height, bottom: baseline });
        }
      }
    }
    const collect = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) printed.roles.add(node.role);
      for (const child of node.children ?? []) collect(child as { role?: string; children?: unknown[] });
    };
    collect((await page.getStructTree()) as { children?: unknown[] });
    pages.push(printed);
  }
  await pdf.destroy();
  return pages;
}

/** How much of the page area the real content fills (to its lowest line). */
const fill = (page: PrintedPage) => (Math.max(AREA_TOP, ...page.content.map((c) => c.bottom)) - AREA_TOP) / AREA_HEIGHT;

/** Page of a structure element: its /Pg, else that of its first kid that has one. */
function pageOf(doc: PDFDocument, node: unknown, pages: Map<string, number>): number | undefined {
  const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
  if (value instanceof PDFArray) {
    for (const kid of value.asArray()) {
      const page = pageOf(doc, kid, pages);
      if (page) return page;
    }
    return undefined;
  }
  if (!(value instanceof PDFDict)) return undefined;
  const pg = value.get(PDFName.of("Pg"));
  if (pg instanceof PDFRef && value.get(PDFName.of("K")) instanceof PDFNumber) return pages.get(pg.toString());
  if (pg instanceof PDFRef && !value.has(PDFName.of("S"))) return pages.get(pg.toString());
  return (
    pageOf(doc, value.get(PDFName.of("K")), pages) ?? (pg instanceof PDFRef ? pages.get(pg.toString()) : undefined)
  );
}

/** For every table, the page of each body row (rows of header cells only are the head, which repeats). */
async function tableRowPages(file: string): Promise<number[][]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const tables: number[][] = [];
  const kids = (dict: PDFDict): PDFDict[] => {
    const k = dict.get(PDFName.of("K"));
    const list = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    return list
      .map((x) => (x instanceof PDFRef ? doc.context.lookup(x) : x))
      .filter((x): x is PDFDict => x instanceof PDFDict && x.has(PDFName.of("S")));
  };
  const role = (dict: PDFDict) => dict.get(PDFName.of("S"))?.toString();
  const rowsOf = (dict: PDFDict): PDFDict[] =>
    kids(dict).flatMap((k) => (role(k) === "/TR" ? [k] : role(k) === "/Table" ? [] : rowsOf(k)));
  const walk = (dict: PDFDict) => {
    if (role(dict) === "/Table") {
      const body = rowsOf(dict).filter((tr) => kids(tr).some((cell) => role(cell) === "/TD"));
      tables.push(body.map((tr) => pageOf(doc, tr, pages) ?? 0));
    }
    for (const k of kids(dict)) walk(k);
  };
  walk(doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict));
  return tables;
}

/** The colophon's first label, read from the edition's HTML: the colophon is the page that prints it. */
async function colophonMark(edition: string): Promise<string> {
  const $ = cheerio.load(await readFile(join(work, edition, "rapport.html"), "utf8"));
  return $(".colophon dt").first().text().trim();
}

const pdfOf = (edition: string) => join(work, edition, "rapport.pdf");

describe("pagination of the printed PDF, every edition", () => {
  it("builds every edition", () => {
    expect(editions.length).toBeGreaterThanOrEqual(4);
  });

  it("leaves no near-empty page before a chapter opening or at the end (cover, colophon, foreword excepted)", async () => {
    for (const edition of editions) {
      const pages = await readPages(pdfOf(edition));
      const colophon = await colophonMark(edition);
      const opens = (p: PrintedPage) => p.roles.has("H1");
      const exempt = (i: number) =>
        i === 0 || pages[i].content.some((c) => c.str.includes(colophon)) || isForeword(pages, i);
      const short = pages
        .map((page, i) => ({
          page: i + 1,
          fill: fill(page),
          beforeOpening: i === pages.length - 1 || opens(pages[i + 1]),
        }))
        .filter((p, i) => p.beforeOpening && !exempt(i) && p.fill < 1 / 3);
      expect(short, edition).toEqual([]);
    }
  });

  it("never carries fewer than three rows of a table over to the next page", async () => {
    for (const edition of editions) {
      const tables = await tableRowPages(pdfOf(edition));
      expect(tables.length).toBeGreaterThan(30);
      const bad = tables.flatMap((rows, t) => {
        const last = rows[rows.length - 1];
        const over = rows.filter((p) => p === last).length;
        return last > rows[0] && over < 3 ? [{ table: t + 1, page: last, over }] : [];
      });
      expect(bad, edition).toEqual([]);
    }
  });

  it("prints no running head on the cover, the colophon and chapter openings, and a folio on every other page", async () => {
    for (const edition of editions) {
      const pages = await readPages(pdfOf(edition));
      const colophon = await colophonMark(edition);
      const ordinary = pages.findIndex((p, i) => i > 3 && !p.roles.has("H1"));
      const heads = pages[ordinary].artifacts.filter((a) => !/^\d+$/.test(a));
      expect(heads.length, `${edition}: running heads on an ordinary page`).toBeGreaterThan(0);
      pages.forEach((page, i) => {
        const isColophon = page.content.some((c) => c.str.includes(colophon));
        const head = page.artifacts.some((a) => heads.includes(a));
        const folio = page.artifacts.includes(String(i + 1));
        if (i === 0 || isColophon) {
          expect({ page: i + 1, head, folio }, edition).toEqual({ page: i + 1, head: false, folio: false });
        } else if (page.roles.has("H1")) {
          expect({ page: i + 1, head, folio }, edition).toEqual({ page: i + 1, head: false, folio: true });
        } else {
          expect({ page: i + 1, head, folio }, edition).toEqual({ page: i + 1, head: true, folio: true });
        }
      });
    }
  });
});

/** The foreword is the page of its own before the contents' first page (editions that have one). */
function isForeword(pages: PrintedPage[], index: number): boolean {
  const contents = pages.findIndex((p, i) => i > 1 && p.roles.has("H1") && p.roles.has("Link"));
  return index > 1 && index < contents;
}

interface Node {
  role?: string;
  alt?: string;
  children?: Node[];
}

describe("PDF/UA-1 points of the printed PDF, every edition", () => {
  it("has XMP metadata with dc:title, dc:language and pdfuaid:part 1, and shows the title in the window", async () => {
    for (const edition of editions) {
      const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfOf(edition))), verbosity: 0 }).promise;
      const { info, metadata } = await pdf.getMetadata();
      expect(metadata?.get("pdfuaid:part"), edition).toBe("1");
      expect(metadata?.get("dc:title"), edition).toBe((info as { Title: string }).Title);
      expect(metadata?.get("dc:language"), edition).toEqual("nb");
      const outline = await pdf.getOutline();
      expect(
        outline?.map((o) => o.title),
        edition,
      ).toContain("Sammendrag");
      await pdf.destroy();
      const doc = await PDFDocument.load(await readFile(pdfOf(edition)), { updateMetadata: false });
      const prefs = doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
      expect(prefs.get(PDFName.of("DisplayDocTitle")), edition).toBe(PDFBool.True);
      expect(doc.catalog.lookup(PDFName.of("Lang"))?.toString(), edition).toBe("(nb)");
      expect(doc.catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked")), edition).toBe(PDFBool.True);
    }
  });

  it("names a union's edition in the PDF title and keywords (pdf-lib), not the institute's, and keeps each under 1 MB", async () => {
    const titles = new Map<string, string | undefined>();
    for (const edition of editions) {
      const bytes = await readFile(pdfOf(edition));
      expect(bytes.length, `${edition}: PDF size`).toBeLessThan(1_000_000);
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      titles.set(edition, doc.getTitle());
      if (edition !== "afi") expect(doc.getKeywords(), edition).toContain(titles.get(edition)?.split("Utgave for ")[1]);
    }
    expect(titles.get("afi")).toBe("Helsesekretærer ved fastlegekontor");
    expect(titles.get("fagforbundet")).toBe("Helsesekretærer ved fastlegekontor. Utgave for Fagforbundet");
    expect(titles.get("delta")).toBe("Helsesekretærer ved fastlegekontor. Utgave for Delta");
    expect(titles.get("helsesekretaerforbundet")).toBe(
      "Helsesekretærer ved fastlegekontor. Utgave for Norsk Helsesekretærforbund",
    );
  });

  it("gives every /Figure alternative text and keeps running heads out of the structure tree", async () => {
    for (const edition of editions) {
      const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfOf(edition))), verbosity: 0 }).promise;
      let figures = 0;
      const noAlt: number[] = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const visit = (node: Node) => {
          if (node.role === "Figure") {
            figures++;
            if (!node.alt?.trim()) noAlt.push(n);
          }
          for (const child of node.children ?? []) visit(child);
        };
        visit((await page.getStructTree()) as Node);
      }
      await pdf.destroy();
      // Six charts and the cover logo (five figures that only repeated their tables were dropped).
      expect(figures, edition).toBeGreaterThanOrEqual(7);
      expect(noAlt, `${edition}: pages with a /Figure without /Alt`).toEqual([]);

      // Real content stays inside the page area; what prints in the margins is artifact.
      const pages = await readPages(pdfOf(edition));
      const inMargins = pages.flatMap((p, i) =>
        p.content
          .filter((c) => c.top < AREA_TOP - 2 || c.bottom > AREA_TOP + AREA_HEIGHT + 2)
          .map((c) => `${i + 1}: ${c.str}`),
      );
      expect(inMargins, edition).toEqual([]);
      expect(
        pages.reduce((sum, p) => sum + p.unmarked, 0),
        `${edition}: text neither tagged nor artifact`,
      ).toBe(0);
      expect(pages.filter((p) => p.artifacts.length > 0).length, edition).toBeGreaterThan(pages.length - 3);
    }
  });

  it("gives every table header cell the /Scope of its HTML th (col, colgroup → Column; row, rowgroup → Row)", async () => {
    for (const edition of editions) {
      const $ = cheerio.load(await readFile(join(work, edition, "rapport.html"), "utf8"));
      const expected = $("th")
        .toArray()
        .filter((th) => $(th).closest("details").length === 0)
        .map(
          (th) => ({ col: "/Column", colgroup: "/Column", row: "/Row", rowgroup: "/Row" })[$(th).attr("scope") ?? ""],
        );
      const doc = await PDFDocument.load(await readFile(pdfOf(edition)), { updateMetadata: false });
      const scopes: (string | undefined)[] = [];
      const walk = (value: unknown) => {
        const node = value instanceof PDFRef ? doc.context.lookup(value) : value;
        if (node instanceof PDFArray) return node.asArray().forEach(walk);
        if (!(node instanceof PDFDict) || !node.has(PDFName.of("S"))) return;
        if (node.get(PDFName.of("S"))?.toString() === "/TH") {
          const a = node.lookup(PDFName.of("A"));
          const list = a instanceof PDFArray ? a.asArray() : a ? [a] : [];
          const scope = list
            .map((x) => (x instanceof PDFRef ? doc.context.lookup(x) : x))
            .map((x) => (x instanceof PDFDict ? x.get(PDFName.of("Scope"))?.toString() : undefined))
            .find(Boolean);
          scopes.push(scope);
        }
        walk(node.get(PDFName.of("K")));
      };
      walk(doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict).get(PDFName.of("K")));
      expect(scopes.length, edition).toBeGreaterThan(400);
      expect(scopes, edition).toEqual(expected);
    }
  });
});
