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

async function toSvg(
  spec: Record<string, unknown>,
  rowsByName: Record<string, ReturnType<typeof chartRows>>,
  accent: string,
  locale: Locale,
): Promise<string> {
  let view: vega.View | undefined;
  try {
    const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { config: chartConfig(accent) });
    const runtime = vega.parse(compiled.spec);
    // No loader may fetch anything: data arrives inline, by name.
    const loader = vega.loader();
    loader.load = async (uri: string) => {
      throw new Error(`charts may not load external data (${uri})`);
    };
    // A link Vega's sanitizer refuses (`javascript:`) makes its SVG renderer
    // read a property of null in a promise nobody awaits: an uncaught
    // TypeError that ended the process. Refused links are collected instead,
    // the mark is drawn without one, and the chart fails below with the link.
    const refused: string[] = [];
    const sanitize = loader.sanitize.bind(loader);
    loader.sanitize = async (uri: string, options: Parameters<typeof sanitize>[1]) => {
      try {
        return await sanitize(uri, options);
      } catch {
        refused.push(uri);
        return { href: "" };
      }
    };
    view = new vega.View(runtime, { renderer: "none", locale: chartLocale(locale), loader });
    for (const [name, rows] of Object.entries(rowsByName)) view.data(name, rows);
    const svg = await view.toSVG();
    if (refused.length > 0) throw new Error(refusedLinks(refused));
    return svg;
  } finally {
    view?.finalize();
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
  return markSingleColour(labelSvg(await toSvg(spec, rowsByName, accent, locale), description), accent);
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

/** A text of the drawing that Vega's label limit cut short. */
const CUT_SHORT = /…<\/(?:tspan|text)>/;

/** The lines the longest category label of a chart needs at the narrow label width (2 to MAX_LINES). */
function labelLines(spec: Record<string, unknown>, rowsByName: Record<string, ReturnType<typeof chartRows>>): number {
  const fields = categoryFields(spec);
  let most = 2;
  for (const rows of Object.values(rowsByName))
    for (const row of rows)
      for (const field of fields) {
        const wrapped = wrapWords(String(row[field] ?? ""), LABEL_WIDTH, measureLabel, MAX_LINES);
        if (Array.isArray(wrapped)) most = Math.max(most, wrapped.length);
      }
  return most;
}

/**
 * The same chart drawn to fit `NARROW_WIDTH` px (see narrow-spec.ts). The
 * views' width is found in a few passes: draw, see how far the whole drawing
 * (labels, legend) is from the target, widen or narrow the views by that much.
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
  let plotWidth = 180;
  let best: string | undefined; // the widest drawing so far that fits
  for (let pass = 0; pass < 6; pass += 1) {
    const svg = await toSvg(narrowSpec(spec, plotWidth, lines), rowsByName, accent, locale);
    // Labels wrap at a fixed width, so the first drawing shows whether they need more lines
    // (a label the spec computes in a transform has no field to measure beforehand).
    if (pass === 0 && lines < MAX_LINES && CUT_SHORT.test(svg)) {
      lines += 1;
      pass = -1;
      continue;
    }
    const overshoot = svgWidth(svg) - NARROW_WIDTH;
    if (overshoot <= 0 && (best === undefined || svgWidth(svg) > svgWidth(best))) best = svg;
    if (overshoot <= 0 && overshoot > -12) break;
    // Not everything scales with the views (labels, legends): step at least a few pixels.
    const next = Math.max(60, Math.floor(plotWidth - (overshoot > 0 ? Math.max(overshoot, 4) : overshoot)));
    if (next === plotWidth) break;
    plotWidth = next;
  }
  const svg = best ?? (await toSvg(narrowSpec(spec, 60, lines), rowsByName, accent, locale));
  return markSingleColour(labelSvg(svg, undefined), accent);
}
