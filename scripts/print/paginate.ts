import { readAnchorPages } from "./anchor-pages.ts";
import type { LaunchedBrowser } from "./browser.ts";
import { finishPdf, type PdfMetadata } from "./finish-pdf.ts";
import { withPrintSession } from "./pdf.ts";

const MAX_PASSES = 4;

function samePages(a: Map<string, number> | undefined, b: Map<string, number>): boolean {
  return a !== undefined && a.size === b.size && [...b].every(([id, page]) => a.get(id) === page);
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
 * placeholder number in each contents entry; print once, read where every
 * heading, table and figure landed (from the PDF's named destinations),
 * write those numbers into the loaded page and print again, until the
 * numbers no longer move (they settle on the second pass unless filling them
 * in reflows the contents).
 */
export async function printPaginated(
  browser: LaunchedBrowser,
  html: string,
  metadata: PdfMetadata | undefined,
): Promise<{ pdf: Uint8Array; pages: Map<string, number>; passes: number }> {
  return withPrintSession(browser, html, async (session) => {
    let used: Map<string, number> | undefined;
    let pdf = await session.pdf();
    let passes = 1;
    let found = await readAnchorPages(pdf);
    while (!samePages(used, found) && passes < MAX_PASSES) {
      used = found;
      await session.evaluate(fillPageNumbers(used));
      pdf = await session.pdf();
      passes += 1;
      found = await readAnchorPages(pdf);
    }
    return { pdf: metadata ? await finishPdf(pdf, metadata) : pdf, pages: found, passes };
  });
}
