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
   * Print it without tags or outline, and with nothing painted: the same
   * layout and named destinations at less cost, for a pass that is only
   * read for where things landed.
   */
  draft(): Promise<Uint8Array>;
  /** Run a script in the document (a string: tsx would rewrite a function with helpers the page lacks). */
  evaluate(script: string): Promise<unknown>;
}

/**
 * Hidden, every element keeps its box and Chromium still writes a named destination for every
 * linked one, but draws no glyph, border or image: a draft prints in about two thirds of the time.
 * Visibility never moves anything (the page map of a hidden draft is the same to the point).
 */
const HIDE_ALL = `(() => {
  const style = document.createElement("style");
  style.id = "print-draft-hidden";
  style.textContent = "*, *::before, *::after { visibility: hidden !important }";
  document.head.append(style);
  return true;
})()`;
const SHOW_ALL = `(() => { document.getElementById("print-draft-hidden")?.remove(); return true; })()`;

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
    // Styled for print from the start: a script's first style read (marking the page) would otherwise
    // style the whole document for the screen, some 0,25 s, only for the print to style it again.
    await page.emulateMediaType("print");
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    if (blocked.length > 0) {
      throw new ReportError(message.networkBlocked(blocked), ExitCode.network);
    }
    return await use({
      pdf: () =>
        page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
      draft: async () => {
        await page.evaluate(HIDE_ALL);
        try {
          return await page.pdf({
            format: "A4",
            preferCSSPageSize: true,
            printBackground: true,
            tagged: false,
            outline: false,
          });
        } finally {
          await page.evaluate(SHOW_ALL);
        }
      },
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
