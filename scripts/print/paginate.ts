import { PDFDocument } from "pdf-lib";
import { anchorPagesOf, readAnchorPages } from "./anchor-pages.ts";
import type { LaunchedBrowser } from "./browser.ts";
import { finishParsedPdf, type PdfMetadata } from "./finish-pdf.ts";
import { withPrintSession } from "./pdf.ts";

const MAX_PASSES = 4;

function samePages(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...b].every(([id, page]) => a.get(id) === page);
}

/** Write page numbers into the contents' slots (`<span class="page" data-page-for="id">`). */
function fillPageNumbers(pages: Map<string, number>): string {
  return `(() => {
    const pages = ${JSON.stringify(Object.fromEntries(pages))};
    for (const slot of document.querySelectorAll("[data-page-for]")) {
      const page = pages[slot.getAttribute("data-page-for")];
      if (page !== undefined) slot.textContent = String(page);
    }
    return true;
  })()`;
}

/**
 * Print with true page numbers in the contents. The print layout has a
 * placeholder number in each contents entry; print a draft (untagged, which
 * is cheaper), read where every heading, table and figure landed (from the
 * PDF's named destinations), write those numbers into the loaded page and
 * print the final, tagged PDF. If filling in the numbers moved anything
 * (it could reflow the contents), fill and print again until nothing moves.
 */
export async function printPaginated(
  browser: LaunchedBrowser,
  html: string,
  metadata: PdfMetadata | undefined,
): Promise<{ pdf: Uint8Array; pages: Map<string, number>; passes: number }> {
  return withPrintSession(browser, html, async (session) => {
    let used = await readAnchorPages(await session.draft());
    let passes = 1;
    for (;;) {
      await session.evaluate(fillPageNumbers(used));
      const pdf = await session.pdf();
      passes += 1;
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const found = anchorPagesOf(doc);
      if (samePages(used, found) || passes >= MAX_PASSES) {
        return { pdf: metadata ? await finishParsedPdf(doc, pdf, metadata) : pdf, pages: found, passes };
      }
      used = found;
    }
  });
}
