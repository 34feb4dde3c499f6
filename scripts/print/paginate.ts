import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { anchorPagesOf } from "./anchor-pages.ts";
import type { LaunchedBrowser } from "./browser.ts";
import { finishPdf, type PdfMetadata } from "./finish-pdf.ts";
import type { RememberedLayout } from "./page-cache.ts";
import { MARK_SCRIPT, type Mark, readPageMap } from "./page-map.ts";
import { type Break, type PaginationProblem, paginationProblems, planBreaks, sameBreaks } from "./pagination.ts";
import { type PrintSession, withPrintSession } from "./pdf.ts";
import { LINK_TEXTS_SCRIPT, TABLE_SCOPES_SCRIPT } from "./pdfua.ts";
import { RUNNING_HEADS_SCRIPT, type RunningHeads } from "./running-heads.ts";

/** Contents numbers and pagination breaks usually settle in two or three prints; stop at this many. */
const MAX_PASSES = 5;

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

/** Set the breaks pagination planned (classes of the print CSS in templates/style.css), and only those. */
function setBreaks(breaks: Break[]): string {
  return `(() => {
    for (const el of document.querySelectorAll(".print-break, .print-run-on")) el.classList.remove("print-break", "print-run-on");
    for (const [id, kind] of ${JSON.stringify(breaks.map((b) => [b.id, b.kind]))}) {
      document.getElementById(id)?.classList.add(kind === "page" ? "print-break" : "print-run-on");
    }
    return true;
  })()`;
}

/** The document's own destinations (the page map's marks are not the contents' business). */
function documentPages(pages: Map<string, number>, marks: Mark[]): Map<string, number> {
  const marked = new Set(marks.filter((m) => m.id.startsWith("pm-")).map((m) => m.id));
  return new Map([...pages].filter(([id]) => !marked.has(id)));
}

export interface PaginatedPdf {
  pdf: Uint8Array;
  /** What the next build may start from (see page-cache.ts). */
  pages: RememberedLayout;
  passes: number;
  /** Rules of pagination still broken after the last pass (none, normally). */
  problems: PaginationProblem[];
  /** Covered PDF/UA-1 checks that failed (none: the PDF says it is PDF/UA-1). */
  pdfua: string[];
}

/**
 * Print with true page numbers in the contents and pages a typesetter would
 * accept. The document is marked for the page map (page-map.ts) and printed
 * as a draft (untagged, which is cheaper); the page map gives where every
 * heading, table and figure landed, and pagination.ts the breaks that mend
 * short chapter ends and tables carrying too few rows over. Numbers and
 * breaks go into the loaded page and the final, tagged PDF is printed; if
 * that moved anything (numbers, or new problems), fill and print again until
 * nothing moves. The final PDF then gets its running heads, folios and
 * PDF/UA-1 finish (finish-pdf.ts).
 *
 * `guess`: what the previous build of the same document found. Usually still
 * right, and then the draft is not needed: fill it in, print the final PDF,
 * and check it; a wrong guess costs one more pass.
 */
export async function printPaginated(
  browser: LaunchedBrowser,
  html: string,
  metadata: PdfMetadata | undefined,
  guess?: RememberedLayout,
): Promise<PaginatedPdf> {
  const document = createHash("sha256").update(html).digest("hex").slice(0, 16);
  // The final PDF comes from a tab that does nothing but load, take the numbers and print, so it is
  // the same whichever way the numbers were found (Chromium numbers a tab's structure elements as it
  // prints). Without a guess, a draft prints in a second tab that loads at the same time.
  const draft = guess
    ? undefined
    : withMarkedSession(browser, html, async (session, marks) => {
        const doc = await load(await session.draft());
        return { map: readPageMap(doc, marks), pages: documentPages(anchorPagesOf(doc), marks) };
      });
  draft?.catch(() => {}); // awaited below; a failure is reported there
  return withMarkedSession(browser, html, async (final, marks) => {
    let breaks: Break[] = guess?.document === document ? [...guess.breaks] : [];
    let used: Map<string, number>;
    let passes = 0;
    if (guess) {
      used = guess.pages;
    } else {
      const drafted = await (draft as NonNullable<typeof draft>);
      used = drafted.pages;
      breaks = planBreaks(drafted.map, breaks);
      passes = 1;
    }
    for (;;) {
      await final.evaluate(setBreaks(breaks));
      await final.evaluate(fillPageNumbers(used));
      const pdf = await final.pdf();
      passes += 1;
      const doc = await load(pdf);
      const map = readPageMap(doc, marks);
      const found = documentPages(anchorPagesOf(doc), marks);
      const planned = planBreaks(map, breaks);
      if ((samePages(used, found) && sameBreaks(planned, breaks)) || passes >= MAX_PASSES) {
        const heads = (await final.evaluate(RUNNING_HEADS_SCRIPT)) as RunningHeads;
        const scopes = (await final.evaluate(TABLE_SCOPES_SCRIPT)) as string[];
        const links = (await final.evaluate(LINK_TEXTS_SCRIPT)) as Record<string, string>;
        const finished = metadata
          ? await finishPdf(doc, pdf, metadata, { map, heads, scopes, links })
          : { pdf, pdfua: ["no metadata given"] };
        return {
          pdf: finished.pdf,
          pages: { pages: found, breaks, document },
          passes,
          problems: paginationProblems(map),
          pdfua: finished.pdfua,
        };
      }
      breaks = planned;
      used = found;
    }
  });
}

function load(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false });
}

/** A print session whose document is marked for the page map (the same marks in every tab). */
function withMarkedSession<T>(
  browser: LaunchedBrowser,
  html: string,
  use: (session: PrintSession, marks: Mark[]) => Promise<T>,
): Promise<T> {
  return withPrintSession(browser, html, async (session) =>
    use(session, (await session.evaluate(MARK_SCRIPT)) as Mark[]),
  );
}
