import { chartPalette, paletteSets } from "./palette.ts";
import type { RenderedChart } from "./render-chart.ts";

/**
 * A chart drawn in one accent's palette, given another's: editions differ
 * only in colour, so each chart is drawn once and the others get the same
 * drawing with every palette colour swapped for its counterpart (the same
 * place in the same set). Undefined when the swap would be ambiguous (one
 * colour with two counterparts), so that the caller draws the chart instead.
 */
export function colourMap(from: string, to: string): Map<string, string> | undefined {
  const a = chartPalette(from).palette;
  const b = chartPalette(to).palette;
  const map = new Map<string, string>([[a.accent.toLowerCase(), b.accent]]);
  const setsA = paletteSets(a);
  const setsB = paletteSets(b);
  for (const [name, colours] of Object.entries(setsA)) {
    for (const [i, colour] of colours.entries()) {
      const key = colour.toLowerCase();
      const target = setsB[name]?.[i];
      if (target === undefined) return undefined;
      const known = map.get(key);
      if (known !== undefined && known.toLowerCase() !== target.toLowerCase()) return undefined;
      map.set(key, target);
    }
  }
  return map;
}

/** Every fill and stroke of an SVG whose colour the map names, swapped. */
export function recolourSvg(svg: string, map: Map<string, string>): string {
  return svg.replace(/((?:fill|stroke)=")(#[0-9a-fA-F]{3,8})(")/g, (whole, before: string, colour: string, after) => {
    const swapped = map.get(colour.toLowerCase());
    return swapped === undefined ? whole : `${before}${swapped}${after}`;
  });
}

export function recolourChart(chart: RenderedChart, map: Map<string, string>): RenderedChart {
  return {
    ...chart,
    svg: recolourSvg(chart.svg, map),
    narrowSvg: chart.narrowSvg === undefined ? undefined : recolourSvg(chart.narrowSvg, map),
  };
}
