import type { PageMap, Placed } from "./page-map.ts";
import { type Break, breakKey } from "./pagination.ts";

/**
 * The pages a print with newly planned breaks will show, told from the page
 * map of the print that planned them, so that no draft is printed only to
 * find them out. Chapters open on a new page, so a break moves only what
 * follows it in its own chapter, and a run-on only the chapter it runs on and
 * the pages after it:
 *
 * - a page break on a chapter's second-last page (the typesetter's mending of
 *   a short last page, pagination.ts) moves the rest of that page over, and
 *   the chapter still ends on its last page when what is moved fits there;
 * - a chapter of one page run on below a short one moves onto that page when
 *   it fits below it, and every later page comes one earlier.
 *
 * Anything else (a break elsewhere in a chapter, a break dropped, two in one
 * chapter, a fit too close to call) is not predicted: the caller prints a draft
 * instead. The print made with a prediction is checked like any other
 * (paginate.ts), so a wrong one costs a pass, never a wrong page number.
 */

/**
 * Room kept free on a page beyond what the map measures, in pt: three lines of text. Margins a break
 * truncated come back when what was broken is moved whole, and the block after a forced break keeps its own.
 */
const SLACK = 3 * 1.5 * 10.5;
/** The most a chapter run on below another starts below its end, in pt: its heading's margin (style.css, 3.5rem at 10.5pt). */
const RUN_ON_GAP = 3.5 * 10.5;

interface Move {
  /** The unit whose marks move, and from which mark on (its index in `placed`). */
  unit: number;
  from: number;
  /** Marks of `unit` from `from` on, on `onPage`, go to `toPage` (all of the unit's marks when `onPage` is undefined). */
  onPage?: number;
  toPage: number;
  /** Later units' pages move by this much. */
  shiftAfter: number;
}

/**
 * The document's own anchors' pages once `planned` is printed, from the page
 * map and anchor pages of a print with `printedWith`; undefined when that
 * cannot be told safely.
 */
export function predictPages(
  map: PageMap,
  pages: Map<string, number>,
  printedWith: Break[],
  planned: Break[],
): Map<string, number> | undefined {
  const printed = new Set(printedWith.map(breakKey));
  const plannedKeys = new Set(planned.map(breakKey));
  if (printedWith.some((b) => !plannedKeys.has(breakKey(b)))) return undefined; // a break dropped: what it held moves
  const added = planned.filter((b) => !printed.has(breakKey(b)));
  const index = new Map(map.placed.map((p, i) => [p.id, i]));

  const moves: Move[] = [];
  for (const b of added) {
    const at = index.get(b.id);
    if (at === undefined) return undefined;
    const move = b.kind === "page" ? pageBreakMove(map, at) : runOnMove(map, at);
    if (!move) return undefined;
    moves.push(move);
  }
  const touched = moves.flatMap((m) => (m.shiftAfter === 0 ? [m.unit] : [m.unit, m.unit - 1]));
  if (new Set(touched).size !== touched.length) return undefined; // two moves in one chapter: the second's map is gone

  // A mark's own chapter's move first (in the pages of this print), then what earlier chapters' moves shift.
  const pageOf = (p: Placed, i: number): number => {
    let page = p.page;
    for (const m of moves) {
      if (p.unit === m.unit && i >= m.from && (m.onPage === undefined || p.page === m.onPage)) page = m.toPage;
    }
    for (const m of moves) if (p.unit > m.unit) page += m.shiftAfter;
    return page;
  };
  const moved = new Map(map.placed.map((p, i) => [p.id, pageOf(p, i)]));
  const firstMoved = Math.min(...moves.map((m) => m.onPage ?? m.toPage + 1));
  const predicted = new Map<string, number>();
  for (const [id, page] of pages) {
    const own = moved.get(id);
    // An anchor that is no mark (inside a block) is told only before the first page anything leaves.
    if (own === undefined && page >= firstMoved) return undefined;
    predicted.set(id, own ?? page);
  }
  return predicted;
}

/** The marks of a unit, in order, with their indices in the map. */
function unitMarks(map: PageMap, unit: number): { p: Placed; i: number }[] {
  return map.placed.flatMap((p, i) => (p.unit === unit ? [{ p, i }] : []));
}

/** A page break before the mark at `at`: predicted only on its chapter's second-last page, when the rest fits on the last. */
function pageBreakMove(map: PageMap, at: number): Move | undefined {
  const b = map.placed[at];
  if (b.kind !== "block" && b.kind !== "row") return undefined;
  const marks = unitMarks(map, b.unit);
  const end = marks.find(({ p }) => p.kind === "end")?.p;
  if (!end || end.page !== b.page + 1) return undefined;
  // What moves over, taken as running to the page's foot (the most it can be), above what the last page holds.
  const most = map.areaHeight - b.offset + end.offset;
  if (most + SLACK > map.areaHeight) return undefined;
  return { unit: b.unit, from: at, onPage: b.page, toPage: b.page + 1, shiftAfter: 0 };
}

/** A chapter of one page run on below the short chapter before it: predicted when it fits below it. */
function runOnMove(map: PageMap, at: number): Move | undefined {
  const start = map.placed[at];
  if (start.kind !== "start" || start.role !== "chapter") return undefined;
  const own = unitMarks(map, start.unit);
  const end = own.find(({ p }) => p.kind === "end")?.p;
  const before = unitMarks(map, start.unit - 1).find(({ p }) => p.kind === "end")?.p;
  if (!end || !before || end.page !== start.page || before.page !== start.page - 1) return undefined;
  if (before.offset + RUN_ON_GAP + (end.offset - start.offset) + SLACK > map.areaHeight) return undefined;
  return { unit: start.unit, from: at, toPage: before.page, shiftAfter: -1 };
}
