/**
 * A table kind: everything the engine knows about one way of building a
 * table (frequency, crosstab, …), in one module under scripts/kinds/. The
 * pipeline's stages each call one part of it:
 *
 *   load      schema        the definition's settings in report/tables/*.json
 *   validate  checkNeeds    what the definition names exists in the data
 *   answers   respondents   counted from respondent-level answers (optional)
 *   compute   compute       data → a computed table
 *   chart     chartRows     the rows a chart's named dataset gets
 *   render    view          a plain view model its partial lays out
 *                           (templates/partials/kinds/<name>.hbs)
 *   render    dataNote      a note under the table the data calls for (optional)
 *   render    lookups       numbers the prose helpers cite
 *   changes   cells         every printed number, for the change summary
 *   render    provenance    where each printed number comes from (optional)
 *   downloads sheet         the table's numbers as a CSV file (optional)
 *
 * registry.ts lists the kinds in order; adding one is its module, its
 * partial and one line there.
 */
import type { z } from "zod";
import type { Fact } from "../compute/facts.ts";
import type { RoundingPolicyName } from "../compute/rounding.ts";
import type { Problem } from "../errors.ts";
import type { NumberFormat } from "../format/numbers.ts";
import type { FieldSchema, TableSchema } from "../load/schema.ts";
import type { Labels } from "../locale/index.ts";
import type { Said } from "../messages/index.ts";
import type { KindProvenance } from "../provenance/kind.ts";
import type { Codebook, Question } from "../respondents/codebook.ts";
import type { Respondents } from "../respondents/read.ts";
import type { DataRow, DataTable } from "../validate/table.ts";

/** The settings every table definition has, whatever its kind (kinds/common.ts holds their schema). */
export interface TableDefinitionBase {
  kind: string;
  title: string;
  question?: string;
  data: string;
  source?: string;
  note?: string;
  respondentsOnly: boolean;
  rounding?: RoundingPolicyName;
  /** Facts equal to the table's N or total, checked after compute (kinds/common.ts). */
  checks?: { n?: string; total?: string };
}

/** What every computed table carries; a kind adds its own numbers. */
export interface ComputedTableBase {
  kind: string;
  id: string;
  definition: TableDefinitionBase;
}

/**
 * A definition's zod schema: an object whose `kind` is a literal, so the
 * registry's schemas make one discriminated union.
 */
export type KindSchema<D extends TableDefinitionBase> = z.ZodType<D> & z.core.$ZodTypeDiscriminable;

/** How a table's numbers are printed: the report's number format and words. */
export interface PrintContext {
  format: NumberFormat;
  labels: Labels;
}

/** Stage 2's help for a definition: each returns the problems it finds (none when all is well). */
export interface NeedsCheck {
  /** The schema of the table's data file. */
  schema: TableSchema;
  /** A setting naming a column of the data file, which must have one of these types; undefined: not set. */
  column(setting: string, column: string | undefined, types: FieldSchema["type"][]): Problem[];
  /** A setting naming another data file under data/. */
  dataFile(setting: string, name: string): Problem[];
  /** A setting naming a fact (a row of a facts file). */
  fact(setting: string, id: string): Problem[];
  /** A problem with one of the definition's settings, located in its file. */
  problem(setting: string, said: Said): Problem;
}

export interface ComputeContext {
  id: string;
  /** The data file the definition names, checked against its schema. */
  data: DataTable;
  /** Any other data file by name; undefined when missing (checkNeeds reported it). */
  dataFile(name: string): DataTable | undefined;
  facts: Map<string, Fact>;
  /** The report/tables file defining the table, for messages. */
  definedIn: string;
  /** For numbers the computed table keeps as text (a grid prints its cells as written). */
  format: NumberFormat;
}

/**
 * The numbers prose cites from a table, formatted as the table prints them.
 * A key the table does not have throws a LookupError saying what it has.
 * A lookup a kind leaves out is one it has no numbers for: the helper then
 * says so with a LookupError naming the kinds that do.
 */
export interface KindLookups<T> {
  /** {{antall "table" …keys}} */
  count?(table: T, keys: string[], context: PrintContext): string;
  /** {{prosent "table" …keys}} */
  percent?(table: T, keys: string[], context: PrintContext): string;
  /** {{n "table"}} */
  n?(table: T, context: PrintContext): string;
  /** {{verdi "table" …keys field="value"}} */
  value?(table: T, keys: string[], filters: Record<string, string>, context: PrintContext): string;
}

/** One printed number of a table, as printed (the table's id is added by the caller). */
export interface KindCell {
  row: string;
  column: string;
  value: string;
}

export type ChartRow = Record<string, string | number | null>;

/** A column of a table's download: its header and what its cells hold. */
export interface SheetColumn {
  label: string;
  type: "string" | "integer" | "number";
}

/**
 * A table's numbers as a spreadsheet's rows (scripts/downloads/ writes them as
 * CSV): text, a number or empty. The first column names the rows.
 */
export interface Sheet {
  columns: SheetColumn[];
  rows: (string | number | null)[][];
}

/** Rows counted from answers, in the shape of the published data file. */
export interface DerivedRows {
  rows: DataRow[];
  /** Fields for a table with no published data file to take its schema from. */
  fields?: FieldSchema[];
}

export interface DeriveContext {
  codebook: Codebook;
  respondents: Respondents;
  /** The published data file, when there is one. */
  source?: DataTable;
  labels: Labels;
}

/**
 * The synthetic generator's shared state, for a kind's part in it: made-up
 * people whose answers the kind sets so that they add up to its published
 * table. Every random draw goes through `shuffled` and `noise`, in table
 * order, so the data is the same on every machine.
 */
export interface SyntheticAnswers {
  people: Record<string, number | null>[];
  /** What could not be reproduced exactly. */
  notes: string[];
  question(id: string): Question | undefined;
  /** The code of an answer label on the question's scale (answers and missing codes). */
  codeOf(question: Question, label: string): number | undefined;
  /** Those routed to the question. */
  askedOf(question: Question): Record<string, number | null>[];
  /** Give `codes` (one entry per answer) to randomly chosen people among `pool`; the rest get none. */
  deal(questionId: string, codes: number[], pool: Record<string, number | null>[], tableId: string): void;
  /** A copy in random order. */
  shuffled<T>(items: T[]): T[];
  /** Roughly normal noise around 0, enough to blur a latent order. */
  noise(): number;
  /** How many answer counts below the size to try when a distribution prints no N (the settings' `searchN`). */
  searchN: number;
}

/**
 * Validation's help for a definition's `respondents` spec, before anything
 * is counted: each returns the problems it finds with what the spec names
 * in the codebook (none when all is well), located in the definition's file.
 */
export interface CodebookLinks {
  codebook: Codebook;
  /** A setting naming a question answered with codes (to count, cross or group by). */
  choice(setting: string, id: string): Problem[];
  /** A setting naming a numeric question (to average). */
  numeric(setting: string, id: string): Problem[];
  /** A setting naming any question. */
  question(setting: string, id: string): Problem[];
  /** A setting naming an index; `bands`: its group must have bands to count. */
  index(setting: string, id: string, needs?: { bands?: boolean }): Problem[];
  /** A setting naming a group of indices. */
  indexGroup(setting: string, id: string): Problem[];
}

/** Counting a kind from respondent-level answers (`--svar`). */
export interface RespondentsPart<D extends TableDefinitionBase> {
  /** What the definition's spec names in the codebook, checked before counting; absent: it names nothing. */
  links?(definition: D, check: CodebookLinks): Problem[];
  /**
   * The table's rows counted from the answers; undefined when the definition
   * does not say how. Absent: the kind is never counted itself (see
   * `followsSharedData`).
   */
  derive?(definition: D, context: DeriveContext): DerivedRows | undefined;
  /** The definition as counted (e.g. without published percentages to differ from); absent: unchanged. */
  counted?(definition: D): D;
  /**
   * A kind computed from another table's data (means from published
   * distributions): when a table sharing its data file is counted, it follows
   * that table to the counted data.
   */
  followsSharedData?: boolean;
  /** Its part in the synthetic example; absent: the kind adds no answers. */
  synthesize?(tableId: string, definition: D, published: DataTable, answers: SyntheticAnswers): void;
}

export interface TableKind<
  D extends TableDefinitionBase = TableDefinitionBase,
  T extends ComputedTableBase = ComputedTableBase,
> {
  /** The `kind` of a table definition, the class of its <table> and its partial's name (partials/kinds/<name>.hbs). */
  readonly name: string;
  readonly schema: KindSchema<D>;
  checkNeeds(definition: D, check: NeedsCheck): Problem[];
  compute(definition: D, context: ComputeContext): { table?: T; problems: Problem[] };
  readonly lookups: KindLookups<T>;
  /** Where each number it prints and each number its lookups give comes from (provenance/kind.ts). */
  readonly provenance?: KindProvenance<T>;
  cells(table: T, context: PrintContext): KindCell[];
  chartRows(table: T, context: PrintContext): ChartRow[];
  /**
   * The table's numbers for its download, laid out as the table shows them
   * (its headings, its rows), each number rounded as the table prints it and,
   * where the engine rounded a number it computed, the number before rounding
   * beside it ("…, uavrundet"); absent: its printed cells, one per row.
   */
  sheet?(table: T, context: PrintContext): Sheet;
  /** The view model its partial lays out: plain values, numbers already formatted, nothing escaped. */
  view(table: T, context: PrintContext): Record<string, unknown>;
  /** A note the data itself calls for, printed after the definition's note; absent: the kind never has one. */
  dataNote?(table: T, context: PrintContext): string | undefined;
  /**
   * The table's N (those in the percentage base) and total (everyone), which
   * a definition's `checks` compare with facts; absent: the kind has neither,
   * and a definition of it may not declare `checks`.
   */
  totals?(table: T): { n: number; total: number };
  /**
   * Columns of the data file holding numbers as published that follow from
   * the counts (published percentages). `compute` reports each such cell that
   * no longer follows as a problem at its file, row and column, and `npm run
   * accept` empties exactly those; absent: the kind has none.
   */
  publishedColumns?(definition: D): string[];
  /** Absent: the kind is only read from published data. */
  readonly respondents?: RespondentsPart<D>;
}
