import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAndCompute } from "../scripts/build.ts";
import { chartRows } from "../scripts/chart/chart-rows.ts";
import { ChartView, chartConfig, compile } from "../scripts/chart/draw-chart.ts";
import { EditionCharts } from "../scripts/chart/edition-charts.ts";
import { NARROW_WIDTH, narrowSpec } from "../scripts/chart/narrow-spec.ts";
import {
  accentPaletteProblem,
  chartPalette,
  ciede2000,
  closestPair,
  deltaE,
  type Lab,
  MIN_DELTA_E,
  paletteSets,
  simulate,
} from "../scripts/chart/palette.ts";
import { colourMap, recolourChart } from "../scripts/chart/recolour.ts";
import { fillNarrowCharts, type RenderedChart, renderChart } from "../scripts/chart/render-chart.ts";
import type { ReportModel } from "../scripts/compute/model.ts";
import type { Edition } from "../scripts/load/editions.ts";
import type { ChartSource, ProjectSources } from "../scripts/load/project.ts";
import { localeFor } from "../scripts/locale/index.ts";
import { renderDocument } from "../scripts/render/document.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
// supplementary test data, and mathematical observations", table 1: pairs 1, 7, 13, 17, 19, 25, 31, 34.
const SHARMA: [Lab, Lab, number][] = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

describe("colour math", () => {
  it.each(SHARMA)("CIEDE2000 of Sharma's pair %j, %j is %d", (a, b, expected) => {
    expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
    expect(ciede2000(b, a)).toBeCloseTo(expected, 4);
  });

  it("simulates protan and deutan vision as Machado et al. (2009) do", () => {
    // Tableau's orange and green, and its red and green: clearly apart in normal vision, confused by
    // protan and deutan readers respectively (the reason charts no longer use "tableau10").
    expect(deltaE("#ff7f0e", "#2ca02c")).toBeGreaterThan(50);
    expect(deltaE("#ff7f0e", "#2ca02c", "protan")).toBeLessThan(5);
    expect(deltaE("#d62728", "#2ca02c", "deutan")).toBeLessThan(5);
    // Pure red through the severity-1.0 matrices, worked by hand: (0.152286, 0.114503, 0) in linear RGB.
    expect(simulate([1, 0, 0], "protan")[0]).toBeCloseTo(0.4266, 3);
    expect(simulate([1, 0, 0], "protan")[1]).toBeCloseTo(0.3727, 3);
    for (const vision of ["protan", "deutan"] as const) {
      expect(simulate([1, 1, 1], vision).map((c) => Math.round(c * 1000) / 1000)).toEqual([1, 1, 1]);
      expect(simulate([0, 0, 0], vision)).toEqual([0, 0, 0]);
    }
  });

  it("derives a passing palette from each shipped accent, or names the edition and the pair", () => {
    for (const accent of ["#1d5c87", "#0b5563", "#a4161a", "#5b2a86"]) {
      const { palette } = chartPalette(accent);
      for (const colours of Object.values(paletteSets(palette))) {
        expect(closestPair(colours)?.deltaE).toBeGreaterThanOrEqual(MIN_DELTA_E);
      }
      expect(accentPaletteProblem("x", accent)).toBeUndefined();
    }
    // A greyish accent leaves too little to build on.
    const problem = accentPaletteProblem("grautt", "#2f4f4f");
    expect(problem?.file).toBe("report/editions/grautt/edition.json");
    expect(problem?.found).toMatch(
      /^#2f4f4f: #[0-9a-f]{6} and #[0-9a-f]{6} differ by \d+,?\.?\d* in (normal|protan|deutan) vision$/,
    );
  });
});

/** The printed text column: A4 less the side margins of `@page` in the theme, in CSS px. */
function printColumnPx(): number {
  const css = readFileSync(join(root, "templates", "style.css"), "utf8");
  const margin = /@page\s*{[^}]*margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm/.exec(css);
  if (!margin) throw new Error("no @page margin in templates/style.css");
  return ((210 - Number(margin[2]) - Number(margin[4])) / 25.4) * 96;
}

let sources: ProjectSources;
let model: ReportModel;
let editions: Edition[];
const rendered: RenderedChart[] = [];

beforeAll(async () => {
  // From respondent answers (the synthetic example), so the figures only --svar draws are checked too.
  ({ sources, model, editions } = await loadAndCompute({ root, editions: "all", tablesFrom: "respondents" }));
  for (const chart of sources.charts)
    rendered.push(await renderChart(chart, model, editions[0].config.accent, undefined, localeFor("nb")));
});

describe("charts shared by the editions", () => {
  it("recoloured from the first accent's drawing, each edition's chart is the one drawn in its own accent", async () => {
    const [first, ...others] = [...new Set(editions.map((e) => e.config.accent))];
    expect(others.length).toBeGreaterThan(0);
    for (const accent of others) {
      const map = colourMap(first, accent);
      expect(map, accent).toBeDefined();
      if (!map) continue;
      for (const [i, chart] of sources.charts.entries()) {
        const own = await renderChart(chart, model, accent, undefined, localeFor("nb"));
        // Vega numbers clip paths in drawing order within a process: the only difference two drawings may have.
        const plain = (c: RenderedChart) => ({
          ...c,
          svg: c.svg.replace(/clip\d+/g, "clip"),
          narrowSvg: c.narrowSvg?.replace(/clip\d+/g, "clip"),
        });
        expect(plain(recolourChart(rendered[i], map)), `${chart.id} in ${accent}`).toEqual(plain(own));
      }
    }
  });
});

describe("figures a reader can read", () => {
  it("prints no chart text below 7 pt (the SVG scaled to the column when wider)", () => {
    const column = printColumnPx();
    for (const chart of rendered) {
      const width = Number(/^<svg [^>]*\bwidth="([\d.]+)"/.exec(chart.svg)?.[1]);
      expect(width, chart.id).toBeGreaterThan(0);
      const scale = Math.min(1, column / width);
      const sizes = [...chart.svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1]));
      expect(sizes.length, chart.id).toBeGreaterThan(0);
      const smallestPt = Math.min(...sizes) * scale * 0.75;
      expect(smallestPt, `${chart.id}: smallest text in print, pt`).toBeGreaterThanOrEqual(7);
    }
  });

  it("cuts no label short with an ellipsis, in print nor in the phone drawing", () => {
    for (const chart of rendered) {
      expect(chart.svg.includes("…"), chart.id).toBe(false);
      expect(chart.narrowSvg?.includes("…"), `${chart.id}, phone`).not.toBe(true);
    }
  });

  it("gives every figure a source line", () => {
    expect(sources.charts.length).toBeGreaterThan(0);
    for (const chart of sources.charts) expect(chart.meta.source?.trim(), chart.id).toBeTruthy();
  });

  it("keeps every pair of colours a chart uses apart for colour-blind readers, in every edition", async () => {
    const accents = [...new Set(editions.map((e) => e.config.accent))];
    expect(accents.length).toBeGreaterThan(1);
    for (const accent of accents) {
      for (const chart of sources.charts) {
        const colours = await chartColours(chart, accent);
        // A chart that colours by a field must be found to use its colours (or the test would pass vacuously).
        if (JSON.stringify(chart.spec).includes('"color":{"field"'))
          expect(colours.length, chart.id).toBeGreaterThan(1);
        const pair = closestPair(colours);
        if (pair)
          expect(pair.deltaE, `${chart.id} in ${accent}: ${pair.a} ${pair.b} (${pair.vision})`).toBeGreaterThanOrEqual(
            MIN_DELTA_E,
          );
      }
    }
  });
});

/** The rows of each of a chart's datasets, by name (the tables --svar counts too). */
function chartRowsOf(chart: ChartSource): Record<string, ReturnType<typeof chartRows>> {
  const datasets: Record<string, string> = {
    [(chart.spec.data as { name?: string } | undefined)?.name ?? chart.meta.table]: chart.meta.table,
    ...chart.meta.data,
  };
  const rows: Record<string, ReturnType<typeof chartRows>> = {};
  for (const [name, table] of Object.entries(datasets)) {
    const computed = model.tables.get(table);
    if (computed) rows[name] = chartRows(computed, model);
  }
  return rows;
}

/** The colours a chart gives its categories: every colour scale's range over its domain, as Vega draws it. */
async function chartColours(chart: ChartSource, accent: string): Promise<string[]> {
  const { usermeta: _u, $schema: _s, ...spec } = chart.spec;
  const datasets: Record<string, string> = {
    [(chart.spec.data as { name?: string } | undefined)?.name ?? chart.meta.table]: chart.meta.table,
    ...chart.meta.data,
  };
  const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { config: chartConfig(accent) });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  for (const [name, table] of Object.entries(datasets)) {
    const computed = model.tables.get(table);
    if (computed) view.data(name, chartRows(computed, model));
  }
  await view.runAsync();
  const colours: string[] = [];
  for (const scale of compiled.spec.scales ?? []) {
    if (!/(color|fill|stroke)$/.test(scale.name)) continue;
    const s = view.scale(scale.name) as ((d: unknown) => string) & { domain(): unknown[] };
    for (const value of s.domain()) colours.push(String(s(value)));
  }
  view.finalize();
  for (const c of colours) expect(c, `${chart.id}: a colour as #rrggbb`).toMatch(/^#[0-9a-f]{6}$/i);
  return colours;
}

describe("the phones' drawings", () => {
  it("are drawn again at another width by setting one view's width: the SVG and labels a new view draws", async () => {
    const accent = editions[0].config.accent;
    const locale = localeFor("nb");
    let redrawn = 0;
    for (const chart of sources.charts) {
      const { usermeta: _u, $schema: _s, ...spec } = chart.spec;
      const rows = chartRowsOf(chart);
      const view = new ChartView(compile(narrowSpec(spec, 180, 2), accent), rows, locale);
      const fresh = new ChartView(compile(narrowSpec(spec, 236, 2), accent), rows, locale);
      try {
        const again = await view.drawAt(compile(narrowSpec(spec, 236, 2), accent));
        const drawn = await fresh.draw();
        if (!again) continue;
        redrawn += 1;
        // Vega numbers clip paths in drawing order within a process: the only difference two drawings may have.
        expect(again.svg.replace(/clip\d+/g, "clip"), chart.id).toBe(drawn.svg.replace(/clip\d+/g, "clip"));
        expect(again.wrappedLabels, chart.id).toEqual(drawn.wrappedLabels);
        // More lines per label change more than the width: a new view draws those.
        const moreLines = compile(narrowSpec(spec, 236, 4), accent);
        if (JSON.stringify(moreLines) !== JSON.stringify(compile(narrowSpec(spec, 236, 2), accent)))
          expect(await view.drawAt(moreLines), chart.id).toBeUndefined();
      } finally {
        view.close();
        fresh.close();
      }
    }
    expect(redrawn, "charts drawn again at a new width").toBeGreaterThan(5);
  });

  it("fit a phone within the last 12 px of its width, and are drawn after the wide ones into the web edition's slots", async () => {
    for (const chart of rendered) {
      if (!chart.narrow) continue;
      const width = Number(/^<svg [^>]*\bwidth="([\d.]+)"/.exec(chart.narrowSvg ?? "")?.[1]);
      expect(width, chart.id).toBeLessThanOrEqual(NARROW_WIDTH);
      expect(width, chart.id).toBeGreaterThan(NARROW_WIDTH - 12);
    }
    const charts = await EditionCharts.draw(sources, model, editions, undefined, localeFor("nb"));
    const accents = [...new Set(editions.map((e) => e.config.accent))];
    const slotted = (accent: string) => {
      const { document } = renderDocument(sources, model, charts.of(accent), { fonts: "", edition: editions[0] });
      if (!document) throw new Error("no document");
      return document.html;
    };
    const before = slotted(accents[1]);
    expect(before.match(/<!--narrow-chart:/g)?.length).toBe(rendered.filter((c) => c.narrow).length);
    expect(await charts.drawNarrow()).toBe(rendered.filter((c) => c.narrow).length);
    const filled = fillNarrowCharts(before, charts.of(accents[1]));
    expect(filled).not.toContain("<!--narrow-chart:");
    const map = colourMap(accents[0], accents[1]);
    if (!map) throw new Error("no colour map");
    // Vega numbers clip paths in drawing order within a process: the only difference two drawings may have.
    const plain = (svg: string) => svg.replace(/clip\d+/g, "clip");
    for (const chart of rendered.filter((c) => c.narrow)) {
      expect(plain(filled).includes(plain(recolourChart(chart, map).narrowSvg as string)), chart.id).toBe(true);
    }
  });
});
