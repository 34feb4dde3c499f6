import { PDFDict, type PDFDocument, PDFName, PDFNumber } from "pdf-lib";
import { namedDestinations } from "./anchor-pages.ts";
import { MARK_PREFIX } from "./page-scripts.ts";

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
    if (name.startsWith(MARK_PREFIX)) dests.delete(key);
  }
}
