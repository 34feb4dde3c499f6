import { describe, expect, it } from "vitest";
import type { PageMap, Placed } from "../scripts/print/page-map.ts";
import type { Break } from "../scripts/print/pagination.ts";
import { predictPages } from "../scripts/print/predict-pages.ts";

/**
 * Predicting where newly planned breaks move things (scripts/print/predict-pages.ts), on a page map
 * made by hand: page area 700 pt; the contents on page 2, then chapters A (page 3, short), B (page 4,
 * one page), C (pages 5–6, a short last page) and D (page 7).
 */
const AREA = 700;
const at = (id: string, unit: number, kind: Placed["kind"], page: number, offset: number, extra = {}): Placed => ({
  id,
  unit,
  kind,
  page,
  offset,
  ...(kind === "start" ? { role: unit === 0 ? "contents" : "chapter" } : {}),
  ...extra,
});

function map(bLength = 400): PageMap {
  return {
    pageCount: 7,
    areaHeight: AREA,
    placed: [
      at("innhold-start", 0, "start", 2, 0),
      at("innhold-end", 0, "end", 2, 300),
      at("a", 1, "start", 3, 26),
      at("a-text", 1, "block", 3, 60, { tag: "p" }),
      at("a-end", 1, "end", 3, 150),
      at("b", 2, "start", 4, 26),
      at("b-heading", 2, "block", 4, 26, { tag: "h1" }),
      at("b-end", 2, "end", 4, bLength),
      at("c", 3, "start", 5, 26),
      at("c-heading", 3, "block", 5, 26, { tag: "h1" }),
      at("c-early", 3, "block", 5, 200, { tag: "p" }),
      at("c-section", 3, "block", 5, 450, { tag: "h2" }),
      at("c-late", 3, "block", 5, 600, { tag: "p" }),
      at("c-over", 3, "block", 6, 20, { tag: "p" }),
      at("c-end", 3, "end", 6, 100),
      at("d", 4, "start", 7, 26),
      at("d-heading", 4, "block", 7, 26, { tag: "h1" }),
      at("d-end", 4, "end", 7, 500),
    ],
  };
}

/** The document's own anchors (headings and one figure inside a block) and their pages in that print. */
const pages = new Map([
  ["innhold", 2],
  ["b-heading", 4],
  ["c-heading", 5],
  ["c-section", 5],
  ["c-over", 6],
  ["d-heading", 7],
]);

const runOnB: Break = { id: "b", kind: "run-on" };
const breakBeforeSection: Break = { id: "c-section", kind: "page" };

describe("predicted pages", () => {
  it("move a chapter run on below a short one onto its page, and every later page one earlier", () => {
    expect(predictPages(map(), pages, [], [runOnB])).toEqual(
      new Map([
        ["innhold", 2],
        ["b-heading", 3],
        ["c-heading", 4],
        ["c-section", 4],
        ["c-over", 5],
        ["d-heading", 6],
      ]),
    );
  });

  it("move the rest of a chapter's second-last page over to its last, and nothing after the chapter", () => {
    const predicted = predictPages(map(), pages, [], [breakBeforeSection]);
    expect(predicted?.get("c-heading")).toBe(5);
    expect(predicted?.get("c-section")).toBe(6);
    expect(predicted?.get("c-over")).toBe(6);
    expect(predicted?.get("d-heading")).toBe(7);
  });

  it("add up: a run-on before a chapter's mended end, and breaks the print already had", () => {
    const both = predictPages(map(), pages, [], [runOnB, breakBeforeSection]);
    expect(both?.get("c-section")).toBe(5);
    expect(both?.get("c-heading")).toBe(4);
    expect(both?.get("d-heading")).toBe(6);
    expect(predictPages(map(), pages, [runOnB], [runOnB, breakBeforeSection])?.get("c-section")).toBe(6);
  });

  it("are not told when a run-on chapter may not fit below the one before", () => {
    // 150 (A's end) + 36,75 (the run-on heading's margin) + 600 (B's length) + 47,25 (slack) > 700.
    expect(predictPages(map(626), pages, [], [runOnB])).toBeUndefined();
    expect(predictPages(map(450), pages, [], [runOnB])).toBeDefined();
  });

  it("are not told for a break whose rest may not fit, away from a chapter's end, dropped, or two in one chapter", () => {
    // From 200 pt down, page 5 and page 6's 100 pt fit on one page; from 26 pt down they may not.
    expect(predictPages(map(), pages, [], [{ id: "c-early", kind: "page" }])?.get("c-section")).toBe(6);
    expect(predictPages(map(), pages, [], [{ id: "c-heading", kind: "page" }])).toBeUndefined();
    expect(predictPages(map(), pages, [], [{ id: "d-heading", kind: "page" }]), "a one-page chapter").toBeUndefined();
    expect(predictPages(map(), pages, [runOnB], [breakBeforeSection]), "the run-on dropped").toBeUndefined();
    expect(
      predictPages(map(), pages, [], [breakBeforeSection, { id: "c-late", kind: "page" }]),
      "two breaks in C",
    ).toBeUndefined();
    expect(predictPages(map(), pages, [], [{ id: "no-such-block", kind: "page" }])).toBeUndefined();
  });

  it("keep an anchor that is no mark only where nothing has moved yet", () => {
    const withFigure = new Map([...pages, ["figure-in-a-block", 6]]);
    expect(predictPages(map(), withFigure, [], [breakBeforeSection])).toBeUndefined();
    const early = new Map([...pages, ["figure-in-a-block", 4]]);
    expect(predictPages(map(), early, [], [breakBeforeSection])?.get("figure-in-a-block")).toBe(4);
  });
});
