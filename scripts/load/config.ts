import { z } from "zod";
import { ROUNDING_POLICIES, type RoundingPolicyName } from "../compute/rounding.ts";
import { findLocale, knownLanguages } from "../locale/index.ts";

/**
 * `report/report.json`: what the report is and which chapters it has, in
 * order. `report/tables.json`: how each table is built from a data file.
 * Raw JSON is typed as unknown and parsed into these shapes; defaults are
 * noted beside each field.
 */

/** The version of the config format this engine reads; a project records the one it was written for. */
export const CONFIG_FORMAT = 1;

export const ReportConfigSchema = z.strictObject({
  /** Config format version (`CONFIG_FORMAT`); default 1. An engine refuses a project written for a newer one. */
  format: z.number().int().min(1).default(1),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  /** Short title for running headers; default: the title. */
  shortTitle: z.string().optional(),
  /** The series the report appears in, e.g. "Notat"; printed on the cover, in the colophon and the running head. */
  series: z.string().min(1).optional(),
  /** As printed in the series, e.g. "2024:3". */
  seriesNumber: z.string().min(1).optional(),
  /** Who publishes the report; printed in the colophon, and the PDF's author unless `author` says otherwise. */
  publisher: z.string().min(1).optional(),
  /** The publisher's address, one line each, printed in the colophon. */
  address: z.array(z.string().min(1)).default([]),
  /** Authors as printed on the cover and in the colophon. Never invent one: leave it out when unknown. */
  authors: z.array(z.string().min(1)).default([]),
  /** Date of publication as printed (text, e.g. "desember 2024"). */
  published: z.string().optional(),
  /** PDF metadata: author (default: the authors, else the publisher), subject (default: the subtitle), keywords. */
  author: z.string().optional(),
  subject: z.string().optional(),
  keywords: z.array(z.string()).default([]),
  /** ISSN of the series and ISBN of the report, printed in the colophon when given. */
  issn: z.string().optional(),
  isbn: z.string().optional(),
  /** A paragraph in the colophon, e.g. where the numbers come from. Plain text. */
  colophon: z.string().optional(),
  /**
   * The edition a plain `npm run build` renders (a folder under report/editions/).
   * Default: none, the report's own edition (its publisher on the cover, the default accent colour).
   */
  defaultEdition: z.string().min(1).optional(),
  /** Names of the files a build writes: `<name>.html`, `<name>.pdf`; default from the language ("rapport", "report"). */
  output: z.strictObject({ name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "a plain file name") }).optional(),
  /** ISO 4217 code of the currency facts and columns with unit "kr" are in; default "NOK". */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("NOK"),
  /**
   * How percentages of counts are rounded: "half-up" (default) at the table's
   * decimals, or "spss-then-whole" (one decimal first, as SPSS prints, then
   * whole percent; see compute/rounding.ts). A table may set its own.
   */
  rounding: z.enum(Object.keys(ROUNDING_POLICIES) as [RoundingPolicyName, ...RoundingPolicyName[]]).default("half-up"),
  /** ISO date for the PDF's creation date; without it the PDF carries the build time. */
  date: z.iso.date().optional(),
  /** BCP 47 language tag of the report: "nb" (default) or "en"; it chooses labels, number format and messages. */
  language: z
    .string()
    .default("nb")
    .refine((tag) => findLocale(tag) !== undefined, {
      message: `a language the engine has (${knownLanguages.join(", ")})`,
    }),
  /**
   * Where the tables come from: "published" (the published tables in data/)
   * or "respondents" (counted from respondent-level answers; `npm run build
   * -- --svar` switches to it for one build).
   */
  tablesFrom: z.enum(["published", "respondents"]).default("published"),
  /**
   * Respondent-level data, paths under data/: the codebook, and the answers
   * (CSV or SPSS .sav). Without `answers`, a synthetic example dataset is
   * made from the published tables (seeded, so always the same).
   */
  respondents: z
    .strictObject({
      codebook: z.string().default("respondents/codebook.json"),
      answers: z.string().optional(),
      /** Seed of the synthetic example, so that it is always the same; default 1. */
      seed: z.number().int().default(1),
      /** For the synthetic example: answers to the questions the report publishes no numbers for. */
      syntheticSettings: z.string().default("respondents/synthetic-settings.json"),
    })
    .default({
      codebook: "respondents/codebook.json",
      seed: 1,
      syntheticSettings: "respondents/synthetic-settings.json",
    }),
  /** Data files whose names start with this hold the single numbers prose cites; default "fakta". */
  factsPrefix: z.string().default("fakta"),
  /**
   * Chapter files under report/chapters, in reading order: a file name, or
   * { file, numbered: false } for unnumbered matter such as a summary or the
   * literature list.
   */
  chapters: z
    .array(
      z.union([
        z.string().regex(/\.md$/),
        z.strictObject({ file: z.string().regex(/\.md$/), numbered: z.boolean().default(true) }),
      ]),
    )
    .min(1)
    .transform((list) => list.map((c) => (typeof c === "string" ? { file: c, numbered: true } : c))),
});
export type ReportConfig = z.infer<typeof ReportConfigSchema>;

const TableCommon = {
  /** Caption after "Tabell N". */
  title: z.string().min(1),
  /** The question as asked, shown over the category column. */
  question: z.string().optional(),
  /** Data file (without .csv) under data/. */
  data: z.string().min(1),
  /** Where the numbers come from, printed under the table. */
  source: z.string().optional(),
  /** A short note printed under the table (e.g. on a rounding oddity). */
  note: z.string().optional(),
  /**
   * Only counted from respondent-level answers (`--svar`): the published
   * report has no such table, so a published build leaves it out, and
   * chapters place it inside {{#fraSvar}} … {{/fraSvar}}.
   */
  respondentsOnly: z.boolean().default(false),
};

export const FrequencyTableSchema = z.strictObject({
  ...TableCommon,
  kind: z.literal("frequency"),
  /** Column holding the answer category. */
  category: z.string(),
  /** Column holding the count. */
  count: z.string(),
  /** Optional column holding the percentage as published, checked against the computed one. */
  publishedPercent: z.string().optional(),
  /** Categories counted outside the percentage base (e.g. "Ikke besvart"), listed under the total. */
  nonResponse: z.array(z.string()).default([]),
  /** Decimals of the percentage column; default 0 (whole percent). */
  percentDecimals: z.number().int().min(0).max(2).default(0),
  /**
   * Categories whose published percentage the counts do not give, known and
   * accepted: category → why (words only; the note under the table prints
   * both numbers from the data). The table shows the computed percentage.
   */
  publishedDiffers: z
    .record(z.string(), z.string().regex(/^[^0-9]*$/, "a reason in words, without digits"))
    .default({}),
  /**
   * How to count the table from respondent-level answers: one question's
   * answers (blanks as "Ikke besvart", those routed past the question under
   * `notAsked`), or the score bands of a COPSOQ indicator.
   */
  respondents: z
    .union([
      z.strictObject({ question: z.string(), notAsked: z.string().optional() }),
      z.strictObject({ indicator: z.string() }),
    ])
    .optional(),
});

/** Counts by two categories, shown with row percentages and a totals row (e.g. staffing by secretaries per doctor). */
export const CrosstabTableSchema = z.strictObject({
  ...TableCommon,
  kind: z.literal("crosstab"),
  /** Column holding the row category. */
  row: z.string(),
  /** Column holding the column category. */
  column: z.string(),
  count: z.string(),
  publishedPercent: z.string().optional(),
  /** Heading over the row categories. */
  rowLabel: z.string(),
  /** Heading over the column categories (usually the question). */
  columnLabel: z.string(),
  percentDecimals: z.number().int().min(0).max(2).default(0),
  /** From respondent-level answers: the two questions whose answers make the rows and the columns. */
  respondents: z.strictObject({ row: z.string(), column: z.string() }).optional(),
});

/** Several answers allowed: one published percentage of the same N per item. */
export const MultiResponseTableSchema = z.strictObject({
  ...TableCommon,
  kind: z.literal("multiresponse"),
  item: z.string(),
  percent: z.string(),
  /** Fact id holding N, the base of every percentage. */
  base: z.string(),
  /** From respondent-level answers: one tick-box question per item, in the table's order. */
  respondents: z.strictObject({ items: z.array(z.string()).min(1) }).optional(),
});

/** A published table shown as it is: one row per data row, the chosen columns formatted the Norwegian way. */
export const GridTableSchema = z.strictObject({
  ...TableCommon,
  kind: z.literal("grid"),
  /** Column holding the row headers. */
  rowHeader: z.string(),
  /** Heading over the row headers. */
  rowLabel: z.string().default(""),
  /** Columns to show, in order; default: every other column of the data, titled by the schema. */
  columns: z
    .array(
      z.strictObject({
        field: z.string(),
        /** Header; default: the schema field's title. */
        label: z.string().optional(),
        /** Decimals to print; default: as written in the data. */
        decimals: z.number().int().min(0).max(4).optional(),
        /** How prose prints the column's values: "prosent" adds " %", "kr" adds " kr"; default: the table's unit. */
        unit: z.string().optional(),
      }),
    )
    .optional(),
  /** What the values are, for the chart's axis and the text: "prosent", "poeng", ... */
  unit: z.string().optional(),
  /** A distribution: these columns of every row add up to `total` (e.g. 100 %), within rounding. */
  distribution: z.strictObject({ columns: z.array(z.string()).min(2), total: z.number() }).optional(),
  /**
   * From respondent-level answers: either one row per question, each column
   * the percentage giving one answer code (with N and the total in the
   * columns named), or one row per COPSOQ indicator with N, mean and
   * standard deviation of the scores.
   */
  respondents: z
    .union([
      z.strictObject({
        items: z.array(z.string()).min(1),
        columns: z.record(z.string(), z.number().int()),
        decimals: z.number().int().min(0).max(2).default(0),
        n: z.string().optional(),
        total: z.string().optional(),
      }),
      z.strictObject({ indicators: z.strictObject({ n: z.string(), mean: z.string(), sd: z.string() }) }),
      /**
       * The stress factors' mean scores by the answers to one question: a row
       * per factor, a column per answer (the group), then one-way ANOVA's F and p.
       */
      z.strictObject({ groupMeans: z.strictObject({ by: z.string() }) }),
    ])
    .optional(),
});

/**
 * Means computed from published percentage distributions: each item's mean
 * score (the percentages weighting the scale's scores), then the mean of the
 * items in each group, the group of an item being the column in which a
 * grouping table (e.g. a rotated factor matrix) prints a value for it.
 */
export const ScoredMeansTableSchema = z.strictObject({
  ...TableCommon,
  kind: z.literal("scoredMeans"),
  /** Column of the distribution data naming the item. */
  item: z.string(),
  /** Data file with the scale: which distribution column scores what. */
  scale: z.strictObject({ data: z.string(), field: z.string(), score: z.string(), label: z.string() }),
  /**
   * Data file assigning items to groups: by a `group` column naming each item's
   * group (empty: in no group), or else by the numeric column in which it has
   * its largest value (e.g. a factor loading).
   */
  groups: z.strictObject({ data: z.string(), item: z.string(), group: z.string().optional() }),
  /** Heading over the group names. */
  rowLabel: z.string(),
  /** Decimals of the means; default 1. */
  decimals: z.number().int().min(0).max(3).default(1),
});

export const TableDefinitionSchema = z.discriminatedUnion("kind", [
  ScoredMeansTableSchema,
  FrequencyTableSchema,
  CrosstabTableSchema,
  MultiResponseTableSchema,
  GridTableSchema,
]);
export type TableDefinition = z.infer<typeof TableDefinitionSchema>;
export type FrequencyTableDefinition = z.infer<typeof FrequencyTableSchema>;
export type CrosstabTableDefinition = z.infer<typeof CrosstabTableSchema>;
export type MultiResponseTableDefinition = z.infer<typeof MultiResponseTableSchema>;
export type GridTableDefinition = z.infer<typeof GridTableSchema>;
export type ScoredMeansTableDefinition = z.infer<typeof ScoredMeansTableSchema>;

export const TableDefinitionsSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), TableDefinitionSchema);
export type TableDefinitions = z.infer<typeof TableDefinitionsSchema>;
