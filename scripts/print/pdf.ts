import type { Browser } from "puppeteer";
import { ExitCode, ReportError } from "../errors.ts";

/** Only inline content may load while printing; anything else is a leak to the network. */
function isLocal(url: string): boolean {
  return url.startsWith("data:") || url.startsWith("about:") || url.startsWith("blob:");
}

/**
 * Stage 6: print the HTML document to an A4 PDF. Every request that is not
 * inline is blocked, and the build fails if the document tried one.
 */
export async function printPdf(browser: Browser, html: string): Promise<Uint8Array> {
  return printPdfWith(browser, async (print) => print(html));
}

/**
 * Print with one page for several passes: `run` calls `print(html)` as often
 * as it needs (e.g. once more with the contents' page numbers filled in).
 */
export async function printPdfWith<T>(
  browser: Browser,
  run: (print: (html: string) => Promise<Uint8Array>) => Promise<T>,
): Promise<T> {
  // The browser starts with one blank page; using it saves opening another.
  const page = (await browser.pages())[0] ?? (await browser.newPage());
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
    return await run(async (html) => {
      await page.setContent(html, { waitUntil: "load" });
      // A string, not a function: tsx would rewrite a function with helpers the page lacks.
      await page.evaluate("document.fonts.ready.then(() => true)");
      if (blocked.length > 0) {
        throw new ReportError(
          `The document tried to load from the network while printing (blocked): ${blocked.join(", ")}`,
          ExitCode.network,
        );
      }
      return await page.pdf({
        format: "A4",
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
      });
    });
  } finally {
    await page.close();
  }
}
