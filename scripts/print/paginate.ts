import { createHash } from "node:crypto";
import type { LaunchedBrowser } from "./browser.ts";
import type { PdfMetadata } from "./finish-pdf.ts";
import type { RememberedLayout } from "./page-cache.ts";
import type { Mark } from "./page-map.ts";
import {
  LINK_TEXTS_SCRIPT,
  MARK_PREFIX,
  MARK_SCRIPT,
  RUNNING_HEADS_SCRIPT,
  TABLE_SCOPES_SCRIPT,
} from "./page-scripts.ts";
import { type Break, type PaginationProblem, paginationProblems, planBreaks, sameBreaks } from "./pagination.ts";
import { type PrintSession, withPrintSession } from "./pdf.ts";
import { predictPages } from "./predict-pages.ts";
import type { RunningHeads } from "./running-heads.ts";
import { numberStructureIds } from "./structure-ids.ts";

/** Contents numbers and pagination breaks usually settle in two or three prints; stop at this many (drafts and final). */
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
  const marked = new Set(marks.filter((m) => m.id.startsWith(MARK_PREFIX)).map((m) => m.id));
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
  /** How long each part of the print took, in ms, summed over its passes (for the bench). */
  steps: PrintSteps;
}

/** The parts of a print: loading the document, the drafts, the tagged print, reading prints back, finishing. */
export const PRINT_STEPS = ["load", "draft", "tagged", "read", "finish"] as const;
export type PrintSteps = Record<(typeof PRINT_STEPS)[number], number>;

/**
 * pdf-lib and the code that reads and finishes a print, loaded once, when the first print starts:
 * it loads while the tab loads the document and prints the first draft, not before.
 */
let reader: Promise<typeof import("./read-print.ts")> | undefined;
const readPrintModule = () => {
  reader ??= import("./read-print.ts");
  return reader;
};

/** The page map and the document's own page numbers of a print. */
async function placesIn(pdf: Uint8Array, marks: Mark[]) {
  const { doc, map, anchors } = await (await readPrintModule()).readPrint(pdf, marks);
  return { doc, map, pages: documentPages(anchors, marks) };
}

/**
 * Where a print may start from instead of drafts: what the previous build of the same edition
 * found (its breaks kept only if the document is unchanged), or what an edition printed just
 * before in this build found (a sibling: the same chapters with other front matter or colours,
 * so its breaks, which name the same blocks, are kept).
 */
export interface Guess {
  layout: RememberedLayout;
  from: "previous build" | "sibling edition";
}

export interface PrintOptions {
  /** The PDF's title, author, … (finish-pdf.ts); without, the PDF is not finished (and says so in `pdfua`). */
  metadata: PdfMetadata | undefined;
  guess?: Guess;
  /**
   * Called once the document is loaded in its tab: from then on Chromium works for a while without
   * asking Node anything, so Node's own long work (drawing charts) no longer delays the print's
   * round trips to the browser.
   */
  onLoaded?: () => void;
  /**
   * Called when drafts have found the page numbers and breaks the tagged print will be checked
   * against (before it prints): a sibling edition may start from them this early.
   */
  onDrafted?: (layout: RememberedLayout) => void;
}

/**
 * Print with true page numbers in the contents and pages a typesetter would
 * accept, from one load of the document. It is marked for the page map
 * (page-map.ts); without a guess, drafts (untagged and unpainted, cheaper)
 * are printed until the breaks pagination.ts plans (mending short chapter
 * ends and tables carrying too few rows over) stop moving. Then the final,
 * tagged PDF is printed with the last draft's page numbers and checked; had
 * it moved anything, numbers and breaks are set again and it is printed
 * again. The final PDF then gets its running heads, folios and PDF/UA-1
 * finish (finish-pdf.ts).
 *
 * `guess`: what the previous build or a sibling edition found. Usually still
 * right, and then no draft is needed: fill it in, print the final PDF, and
 * check it; a wrong guess costs one more pass.
 */
export async function printPaginated(
  browser: LaunchedBrowser,
  html: string,
  options: PrintOptions,
): Promise<PaginatedPdf> {
  const { metadata, guess } = options;
  const document = createHash("sha256").update(html).digest("hex").slice(0, 16);
  readPrintModule().catch(() => {}); // awaited where a print is read; a failure is reported there
  const steps = Object.fromEntries(PRINT_STEPS.map((step) => [step, 0])) as PrintSteps;
  const timed = async <T>(step: keyof PrintSteps, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      steps[step] += performance.now() - started;
    }
  };
  const started = performance.now();
  return withMarkedSession(browser, html, async (session, marks) => {
    steps.load = performance.now() - started;
    options.onLoaded?.();
    const keepBreaks = guess?.from === "sibling edition" || guess?.layout.document === document;
    let breaks: Break[] = guess && keepBreaks ? [...guess.layout.breaks] : [];
    let used = guess?.layout.pages;
    let passes = 0;
    /**
     * Read a print: whether it confirmed the numbers and breaks it was printed with, and whether the next
     * print's page numbers are known (its breaks held, or where the new ones move things was predicted).
     */
    const settle = async (pdf: Uint8Array) => {
      passes += 1;
      const placed = await timed("read", () => placesIn(pdf, marks));
      const printedWith = breaks;
      breaks = planBreaks(placed.map, printedWith);
      const breaksHeld = sameBreaks(breaks, printedWith);
      // A print with placeholders for the numbers ("00") confirms none.
      const settled = breaksHeld && used !== undefined && samePages(used, placed.pages);
      const predicted = breaksHeld ? undefined : predictPages(placed.map, placed.pages, printedWith, breaks);
      used = predicted ?? placed.pages;
      return { ...placed, known: breaksHeld || predicted !== undefined, settled: settled || passes >= MAX_PASSES };
    };
    const set = async () => {
      await session.evaluate(setBreaks(breaks));
      if (used) await session.evaluate(fillPageNumbers(used));
    };
    // Drafts until the page numbers are known: the numbers then go into the final print, which checks them
    // (a page number's own width seldom moves anything, so a draft only to confirm them would be wasted).
    // A changed document whose last print needed breaks needs them again: a draft finds them cheaper than a print.
    if (!guess || (!keepBreaks && guess.layout.breaks.length > 0)) {
      let draft: Awaited<ReturnType<typeof settle>>;
      do {
        await set();
        draft = await settle(await timed("draft", () => session.draft()));
      } while (!draft.known && !draft.settled);
      options.onDrafted?.({ pages: used ?? draft.pages, breaks, document });
    }
    for (;;) {
      await set();
      // The structure ids are renumbered first: the file identifier below is taken from these bytes.
      const pdf = numberStructureIds(await timed("tagged", () => session.pdf()));
      const { doc, map, pages, settled } = await settle(pdf);
      if (settled) {
        const heads = (await session.evaluate(RUNNING_HEADS_SCRIPT)) as RunningHeads;
        const scopes = (await session.evaluate(TABLE_SCOPES_SCRIPT)) as string[];
        const links = (await session.evaluate(LINK_TEXTS_SCRIPT)) as Record<string, string>;
        const { finishPdf } = await readPrintModule();
        const finished = metadata
          ? await timed("finish", () => finishPdf(doc, pdf, metadata, { map, heads, scopes, links }))
          : { pdf, pdfua: ["no metadata given"] };
        return {
          pdf: finished.pdf,
          pages: { pages, breaks, document },
          passes,
          problems: paginationProblems(map),
          pdfua: finished.pdfua,
          steps,
        };
      }
    }
  });
}

/** A print session whose document is marked for the page map. */
function withMarkedSession<T>(
  browser: LaunchedBrowser,
  html: string,
  use: (session: PrintSession, marks: Mark[]) => Promise<T>,
): Promise<T> {
  return withPrintSession(browser, html, async (session) =>
    use(session, (await session.evaluate(MARK_SCRIPT)) as Mark[]),
  );
}
