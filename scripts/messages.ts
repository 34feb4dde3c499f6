/**
 * User-facing messages of the command line, one small function each, so that
 * tests build their expected text from here (Vega-Lite's log/message.ts is
 * the model). Messages are English until a report's language is known.
 */
import { dirname } from "node:path";

export const message = {
  notAProject: (dir: string) =>
    `${dir} is not a report project: it has no report/report.json. Start one with: npm run new -- ${dir}`,
  outHoldsProject: (dir: string) =>
    `--out ${dir} would replace the project or a folder holding it; name an output folder of its own`,
  outIsAFile: (dir: string) => `--out ${dir} is a file; name a folder`,
  outNotOurs: (dir: string) =>
    `--out ${dir} is a folder with files no build of this tool wrote; a build replaces its output folder whole, so name a new or empty folder`,
  unknownCommand: (command: string | undefined) => `unknown command ${command ?? "(none)"}`,
  nothingWritten: "Nothing was written: the output folder is as it was.",
  internalError: (stack: string) => `internal error (a bug in the generator): ${stack}`,
  checkPassed: "check: no problems found",
  /** Every file written, a folder of many (the downloads' CSV files) as one entry. */
  built: (files: string[]) => {
    const inFolder = new Map<string, number>();
    for (const file of files) inFolder.set(dirname(file), (inFolder.get(dirname(file)) ?? 0) + 1);
    const many = (file: string) => (inFolder.get(dirname(file)) ?? 0) > 5;
    const folders = [...new Set(files.filter(many).map(dirname))];
    return `built ${[...files.filter((f) => !many(f)), ...folders.map((d) => `${inFolder.get(d)} files in ${d}/`)].join(", ")}`;
  },
  newFolderNotEmpty: (dir: string) => `${dir} is not empty; name a new or empty folder for the new report`,
  newUnknownLanguage: (language: string, known: string[]) =>
    `no starter report in language "${language}" (known: ${known.join(", ")})`,
  newCreated: (dir: string, files: number) =>
    `created a new report in ${dir} (${files} files). Next:\n  npm run build -- --project ${dir}\n  npm run check -- --project ${dir}\nand read ${dir}/README.md.`,
  acceptUnknownTarget: (target: string, isDataFile: boolean, known: string[]) =>
    isDataFile
      ? `accept ${target}: no table of this data file has published percentages to clear (tables that have: ${known.join(", ")})`
      : `accept ${target}: no table or data file of that name (tables with published percentages: ${known.join(", ")})`,
  acceptNothing: (target: string) =>
    `accept ${target}: every published percentage still follows from the counts; nothing was changed`,
  accepted: (a: { table: string; file: string; column: string; rows: number[] }) =>
    `accepted new counts in table ${a.table}: emptied ${a.rows.length} published ${a.rows.length === 1 ? "percentage" : "percentages"} in ${a.file}, column "${a.column}", ${a.rows.length === 1 ? "row" : "rows"} ${a.rows.join(", ")}; the next build's change summary records it`,
  /** The hint of a published percentage the counts no longer give. */
  acceptHint: (table: string) =>
    `the report computes percentages from the counts. If you changed counts on purpose, run: npm run accept -- ${table} (it empties every published percentage of the table that no longer follows, and the change summary records it); otherwise a number is mistyped`,
  compareWithUnreadable: (path: string, code: string | undefined) =>
    `--compare-with ${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : `cannot be read (${code ?? "unknown error"})`}; name the number record (.tall-forrige-bygg.json) of the build to compare with`,
  /** A system call the machine refused (errors.ts environmentError): one sentence naming the path. */
  environment: (code: string, path: string, syscall: string | undefined) => {
    const verb = syscall === "open" || syscall === "read" || syscall === "scandir" ? "use" : "write";
    const why: Record<string, string> = {
      EROFS: "the file system is read-only; build into a writable folder (--out DIR)",
      ENOSPC: "the disk is full; free some space, or build into another disk (--out DIR)",
      EDQUOT: "the disk quota is used up; free some space, or build into another disk (--out DIR)",
      EACCES: "permission denied; build into a folder you may write to (--out DIR)",
      EPERM: "the operation is not permitted; build into a folder you may write to (--out DIR)",
      EMFILE: "too many files are open; close some programs and build again",
      ENFILE: "too many files are open on this machine; close some programs and build again",
      EIO: "the disk reported an input/output error; check the disk",
    };
    return `Could not ${verb} ${path}: ${why[code] ?? code} (${code}).`;
  },
  shardInvalid: (text: string) =>
    `--shard ${text}: expected K/N with whole numbers 1 ≤ K ≤ N, e.g. --shard 2/3 for the second of three parts`,
  shardNeedsAllEditions: "--shard splits --all-editions: use it together with --all-editions",
  shardEmpty: (shard: string) => `shard ${shard} has no editions (more shards than editions): nothing to build`,
} as const;

/** What was expected and what was found, for a Problem (see errors.ts); one function per kind of problem. */
export interface Said {
  expected: string;
  found: string;
  hint?: string;
}

const listed = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/**
 * The problems the load and validate stages report. Call sites add where
 * (file, row, column); these say what. Tests build their expected text here.
 */
export const problem = {
  invalidSetting: (found: string): Said => ({ expected: "a valid setting", found }),
  configFormatTooNew: (format: number, readable: number): Said => ({
    expected: `a config format this engine reads (up to ${readable})`,
    found: `format ${format}`,
    hint: "the project was written for a newer version of the engine: update the engine",
  }),
  tableDefinedTwice: (id: string, firstIn: string): Said => ({
    expected: "a table id defined once",
    found: `"${id}", also in ${firstIn}`,
  }),
  outsideFolder: (folder: string, name: string): Said => ({ expected: `a file inside ${folder}`, found: `"${name}"` }),
  /** Said by a setting's schema, which gives one text: what was found, and what a path there must be. */
  outsideFolderSetting: (folder: string, name: string): string =>
    `"${name}", outside ${folder} (a path here names a file inside ${folder}, without ../)`,
  chartNotAnObject: (found: string): Said => ({ expected: "a Vega-Lite spec: a JSON object", found }),
  chartMeta: (found: string): Said => ({
    expected: 'a chart with a "description" (its text alternative) and "usermeta" with "caption" and "table"',
    found,
  }),
  chartTableUnknown: (table: string, defined: number): Said => ({
    expected: `the id of a table defined in report/tables/ (${defined} defined)`,
    found: `"${table}"`,
  }),
  noSchema: (schemaFile: string): Said => ({
    expected: `a schema beside it, ${schemaFile}`,
    found: "no schema",
    hint: "every data file is described by a schema: copy one of the other .schema.json files and adapt it",
  }),
  invalidTableSchema: (found: string): Said => ({ expected: "a Table Schema", found }),
  schemaWithoutData: (csvName: string): Said => ({
    expected: `its data file ${csvName} beside it`,
    found: "no such file",
  }),
  unreadable: (code: string | undefined): Said => ({
    expected: "a readable file",
    found: code === "ENOENT" || code === undefined ? "no such file" : `"${code}"`,
  }),
  noDataFolder: (): Said => ({
    expected: "a folder of data files (CSV with a .schema.json beside each)",
    found: "no such folder",
  }),
  editionName: (id: string, known: string[]): Said => ({
    expected: `the name of a folder in report/editions/ (${known.join(", ") || "none"})`,
    found: `"${id}"`,
  }),
  noSuchEdition: (known: string[]): Said => ({
    expected: `an edition folder (editions: ${known.join(", ") || "none"})`,
    found: "no such edition",
  }),
  invalidEditionSetting: (found: string): Said => ({ expected: "a valid edition setting", found }),
  accentTooLight: (accent: string, ratio: number): Said => ({
    expected: "a colour with a contrast of at least 4.5:1 against white (WCAG AA), as it colours headings",
    found: `${accent} (${ratio.toFixed(2)}:1)`,
    hint: "choose a darker shade",
  }),
  notSvg: (): Said => ({ expected: "an SVG document", found: "something else" }),
  missingColumn: (column: string, fields: string[]): Said => ({
    expected: `a column "${column}" (the schema lists ${listed(fields)})`,
    found: "no such column in the header",
  }),
  extraColumn: (shown: string, fields: string[]): Said => ({
    expected: `only the columns in the schema (${listed(fields)})`,
    found: `an extra column ${shown}`,
    hint: "add the column to the schema, or remove it from the file",
  }),
  columnTwice: (): Said => ({ expected: "each column once", found: "the column twice" }),
  noDataRows: (): Said => ({ expected: "at least one data row", found: "only a header" }),
  cellCount: (expected: number, found: number): Said => ({
    expected: `${expected} cells, one per column`,
    found: `${found} cells`,
    hint: "a text with a comma in it must be in double quotes",
  }),
  duplicateKey: (key: string[], shownValues: string, firstRow: number): Said => ({
    expected: `each ${key.join(" + ")} once`,
    found: `${shownValues} again (first on row ${firstRow})`,
  }),
  requiredCell: (type: string): Said => ({ expected: `${type} (required)`, found: "an empty cell" }),
  notInEnum: (allowed: string[], shown: string): Said => ({
    expected: `one of ${listed(allowed)}`,
    found: shown,
    hint: "categories must be spelt exactly as in the schema; add a new category to the schema's enum first",
  }),
  wrongType: (type: string, shown: string, hint?: string): Said => ({ expected: type, found: shown, hint }),
  hintCount: "counts are whole numbers without units; thousands may be grouped with spaces",
  hintDecimalMark: (mark: "," | ".") =>
    `this file is ${mark === "," ? "semicolon" : "comma"}-separated, so decimals are written with "${mark}"`,
} as const;

/** The problems a chapter's helpers report ({{tall "x"}}, {{tabell "x"}}, …), with the chapter's file and line. */
export const helperProblem = {
  arguments: (what: string, args: unknown[]): Said => ({
    expected: what,
    found: args.length === 0 ? "no arguments" : JSON.stringify(args),
  }),
  unknownFact: (factsPrefix: string, id: string): Said => ({
    expected: `the id of a row in a data/${factsPrefix}*.csv file`,
    found: `"${id}"`,
  }),
  notFrequency: (kind: string, id: string): Said => ({
    expected: "a frequency table",
    found: `a ${kind} table ("${id}")`,
  }),
  unknownTable: (id: string): Said => ({ expected: "the id of a table defined in report/tables/", found: `"${id}"` }),
  shareArguments: (hash: unknown): Said => ({
    expected: 'del="fact ids" and av="fact ids" (or part= and of=)',
    found: JSON.stringify(hash),
  }),
  shareCounts: (part: number, whole: number): Said => ({
    expected: "whole counts with a positive total",
    found: `${part} of ${whole}`,
  }),
  placedTwice: (what: "table" | "figure", id: string): Said => ({
    expected: `each ${what} placed once`,
    found: `"${id}" a second time`,
  }),
  missingPartial: (partial: string, kind: string): Said => ({
    expected: `a partial ${partial} for the kind "${kind}"`,
    found: "none",
  }),
  unknownChart: (id: string, known: string[]): Said => ({
    expected: `the id of a chart in report/charts (${known.join(", ")})`,
    found: `"${id}"`,
  }),
  unknownTableOrChart: (id: string): Said => ({ expected: "a table or chart id", found: `"${id}"` }),
  referenceNeverPlaced: (what: "table" | "figure", placing: string, id: string): Said => ({
    expected: `the ${what} to be placed in the report with {{${placing} "${id}"}}`,
    found: "a reference to a table or figure the report never shows",
  }),
} as const;
