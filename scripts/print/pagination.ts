import type { PageMap, Placed } from "./page-map.ts";

/**
 * The typesetter's rules, applied to a page map:
 *
 * - chapters open on a new page (the CSS), and no chapter ends on a page it
 *   fills less than a third of: the chapter's last blocks are moved over
 *   with it (a forced break before a heading, a table or figure, a paragraph
 *   or a table row on the page before), so both pages carry a third or more;
 * - a chapter that fills less than a third of its only page (a short
 *   abstract, say) has the next chapter run on below it;
 * - a table never carries fewer than three rows over to the next page.
 *
 * Each pass of the print stage plans breaks from the page map of the last
 * print; the rules hold when a pass plans no change. Cover, colophon and foreword are pages of their own by design.
 */

export interface Break {
  /** The marked element's id. */
  id: string;
  /** "page": a forced page break before the element; "run-on": the chapter starts below the previous one. */
  kind: "page" | "run-on";
}

export interface PaginationProblem {
  page: number;
  rule: "short-last-page" | "table-carry-over";
  detail: string;
}

const MIN_ROWS_OVER = 3;
/** How much of the page area a chapter's last page must fill. */
const MIN_FILL = 1 / 3;

interface Unit {
  index: number;
  start: Placed;
  end: Placed;
  blocks: Placed[];
}

function unitsOf(map: PageMap): Unit[] {
  const units = new Map<number, Partial<Unit> & { blocks: Placed[] }>();
  for (const p of map.placed) {
    const unit = units.get(p.unit) ?? { index: p.unit, blocks: [] };
    if (p.kind === "start") unit.start = p;
    else if (p.kind === "end") unit.end = p;
    else unit.blocks.push(p);
    units.set(p.unit, unit);
  }
  return [...units.values()].filter((u): u is Unit => u.start !== undefined && u.end !== undefined);
}

/** Whether the next unit starts on this one's last page (it runs on, and fills the page). */
function sharesLastPage(unit: Unit, next: Unit | undefined): boolean {
  return next !== undefined && next.start.page === unit.end.page;
}

/** Body and foot rows of each table (the head repeats on every page and carries nothing over). */
function tablesOf(map: PageMap): Placed[][] {
  const tables = new Map<number, Placed[]>();
  for (const p of map.placed) {
    if (p.kind !== "row" || p.part === "head" || p.table === undefined) continue;
    tables.set(p.table, [...(tables.get(p.table) ?? []), p]);
  }
  return [...tables.values()];
}

/** What breaks the rules in this page map. */
export function paginationProblems(map: PageMap): PaginationProblem[] {
  const problems: PaginationProblem[] = [];
  const min = map.areaHeight * MIN_FILL;
  const units = unitsOf(map);
  for (const [i, unit] of units.entries()) {
    if (unit.start.role !== "chapter" || sharesLastPage(unit, units[i + 1])) continue;
    if (unit.end.offset < min) {
      problems.push({
        page: unit.end.page,
        rule: "short-last-page",
        detail: `${unit.start.id} fills ${Math.round((unit.end.offset / map.areaHeight) * 100)} % of its last page`,
      });
    }
  }
  for (const rows of tablesOf(map)) {
    const last = rows[rows.length - 1];
    const over = rows.filter((r) => r.page === last.page).length;
    if (last.page > rows[0].page && over < MIN_ROWS_OVER) {
      problems.push({ page: last.page, rule: "table-carry-over", detail: `${over} rows of a table carried over` });
    }
  }
  return problems;
}

/**
 * The breaks to print with next: `current` (the breaks this page map was
 * printed with) with those that mend its problems added. A new break makes
 * the current breaks after it in the same chapter moot (all that follows
 * moves), so they are dropped: each is planned again from the next print if
 * still needed. The rules hold when the result equals `current`.
 */
export function planBreaks(map: PageMap, current: Break[] = []): Break[] {
  const added: Break[] = [];
  const min = map.areaHeight * MIN_FILL;
  const order = new Map(map.placed.map((p, i) => [p.id, i]));

  // Tables first: moving rows changes where the chapter ends.
  const mended = new Set<number>();
  for (const rows of tablesOf(map)) {
    const last = rows[rows.length - 1];
    const over = rows.filter((r) => r.page === last.page).length;
    if (last.page === rows[0].page || over >= MIN_ROWS_OVER) continue;
    const firstOver = rows.length - over;
    const moveFrom = firstOver - (MIN_ROWS_OVER - over);
    // Too short to split so: the whole table goes (its block, with caption, breaks before).
    const target = moveFrom >= 1 ? rows[moveFrom] : blockOf(map, rows[0], order);
    if (target) {
      added.push({ id: target.id, kind: "page" });
      mended.add(target.unit);
    }
  }

  const units = unitsOf(map);
  for (const [i, unit] of units.entries()) {
    const next = units[i + 1];
    if (unit.start.role !== "chapter" || unit.end.offset >= min || mended.has(unit.index)) continue;
    if (sharesLastPage(unit, next)) continue;
    if (unit.end.page === unit.start.page) {
      // A short chapter alone on its page: the next chapter follows on the same page.
      if (next?.start.role === "chapter") added.push({ id: next.start.id, kind: "run-on" });
      continue;
    }
    const moved = breakBefore(map, unit, min);
    if (moved) added.push({ id: moved.id, kind: "page" });
    else if (next?.start.role === "chapter") added.push({ id: next.start.id, kind: "run-on" });
  }

  const unitOf = new Map(map.placed.map((p) => [p.id, p.unit]));
  const at = (b: Break) => order.get(b.id) ?? -1;
  const kept = current.filter(
    (b) =>
      b.kind === "run-on" ||
      !added.some((a) => a.kind === "page" && unitOf.get(a.id) === unitOf.get(b.id) && at(a) < at(b)),
  );
  const ids = new Set(kept.map((b) => b.id));
  return [...kept, ...added.filter((a) => !ids.has(a.id))];
}

/** Whether two sets of breaks are the same. */
export function sameBreaks(a: Break[], b: Break[]): boolean {
  const keys = new Set(a.map(breakKey));
  return a.length === b.length && b.every((x) => keys.has(breakKey(x)));
}

/** A break as one string: two breaks are the same when their keys are. */
export const breakKey = (b: Break): string => `${b.kind}:${b.id}`;

/** The block of the chapter that holds a table row (its .table-block), if it was marked. */
function blockOf(map: PageMap, row: Placed, order: Map<string, number>): Placed | undefined {
  const index = order.get(row.id) ?? 0;
  for (let i = index - 1; i >= 0; i--) {
    const p = map.placed[i];
    if (p.kind === "block" && p.unit === row.unit && p.page <= row.page) return p;
  }
  return undefined;
}

/** Preferred places to break, best first: before a section heading, a table or figure, a list or paragraph, a row. */
function rank(p: Placed): number {
  if (p.kind === "row") return 4;
  if (p.tag === "h2" || p.tag === "h3") return 0;
  if (p.tag === "div" || p.tag === "figure") return 1;
  return 2;
}

/**
 * The latest good place on the page before the chapter's last page where a
 * break moves at least a third of a page over, keeping a third above it.
 * Never directly after a heading (the heading would be left behind), never
 * inside a table's first or last three rows.
 */
function breakBefore(map: PageMap, unit: Unit, min: number): Placed | undefined {
  const page = unit.end.page - 1;
  const candidates: Placed[] = [];
  const blocks = unit.blocks;
  for (const [i, p] of blocks.entries()) {
    if (p.page !== page || p.offset < min) continue;
    // What goes over: the rest of this page (taken as full, so rather too much) and the last page's content.
    if (map.areaHeight - p.offset + unit.end.offset < min) continue;
    const before = blocks.slice(0, i).filter((b) => b.kind === "block");
    const previous = before[before.length - 1];
    if (p.kind === "block" && (previous?.tag === "h2" || previous?.tag === "h3") && previous.page === page) continue;
    if (p.kind === "row") {
      if (p.part !== "body") continue;
      const rows = blocks.filter((b) => b.kind === "row" && b.table === p.table && b.part !== "head");
      const at = rows.indexOf(p);
      if (at < MIN_ROWS_OVER || rows.length - at < MIN_ROWS_OVER) continue;
    }
    candidates.push(p);
  }
  // The latest candidate of the best kind: as little moved as the rules allow, at the best joint.
  candidates.sort((a, b) => rank(a) - rank(b) || b.offset - a.offset);
  return candidates[0];
}
