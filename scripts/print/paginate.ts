import { PDFDocument } from "pdf-lib";
import { anchorPagesOf, readAnchorPages } from "./anchor-pages.ts";
import type { LaunchedBrowser } from "./browser.ts";
import { finishPdf, type PdfMetadata } from "./finish-pdf.ts";
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
  // The final PDF comes from a tab that does nothing but load, take the numbers and print, so it is
  // the same whichever way the numbers were found (Chromium numbers a tab's structure elements as it
  // prints). Without a guess, a draft prints in a second tab that loads at the same time.
  const draft = guess ? undefined : withPrintSession(browser, html, (session) => session.draft());
  draft?.catch(() => {}); // awaited below; a failure is reported there
  return withPrintSession(browser, html, async (final) => {
    let used = guess ?? (await readAnchorPages(await (draft as Promise<Uint8Array>)));
    let passes = guess ? 0 : 1;
    for (;;) {
      await final.evaluate(fillPageNumbers(used));
      const pdf = await final.pdf();
      passes += 1;
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const found = anchorPagesOf(doc);
      if (samePages(used, found) || passes >= MAX_PASSES) {
        return { pdf: metadata ? await finishPdf(doc, pdf, metadata) : pdf, pages: found, passes };
      }
      used = found;
    }
  });
}
