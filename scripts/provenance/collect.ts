/**
 * The numbers a rendered document prints, each with its provenance, in the
 * order they stand: prose numbers from the helpers (ids `tall-1`, `tall-2`,
 * … in bokmål: they are also the HTML ids of their explanations), table and
 * figure cells from their kinds. The build writes them beside the HTML as
 * `<report>.<numbers>.json` (index.ts).
 */
import type { ComputedTable, ReportModel } from "../compute/model.ts";
import { kindOf } from "../kinds/definitions.ts";
import { type ExplainContext, explain, roundingsOf, roundingText } from "./explain.ts";
import { dataPath, type TraceContext, type TracedCell } from "./kind.ts";
import { evaluate, leaves, type PrintSpec, type Term, type Traced } from "./term.ts";

/** Where a number stands: in the text (chapter file, line and the helper that printed it), or in a table's cell. */
export type NumberPlace =
  | { in: "text"; file: string; line?: number; helper: string }
  | { in: "table" | "figure"; id: string; label: string; anchor: string; table: string; row: string; column: string };

export interface NumberEntry {
  id: string;
  /** As printed. */
  text: string;
  /** The number as the rule gives it, before printing. */
  value: number;
  where: NumberPlace;
  print: PrintSpec;
  provenance: Term;
  /** The provenance in the report's language, as the web edition shows it. */
  explained: string;
}

/** A table's or figure's numbers, for its disclosure: by printed row, each cell's explanation. */
export interface TableProvenance {
  files: string[];
  /** How its percentages were rounded, in words (said once, not per cell). */
  roundings: string[];
  rows: { row: string; cells: { column: string; text: string; explained: string }[] }[];
}

/** A table's cells with their values and explanations, and its disclosure: the same wherever it is placed. */
interface TracedTable {
  cells: (TracedCell & { value: number; explained: string })[];
  provenance: TableProvenance;
}

/**
 * By model (its words and formats explain the cells) and table, as long as they live; undefined
 * for a kind without provenance.
 */
const tracedTables = new WeakMap<object, WeakMap<ComputedTable, TracedTable | undefined>>();

export class NumberIndex {
  readonly entries: NumberEntry[] = [];
  private prose = 0;
  readonly context: TraceContext;
  private readonly words: ExplainContext;

  constructor(
    private readonly model: Pick<ReportModel, "kinds" | "format" | "locale" | "data" | "facts">,
    /** The prefix of prose numbers' ids: also their HTML ids. */
    private readonly prefix = "tall",
  ) {
    const labels = model.locale.labels;
    this.context = { format: model.format, labels, data: (name) => model.data.get(name), facts: model.facts };
    this.words = { format: model.format, words: labels.provenance };
  }

  /** A number the prose prints: its entry's id. */
  addProse(text: string, traced: Traced, where: Extract<NumberPlace, { in: "text" }>): NumberEntry {
    this.prose += 1;
    const entry: NumberEntry = {
      id: `${this.prefix}-${this.prose}`,
      text,
      value: evaluate(traced.term).value,
      where,
      print: traced.print,
      provenance: traced.term,
      explained: explain(traced.term, this.words),
    };
    this.entries.push(entry);
    return entry;
  }

  /**
   * Every number a placed table (or a figure's data table) prints; what its
   * disclosure lists. Undefined when its kind has no provenance part.
   */
  addTable(
    table: ComputedTable,
    place: { in: "table" | "figure"; id: string; label: string; anchor: string },
  ): TableProvenance | undefined {
    const traced = this.traced(table);
    if (!traced) return undefined;
    for (const cell of traced.cells) {
      this.entries.push({
        id: `${place.anchor}/${table.id}/${cell.row}/${cell.column}`,
        text: cell.text,
        value: cell.value,
        where: { ...place, table: table.id, row: cell.row, column: cell.column },
        print: cell.print,
        provenance: cell.term,
        explained: cell.explained,
      });
    }
    return traced.provenance;
  }

  /**
   * A table's cells traced and explained, once per table: every edition's
   * document (and every dev rebuild that keeps the model) places the same
   * tables, wherever in the text.
   */
  private traced(table: ComputedTable): TracedTable | undefined {
    let ofModel = tracedTables.get(this.model);
    if (!ofModel) {
      ofModel = new WeakMap();
      tracedTables.set(this.model, ofModel);
    }
    if (ofModel.has(table)) return ofModel.get(table);
    const part = kindOf(this.model.kinds, table.kind).provenance;
    const traced = part && this.trace(table, part.cells(table, this.context));
    ofModel.set(table, traced);
    return traced;
  }

  private trace(table: ComputedTable, cells: TracedCell[]): TracedTable {
    const files = [...new Set(cells.flatMap((c) => leaves(c.term).map((l) => l.file)).filter(Boolean))];
    // The table's own data file is named once above the rows; each cell's explanation leaves it out.
    const ownData = this.model.data.get(table.definition.data);
    const own = ownData && dataPath(ownData.name);
    const brief: ExplainContext = { ...this.words, brief: true, omitFile: own };
    const roundings = [...new Set(cells.flatMap((c) => roundingsOf(c.term)))].map((rounding) =>
      roundingText({ rounding: rounding as Parameters<typeof roundingText>[0]["rounding"] }, this.words),
    );
    const rows = new Map<string, TableProvenance["rows"][number]>();
    const explainedCells = cells.map((cell) => {
      let row = rows.get(cell.row);
      if (!row) {
        row = { row: cell.row, cells: [] };
        rows.set(cell.row, row);
      }
      row.cells.push({ column: cell.column, text: cell.text, explained: explain(cell.term, brief) });
      return { ...cell, value: evaluate(cell.term).value, explained: explain(cell.term, this.words) };
    });
    // The own file first: the one the cells leave unnamed.
    const ordered = own && files.includes(own) ? [own, ...files.filter((f) => f !== own)] : files;
    return { cells: explainedCells, provenance: { files: ordered, roundings, rows: [...rows.values()] } };
  }
}
