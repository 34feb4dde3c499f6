import type { ReportModel } from "../compute/model.ts";
import { InputProblems } from "../errors.ts";
import type { Edition } from "../load/editions.ts";
import type { ChartSource, ProjectSources } from "../load/project.ts";
import type { Locale } from "../locale/index.ts";
import type { ChartCache } from "./cache.ts";
import { accentPaletteProblem } from "./palette.ts";
import { colourMap, recolourChart, recolourSvg } from "./recolour.ts";
import { drawNarrow, type RenderedChart, renderWideChart } from "./render-chart.ts";

/**
 * Every edition's charts. Editions differ only in their accent, so each chart
 * is drawn once, in the first accent, and the other accents get the same
 * drawing recoloured (drawn only if a swap is ambiguous). The wide drawings
 * come first, since the print edition needs only them; the phones' drawings
 * follow (`drawNarrow`), while the print edition prints.
 */
export class EditionCharts {
  private constructor(
    private readonly sources: ProjectSources,
    private readonly model: ReportModel,
    private readonly cache: ChartCache | undefined,
    private readonly locale: Locale,
    /** Accent → chart id → chart; the first accent's are drawn, the others recoloured from them. */
    private readonly byAccent: Map<string, Map<string, RenderedChart>>,
    /** Each other accent's colours for the first's, or undefined where a swap is ambiguous (its charts are drawn). */
    private readonly recolouring = new Map<string, Map<string, string> | undefined>(),
  ) {}

  /** Draw the wide charts of every edition's accent; an accent a colour-blind reader cannot tell apart stops here. */
  static async draw(
    sources: ProjectSources,
    model: ReportModel,
    editions: Edition[],
    cache: ChartCache | undefined,
    locale: Locale,
  ): Promise<EditionCharts> {
    const paletteProblems = editions.flatMap((e) => accentPaletteProblem(e.id, e.config.accent) ?? []);
    if (paletteProblems.length > 0) throw new InputProblems(paletteProblems);
    const charts = new EditionCharts(sources, model, cache, locale, new Map());
    const [first, ...others] = new Set(editions.map((e) => e.config.accent));
    if (first === undefined) return charts;
    const drawn = new Map<string, RenderedChart>();
    for (const chart of charts.shown()) drawn.set(chart.id, await charts.wide(chart, first));
    charts.byAccent.set(first, drawn);
    for (const accent of others) {
      const map = colourMap(first, accent);
      charts.recolouring.set(accent, map);
      const rendered = new Map<string, RenderedChart>();
      for (const chart of charts.shown()) {
        const own = drawn.get(chart.id) as RenderedChart;
        rendered.set(chart.id, map ? recolourChart(own, map) : await charts.wide(chart, accent));
      }
      charts.byAccent.set(accent, rendered);
    }
    return charts;
  }

  /** An edition's charts, by id. */
  of(accent: string): Map<string, RenderedChart> {
    return this.byAccent.get(accent) ?? new Map();
  }

  /** How many charts an edition shows, and in how many colours they are drawn. */
  get counts(): { charts: number; colours: number } {
    return { charts: [...this.byAccent.values()][0]?.size ?? 0, colours: this.byAccent.size };
  }

  /** Draw the phones' drawings (once, recoloured for the other accents); returns how many. */
  async drawNarrow(): Promise<number> {
    const [first, ...others] = this.byAccent.keys();
    if (first === undefined) return 0;
    const drawn = this.of(first);
    let count = 0;
    for (const chart of this.shown()) {
      const own = drawn.get(chart.id);
      if (!own?.narrow) continue;
      count += 1;
      // Charts kept from a previous build (npm run dev after a chapter's save) have theirs already.
      if (own.narrowSvg !== undefined) continue;
      own.narrowSvg = await drawNarrow(chart, this.model, first, this.cache, this.locale);
      for (const accent of others) {
        const map = this.recolouring.get(accent);
        const theirs = this.of(accent).get(chart.id) as RenderedChart;
        theirs.narrowSvg = map
          ? recolourSvg(own.narrowSvg, map)
          : await drawNarrow(chart, this.model, accent, this.cache, this.locale);
      }
    }
    return count;
  }

  /** The charts the editions show: a chart of a table only counted from respondent answers needs answers. */
  private shown(): ChartSource[] {
    return this.sources.charts.filter(({ meta: { table } }) => {
      return !(this.sources.tables[table]?.respondentsOnly && !this.model.tables.has(table));
    });
  }

  private wide(chart: ChartSource, accent: string): Promise<RenderedChart> {
    return renderWideChart(chart, this.model, accent, this.cache, this.locale);
  }
}
