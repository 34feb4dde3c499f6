/**
 * The build, as a straight line of stages:
 *
 *   1 load      report/, templates/, data/ → sources (text, parsed CSV, schemas)
 *   2 validate  data against schemas, report against data → typed tables
 *   3 compute   typed tables → report model (percentages, totals, N)
 *   4 chart     Vega-Lite specs + model → SVG (in Node, no browser)
 *   5 render    chapters + helpers + layout → one HTML document per edition (web and print)
 *   5b changes  what this build printed against the previous build's record → endringer.md
 *   6 print     print document → A4 PDF (one Chromium), while Node goes on with:
 *   6a data     every table's and figure's numbers → CSV files and a ZIP beside the HTML
 *   6b narrow   the charts drawn again for phones → into the web edition (print never shows them)
 *   7 write     HTML + PDF → out/, replaced as a whole
 *
 * Stages pass plain values; only load, print and write touch disk or a browser.
 */
import { join, relative } from "node:path";
import { readAcceptances } from "./accept/record.ts";
import { compareSnapshots, formatChanges } from "./changes/compare.ts";
import { readComparedRecord } from "./changes/record.ts";
import { type BuildSnapshot, snapshot } from "./changes/snapshot.ts";
import { ChartCache } from "./chart/cache.ts";
import { EditionCharts } from "./chart/edition-charts.ts";
import { fillNarrowCharts } from "./chart/render-chart.ts";
import { loadAndCompute } from "./check.ts";
import type { ReportModel } from "./compute/model.ts";
import { Downloads } from "./downloads/index.ts";
import { embeddedFontFaces } from "./fonts/embed.ts";
import type { TableKind } from "./kinds/kind.ts";
import type { ReportConfig } from "./load/config.ts";
import type { Edition } from "./load/editions.ts";
import { type ProjectSources, reloadProse } from "./load/project.ts";
import { localeFor } from "./locale/index.ts";
import { message, report, stage as said } from "./messages/index.ts";
import { type LaunchedBrowser, launchBrowser } from "./print/browser.ts";
import type { PdfMetadata } from "./print/finish-pdf.ts";
import { mapInTurn, PRINTS_AT_ONCE } from "./print/in-turn.ts";
import { keepPageNumbers, type RememberedLayout, readPageNumbers } from "./print/page-cache.ts";
import type { Guess } from "./print/paginate.ts";
import { sourceDateEpoch } from "./print/source-date.ts";
import { changeProvenance } from "./provenance/changes.ts";
import { numberIndexJson } from "./provenance/index-file.ts";
import { renderDocumentInTurns } from "./render/document.ts";
import type { Shard } from "./shard.ts";
import { orFail, stage } from "./stage.ts";
import { SNAPSHOT_FILE } from "./write/names.ts";
import { fileWriter, type OutputWriter } from "./write/writer.ts";

export { check, loadAndCompute } from "./check.ts";

export interface BuildOptions {
  /** Project root (holds report/, templates/, data/). */
  root: string;
  /** Data folder; default `<root>/data`. */
  dataDir?: string;
  /** Output folder; default `<root>/out`. */
  outDir?: string;
  /** Print the PDF; default true. */
  pdf?: boolean;
  /** One line per stage; default silent. */
  log?: (line: string) => void;
  /** Reuse rendered charts across builds; default: a cache under `<root>/.cache/charts`. */
  chartCache?: ChartCache;
  /**
   * Editions to render, each into `<outDir>/<edition>/`; "all" for every
   * folder in report/editions/. Default: the report's default edition,
   * written straight into `<outDir>`.
   */
  editions?: string[] | "all";
  /** With `editions: "all"`: only the K-th of N parts (scripts/shard.ts); the output keeps other editions' folders. */
  shard?: Shard;
  /**
   * Start from the page numbers the previous build found (kept under
   * `.cache/pages/`), saving the draft print when they still hold; default true.
   */
  pageCache?: boolean;
  /** Where the tables come from; default: the report's `tablesFrom` (published tables). */
  tablesFrom?: "published" | "respondents";
  /** Where the outputs go; default: the output folder on disk, all or nothing. */
  writer?: OutputWriter;
  /**
   * The number record (`.tall-forrige-bygg.json`) of the build the change
   * summary compares with, e.g. a published one kept under version control;
   * default: the previous build into `outDir`.
   */
  compareWith?: string;
  /** The table kinds a definition may name, in order; default: the standard registry (kinds/registry.ts). */
  kinds?: readonly TableKind[];
  /** A browser the caller started already (the command line starts it first); the build closes it. Default: one started here. */
  browser?: Promise<LaunchedBrowser>;
  /**
   * Stages 1–4 of a previous build (its `kept`) whose inputs, but for the
   * chapters and templates, have not changed since: only those are read
   * again, the data is neither parsed nor checked nor charted anew. The dev
   * server knows from its watcher when this holds.
   */
  keep?: KeptStages;
  /**
   * A preview for the dev server: no change summary and no number record;
   * the downloads and the number index are made only when asked for
   * (`BuildResult.later`).
   */
  preview?: boolean;
}

/** What stages 1–4 made: the sources, the model, the editions and their wide charts. */
export interface KeptStages {
  sources: ProjectSources;
  model: ReportModel;
  editions: Edition[];
  charts: EditionCharts;
}

export interface BuildResult {
  files: string[];
  /** Milliseconds per stage, in order. */
  timings: Record<string, number>;
  /** The document each edition's print loaded, in order (none in an HTML-only build): what npm run bench compares with. */
  printed: string[];
  /** Stages 1–4, for a next build whose data has not changed (`BuildOptions.keep`). */
  kept?: KeptStages;
  /** A preview's outputs (the downloads, the number index), made when first asked for by their path; else undefined. */
  later: (path: string) => string | Uint8Array | undefined;
}

async function readSnapshot(writer: OutputWriter, outDir: string): Promise<BuildSnapshot | undefined> {
  const text = await writer.read(outDir, SNAPSHOT_FILE);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as BuildSnapshot);
  } catch {
    return undefined; // an unreadable old file: nothing to compare
  }
}

/** The files a build writes: named by the config, else by the report's language. */
export function outputNames(config: ReportConfig): { report: string; changes: string; numbers: string } {
  const { files } = localeFor(config.language);
  const report = config.output?.name ?? files.report;
  return { report, changes: files.changes, numbers: `${report}.${files.numbers}.json` };
}

/** A union's edition carries its name in the PDF's title (the window title) and keywords; the publisher's own does not. */
export function pdfMetadata(config: ReportConfig, edition?: Edition): PdfMetadata {
  const named = edition && edition.config.name !== "" && edition.config.name !== config.publisher;
  const editionFor = edition?.config.coverLabel ?? localeFor(config.language).labels.editionFor;
  return {
    title: named ? `${config.title}. ${editionFor} ${edition.config.name}` : config.title,
    author: config.author ?? (config.authors.length > 0 ? config.authors.join(", ") : config.publisher),
    subject: config.subject ?? config.subtitle ?? config.title,
    keywords: named ? [...config.keywords, edition.config.name] : config.keywords,
    // Reproducible builds: SOURCE_DATE_EPOCH (seconds) or the report's date; otherwise the build time.
    date: sourceDateEpoch() ?? (config.date ? new Date(`${config.date}T12:00:00Z`) : undefined),
  };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const timings: Record<string, number> = {};
  const outDir = options.outDir ?? join(options.root, "out");
  // The browser starts now (unless the caller started it) and launches while data loads and charts render;
  // it is closed whatever happens.
  const browser = options.browser ?? (options.pdf === false ? undefined : launchBrowser({ printTabAhead: true }));
  browser?.catch(() => {}); // a launch failure is reported where the browser is awaited
  // The printing code (with pdf-lib) loads meanwhile too; HTML-only builds never load it.
  const printer = options.pdf === false ? undefined : import("./print/paginate.ts");
  printer?.catch(() => {});
  try {
    return await buildWith(options, timings, outDir, log, browser && printer ? { browser, printer } : undefined);
  } finally {
    await browser?.then(
      (b) => b.close(),
      () => {},
    );
  }
}

async function buildWith(
  options: BuildOptions,
  timings: Record<string, number>,
  outDir: string,
  log: (line: string) => void,
  print: { browser: Promise<LaunchedBrowser>; printer: Promise<typeof import("./print/paginate.ts")> } | undefined,
): Promise<BuildResult> {
  const { sources, model, editions } = options.keep
    ? await stage(
        "load",
        timings,
        log,
        () => {
          const kept = options.keep as KeptStages;
          const { sources } = orFail(reloadProse(kept.sources));
          if (!sources) throw new Error("unreachable: reload returned no sources without problems");
          return { ...kept, sources };
        },
        () => said.reloadedProse,
      )
    : await loadAndCompute(options, timings);
  if (editions.length === 0 && options.shard) {
    log(message.shardEmpty(`${options.shard.index}/${options.shard.count}`));
    return { files: [], timings, printed: [], later: () => undefined };
  }
  const chartCache = options.chartCache ?? new ChartCache(join(options.root, ".cache", "charts"));

  const locale = localeFor(sources.config.language);
  // 4 chart: the wide drawings, once for all editions (recoloured per accent); the phones' come while printing.
  const charts =
    options.keep?.charts ??
    (await stage(
      "chart",
      timings,
      log,
      () => EditionCharts.draw(sources, model, editions, chartCache, locale),
      (r) => said.charts(r.counts),
    ));

  // 5 render
  const fonts = await embeddedFontFaces();
  // Every table's and figure's numbers as CSV beside the HTML, linked from it (downloads/).
  const downloads = new Downloads(model, sources.charts, outputNames(model.config).report);
  const documents = await stage(
    "render",
    timings,
    log,
    async () => {
      const rendered = [];
      for (const edition of editions) {
        const pdfFile = options.pdf === false ? undefined : `${outputNames(model.config).report}.pdf`;
        const numbersFile = outputNames(model.config).numbers;
        const links = downloads.links(edition);
        const { document } = orFail(
          await renderDocumentInTurns(sources, model, charts.of(edition.config.accent), {
            fonts,
            edition,
            pdfFile,
            numbersFile,
            downloads: links,
          }),
        );
        if (!document) throw new Error("unreachable: render returned no document without problems");
        rendered.push({ edition, document });
      }
      return rendered;
    },
    (r) =>
      said.rendered({
        headings: r[0].document.headings.length,
        tables: r[0].document.numbering.tables.size,
        figures: r[0].document.numbering.figures.size,
        editions: r.length,
      }),
  );

  const names = outputNames(model.config);
  const writer = options.writer ?? fileWriter;
  // Where each edition goes: the default build straight into out/, named editions into out/<edition>/.
  const prefix = (id: string) => (options.editions && id ? `${id}/` : "");
  const files: Record<string, string | Uint8Array> = {};

  // 5b changes: what changed since the previous build into this out/, every number and every sentence citing one.
  // A preview has no record to keep: the next real build reports every change since the last one.
  const { current, changes } = options.preview
    ? { current: undefined, changes: undefined }
    : await stage(
        "changes",
        timings,
        log,
        async () => {
          const current = snapshot(
            model,
            documents[0].document.body,
            await readAcceptances(sources.paths.data, options.root),
          );
          const previous = options.compareWith
            ? await readComparedRecord(options.compareWith, options.root)
            : await readSnapshot(writer, outDir);
          return { current, changes: previous ? compareSnapshots(previous, current) : undefined };
        },
        ({ changes }) =>
          changes
            ? said.changes({
                cells: changes.cells.length,
                sentences: changes.sentences.length,
                comparedWith: options.compareWith,
                file: names.changes,
              })
            : said.firstBuild,
      );
  for (const c of changes?.cells ?? []) log(report.changedCell(c));
  for (const s of changes?.sentences ?? []) log(report.changedSentence(s.after));
  for (const a of changes?.accepted ?? []) log(`  ${model.locale.labels.changes.acceptedLine(a)}`);

  // 6 print: one browser for every edition, while Node draws the phones' charts and writes the downloads.
  // That work waits until the first document is loaded in its tab: till then each step of opening the tab
  // is a round trip to Chromium, which Node's drawing would hold up (the tab took 1,2 s to open, not 0,1).
  let documentLoaded = () => {};
  const loaded = new Promise<void>((resolve) => {
    documentLoaded = resolve;
  });
  const printing = print
    ? stage(
        "print",
        timings,
        log,
        async () => {
          const [launched, { printPaginated }] = await Promise.all([print.browser, print.printer]);
          // Editions print side by side, in tabs of the one browser, as many at once as there are cores.
          // Editions lay out alike when their front matter does (a foreword or none): the last one printed
          // gives the next without a previous build its page numbers and breaks to start from, which that
          // edition's own print then checks (one tagged print instead of drafts, when they hold).
          const printed = new Map<boolean, RememberedLayout>();
          return mapInTurn(documents, PRINTS_AT_ONCE, async ({ edition, document }) => {
            // The previous build's page numbers for this edition and data source, if any: usually still right.
            const pagesFile = join(
              options.root,
              ".cache",
              "pages",
              `${edition.id}${model.respondents ? "-svar" : ""}.json`,
            );
            const own = options.pageCache === false ? undefined : await readPageNumbers(pagesFile);
            const shape = edition.foreword !== undefined;
            const sibling = printed.get(shape);
            const guess: Guess | undefined = own
              ? { layout: own, from: "previous build" }
              : sibling && { layout: sibling, from: "sibling edition" };
            const result = await printPaginated(launched, document.paged, {
              metadata: pdfMetadata(model.config, edition),
              guess,
              onLoaded: documentLoaded,
              // What the drafts found is usually what the tagged print confirms: siblings need not wait for it.
              onDrafted: (layout) => printed.set(shape, layout),
            });
            printed.set(shape, result.pages);
            for (const [step, ms] of Object.entries(result.steps)) {
              timings[`print.${step}`] = (timings[`print.${step}`] ?? 0) + ms;
            }
            if (options.pageCache !== false) await keepPageNumbers(pagesFile, result.pages);
            files[`${prefix(edition.id)}${names.report}.pdf`] = result.pdf;
            return result;
          });
        },
        (r) =>
          said.printed({
            sizes: r.map((p) => Math.round(p.pdf.byteLength / 1024)),
            pdfua: r.every((p) => p.pdfua.length === 0),
            passes: r.map((p) => p.passes),
          }) +
          r
            .flatMap((p) =>
              [...p.pdfua, ...p.problems.map((x) => said.printPage(x.page, x.detail))].map((x) => `\n  ${x}`),
            )
            .join(""),
      )
    : undefined;
  printing?.catch(() => {}); // awaited below; a failure is reported there
  if (printing) await Promise.race([loaded, printing]);

  // Beside each HTML: every number it prints, with where it comes from.
  const numberIndex = ({ document }: (typeof documents)[number]) =>
    numberIndexJson(
      {
        report: `${names.report}.html`,
        language: model.config.language,
        dataFolder: relative(options.root, sources.paths.data) || ".",
        fromAnswers: model.respondents !== undefined,
      },
      document.numbers,
    );
  // 6a data: the numbers to download beside each edition's HTML; the ZIP dated as the PDF is.
  const date = pdfMetadata(model.config).date ?? new Date();
  const downloadsOf = ({ edition, document }: (typeof documents)[number]) =>
    downloads.files(document.numbering, edition, date);

  // A preview makes them when the dev server is first asked for one of an edition's.
  const made = new Map<(typeof documents)[number], Record<string, string | Uint8Array>>();
  const later = (path: string) => {
    for (const each of documents) {
      const folder = join(outDir, prefix(each.edition.id), "/");
      if (!path.startsWith(folder)) continue;
      let files = made.get(each);
      if (!files) {
        files = { [names.numbers]: numberIndex(each), ...downloadsOf(each) };
        made.set(each, files);
      }
      const file = files[path.slice(folder.length)];
      if (file !== undefined) return file;
    }
    return undefined;
  };
  if (!options.preview) {
    for (const each of documents) files[`${prefix(each.edition.id)}${names.numbers}`] = numberIndex(each);
    await stage(
      "data",
      timings,
      log,
      () =>
        documents.map((each) => {
          const written = downloadsOf(each);
          for (const [name, data] of Object.entries(written)) files[`${prefix(each.edition.id)}${name}`] = data;
          return written;
        }),
      (r) =>
        said.downloads({
          csv: Object.keys(r[0] ?? {}).filter((name) => name.endsWith(".csv")).length,
          zipKb: Math.round((r[0]?.[downloads.names.zip]?.length ?? 0) / 1024),
          folder: downloads.names.folder,
          editions: r.length,
        }),
    );
  }
  if (current) files[SNAPSHOT_FILE] = `${JSON.stringify(current, null, 1)}\n`;
  if (changes) {
    // Each changed number points to where it now comes from, and to its id in the index beside the HTML.
    const provenance = changeProvenance(model, documents[0].document);
    files[names.changes] = formatChanges(changes, model.locale.labels, options.compareWith, provenance);
  }

  // 6b narrow: the phones' drawings of the charts, put into each web edition.
  await stage(
    "narrow",
    timings,
    log,
    () => charts.drawNarrow(),
    (count) => said.narrowCharts(count),
  );
  for (const { edition, document } of documents) {
    files[`${prefix(edition.id)}${names.report}.html`] = fillNarrowCharts(
      document.html,
      charts.of(edition.config.accent),
    );
  }
  await printing;

  // 7 write
  const written = await stage(
    "write",
    timings,
    log,
    // A full build replaces the whole output folder; named editions (or a shard's) replace only their own folders.
    () =>
      writer.writeAll(
        outDir,
        files,
        Array.isArray(options.editions) || options.shard ? { folders: editions.map((e) => e.id).filter(Boolean) } : {},
      ),
    (names) => said.written(names.length, outDir),
  );
  return {
    files: written,
    timings,
    printed: print ? documents.map(({ document }) => document.paged) : [],
    kept: { sources, model, editions, charts },
    later: options.preview ? later : () => undefined,
  };
}
