import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { WHOLE } from "./pdf-lib-options.ts";

/** One named destination: its decoded name, its key in /Dests, the page (from 1) and the destination array. */
export interface NamedDestination {
  name: string;
  key: PDFName;
  page: number;
  dest: PDFArray;
}

/**
 * Chromium writes a named destination (catalog /Dests) for every element id
 * that an internal link points to, with the page and the element's top.
 */
export function namedDestinations(doc: PDFDocument): NamedDestination[] {
  const pageNumber = new Map<string, number>();
  doc.getPages().forEach((page, index) => {
    pageNumber.set(page.ref.toString(), index + 1);
  });
  const found: NamedDestination[] = [];
  const dests = doc.catalog.lookup(PDFName.of("Dests"));
  if (!(dests instanceof PDFDict)) return found;
  for (const [key, value] of dests.entries()) {
    const dest = doc.context.lookup(value);
    if (!(dest instanceof PDFArray)) continue;
    const target = dest.get(0);
    const page = target instanceof PDFRef ? pageNumber.get(target.toString()) : undefined;
    if (page !== undefined) found.push({ name: decodeName(key.asString()), key, page, dest });
  }
  return found;
}

/**
 * The page each linked element landed on, read from the laid-out PDF: the
 * contents' links tell us where each heading, table and figure was printed.
 * Pages count from 1, the cover.
 */
export async function readAnchorPages(pdf: Uint8Array): Promise<Map<string, number>> {
  return anchorPagesOf(await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: WHOLE }));
}

/** As `readAnchorPages`, for a PDF already parsed (parsing a tagged 45-page PDF costs ~0,2 s). */
export function anchorPagesOf(doc: PDFDocument): Map<string, number> {
  return new Map(namedDestinations(doc).map(({ name, page }) => [name, page]));
}

/** PDF names escape bytes as #xx: "/tabell-a#c3#a5" → "tabell-aå". Our ids are ASCII, but be exact anyway. */
function decodeName(name: string): string {
  const raw = name.replace(/^\//, "");
  const bytes = raw.replace(/#([0-9a-fA-F]{2})/g, (_m, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
