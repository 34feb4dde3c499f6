import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { collectFacts } from "../compute/facts.ts";
import type { Problem } from "../errors.ts";
import type { TableDefinitions } from "../kinds/definitions.ts";
import type { TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import type { ReportConfig } from "../load/config.ts";
import { parseJson } from "../load/json.ts";
import { localeFor, syntheticMark } from "../locale/index.ts";
import { problem, respondents as respondentsSaid } from "../messages/index.ts";
import type { DataTable } from "../validate/table.ts";
import { type Codebook, CodebookSchema, codebookProblems } from "./codebook.ts";
import { deriveTables } from "./derive.ts";
import { type Respondents, readRespondentsCsv } from "./read.ts";
import { readRespondentsSav } from "./read-sav.ts";
import { specLinkProblems } from "./spec-links.ts";
import {
  makeSyntheticRespondents,
  type SyntheticResult,
  type SyntheticSettings,
  SyntheticSettingsSchema,
  syntheticSize,
} from "./synthetic.ts";

export interface FromRespondents {
  data: Map<string, DataTable>;
  definitions: TableDefinitions;
  tables: Set<string>;
  synthetic: boolean;
  notes: string[];
  respondents: number;
}

/** Where the respondent data lives, and how paths are shown in messages. */
interface Place {
  dataDir: string;
  show: (path: string) => string;
}

type Loaded<T> = { value: T; problems?: undefined } | { value?: undefined; problems: Problem[] };

/** The codebook, checked by its schema and for references a schema cannot express. */
export function readCodebook({ dataDir, show }: Place, config: ReportConfig): Loaded<Codebook> {
  const path = join(dataDir, config.respondents.codebook);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { problems: [{ file: show(path), ...respondentsSaid.codebookUnreadable((error as Error).message) }] };
  }
  const raw = parseJson(show(path), text, problem.jsonWhat.codebook);
  if (raw.problem) return { problems: [raw.problem] };
  const parsed = CodebookSchema.safeParse(raw.value);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((issue) => ({
        file: show(path),
        column: issue.path.join("."),
        ...respondentsSaid.codebook(issue.message),
      })),
    };
  const inconsistent = codebookProblems(parsed.data);
  if (inconsistent.length > 0)
    return {
      problems: inconsistent.map((found) => ({ file: show(path), ...respondentsSaid.inconsistentCodebook(found) })),
    };
  return { value: parsed.data };
}

/** The synthetic example's settings (report.json: `respondents.syntheticSettings`); defaults when the file is absent. */
export function readSyntheticSettings(
  place: Place,
  config: ReportConfig,
  required = true,
): Loaded<{ settings: SyntheticSettings; file: string }> {
  const path = join(place.dataDir, config.respondents.syntheticSettings);
  const file = place.show(path);
  if (!required && !existsSync(path)) return { value: { settings: SyntheticSettingsSchema.parse({}), file } };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return {
      problems: [{ file, ...respondentsSaid.settingsUnreadable((error as Error).message) }],
    };
  }
  const raw = parseJson(file, text, problem.jsonWhat.syntheticSettings);
  if (raw.problem) return { problems: [raw.problem] };
  const parsed = SyntheticSettingsSchema.safeParse(raw.value);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        column: issue.path.join("."),
        ...respondentsSaid.settings(issue.message),
      })),
    };
  return { value: { settings: parsed.data, file } };
}

/** The synthetic example: made from the published tables, the facts and the settings for unpublished questions. */
export function makeSynthetic(
  place: Place,
  config: ReportConfig,
  codebook: Codebook,
  definitions: TableDefinitions,
  published: Map<string, DataTable>,
  kinds: readonly TableKind[] = defaultKinds,
): Loaded<SyntheticResult> {
  const read = readSyntheticSettings(place, config);
  if (!read.value) return { problems: read.problems };
  const { settings, file } = read.value;
  const size = syntheticSize(codebook, settings);
  if (size === undefined)
    return {
      problems: [
        {
          file,
          column: "respondents",
          ...respondentsSaid.noSize(),
        },
      ],
    };
  const facts = collectFacts(published, config.factsPrefix);
  return {
    value: makeSyntheticRespondents(
      codebook,
      definitions,
      published,
      facts,
      { seed: config.respondents.seed, size, settings, settingsFile: file },
      kinds,
    ),
  };
}

/** The answers report.json names (CSV or SPSS .sav), checked against the codebook. */
async function readAnswers(place: Place, answers: string, codebook: Codebook): Promise<Loaded<Respondents>> {
  const path = join(place.dataDir, answers);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return {
      problems: [{ file: place.show(path), ...respondentsSaid.noAnswersFile() }],
    };
  }
  const read =
    extname(path).toLowerCase() === ".sav"
      ? await readRespondentsSav(place.show(path), bytes, codebook)
      : readRespondentsCsv(place.show(path), bytes, codebook);
  return read.respondents ? { value: read.respondents } : { problems: read.problems };
}

/**
 * The tables counted from respondent-level answers instead of read from the
 * published tables: read the codebook and the answers (or make the
 * synthetic example), check them, and derive every table that says how.
 */
export async function tablesFromRespondents(
  place: Place,
  config: ReportConfig,
  definitions: TableDefinitions,
  published: Map<string, DataTable>,
  kinds: readonly TableKind[] = defaultKinds,
  /** Where each table is defined, for messages (load's `tableFiles`). */
  tableFiles: Record<string, string> = {},
): Promise<{ result?: FromRespondents; problems: Problem[] }> {
  const codebook = readCodebook(place, config);
  if (!codebook.value) return { problems: codebook.problems };
  const links = specLinkProblems(codebook.value, definitions, tableFiles, kinds);
  if (links.length > 0) return { problems: links };
  const { answers } = config.respondents;
  // Answers are synthetic when made in memory, or read from the file npm run synthetic writes.
  let synthetic = !answers;
  if (answers) {
    const read = readSyntheticSettings(place, config, false);
    if (!read.value) return { problems: read.problems };
    synthetic = normalize(read.value.settings.write.file) === normalize(answers);
  }
  let respondents: Respondents;
  let notes: string[] = [];
  if (answers) {
    const read = await readAnswers(place, answers, codebook.value);
    if (!read.value) return { problems: read.problems };
    respondents = read.value;
  } else {
    const made = makeSynthetic(place, config, codebook.value, definitions, published, kinds);
    if (!made.value) return { problems: made.problems };
    ({ respondents, notes } = made.value);
  }
  // Column titles a derivation makes up, and the marks of synthetic tables, are in the report's language.
  const { labels } = localeFor(config.language);
  const marks = synthetic ? { mark: syntheticMark(labels), source: labels.syntheticSource } : undefined;
  const derived = deriveTables(codebook.value, definitions, respondents, published, marks, labels, kinds);
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
