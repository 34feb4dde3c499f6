import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRef } from "pdf-lib";

/**
 * The page each linked element landed on, read from the laid-out PDF:
 * Chromium writes a named destination (catalog /Dests) for every element id
 * that an internal link points to, so the contents' links tell us where each
 * heading, table and figure was printed. Pages count from 1, the cover.
 */
export async function readAnchorPages(pdf: Uint8Array): Promise<Map<string, number>> {
  return anchorPagesOf(await PDFDocument.load(pdf, { updateMetadata: false }));
}

/** As `readAnchorPages`, for a PDF already parsed (parsing a tagged 45-page PDF costs ~0,2 s). */
export function anchorPagesOf(doc: PDFDocument): Map<string, number> {
  const pageNumber = new Map<string, number>();
  doc.getPages().forEach((page, index) => {
    pageNumber.set(page.ref.toString(), index + 1);
  });
  const pages = new Map<string, number>();
  const dests = doc.catalog.lookup(PDFName.of("Dests"));
  if (!(dests instanceof PDFDict)) return pages;
  for (const [name, value] of dests.entries()) {
    const dest = doc.context.lookup(value);
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    const page = target ? pageNumber.get((target as PDFRef).toString()) : undefined;
    if (page !== undefined) pages.set(decodeName(name.asString()), page);
  }
  return pages;
}

/** PDF names escape bytes as #xx: "/tabell-a#c3#a5" → "tabell-aå". Our ids are ASCII, but be exact anyway. */
function decodeName(name: string): string {
  const raw = name.replace(/^\//, "");
  const bytes = raw.replace(/#([0-9a-fA-F]{2})/g, (_m, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
