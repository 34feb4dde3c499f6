import Handlebars from "handlebars";
import type { ComputedTable, ReportModel } from "../compute/model.ts";
import type { DownloadLinks } from "../downloads/index.ts";
import { kindOf } from "../kinds/definitions.ts";
import type { PrintContext } from "../kinds/kind.ts";
import type { TableProvenance } from "../provenance/collect.ts";
import { ByContent } from "./by-content.ts";

export interface Numbered {
  /** HTML id, also the target of cross-references. */
  anchor: string;
  /** "Tabell 3", "Figur 2". */
  label: string;
}

/** The wrapper partials of the default theme; a project's templates/partials may replace them. */
const TABLE_BLOCK = "table-block";
const FIGURE_BLOCK = "figure-block";
/** The web edition's disclosure of where a table's or figure's numbers come from. */
const PROVENANCE = "provenance";

/** Each kind's partial: templates/partials/kinds/<kind>.hbs. */
export const kindPartial = (kind: string) => `kinds/${kind}`;

/**
 * Tables and figures as HTML, laid out by Handlebars partials: a wrapper
 * (table-block.hbs, figure-block.hbs) around each kind's own partial, which
 * gets the plain view model its kind prepares (numbers already formatted)
 * and the locale's labels. Handlebars escapes the data; no HTML is built in
 * code.
 */
/** Partials compiled once per their text: every edition's render (and every dev rebuild) lays out its tables with the same ones. */
const compiled = new ByContent<{
  hbs: typeof Handlebars;
  templates: Map<string, Handlebars.TemplateDelegate>;
  /** Each table's blocks as laid out with these partials, by model, table, and where and how it is placed (see `table`). */
  blocks: WeakMap<object, WeakMap<ComputedTable, Map<string, string>>>;
}>();

export class TableMarkup {
  private readonly hbs: typeof Handlebars;
  private readonly print: PrintContext;
  private readonly templates: Map<string, Handlebars.TemplateDelegate>;
  private readonly blocks: WeakMap<ComputedTable, Map<string, string>>;

  constructor(
    private readonly partials: Record<string, string>,
    private readonly model: Pick<ReportModel, "kinds" | "format" | "locale">,
    /** The web edition's CSV files, linked from each block's foot; none in `npm run check`. */
    private readonly downloads?: Pick<DownloadLinks, "table" | "figure">,
  ) {
    const shared = compiled.get(JSON.stringify(partials), () => {
      const hbs = Handlebars.create();
      for (const [name, text] of Object.entries(partials)) hbs.registerPartial(name, text);
      return { hbs, templates: new Map(), blocks: new WeakMap() };
    });
    this.hbs = shared.hbs;
    this.templates = shared.templates;
    // The model's labels and formats are in every block.
    let ofModel = shared.blocks.get(model);
    if (!ofModel) {
      ofModel = new WeakMap();
      shared.blocks.set(model, ofModel);
    }
    this.blocks = ofModel;
    this.print = { format: model.format, labels: model.locale.labels };
  }

  /** The partial file a table's kind needs and the theme lacks, if any (its name as a project would add it). */
  missingPartial(table: ComputedTable): string | undefined {
    const name = kindPartial(table.kind);
    return name in this.partials ? undefined : `templates/partials/${name}.hbs`;
  }

  /**
   * A numbered table with its caption, source and note; with `provenance`, its disclosure after it;
   * the link to its CSV unless `print`.
   */
  table(table: ComputedTable, numbered: Numbered, provenance?: TableProvenance, print = false): string {
    // Laid out once per table and placing: every edition, and every dev rebuild that keeps the model, places
    // the same table with the same number (its disclosure is the table's own, collect.ts).
    const href = print ? undefined : this.downloads?.table(table.id);
    const key = JSON.stringify([numbered.anchor, numbered.label, href, provenance !== undefined]);
    let placed = this.blocks.get(table);
    if (!placed) {
      placed = new Map();
      this.blocks.set(table, placed);
    }
    let block = placed.get(key);
    if (block === undefined) {
      block = this.layOut(table, numbered, provenance, href);
      placed.set(key, block);
    }
    return block;
  }

  private layOut(table: ComputedTable, numbered: Numbered, provenance: TableProvenance | undefined, href?: string) {
    const { definition } = table;
    const dataNote = kindOf(this.model.kinds, table.kind).dataNote?.(table, this.print);
    const block = this.render(TABLE_BLOCK, {
      ...numbered,
      title: definition.title,
      table: this.tableView(table),
      note: [definition.note, dataNote].filter(Boolean).join(" "),
      source: definition.source ?? "",
      download: this.download(href, numbered),
      labels: this.print.labels,
    });
    return this.withProvenance(block, numbered, provenance ? [{ caption: "", provenance }] : []);
  }

  /** One disclosure for all the numbers of a table or figure (a tab stop for the table, not one per cell). */
  private withProvenance(
    block: string,
    numbered: Numbered,
    groups: { caption: string; provenance: TableProvenance }[],
  ): string {
    if (groups.length === 0) return block;
    const { labels } = this.print;
    // Each group's first file is the one its cells leave unnamed (collect.ts).
    const own = [...new Set(groups.map((g) => g.provenance.files[0]).filter(Boolean))];
    const others = [...new Set(groups.flatMap((g) => g.provenance.files.slice(1)))].filter((f) => !own.includes(f));
    const roundings = [...new Set(groups.flatMap((g) => g.provenance.roundings))];
    const disclosure = this.render(PROVENANCE, {
      id: `${numbered.anchor}-${this.model.locale.files.numbers}`,
      label: numbered.label,
      summary: labels.provenance.control,
      readFrom:
        own.length + others.length > 0
          ? labels.provenance.readFrom({ own: own.join(", "), others: others.join(", ") })
          : "",
      rounding: roundings.map(labels.provenance.roundedAs).join(" "),
      groups: groups.map((g) => ({ caption: g.caption, rows: g.provenance.rows })),
    });
    return `${block}\n${disclosure}`;
  }

  /**
   * A chart with its caption, source and note, and its numbers as plain
   * tables; a figure drawn from several tables names each of them; the link
   * to its CSV unless `print`.
   */
  figure(
    id: string,
    svg: string,
    caption: string,
    numbered: Numbered,
    tables: ComputedTable[],
    meta: { source?: string; note?: string },
    provenance: (TableProvenance | undefined)[] = [],
    print = false,
  ): string {
    const block = this.render(FIGURE_BLOCK, {
      ...numbered,
      svg,
      caption,
      note: meta.note ?? "",
      source: meta.source ?? "",
      summary: this.print.labels.figureNumbers(numbered.label.toLowerCase()),
      tables: tables.map((table) => ({
        ...this.tableView(table),
        caption: tables.length > 1 ? table.definition.title : "",
      })),
      download: print ? undefined : this.download(this.downloads?.figure(id), numbered),
      labels: this.print.labels,
    });
    const groups = tables.flatMap((table, i) => {
      const p = provenance[i];
      return p ? [{ caption: tables.length > 1 ? table.definition.title : "", provenance: p }] : [];
    });
    return this.withProvenance(block, numbered, groups);
  }

  /** The link to a block's numbers as CSV: "Last ned tallene i tabell 3 (CSV)". */
  private download(href: string | undefined, numbered: Numbered) {
    return href && { href, text: this.print.labels.downloads.link(numbered.label.toLowerCase()) };
  }

  private tableView(table: ComputedTable) {
    const kind = kindOf(this.model.kinds, table.kind);
    return { kind: kind.name, partial: kindPartial(kind.name), view: kind.view(table, this.print) };
  }

  private render(partial: string, context: Record<string, unknown>): string {
    let template = this.templates.get(partial);
    if (!template) {
      const text = this.partials[partial];
      if (text === undefined) throw new Error(`unreachable: the default theme has a partial "${partial}"`);
      template = this.hbs.compile(text);
      this.templates.set(partial, template);
    }
    // A partial file ends with a newline; the block is placed as it is, without one.
    return template(context).replace(/\n$/, "");
  }
}
