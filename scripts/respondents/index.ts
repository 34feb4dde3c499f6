import { readFileSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import type { Problem } from "../errors.ts";
import type { ReportConfig, TableDefinitions } from "../load/config.ts";
import type { DataTable } from "../validate/table.ts";
import { type Codebook, CodebookSchema, codebookProblems } from "./codebook.ts";
import { deriveTables } from "./derive.ts";
import { type Respondents, readRespondentsCsv } from "./read.ts";
import { readRespondentsSav } from "./read-sav.ts";
import { makeSyntheticRespondents, type SyntheticSettings, SyntheticSettingsSchema } from "./synthetic.ts";

export interface FromRespondents {
  data: Map<string, DataTable>;
  definitions: TableDefinitions;
  tables: Set<string>;
  synthetic: boolean;
  notes: string[];
  respondents: number;
}

/**
 * The tables counted from respondent-level answers instead of read from the
 * published tables: read the codebook and the answers (or make the
 * synthetic example), check them, and derive every table that says how.
 */
export async function tablesFromRespondents(
  root: string,
  dataDir: string,
  config: ReportConfig,
  definitions: TableDefinitions,
  published: Map<string, DataTable>,
): Promise<{ result?: FromRespondents; problems: Problem[] }> {
  const show = (path: string) => relative(root, path);
  const codebookPath = join(dataDir, config.respondents.codebook);
  let codebook: Codebook;
  try {
    const parsed = CodebookSchema.safeParse(JSON.parse(readFileSync(codebookPath, "utf8")));
    if (!parsed.success)
      return {
        problems: parsed.error.issues.map((issue) => ({
          file: show(codebookPath),
          column: issue.path.join("."),
          expected: "a codebook (see scripts/respondents/codebook.ts)",
          found: issue.message,
        })),
      };
    codebook = parsed.data;
  } catch (error) {
    return {
      problems: [{ file: show(codebookPath), expected: "a readable JSON codebook", found: (error as Error).message }],
    };
  }
  const crossProblems = codebookProblems(codebook);
  if (crossProblems.length > 0)
    return {
      problems: crossProblems.map((found) => ({ file: show(codebookPath), expected: "a consistent codebook", found })),
    };

  let respondents: Respondents | undefined;
  let notes: string[] = [];
  // Synthetic data says so in its name (npm run synthetic writes syntetisk-eksempel.csv).
  const synthetic = !config.respondents.answers || basename(config.respondents.answers).includes("syntetisk");
  if (config.respondents.answers) {
    const path = join(dataDir, config.respondents.answers);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      return {
        problems: [{ file: show(path), expected: "the respondent data file report.json names", found: "no such file" }],
      };
    }
    const read =
      extname(path).toLowerCase() === ".sav"
        ? await readRespondentsSav(show(path), bytes, codebook)
        : readRespondentsCsv(show(path), bytes, codebook);
    if (!read.respondents) return { problems: read.problems };
    respondents = read.respondents;
  } else {
    const settingsPath = join(dataDir, config.respondents.syntheticSettings);
    let settings: SyntheticSettings;
    try {
      settings = SyntheticSettingsSchema.parse(JSON.parse(readFileSync(settingsPath, "utf8")));
    } catch (error) {
      return {
        problems: [
          { file: show(settingsPath), expected: "settings for the synthetic example", found: (error as Error).message },
        ],
      };
    }
    const made = makeSyntheticRespondents(codebook, definitions, published, config.respondents.seed, settings);
    respondents = made.respondents;
    notes = made.notes;
  }
  const derived = deriveTables(codebook, definitions, respondents, published, synthetic);
  return {
    result: {
      data: derived.data,
      definitions: derived.definitions,
      tables: derived.derived,
      synthetic,
      notes,
      respondents: respondents.rows.length,
    },
    problems: [],
  };
}
