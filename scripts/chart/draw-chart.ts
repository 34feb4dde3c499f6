import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { SANS } from "../fonts/catalog.ts";
import type { Locale } from "../locale/index.ts";
import { message } from "../messages/index.ts";
import { escapeHtml } from "../render/escape.ts";
import type { chartRows } from "./chart-rows.ts";
import { chartLocale } from "./locale.ts";
import {
  categoryFields,
  LABEL_WIDTH,
  MAX_LINES,
  NARROW_WIDTH,
  narrowSpec,
  svgWidth,
  wrapWords,
} from "./narrow-spec.ts";
import { chartPalette, paletteSets } from "./palette.ts";
import { measureText, useEmbeddedFontMetrics } from "./text-metrics.ts";

const INK = "currentColor";

/**
 * Style shared by every chart, so figures match the page's typography. Text is at least
 * 10 px: a chart as wide as the print column (166 mm, about 627 px) prints it at 7.5 pt.
 * Colours come from the accent (palette.ts): a spec names a set ("category", "ordinal",
 * "diverging", "diverging3") instead of colours, so a union's edition gets its own.
 */
export function chartConfig(accent: string): vegaLite.Config {
  const font = `'${SANS}', 'DejaVu Sans', sans-serif`;
  const { palette } = chartPalette(accent);
  return {
    font,
    // The SVG gets one text alternative (role="img") instead of a label per mark.
    aria: false,
    background: null as unknown as string,
    view: { stroke: null },
    bar: { color: accent },
    point: { color: accent },
    range: paletteSets(palette),
    // Text in the page's ink (currentColor): the page sets it, so charts follow dark mode. A colour a
    // spec sets itself (white or dark text inside a bar) stays as it is.
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      labelColor: INK,
      titleColor: INK,
      gridColor: "#ddd",
    },
    text: { fontSize: 11, color: INK },
    legend: { labelFontSize: 11, titleFontSize: 11, labelColor: INK, titleColor: INK },
    title: { color: INK },
  };
}

/**
 * Give the chart one text alternative on its root (role="img"), and drop the
 * ARIA roles Vega puts on mark groups: inside an image they are noise, and
 * screen readers get the numbers from the table beneath the figure instead.
 * The narrow drawing gets none (aria-hidden): it repeats the wide one, which
 * keeps the text alternative while it is hidden for the eye on a phone.
 */
function labelSvg(svg: string, description: string | undefined): string {
  if (!svg.startsWith("<svg ")) throw new Error("Vega returned something that is not an SVG document");
  const plain = svg.replace(/ (?:role|aria-[a-z]+)="[^"]*"/g, "");
  const rest = plain.slice("<svg ".length);
  if (description === undefined)
    return `<svg aria-hidden="true" ${rest.replace('class="marks"', 'class="marks chart-narrow"')}`;
  return `<svg role="img" aria-label="${escapeHtml(description)}" ${rest}`;
}

/** A label's width in the chart font at 11 px. */
const measureLabel = (line: string) =>
  measureText({ font: `'${SANS}', 'DejaVu Sans', sans-serif`, fontSize: 11 }, line);

/** Category labels wrapped within a width (for the narrow drawing's axes, and specs that wrap their own). */
function registerWrapLabel(): void {
  vega.expressionFunction("wrapLabel", (text: unknown, width: unknown, maxLines: unknown) =>
    wrapWords(String(text ?? ""), Number(width), measureLabel, maxLines === undefined ? 2 : Number(maxLines)),
  );
}

/** Why a chart's links were refused, for the problem naming its file. */
export function refusedLinks(uris: string[]): string {
  return message.chartLinksRefused([...new Set(uris)]);
}

/** A drawing, and the whole texts of the axis labels it wrapped (`wrapLabel`), before wrapping. */
interface Drawing {
  svg: string;
  wrappedLabels: string[];
}

/** The axis labels of a drawn view that `wrapLabel` broke into lines (their text is an array of lines). */
function wrappedLabels(view: vega.View): string[] {
  const found: string[] = [];
  type Node = { role?: string; items?: Node[]; text?: unknown; datum?: { label?: unknown }; marktype?: string };
  const walk = (node: Node, role: string | undefined) => {
    const own = node.role ?? role;
    if (own === "axis-label" && Array.isArray(node.text) && node.datum?.label !== undefined)
      found.push(String(node.datum.label));
    for (const item of node.items ?? []) walk(item, own);
  };
  walk((view.scenegraph() as unknown as { root: Node }).root, undefined);
  return found;
}

/** The Vega spec of a Vega-Lite spec in the report's style. */
export function compile(spec: Record<string, unknown>, accent: string): vega.Spec {
  return vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { config: chartConfig(accent) }).spec;
}

/** A compiled spec with its width left out: two that compare equal differ in nothing else. */
const sansWidth = (spec: vega.Spec) => JSON.stringify({ ...spec, width: undefined });

/** A Vega view of one spec and its rows, drawn to SVG, and drawn again at other widths (`drawAt`). */
export class ChartView {
  private readonly view: vega.View;
  private readonly refused: string[] = [];
  private readonly unsized: string;

  constructor(compiled: vega.Spec, rowsByName: Record<string, ReturnType<typeof chartRows>>, locale: Locale) {
    this.unsized = sansWidth(compiled);
    // No loader may fetch anything: data arrives inline, by name.
    const loader = vega.loader();
    loader.load = async (uri: string) => {
      throw new Error(`charts may not load external data (${uri})`);
    };
    // A link Vega's sanitizer refuses (`javascript:`) makes its SVG renderer
    // read a property of null in a promise nobody awaits: an uncaught
    // TypeError that ended the process. Refused links are collected instead,
    // the mark is drawn without one, and the chart fails below with the link.
    const sanitize = loader.sanitize.bind(loader);
    loader.sanitize = async (uri: string, options: Parameters<typeof sanitize>[1]) => {
      try {
        return await sanitize(uri, options);
      } catch {
        this.refused.push(uri);
        return { href: "" };
      }
    };
    this.view = new vega.View(vega.parse(compiled), { renderer: "none", locale: chartLocale(locale), loader });
    for (const [name, rows] of Object.entries(rowsByName)) this.view.data(name, rows);
  }

  async draw(): Promise<Drawing> {
    const svg = await this.view.toSVG();
    if (this.refused.length > 0) throw new Error(refusedLinks(this.refused));
    return { svg, wrappedLabels: wrappedLabels(this.view) };
  }

  /**
   * The drawing `compiled` gives, by setting this view's width when that is all it changes (a tenth of
   * the time of parsing and running a new view, for the same SVG: figures.test.ts); undefined otherwise.
   */
  async drawAt(compiled: vega.Spec): Promise<Drawing | undefined> {
    if (typeof compiled.width !== "number" || sansWidth(compiled) !== this.unsized) return undefined;
    if (this.view.width() !== compiled.width) {
      this.view.width(compiled.width);
      await this.view.runAsync();
    }
    return this.draw();
  }

  close(): void {
    this.view.finalize();
  }
}

async function toSvg(
  spec: Record<string, unknown>,
  rowsByName: Record<string, ReturnType<typeof chartRows>>,
  accent: string,
  locale: Locale,
): Promise<Drawing> {
  const view = new ChartView(compile(spec, accent), rowsByName, locale);
  try {
    return await view.draw();
  } finally {
    view.close();
  }
}

/** Vega-Lite spec + named rows → static SVG with one text alternative, in Node, no browser. */
export async function drawChart(
  spec: Record<string, unknown>,
  rowsByName: Record<string, ReturnType<typeof chartRows>>,
  accent: string,
  description: string,
  locale: Locale,
): Promise<string> {
  useEmbeddedFontMetrics();
  // A spec may wrap its own labels with wrapLabel at its print width, so the wide drawing needs it too.
  registerWrapLabel();
  return markSingleColour(labelSvg((await toSvg(spec, rowsByName, accent, locale)).svg, description), accent);
}

/**
 * Mark a drawing whose only palette colour is the accent (data-single-colour):
 * dark mode lightens the accent's marks of such a chart to read on the dark
 * page (layout.hbs), which in a chart of several palette colours would make
 * the accent meet its own lighter steps.
 */
function markSingleColour(svg: string, accent: string): string {
  const { palette } = chartPalette(accent);
  const own = accent.toLowerCase();
  const others = new Set(
    Object.values(paletteSets(palette))
      .flat()
      .map((c) => c.toLowerCase())
      .filter((c) => c !== own),
  );
  const usesOthers = [...svg.matchAll(/fill="(#[0-9a-fA-F]{3,8})"/g)].some((m) => others.has(m[1].toLowerCase()));
  return usesOthers ? svg : svg.replace(/^<svg ([^>]*)>/, '<svg $1 data-single-colour="">');
}

/** The lines a label needs at the narrow label width (at most MAX_LINES). */
function linesOf(label: string): number {
  const wrapped = wrapWords(label, LABEL_WIDTH, measureLabel, MAX_LINES + 1);
  return Math.min(MAX_LINES, Array.isArray(wrapped) ? wrapped.length : 1);
}

/** The lines the longest category label of a chart needs at the narrow label width (2 to MAX_LINES). */
function labelLines(spec: Record<string, unknown>, rowsByName: Record<string, ReturnType<typeof chartRows>>): number {
  const fields = categoryFields(spec);
  let most = 2;
  for (const rows of Object.values(rowsByName))
    for (const row of rows) for (const field of fields) most = Math.max(most, linesOf(String(row[field] ?? "")));
  return most;
}

/** Where the narrow drawing's width should land: inside the last `FIT` px up to NARROW_WIDTH, aiming at its middle. */
const FIT = 12;
const AIM = NARROW_WIDTH - FIT / 2;

/**
 * The same chart drawn to fit `NARROW_WIDTH` px (see narrow-spec.ts). The
 * views' width is found by the secant method: labels and legends do not
 * scale with the views, so the drawing's width is a straight line of the
 * views' width with a slope of its own (two views side by side: about 2),
 * which two drawings give; usually the second drawing fits.
 */
export async function drawNarrowChart(
  spec: Record<string, unknown>,
  rowsByName: Record<string, ReturnType<typeof chartRows>>,
  accent: string,
  locale: Locale,
): Promise<string> {
  useEmbeddedFontMetrics();
  registerWrapLabel();
  let lines = labelLines(spec, rowsByName);
  // One view per number of label lines, drawn again at each width tried.
  const views = new Map<number, ChartView>();
  const draw = async (plotWidth: number) => {
    const compiled = compile(narrowSpec(spec, plotWidth, lines), accent);
    let view = views.get(lines);
    let drawing = await view?.drawAt(compiled);
    if (!drawing) {
      view?.close();
      view = new ChartView(compiled, rowsByName, locale);
      views.set(lines, view);
      drawing = await view.draw();
    }
    return { plotWidth, svg: drawing.svg, width: svgWidth(drawing.svg), labels: drawing.wrappedLabels };
  };
  try {
    let current = await draw(180);
    let previous: typeof current | undefined;
    // A label the spec computes in a transform has no field to measure beforehand: the drawing shows its whole text.
    // Drawn again with the lines it needs, already at the width this drawing points to (labels keep their width).
    const needed = Math.max(lines, ...current.labels.map(linesOf));
    if (needed > lines) {
      lines = needed;
      current = await draw(Math.max(60, Math.round(current.plotWidth + AIM - current.width)));
    }
    let best: typeof current | undefined; // the widest drawing so far that fits
    for (let pass = 0; pass < 6; pass += 1) {
      if (current.width <= NARROW_WIDTH && (best === undefined || current.width > best.width)) best = current;
      if (current.width <= NARROW_WIDTH && current.width > NARROW_WIDTH - FIT) break;
      const slope =
        previous && previous.plotWidth !== current.plotWidth
          ? (current.width - previous.width) / (current.plotWidth - previous.plotWidth)
          : 1;
      const step = (AIM - current.width) / Math.min(4, Math.max(0.25, slope));
      const next = Math.max(60, Math.round(current.plotWidth + step));
      if (next === current.plotWidth) break;
      previous = current;
      current = await draw(next);
    }
    const svg = best?.svg ?? (await draw(60)).svg;
    return markSingleColour(labelSvg(svg, undefined), accent);
  } finally {
    for (const view of views.values()) view.close();
  }
}
