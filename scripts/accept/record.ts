/**
 * The record of counts accepted as new on purpose (`npm run accept`), kept in
 * the data folder beside the files it speaks of, so that it travels with the
 * data under version control. Builds never write it: each build keeps the
 * acceptances it saw in its number record, and its change summary lists the
 * ones the previous build (or `--compare-with`) had not seen.
 */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { z } from "zod";
import { InputProblems } from "../errors.ts";
import { parseJson } from "../load/json.ts";
import { problem } from "../messages/index.ts";

export const ACCEPTED_FILE = "godkjente-tall.json";

const AcceptanceSchema = z.strictObject({
  /** Unique per acceptance: when, and which table. */
  id: z.string().min(1),
  /** The table whose published percentages were cleared. */
  table: z.string().min(1),
  /** The data file as messages name it (`data/kurs.csv`). */
  file: z.string().min(1),
  column: z.string().min(1),
  /** Spreadsheet rows (header = 1) whose cell was emptied. */
  rows: z.array(z.number().int().positive()),
  /** In the user's words; absent: the locale's default reason. */
  reason: z.string().optional(),
  /** ISO time of the acceptance. */
  at: z.string(),
});
export type Acceptance = z.infer<typeof AcceptanceSchema>;

const RecordSchema = z.strictObject({ format: z.literal(1), accepted: z.array(AcceptanceSchema) });

/** The acceptances recorded in a data folder; none when it has no record. `root`: the project, for messages. */
export async function readAcceptances(dataDir: string, root: string): Promise<Acceptance[]> {
  const shownAs = relative(root, join(dataDir, ACCEPTED_FILE));
  let text: string;
  try {
    text = await readFile(join(dataDir, ACCEPTED_FILE), "utf8");
  } catch {
    return [];
  }
  const json = parseJson(shownAs, text);
  if (json.problem) throw new InputProblems([json.problem]);
  const parsed = RecordSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputProblems([
      {
        file: shownAs,
        column: issue.path.join(".") || undefined,
        ...problem.acceptRecord(issue.message),
      },
    ]);
  }
  return parsed.data.accepted;
}

export function formatRecord(accepted: Acceptance[]): string {
  return `${JSON.stringify({ format: 1, accepted }, null, 2)}\n`;
}
