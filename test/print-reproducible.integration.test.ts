import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadAndCompute, pdfMetadata } from "../scripts/build.ts";
import { EditionCharts } from "../scripts/chart/edition-charts.ts";
import { embeddedFontFaces } from "../scripts/fonts/embed.ts";
import { localeFor } from "../scripts/locale/index.ts";
import { withBrowser } from "../scripts/print/browser.ts";
import { printPaginated } from "../scripts/print/paginate.ts";
import { numberStructureIds } from "../scripts/print/structure-ids.ts";
import { renderDocument } from "../scripts/render/document.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("structure ids", () => {
  it("are numbered by rank, keeping every byte offset", () => {
    const pdf = "1 0 obj <</ID (node00000722)>> 2 0 obj <</ID (node00000730) /A <</Headers [(node00000722)]>>>>";
    const renumbered = Buffer.from(numberStructureIds(Buffer.from(pdf, "latin1"))).toString("latin1");
    expect(renumbered).toBe(
      "1 0 obj <</ID (node00000001)>> 2 0 obj <</ID (node00000002) /A <</Headers [(node00000001)]>>>>",
    );
    expect(renumbered.length).toBe(pdf.length);
  });
});

describe("the print stage", () => {
  it("prints the same PDF whether it found the page numbers with drafts or took the previous build's", async () => {
    const { sources, model, editions } = await loadAndCompute({ root });
    const charts = await EditionCharts.draw(sources, model, editions, undefined, localeFor("nb"));
    const [edition] = editions;
    const { document } = renderDocument(sources, model, charts.of(edition.config.accent), {
      fonts: await embeddedFontFaces(),
      edition,
    });
    if (!document) throw new Error("no document");
    const metadata = { ...pdfMetadata(model.config, edition), date: new Date("2026-01-01T12:00:00Z") };
    // The same document with a sentence more in the first chapter's first paragraph.
    const chapter = document.paged.indexOf('<section class="chapter"');
    const paragraphEnd = document.paged.indexOf("</p>", chapter);
    const edited = `${document.paged.slice(0, paragraphEnd)} Her står en setning til.${document.paged.slice(paragraphEnd)}`;
    const [cold, warm, editedCold, editedWarm] = await withBrowser(async (browser) => {
      const first = await printPaginated(browser, document.paged, { metadata });
      const again = await printPaginated(browser, document.paged, {
        metadata,
        guess: { layout: first.pages, from: "previous build" },
      });
      const editedFirst = await printPaginated(browser, edited, { metadata });
      const editedAgain = await printPaginated(browser, edited, {
        metadata,
        guess: { layout: first.pages, from: "previous build" },
      });
      return [first, again, editedFirst, editedAgain];
    });
    // One draft: where the breaks it planned (a run-on, short chapter ends mended) move things is predicted from it.
    expect(cold.passes).toBe(2);
    expect(cold.pages.breaks.length).toBeGreaterThan(1);
    expect(warm.passes).toBe(1);
    expect(Buffer.from(warm.pdf).equals(Buffer.from(cold.pdf))).toBe(true);
    // The previous build's breaks do not hold for a changed document; its page numbers are no use with new ones:
    // a draft plans them again, and the final print checks the predicted numbers.
    expect(editedWarm.passes).toBe(2);
    expect(editedWarm.steps.draft).toBeGreaterThan(0);
    expect(Buffer.from(editedWarm.pdf).equals(Buffer.from(editedCold.pdf))).toBe(true);
    // The print edition never shows the phones' drawings, so its document has none.
    expect(document.paged).not.toContain('class="marks chart-narrow"');
    expect(document.paged).not.toContain("<!--narrow-chart:");
  }, 120_000);
});

describe("editions printed in one build", () => {
  it("start from a sibling's layout (the same front matter) and print what they print from scratch, in one pass", async () => {
    const { sources, model, editions } = await loadAndCompute({ root, editions: "all" });
    const charts = await EditionCharts.draw(sources, model, editions, undefined, localeFor("nb"));
    const withForeword = editions.filter((e) => e.foreword);
    expect(withForeword.length).toBeGreaterThan(1);
    const fonts = await embeddedFontFaces();
    const paged = (edition: (typeof editions)[number]) => {
      const { document } = renderDocument(sources, model, charts.of(edition.config.accent), { fonts, edition });
      if (!document) throw new Error("no document");
      return document.paged;
    };
    const [first, second] = withForeword;
    const metadata = { ...pdfMetadata(model.config, second), date: new Date("2026-01-01T12:00:00Z") };
    const [alone, fromSibling] = await withBrowser(async (browser) => {
      const sibling = await printPaginated(browser, paged(first), { metadata: pdfMetadata(model.config, first) });
      const cold = await printPaginated(browser, paged(second), { metadata });
      const guessed = await printPaginated(browser, paged(second), {
        metadata,
        guess: { layout: sibling.pages, from: "sibling edition" },
      });
      return [cold, guessed];
    });
    expect(fromSibling.passes).toBe(1);
    expect(Buffer.from(fromSibling.pdf).equals(Buffer.from(alone.pdf))).toBe(true);
  }, 120_000);
});
