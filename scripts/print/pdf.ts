import { ExitCode, ReportError } from "../errors.ts";
import { message } from "../messages/index.ts";
import type { LaunchedBrowser } from "./browser.ts";

/** Only inline content may load while printing; anything else is a leak to the network. */
function isLocal(url: string): boolean {
  return url.startsWith("data:") || url.startsWith("about:") || url.startsWith("blob:");
}

/** One loaded document in a browser tab, ready to print (and to print again after small changes). */
export interface PrintSession {
  /** Print the loaded document to an A4 PDF, tagged, with an outline. */
  pdf(): Promise<Uint8Array>;
  /**
   * Print it without tags or outline: the same layout and links at less
   * cost, for a pass that is only read for page numbers.
   */
  draft(): Promise<Uint8Array>;
  /** Run a script in the document (a string: tsx would rewrite a function with helpers the page lacks). */
  evaluate(script: string): Promise<unknown>;
}

/**
 * Stage 6: load the HTML in a tab and hand it to `use` for printing. Every
 * request that is not inline is blocked, and the build fails if the document
 * tried one.
 */
export async function withPrintSession<T>(
  browser: LaunchedBrowser,
  html: string,
  use: (session: PrintSession) => Promise<T>,
): Promise<T> {
  const page = await browser.tab();
  const blocked: string[] = [];
  try {
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (isLocal(request.url())) {
        void request.continue();
      } else {
        blocked.push(request.url());
        void request.abort("blockedbyclient");
      }
    });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    if (blocked.length > 0) {
      throw new ReportError(message.networkBlocked(blocked), ExitCode.network);
    }
    return await use({
      pdf: () =>
        page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
      draft: () =>
        page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true, tagged: false, outline: false }),
      evaluate: (script) => page.evaluate(script),
    });
  } finally {
    await page.close();
  }
}

/** Print one HTML document as it is. */
export async function printPdf(browser: LaunchedBrowser, html: string): Promise<Uint8Array> {
  return withPrintSession(browser, html, (session) => session.pdf());
}
