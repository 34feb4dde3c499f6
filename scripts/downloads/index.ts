/**
 * The web edition's downloads: every table's and figure's computed numbers as
 * a CSV file beside the HTML, in the form a spreadsheet in the report's
 * language opens (csv.ts), a text on how to read and cite them, a
 * machine-readable description (package.ts), and all of them as one ZIP.
 * Render links to them (table-block.hbs, figure-block.hbs, the tool bar and
 * the colophon); the build writes them beside each edition's HTML, through
 * its OutputWriter like every other output.
 */
import type { ComputedTable, ReportModel } from "../compute/model.ts";
import type { PrintContext, Sheet } from "../kinds/kind.ts";
import { figureTables } from "../load/chart-meta.ts";
import type { Edition } from "../load/editions.ts";
import type { ChartSource } from "../load/project.ts";
import type { DownloadedFile } from "../locale/index.ts";
import type { CaptionKind, Numbering } from "../render/helpers.ts";
import { citation, citedReport } from "./cite.ts";
import { sheetCsv } from "./csv.ts";
import { type DownloadNames, downloadNames } from "./names.ts";
import { dataPackage, type PackagedFile, zipOf } from "./package.ts";
import { figureSheet, tableSheet } from "./sheets.ts";

/** What an edition's HTML links to, relative to it (URL-encoded), and how to cite the numbers. */
export interface DownloadLinks {
  table(id: string): string;
  figure(id: string): string;
  zip: string;
  readme: string;
  citation: string;
}

export class Downloads {
  readonly names: DownloadNames;
  private readonly print: PrintContext;
  private readonly sheets = new Map<string, Sheet>();
  private readonly csvs = new Map<string, string>();
  private readonly charts: Map<string, ChartSource>;

  constructor(
    private readonly model: ReportModel,
    charts: ChartSource[],
    reportName: string,
  ) {
    this.names = downloadNames(model.locale, reportName);
    this.print = { format: model.format, labels: model.locale.labels };
    this.charts = new Map(charts.map((c) => [c.id, c]));
  }

  links(edition: Edition): DownloadLinks {
    const { names } = this;
    return {
      table: (id) => encodeURI(names.table(id)),
      figure: (id) => encodeURI(names.figure(id)),
      zip: encodeURI(names.zip),
      readme: encodeURI(names.readme),
      citation: this.citation(edition),
    };
  }

  /**
   * The files for one edition's HTML, by path relative to it: a CSV for each
   * table and figure the document placed, the text and description beside
   * them, and the ZIP; `date` stamps the ZIP's entries.
   */
  files(numbering: Numbering, edition: Edition, date: Date): Record<string, string | Uint8Array> {
    const { names, model } = this;
    const { labels } = model.locale;
    // Names inside the folder, as the text, the data package and the ZIP list them.
    const inside = (path: string) => path.slice(names.folder.length + 1);
    const base = names.zip.replace(/\.zip$/, "");
    const placed: (PackagedFile & DownloadedFile & { path: string; order: number })[] = [];
    const add = (kind: CaptionKind, id: string, number: number, path: string, sheet: Sheet) => {
      const anchor = numbering.anchor(kind, id);
      const order = numbering.captions.findIndex((c) => c.anchor === anchor);
      const label = numbering.label(kind, number);
      const caption = numbering.captions[order]?.caption ?? "";
      placed.push({ path, file: inside(path), label, title: caption, sheet, order });
    };
    for (const [id, number] of numbering.tables) add("table", id, number, names.table(id), this.tableSheet(id));
    for (const [id, number] of numbering.figures) add("figure", id, number, names.figure(id), this.figureSheet(id));
    placed.sort((a, b) => a.order - b.order);

    const report = citedReport(model.config, edition, labels);
    const cited = citation(report);
    const inFolder: Record<string, string> = {};
    for (const f of placed) inFolder[f.file] = this.csv(f.path, f.sheet);
    // With a byte-order mark a browser shows the text as UTF-8 even when the server names no charset.
    inFolder[inside(names.readme)] = `\ufeff${model.locale.labels.downloads.readmeText({
      report,
      citation: cited,
      files: placed,
      packageFile: inside(names.package),
    })}`;
    inFolder[inside(names.package)] = dataPackage(
      base,
      model.config.title,
      cited,
      placed.map((f) => ({ file: f.file, title: `${f.label} ${f.title}`, sheet: f.sheet })),
      model.locale.csv,
    );
    const files: Record<string, string | Uint8Array> = {};
    for (const [name, data] of Object.entries(inFolder)) files[`${names.folder}/${name}`] = data;
    files[names.zip] = zipOf(base, inFolder, date);
    return files;
  }

  /** A file's text, written once for every edition. */
  private csv(path: string, sheet: Sheet): string {
    let text = this.csvs.get(path);
    if (text === undefined) {
      text = sheetCsv(sheet, this.model.locale.csv);
      this.csvs.set(path, text);
    }
    return text;
  }

  private citation(edition: Edition): string {
    return citation(citedReport(this.model.config, edition, this.model.locale.labels));
  }

  /** A table's sheet, computed once for every edition. */
  tableSheet(id: string): Sheet {
    let sheet = this.sheets.get(id);
    if (!sheet) {
      sheet = tableSheet(this.model.kinds, this.table(id), this.print);
      this.sheets.set(id, sheet);
    }
    return sheet;
  }

  figureSheet(id: string): Sheet {
    const chart = this.charts.get(id);
    if (!chart) throw new Error(`unreachable: figure "${id}" was placed without a chart`);
    const parts = figureTables(chart.meta).map((t) => ({
      title: this.table(t).definition.title,
      sheet: this.tableSheet(t),
    }));
    return figureSheet(parts, this.model.locale.labels);
  }

  private table(id: string): ComputedTable {
    const table = this.model.tables.get(id);
    if (!table) throw new Error(`unreachable: table "${id}" was placed without being computed`);
    return table;
  }
}
