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
    const part = kindOf(this.model.kinds, table.kind).provenance;
    if (!part) return undefined;
    const cells: TracedCell[] = part.cells(table, this.context);
    const files = [...new Set(cells.flatMap((c) => leaves(c.term).map((l) => l.file)).filter(Boolean))];
    // The table's own data file is named once above the rows; each cell's explanation leaves it out.
    const ownData = this.model.data.get(table.definition.data);
    const own = ownData && dataPath(ownData.name);
    const brief: ExplainContext = { ...this.words, brief: true, omitFile: own };
    const roundings = [...new Set(cells.flatMap((c) => roundingsOf(c.term)))].map((rounding) =>
      roundingText({ rounding: rounding as Parameters<typeof roundingText>[0]["rounding"] }, this.words),
    );
    const rows: TableProvenance["rows"] = [];
    for (const cell of cells) {
      const explained = explain(cell.term, brief);
      this.entries.push({
        id: `${place.anchor}/${table.id}/${cell.row}/${cell.column}`,
        text: cell.text,
        value: evaluate(cell.term).value,
        where: { ...place, table: table.id, row: cell.row, column: cell.column },
        print: cell.print,
        provenance: cell.term,
        explained: explain(cell.term, this.words),
      });
      let row = rows.at(-1);
      if (row?.row !== cell.row) {
        row = rows.find((r) => r.row === cell.row) ?? { row: cell.row, cells: [] };
        if (!rows.includes(row)) rows.push(row);
      }
      row.cells.push({ column: cell.column, text: cell.text, explained });
    }
    // The own file first: the one the cells leave unnamed.
    const ordered = own && files.includes(own) ? [own, ...files.filter((f) => f !== own)] : files;
    return { files: ordered, roundings, rows };
  }
}
