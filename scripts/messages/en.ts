/**
 * Every user-facing message in English, one small function each, so that
 * tests build their expected text from here (Vega-Lite's log/message.ts is
 * the model). The other languages (nb.ts, …) give the same keys the type
 * `Messages` of this file; index.ts picks one by the report's language.
 * Functions take structured values (file, row, column, expected, found) and
 * return text; numbers in them are written as the message's language writes
 * them.
 */
import { dirname } from "node:path";
import { z } from "zod";
import { NumberFormat } from "../format/numbers.ts";
import { en as enLocale } from "../locale/en.ts";

const numbers = new NumberFormat(enLocale);
const listed = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
/** A number with as many decimals as it has. */
const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The files a build wrote, a folder of many (the downloads' CSV files) as one
 * entry said by `inFolder`, after the files named one by one.
 */
export function folded(files: string[], inFolder: (count: number, dir: string) => string): string[] {
  const count = new Map<string, number>();
  for (const file of files) count.set(dirname(file), (count.get(dirname(file)) ?? 0) + 1);
  const many = (file: string) => (count.get(dirname(file)) ?? 0) > 5;
  const folders = [...new Set(files.filter(many).map(dirname))];
  return [...files.filter((f) => !many(f)), ...folders.map((dir) => inFolder(count.get(dir) ?? 0, dir))];
}

/** What was expected and what was found, for a Problem (see errors.ts); one function per kind of problem. */
export interface Said {
  expected: string;
  found: string;
  hint?: string;
}

const message = {
  notAProject: (dir: string) =>
    `${dir} is not a report project: it has no report/report.json. Start one with: npm run new -- ${dir}`,
  outHoldsProject: (dir: string) =>
    `--out ${dir} would replace the project or a folder holding it; name an output folder of its own`,
  outIsAFile: (dir: string) => `--out ${dir} is a file; name a folder`,
  outNotOurs: (dir: string) =>
    `--out ${dir} is a folder with files no build of this tool wrote; a build replaces its output folder whole, so name a new or empty folder`,
  unknownCommand: (command: string | undefined) => `unknown command ${command ?? "(none)"}`,
  /** `--help` and a command line not understood; always English, as it is read before any report. */
  usage: `usage: npm run build -- [--project DIR] [--edition NAME ... | --all-editions [--shard K/N]] [--out DIR] [--data DIR]
                        [--compare-with FILE] [--svar] [--html-only] [--quiet] [--debug]
       npm run check -- [--project DIR] [--data DIR] [--svar] [--quiet] [--debug]
       npm run new -- DIR [--lang nb|en]
       npm run codebook -- FILE.sav [--out FILE]
       npm run accept -- TABLE|FILE [--project DIR] [--data DIR] [--reason TEXT]
       npm run dev -- [--project DIR] [--edition NAME] [--port N] [--pdf-after SECONDS]
       npm run bench -- [--project DIR] [--runs N]

  --project DIR   the report's folder (report/, data/, templates/); default: this repository's report
  --out DIR       where the build writes; default DIR/out
  --data DIR      read data files from another folder (new numbers to try)
  --edition NAME  one edition of report/editions/, into out/NAME/ (may repeat)
  --all-editions  every edition, each into out/<edition>/, with one browser
  --shard K/N     with --all-editions: only the K-th of N equal parts (editions sorted by id, contiguous)
  --svar          count the tables from respondent-level answers
  --html-only     skip the PDF (no browser needed)
  --compare-with FILE  the change summary compares with this number record (.tall-forrige-bygg.json) of a
                  published build, not with the previous build into the output folder
  --lang nb|en    language of a new report (default nb)
  --reason TEXT   accept: why the counts are new, for the change summary
  --help, --version`,
  nothingWritten: "Nothing was written: the output folder is as it was.",
  internalError: (stack: string) => `internal error (a bug in the generator): ${stack}`,
  checkPassed: "check: no problems found",
  built: (files: string[]) => `built ${folded(files, (count, dir) => `${count} files in ${dir}/`).join(", ")}`,
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
  /** SOURCE_DATE_EPOCH that is not whole seconds (print/source-date.ts). */
  sourceDateEpoch: (latest: number, shown: string) =>
    `SOURCE_DATE_EPOCH: expected whole seconds since 1970 from 0 to ${latest} (e.g. 1700000000), found "${shown}"`,
  networkBlocked: (urls: string[]) =>
    `The document tried to load from the network while printing (blocked): ${urls.join(", ")}`,
  browserNotStarted: (path: string, source: string, why: string) =>
    `Could not start the browser at ${path} (found via ${source}): ${why}`,
  chartTableUnknown: (file: string, table: string) =>
    `${file}: usermeta: expected the id of a table defined in report/tables/, found "${table}"`,
  chartNotRendered: (file: string, why: string) => `${file}: the chart could not be rendered: ${why}`,
  /** A chart whose links Vega refuses (chart/draw-chart.ts). */
  chartLinksRefused: (uris: string[]) =>
    `expected links (href) to http, https, mailto or another address Vega allows, found ${uris.map((u) => JSON.stringify(u)).join(", ")}, which Vega refuses`,
  codebookOutExists: (out: string) =>
    `${out}: expected a new file for the codebook, found an existing one (it is not replaced)`,
  codebookUnreadable: (file: string, why: string) => `${file}: expected a readable SPSS data file (.sav), found ${why}`,
  codebookNoDictionary: (file: string, why: string) =>
    `${file}: expected an SPSS data file (.sav) with a readable dictionary, found: ${why}`,
  codebookWritten: (out: string) => `wrote a draft codebook to ${out}: complete what its $comment lists`,
  /** A line of `npm run build`'s or `check`'s progress, before a stage's summary. */
  note: (text: string) => `  note: ${text}`,
};

/**
 * The progress line of each stage (build.ts): its name as printed and a
 * summary of what it did. `stage` pads the name and adds the milliseconds.
 */
const stage = {
  names: {
    load: "load",
    validate: "validate",
    answers: "answers",
    compute: "compute",
    refs: "refs",
    chart: "chart",
    narrow: "phone",
    render: "render",
    changes: "changes",
    data: "data",
    print: "print",
    write: "write",
  } as Record<string, string>,
  loaded: (p: { data: number; chapters: number; charts: number; editions: number }) =>
    `${p.data} data ${plural(p.data, "file", "files")}, ${p.chapters} ${plural(p.chapters, "chapter", "chapters")}, ${p.charts} ${plural(p.charts, "chart", "charts")}, ${p.editions} ${plural(p.editions, "edition", "editions")}`,
  validated: (rows: number) => `${rows} rows checked`,
  reloadedProse: "chapters and templates read again; data, tables and charts as in the previous build",
  answers: (p: { tables: number; respondents: number; synthetic: boolean }) =>
    `${p.tables} tables counted from ${p.respondents} ${p.synthetic ? "synthetic respondents (made from the published tables)" : "respondents"}`,
  computed: (p: { tables: number; facts: number }) => `${p.tables} tables, ${p.facts} facts`,
  refs: "every table, figure, category and fact the text cites exists",
  charts: (p: { charts: number; colours: number }) =>
    `${p.charts} SVG charts${p.colours > 1 ? ` in ${p.colours} colours` : ""}`,
  narrowCharts: (count: number) => `${count} ${plural(count, "chart", "charts")} drawn for phones`,
  rendered: (p: { headings: number; tables: number; figures: number; editions: number }) =>
    `${p.headings} headings, ${p.tables} tables, ${p.figures} figures${p.editions > 1 ? ` × ${p.editions} editions` : ""}`,
  changes: (p: { cells: number; sentences: number; comparedWith?: string; file: string }) =>
    `${p.cells} numbers in tables, ${p.sentences} sentences since ${p.comparedWith ? `the build recorded in ${p.comparedWith}` : "the previous build"}${p.cells + p.sentences > 0 ? ` (see ${p.file}):` : ""}`,
  firstBuild: "first build into this folder: nothing to compare with",
  printed: (p: { sizes: number[]; pdfua: boolean; passes: number[] }) =>
    `${p.sizes.map((kb) => `${kb} KB`).join(", ")} PDF${p.pdfua ? " (PDF/UA-1)" : ""}, contents paged in ${p.passes.join(", ")} ${p.passes.every((n) => n === 1) ? "pass (page numbers of the previous build still held)" : "passes"}`,
  /** The numbers to download (downloads/): CSV files and their ZIP in the downloads folder, per edition. */
  downloads: (p: { csv: number; zipKb: number; folder: string; editions: number }) =>
    `${p.csv} CSV files and a ${p.zipKb} KB ZIP of them in ${p.folder}/${p.editions > 1 ? ` × ${p.editions} editions` : ""}`,
  printPage: (page: number, detail: string) => `page ${page}: ${detail}`,
  written: (files: number, dir: string) => `${files} files in ${dir}`,
};

/**
 * How a problem is laid out (errors.ts formatProblem): where, then what was
 * expected and found. The structure is the same in every language.
 */
const report = {
  row: (n: number) => `row ${n}`,
  line: (n: number) => `line ${n}`,
  columnAt: (n: number) => `column ${n}`,
  columnNamed: (name: string) => `column "${name}"`,
  setting: (name: string) => `setting "${name}"`,
  problem: (where: string, expected: string, found: string) => `${where}: expected ${expected}, found ${found}`,
  hint: (hint: string) => `hint: ${hint}`,
  problems: (total: number) => `${total} ${plural(total, "problem", "problems")} in the input:`,
  notListed: (more: number) => `… and ${more} more ${plural(more, "problem", "problems")}, not listed`,
  emptyCell: "an empty cell",
  /** A value found in the input, quoted (errors.ts quoteFound shortens it and shows invisible characters). */
  quote: (value: string) => `"${value}"`,
  /** The change summary's line for a changed cell and a changed sentence (terminal). */
  changedCell: (c: { table: string; row: string; column: string; before: string; after: string }) =>
    `  ${c.table} · ${c.row} · ${c.column}: ${c.before} → ${c.after}`,
  changedSentence: (after: string) => `  «${after}»`,
};

/**
 * The problems the load and validate stages report. Call sites add where
 * (file, row, column); these say what. Tests build their expected text here.
 */
const problem = {
  schema: {
    plainFileName: "a plain file name",
    knownLanguage: (known: string[]) => `a language the engine has (${known.join(", ")})`,
    reasonInWords: "a reason in words, without digits",
    questionId: "lower-case letters, digits and _",
    indexId: "lower-case letters, digits, - and _",
    minAtMostMax: "min is at most max",
    csvFile: "a .csv file",
    workId: "letters, digits, - and _ only",
  },
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
  /** The name of a cell's type in "expected …" (validate/cells.ts). */
  cellType: (type: "integer" | "number" | "string", minimum?: number, maximum?: number) => {
    const noun = type === "integer" ? "a whole number" : type === "number" ? "a number" : "text";
    if (minimum !== undefined && maximum !== undefined) return `${noun} from ${minimum} to ${maximum}`;
    if (minimum !== undefined) return `${noun} ≥ ${minimum}`;
    if (maximum !== undefined) return `${noun} ≤ ${maximum}`;
    return noun;
  },
  // CSV files (load/csv.ts, load/decode.ts)
  encoding: (found: string): Said => ({
    expected: "text in UTF-8, Windows-1252 or UTF-16",
    found,
    hint: "in Excel, save as «CSV UTF-8 (kommadelt)» or «CSV (semikolondelt)»",
  }),
  brokenUtf16: (variant: string) => `text in broken ${variant} (cut short or damaged)`,
  malformedCsv: (found: string): Said => ({
    expected: "well-formed CSV",
    found,
    hint: "check quotes: a cell that contains a comma or a line break must be in double quotes",
  }),
  emptyFile: (): Said => ({ expected: "a header row and data rows", found: "an empty file" }),
  undefinedBytes: (bytes: string[], shown: string): Said => ({
    expected: "text in UTF-8 or Windows-1252",
    found: `${bytes.join(", ")} in "${shown}", ${plural(bytes.length, "a byte", "bytes")} Windows-1252 leaves undefined`,
    hint: "in Excel, save as «CSV UTF-8 (kommadelt)»",
  }),
  moreUndefinedBytes: (more: number): Said => ({
    expected: "text in UTF-8 or Windows-1252",
    found: `${more} more ${plural(more, "cell", "cells")} with bytes Windows-1252 leaves undefined`,
  }),
  // JSON files (load/json.ts): "expected valid JSON: a value, found "]""
  validJson: "valid JSON",
  jsonWhat: {
    chart: "a Vega-Lite spec in valid JSON",
    codebook: "a codebook in valid JSON",
    syntheticSettings: "settings for the synthetic example in valid JSON",
    bibliography: "CSL-JSON: valid JSON",
  },
  jsonAt: (what: string, expected: string) => `${what}: ${expected}`,
  json: {
    escape: 'an escape such as \\n, \\" or \\u00e6 after the backslash',
    closingQuoteOnLine: "the string's closing quote before the end of the line",
    lineBreakHint: "write a line break as \\n",
    closingQuote: "the string's closing quote",
    trailingComma: "JSON allows no comma after the last item",
    lessNested: "less deeply nested data",
    propertyName: "a property name in double quotes",
    colon: '":" after the property name',
    value: "a value",
    commaOr: (close: string) => `"," or "${close}"`,
    missingComma: "a comma is missing before it",
    anyValue: "a value (text in double quotes, a number, true, false, null, an object or a list)",
    nothingAfter: "nothing after the JSON value",
    endOfFile: "the end of the file",
  },
  // The literature (load/bibliography.ts)
  unreadableFile: (why: string): Said => ({ expected: "a readable file", found: why }),
  cslNotArray: (type: string): Said => ({ expected: "CSL-JSON: an array of works", found: type }),
  cslWork: (found: string): Said => ({
    expected: "a CSL-JSON work (id, type, title; names as family and given, or literal)",
    found,
  }),
  idTwice: (id: string): Said => ({ expected: "each id once", found: `"${id}" again` }),
  /** Two CSL styles, or two locales for the report's language, to format the literature by; or none. */
  cslFiles: (what: "style" | "locale", language: string, found: string[]): Said => ({
    expected:
      what === "style"
        ? "one CSL style (a .csl file)"
        : `one CSL locale for the report's language (locales-${language}-XX.xml)`,
    found: found.join(", "),
  }),
  cslNone: (what: "style" | "locale", language: string): Said => ({
    expected: `${what === "style" ? "CSL style (a .csl file)" : `CSL locale for the report's language (locales-${language}-XX.xml)`} to format the literature by`,
    found: "none",
  }),
  /** A chart spec's text alternative that is missing or empty. */
  nothing: "nothing",
  // Links from table definitions to data files and facts (validate/report-needs.ts)
  factColumns: (columns: (readonly string[])[], accepted: readonly string[]): Said => ({
    expected: `the fact columns ${columns.map((a) => a.join(" or ")).join(", ")}`,
    found: `no field "${accepted.join('" or "')}"`,
  }),
  factIdTwice: (id: string, first: string): Said => ({
    expected: "an id used by no other facts file",
    found: `"${id}", already in ${first}`,
  }),
  noDataFile: (name: string): Said => ({ expected: `a data file data/${name}.csv`, found: "no such file" }),
  noSuchColumn: (data: string, column: string): Said => ({
    expected: `a column of data/${data}.csv`,
    found: `"${column}", which the file does not have`,
  }),
  columnType: (types: string[], column: string, type: string): Said => ({
    expected: `a column of type ${types.join(" or ")}`,
    found: `"${column}" of type ${type}`,
  }),
  factHoldingN: (id: string): Said => ({ expected: "the id of a fact holding N", found: `"${id}"` }),
  noChecks: (kind: string): Said => ({
    expected: "no checks (this kind of table has no N or total)",
    found: `"${kind}"`,
  }),
  unknownCheckFact: (id: string): Said => ({ expected: "the id of a fact in a facts file", found: `"${id}"` }),
  notACategory: (column: string, allowed: string[], category: string): Said => ({
    expected: `a category of column "${column}" (${listed(allowed)})`,
    found: `"${category}"`,
  }),
  paletteUnreadable: (
    minDeltaE: number,
    p: { accent: string; a: string; b: string; deltaE: number; vision: string },
  ) => ({
    expected: `an accent whose chart palette a colour-blind reader can tell apart (CIEDE2000 ≥ ${minDeltaE} for every pair)`,
    found: `${p.accent}: ${p.a} and ${p.b} differ by ${p.deltaE.toFixed(1)} in ${p.vision} vision`,
    hint: "pick a darker or more saturated accent",
  }),
  /** A record of a build's numbers (--compare-with) or of accepted counts that is not one. */
  notANumberRecord: (): Said => ({
    expected: "a build's number record (.tall-forrige-bygg.json in its output folder), with cells and sentences",
    found: "a JSON file of another shape",
  }),
  acceptRecord: (found: string): Said => ({
    expected: "the record npm run accept writes",
    found,
    hint: "restore the file from version control, or delete it (the change summary then lists no accepted counts)",
  }),
};

/** What computing the tables finds (kinds/<kind>/compute.ts, compute/relations.ts). */
const compute = {
  percentMismatch: (p: {
    computed: number;
    count: number;
    base: number;
    published: number;
    decimals: number;
  }): Said => ({
    expected: `${numbers.percent(p.computed, p.decimals)} (${p.count} of ${p.base}, rounded half up) to match the counts`,
    found: numbers.percent(p.published, p.decimals),
  }),
  rowPercentMismatch: (computed: number, published: number, decimals: number): Said => ({
    expected: `${numbers.percent(computed, decimals)} (row percentage of the counts, rounded half up)`,
    found: numbers.percent(published, decimals),
  }),
  publishedDoesNotDiffer: (category: string): Said => ({
    expected: `the published percentage of "${category}" to differ from the computed one, as report/tables/ says`,
    found: "that it does not (or no such category): remove the entry from publishedDiffers",
  }),
  distributionSum: (total: number, slack: number, sum: number, decimals: number): Said => ({
    expected: `a sum of ${numbers.number(total)} (± ${numbers.number(slack, 1)} for rounding)`,
    found: numbers.number(sum, decimals),
    hint: "a value is mistyped or in the wrong column",
  }),
  ungroupedItem: (groupFile: string, item: string): Said => ({
    expected: `an item that ${groupFile} assigns to a group`,
    found: `"${item}"`,
    hint: "the wording must match the grouping table's (spacing and a final full stop aside)",
  }),
  noAnswers: (): Said => ({ expected: "a distribution with some answers", found: "none" }),
  noGroups: (): Said => ({ expected: "at least one group with items", found: "none" }),
  relation: (p: {
    total: "n" | "total";
    table: string;
    value: number;
    dataFile: string;
    fact: string;
    factValue: number;
    factFile: string;
    factRow: number;
  }): Said => ({
    expected: `the ${p.total === "n" ? "N (those in the percentage base)" : "total (everyone, answered or not)"} of table "${p.table}" (${p.value}, from ${p.dataFile}) to equal fact "${p.fact}"`,
    found: `${p.factValue} in ${p.factFile}, row ${p.factRow}`,
    hint: `the prose cites "${p.fact}" for this table: correct the fact or the counts, whichever is out of date`,
  }),
};

/**
 * What a lookup in a table needs (compute/lookup.ts, kinds/<kind>/index.ts),
 * as "expected" and "found" of a helper's problem.
 */
const lookup = {
  oneOf: (what: string, known: string[]) => `${what} (${listed(known)})`,
  nothing: "nothing",
  none: "none",
  quoted: (value: string) => `"${value}"`,
  argumentCount: (n: number) => `${n} ${plural(n, "argument", "arguments")}`,
  wanted: {
    count: "a table with counts",
    percent: "a table with percentages",
    n: "a table with an N",
    value: "a table with values",
  },
  kinds: (kinds: string[]) =>
    kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} or ${kinds[kinds.length - 1]}` : kinds.join(""),
  aKindTable: (kind: string) => `a ${kind} table`,
  aRow: "a row",
  aColumn: "a column",
  aRowOr: (totals: string) => `a row or ${totals}`,
  rowAndColumn: "a row and a column",
  rowAndColumnOrTotal: "a row and a column (or only a row, for its total)",
  rowAndColumns: "a row and one or more columns",
  categories: "one or more categories",
  categoryOf: (table: string) => `a category of table "${table}"`,
  categoryInBase: (table: string) => `a category inside the percentage base of "${table}"`,
  cellWithNumber: "a cell with a number",
  emptyCell: "an empty cell",
  columnFiltered: "a column, with the row chosen by field filters",
  oneRowFilters: "filters that pick exactly one row",
  rowsFor: (rows: number, filters: string) => `${rows} ${plural(rows, "row", "rows")} for ${filters}`,
  oneItem: "one item",
  anItem: "an item",
  aGroup: "a group",
};

/** The problems a chapter's helpers report ({{tall "x"}}, {{tabell "x"}}, …), with the chapter's file and line. */
const helperProblem = {
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
  }) /** What a helper's arguments must be, for `arguments` above. */,
  wants: {
    factId: "a fact id",
    factIds: "one or more fact ids",
    tableAndCategories: "a table id and one or more categories",
    tableAndColumn: "a table id and a column (and a row, or filters)",
    tableAndTwoCategories: "a table id and two or more categories",
    tableId: "a table id",
    chartId: "a chart id",
    tableOrChartId: "a table or chart id",
  },
  editionIds: (found: unknown[]): Said => ({
    expected: "one or more edition ids (folders in report/editions/)",
    found: found.length === 0 ? "none" : found.map((a) => JSON.stringify(a)).join(" "),
  }),
  // Citations (render/citations.ts)
  noBibliographyToCite: (): Said => ({
    expected: "a list of works in report/litteratur.json to cite from",
    found: "no such file",
  }),
  unknownWork: (file: string, key: unknown): Said => ({
    expected: `the id of a work in ${file}`,
    found: JSON.stringify(key),
  }),
  noBibliography: (): Said => ({ expected: "a bibliography", found: "none" }),
  noWorks: (): Said => ({ expected: "one or more work ids", found: "no arguments" }),
  pageWithOneWork: (works: number, page: unknown): Said => ({
    expected: 'side="…" with one work',
    found: `${works} ${works === 1 ? "work" : "works"} and ${JSON.stringify(page)}`,
  }),
  citationForm: (form: unknown): Said => ({
    expected: 'form="narrativ" or form="parentes"',
    found: JSON.stringify(form),
  }),
  narrativeOneWork: (works: number): Said => ({
    expected: "one work in a narrative citation",
    found: `${works} works`,
  }),
  noArguments: (args: unknown[]): Said => ({ expected: "no arguments", found: JSON.stringify(args) }),
  noBibliographyFile: (): Said => ({ expected: "a list of works in report/litteratur.json", found: "no such file" }),
  listTwice: (): Said => ({ expected: "the literature list placed once", found: "a second {{litteraturliste}}" }),
  workNeverCited: (id: string): Said => ({
    expected: `each work cited in the text ({{sitat "${id}"}}) or marked as further reading ("custom": { "videreLesning": true })`,
    found: `"${id}", which the text never cites`,
  }),
  listMissing: (): Said => ({
    expected: "the literature list placed in a chapter with {{litteraturliste}}, since the text cites works",
    found: "citations and no list",
  }),
  // Template syntax (render/template-error.ts)
  templateSyntax: 'valid template syntax ({{helper "argument"}})',
  parseError: (text: string, at: string | undefined): Said => ({
    expected: 'valid template syntax ({{helper "argument"}})',
    found: `${text} (stopped at "${at ?? "the end"}")`,
    hint: 'a helper call is {{name "argument"}}, a block {{#name}} … {{/name}}: check the braces and quotes',
  }),
  unknownHelper: (known: string[], name: string): Said => ({
    expected: `a known helper (${known.join(", ")})`,
    found: `"${name}"`,
  }),
};

/** Respondent-level answers and their codebook (respondents/). */
const respondents = {
  codebookUnreadable: (why: string): Said => ({ expected: "a readable JSON codebook", found: why }),
  codebook: (found: string): Said => ({ expected: "a codebook (see scripts/respondents/codebook.ts)", found }),
  inconsistentCodebook: (found: string): Said => ({ expected: "a consistent codebook", found }),
  settingsUnreadable: (why: string): Said => ({
    expected: "a readable settings file for the synthetic example",
    found: why,
  }),
  settings: (found: string): Said => ({
    expected: "settings for the synthetic example (see scripts/respondents/synthetic.ts)",
    found,
  }),
  noSize: (): Said => ({
    expected: "the synthetic example's size: respondents here, or in the codebook",
    found: "neither says",
  }),
  noAnswersFile: (): Said => ({ expected: "the respondent data file report.json names", found: "no such file" }),
  notSav: (why: string): Said => ({ expected: "an SPSS data file (.sav)", found: why }),
  valueLabel: (expected: string, code: string | number, found: string): Said => ({
    expected: `value label «${expected}» for code ${code}, as in the codebook`,
    found: `«${found}»`,
  }),
  missingQuestion: (id: string, text: string): Said => ({
    expected: `a column "${id}" (${text})`,
    found: "no such column",
    hint: "the codebook (report.json: respondents.codebook) lists every question the data must have",
  }),
  extraColumn: (idColumns: string[], shown: string): Said => ({
    expected: `only questions in the codebook, and its id columns (${idColumns.join(", ")})`,
    found: `a column ${shown}`,
    hint: "add the question to the codebook, or remove the column",
  }),
  /** What a numeric question's answer must be: "a whole number from 18 to 70, one of the codes 99 (Vil ikke svare), or blank". */
  numeric: (q: { integer: boolean; min?: number; max?: number; unit?: string; missing: string[] }) => {
    const kind = q.integer ? "a whole number" : "a number";
    const unit = q.unit ? ` ${q.unit}` : "";
    const range =
      q.min !== undefined && q.max !== undefined
        ? ` from ${q.min} to ${q.max}${unit}`
        : q.min !== undefined
          ? ` of at least ${q.min}${unit}`
          : q.max !== undefined
            ? ` of at most ${q.max}${unit}`
            : unit;
    const missing = q.missing.length > 0 ? `, one of the codes ${q.missing.join(", ")}` : "";
    return `${kind}${range}${missing}, or blank`;
  },
  code: (codes: string[]) => `one of the codes ${codes.join(", ")}, or blank`,
  /** A code with its label, as the two above list them: "3 (Enig)". */
  codeLabel: (code: number, label: string) => `${code} (${label})`,
  notAsked: (p: { question: string; codes: number[]; answer: number; gate: number | null }): Said => ({
    expected: `blank: the question is asked only when ${p.question} is ${p.codes.join(" or ")}`,
    found: `${p.answer} while ${p.question} is ${p.gate ?? "blank"}`,
  }),
  rowCount: (expected: number, found: number): Said => ({
    expected: `${expected} respondents (one row each), as the codebook says`,
    found: `${found} ${plural(found, "row", "rows")}`,
    hint: 'update "respondents" in the codebook if the survey has a new number of answers',
  }),
  // Links from table definitions to the codebook (respondents/spec-links.ts)
  aQuestion: "a question of the codebook",
  aChoiceQuestion: "a question answered with codes",
  aNumericQuestion: "a numeric question (or an index) to average",
  anIndex: "an index of the codebook's index groups",
  anIndexWithBands: "an index whose group has bands",
  anIndexGroup: (groups: string[]) => `an index group of the codebook (${groups.join(", ") || "it has none"})`,
  quoted: (id: string) => `"${id}"`,
  numericNotCodes: (id: string) => `"${id}", a numeric question`,
  codesNotNumeric: (id: string) => `"${id}", answered with codes`,
  withoutBands: (id: string) => `"${id}" without bands`,
  // Notes the build prints when counting from answers (not errors)
  categoryNotInCodebook: (table: string) => `${table}: a category is not in the codebook`,
  labelNotInScale: (table: string, label: string, question: string) =>
    `${table}: «${label}» is not in the codebook's scale for ${question}`,
  noWholeCount: (table: string, pool: number, percent: number, text: string) =>
    `${table}: no whole count of ${pool} prints as ${numbers.percent(percent, decimals(percent))} («${text}»)`,
  noWholeRowCounts: (table: string, n: number, text: string, sum: number) =>
    `${table}: no whole counts of ${n} print as the row «${text}» (it sums to ${sum}); counts in proportion used`,
  moreAnswersThanAsked: (table: string, answers: number, question: string, asked: number) =>
    `${table}: ${answers} answers to ${question}, but only ${asked} were asked`,
  firstUnknown: (question: string, fact: string) =>
    `synthetic settings: "first" names question "${question}" or fact "${fact}", which do not exist`,
  settingsUnknownQuestion: (file: string, id: string) => `${file}: no question "${id}" in the codebook`,
  settingsWrongKind: (file: string, id: string, numeric: boolean) =>
    `${file}: ${id} is ${numeric ? "numeric: give mean and sd" : "answered with codes: give weights"}`,
  settingsWeights: (file: string, id: string, answers: number, weights: number) =>
    `${file}: ${id} has ${answers} answers but ${weights} weights`,
  syntheticFile: (settingsFile: string) => `synthetic example (${settingsFile})`,
  /** What codebookProblems finds (respondents/codebook.ts), each starting with where in the codebook. */
  codebookIssue: {
    questionTwice: (id: string) => `questions: "${id}" twice`,
    noScale: (at: string, scale: string) => `${at}: no scale "${scale}"`,
    noQuestion: (at: string, id: string) => `${at}: no question "${id}"`,
    gateNumeric: (at: string, gate: string) => `${at}: "${gate}" is numeric; routing follows a choice question's codes`,
    noPoints: (at: string, code: number, scale: string) => `${at}: no points for code ${code} of scale "${scale}"`,
    bandLabels: (at: string, labels: number, bounds: number) => `${at}: ${labels} labels but ${bounds} lower bounds`,
    bandOrder: (at: string) => `${at}: lower bounds from highest to lowest`,
    indexTwice: (at: string, id: string) => `${at}: index "${id}" is defined twice`,
    tooFewItems: (at: string, items: number, minAnswered: number) =>
      `${at}: ${items} items, fewer than minAnswered (${minAnswered})`,
    notOnScale: (at: string, item: string, scale: string) => `${at}: "${item}" is not on the scoring scale "${scale}"`,
  },
};

/** The preview server (`npm run dev`): its terminal lines and its pages. */
const dev = {
  building: "<!doctype html><title>Building …</title><p>Building the report …</p>",
  errorPage: (escapedMessage: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error in the report</title>
<style>body{font:15px/1.5 sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#fff3f3;border-left:4px solid #b00;padding:1rem}</style>
</head><body><h1>The report could not be built</h1><p>Correct the error and save the file; the page reloads by itself.</p><pre>${escapedMessage}</pre></body></html>`,
  rebuilt: (pdf: boolean, ms: number, reason: string) =>
    `${pdf ? "PDF and HTML" : "HTML"} rebuilt in ${ms} ms (${reason})`,
  pdfAt: (url: string) => `the PDF is at ${url}`,
  failed: (reason: string, message: string) => `build failed (${reason}):\n${message}`,
  pdfRequested: "The PDF is being built; see the terminal.\n",
  portInUse: (port: number) => `port ${port} is in use; choose another with --port N`,
  cannotServe: (port: number, why: string) => `cannot serve on port ${port}: ${why}`,
  serving: (url: string) => `serving the report at ${url} — press p (and Enter) for a PDF, Ctrl+C to stop`,
  reasons: { start: "start", quiet: "quiet period", requested: "requested" } as Record<string, string>,
};

/** The English catalogue; every language's file has the same shape (type `Messages`). */
export const en = {
  message,
  stage,
  report,
  problem,
  compute,
  lookup,
  helperProblem,
  respondents,
  dev,
  zod: z.locales.en,
};

export type Messages = typeof en;
