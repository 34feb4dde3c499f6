import type { Browser } from "puppeteer";
import { readAnchorPages } from "./anchor-pages.ts";
import { finishPdf, type PdfMetadata } from "./finish-pdf.ts";
import { printPdfWith } from "./pdf.ts";

/** The print layout: given the page of each anchor (or none yet), the HTML to print. */
export type PagedLayout = (pages: Map<string, number> | undefined) => string;

const MAX_PASSES = 4;

function samePages(a: Map<string, number> | undefined, b: Map<string, number>): boolean {
  return a !== undefined && a.size === b.size && [...b].every(([id, page]) => a.get(id) === page);
}

/**
 * Print with true page numbers in the contents: print once with placeholder
 * numbers, read where every heading, table and figure landed, print again
 * with those numbers, and repeat until the numbers no longer move (they
 * settle on the second pass unless filling them in reflows the contents).
 */
export async function printPaginated(
  browser: Browser,
  layout: PagedLayout,
  metadata: PdfMetadata | undefined,
): Promise<{ pdf: Uint8Array; pages: Map<string, number>; passes: number }> {
  return printPdfWith(browser, async (print) => {
    let used: Map<string, number> | undefined;
    let pdf = await print(layout(used));
    let passes = 1;
    let found = await readAnchorPages(pdf);
    while (!samePages(used, found) && passes < MAX_PASSES) {
      used = found;
      pdf = await print(layout(used));
      passes += 1;
      found = await readAnchorPages(pdf);
    }
    return { pdf: metadata ? await finishPdf(pdf, metadata) : pdf, pages: found, passes };
  });
}
