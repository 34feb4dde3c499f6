import { PDFDict, type PDFDocument, PDFName, PDFNumber } from "pdf-lib";
import { namedDestinations } from "./anchor-pages.ts";

/**
 * Where every block of the document landed, read from a print of it.
 *
 * Chromium writes a named destination (with the page and the element's top)
 * for every element an internal link points to, so before printing the print
 * tab gives an id to each unit (cover, colophon, foreword, contents, chapter),
 * each block of a chapter and each table row, plus an empty end marker after
 * each unit, and links to all of them from a list that is never displayed
 * (no link annotation, no structure element). Reading the destinations back
 * gives the page map that pagination and the running heads need.
 */

export type UnitRole = "cover" | "colophon" | "foreword" | "contents" | "chapter";

/** What the marking script reports about each marked element, in document order. */
export interface Mark {
  id: string;
  kind: "start" | "end" | "block" | "row";
  unit: number;
  role?: UnitRole;
  /** Lower-case tag name (blocks) or table row part (rows). */
  tag?: string;
  /** Rows: the table's index in the document and whether the row is in thead, tbody or tfoot. */
  table?: number;
  part?: "head" | "body" | "foot";
}

export interface Placed extends Mark {
  page: number;
  /** Distance from the top of the page area (inside the page margins), in pt. */
  offset: number;
}

export interface PageMap {
  pageCount: number;
  /** Height of the page area (inside the page margins), in pt. */
  areaHeight: number;
  placed: Placed[];
}

/** The page margins of templates/style.css (@page margin: 24mm 22mm). */
export const PAGE_MARGIN = { top: (24 / 25.4) * 72, bottom: (24 / 25.4) * 72, side: (22 / 25.4) * 72 };

const PREFIX = "pm-";

/**
 * The in-page script that marks the document. It runs in every print tab
 * (draft and final) so both lay out the same document, and returns the marks.
 * The margin boxes of the CSS are switched off: running heads and folios
 * are stamped afterwards, as artifacts, where the page map says they belong.
 */
export const MARK_SCRIPT = `(() => {
  if (window.__pageMarks) return window.__pageMarks;
  const style = document.createElement("style");
  style.textContent = "@page { @top-left { content: none } @top-right { content: none } @bottom-right { content: none } }";
  document.head.append(style);
  const marks = [];
  const links = document.createElement("div");
  links.style.display = "none";
  links.setAttribute("aria-hidden", "true");
  let n = 0;
  const mark = (el, info) => {
    if (!el.id) el.id = "${PREFIX}" + n++;
    const a = document.createElement("a");
    a.href = "#" + el.id;
    links.append(a);
    marks.push({ id: el.id, ...info });
  };
  const roles = [["cover", ".cover"], ["colophon", ".colophon"], ["foreword", ".foreword"], ["contents", ".contents"]];
  const units = [...document.querySelectorAll("body > .cover, body > .colophon, body > .foreword, body > .contents, main > section")];
  let table = 0;
  units.forEach((unit, index) => {
    const role = (roles.find(([, sel]) => unit.matches(sel)) || ["chapter"])[0];
    mark(unit, { kind: "start", unit: index, role });
    if (role === "chapter") {
      for (const block of unit.children) mark(block, { kind: "block", unit: index, tag: block.tagName.toLowerCase() });
      for (const t of unit.querySelectorAll("table")) {
        if (t.closest("details")) continue;
        for (const row of t.rows) {
          const part = row.parentElement.tagName === "THEAD" ? "head" : row.parentElement.tagName === "TFOOT" ? "foot" : "body";
          mark(row, { kind: "row", unit: index, table, part });
        }
        table++;
      }
    }
    const end = document.createElement("div");
    end.className = "page-map-end";
    // At the last block's lower edge, not below its bottom margin: how full a page is is where its content ends.
    const last = unit.lastElementChild;
    if (last) end.style.marginTop = "-" + getComputedStyle(last).marginBottom;
    unit.append(end);
    mark(end, { kind: "end", unit: index });
  });
  document.body.append(links);
  window.__pageMarks = marks;
  return marks;
})()`;

/** Place the marks with the destinations of a print of the marked document. */
export function readPageMap(doc: PDFDocument, marks: Mark[]): PageMap {
  const pageHeight = doc.getPage(0).getHeight();
  const positions = new Map<string, { page: number; top: number }>();
  for (const { name, page, dest } of namedDestinations(doc)) {
    const top = dest.lookup(3);
    positions.set(name, { page, top: top instanceof PDFNumber ? top.asNumber() : pageHeight });
  }
  const placed: Placed[] = [];
  for (const mark of marks) {
    const at = positions.get(mark.id);
    // Chromium measures the top from the page area's top edge, downwards from the page's height.
    if (at) placed.push({ ...mark, page: at.page, offset: pageHeight - at.top });
  }
  return {
    pageCount: doc.getPageCount(),
    areaHeight: pageHeight - PAGE_MARGIN.top - PAGE_MARGIN.bottom,
    placed,
  };
}

/** Drop the destinations only the page map needed, so the final PDF keeps just the document's own. */
export function dropMarkDestinations(doc: PDFDocument): void {
  const dests = doc.catalog.lookup(PDFName.of("Dests"));
  if (!(dests instanceof PDFDict)) return;
  for (const { name, key } of namedDestinations(doc)) {
    if (name.startsWith(PREFIX)) dests.delete(key);
  }
}
