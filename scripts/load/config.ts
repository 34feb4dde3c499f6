import { z } from "zod";

/**
 * `report/report.json`: what the report is and which chapters it has, in
 * order. `report/tables.json`: how each table is built from a data file.
 * Raw JSON is typed as unknown and parsed into these shapes; defaults are
 * noted beside each field.
 */

export const ReportConfigSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  /** Short title for running headers; defaults to `title`. */
  shortTitle: z.string().optional(),
  series: z.string().min(1),
  /** As printed in the series, e.g. "2010:14". */
  seriesNumber: z.string().min(1),
  publisher: z.string().min(1),
  /** Date of publication as printed (text, e.g. "desember 2010"). */
  published: z.string().optional(),
  /** BCP 47 language tag of the report; default "nb". */
  language: z.string().default("nb"),
  /** Data files whose names start with this hold the single numbers prose cites; default "fakta". */
  factsPrefix: z.string().default("fakta"),
  /** Chapter files under report/chapters, in reading order. */
  chapters: z.array(z.string().regex(/\.md$/)).min(1),
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
});

export const TableDefinitionSchema = z.discriminatedUnion("kind", [FrequencyTableSchema]);
export type TableDefinition = z.infer<typeof TableDefinitionSchema>;
export type FrequencyTableDefinition = z.infer<typeof FrequencyTableSchema>;

export const TableDefinitionsSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), TableDefinitionSchema);
export type TableDefinitions = z.infer<typeof TableDefinitionsSchema>;
