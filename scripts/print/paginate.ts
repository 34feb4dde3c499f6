import { PDFDocument } from "pdf-lib";
import { anchorPagesOf, readAnchorPages } from "./anchor-pages.ts";
import type { LaunchedBrowser } from "./browser.ts";
import { finishParsedPdf, type PdfMetadata } from "./finish-pdf.ts";
import { withPrintSession } from "./pdf.ts";

const MAX_PASSES = 4;

function samePages(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...b].every(([id, page]) => a.get(id) === page);
}

/** The document with page numbers in the contents' slots (`<span class="page" data-page-for="id">00</span>`). */
export function withPageNumbers(html: string, pages: Map<string, number>): string {
  return html.replace(
    /(<span class="page" data-page-for=")([^"]*)(">)[^<]*(<\/span>)/g,
    (slot, open: string, id: string, close: string, end: string) => {
      const page = pages.get(id);
      return page === undefined ? slot : `${open}${id}${close}${page}${end}`;
    },
  );
}

/**
 * Print with true page numbers in the contents. The print layout has a
 * placeholder number in each contents entry; print a draft (untagged, which
 * is cheaper), read where every heading, table and figure landed (from the
 * PDF's named destinations), write those numbers into the document and
 * print the final, tagged PDF. If filling in the numbers moved anything
 * (it could reflow the contents), fill and print again until nothing moves.
 *
 * `guess`: the page numbers of the previous build of the same document.
 * They are usually still right, and then the draft is not needed: fill them
 * in, print the final PDF, and check it; a wrong guess costs one more pass.
 */
export async function printPaginated(
  browser: LaunchedBrowser,
  html: string,
  metadata: PdfMetadata | undefined,
  guess?: Map<string, number>,
): Promise<{ pdf: Uint8Array; pages: Map<string, number>; passes: number }> {
  let passes = 0;
  let used = guess;
  if (!used) {
    used = await readAnchorPages(await withPrintSession(browser, html, (session) => session.draft()));
    passes += 1;
  }
  // The final PDF is printed from a fresh tab with the numbers in place, so it is the same
  // whichever way the numbers were found (Chromium numbers a tab's structure elements as it goes).
  for (;;) {
    const pdf = await withPrintSession(browser, withPageNumbers(html, used), (session) => session.pdf());
    passes += 1;
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const found = anchorPagesOf(doc);
    if (samePages(used, found) || passes >= MAX_PASSES) {
      return { pdf: metadata ? await finishParsedPdf(doc, pdf, metadata) : pdf, pages: found, passes };
    }
    used = found;
  }
}
