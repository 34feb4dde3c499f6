import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadAndCompute } from "../scripts/build.ts";
import { LABEL_WIDTH, narrowSpec, wrapWords } from "../scripts/chart/narrow-spec.ts";
import type { RenderedChart } from "../scripts/chart/render-chart.ts";
import { contrast, DARK_BACKGROUND, darkModeAccent, faviconDataUrl } from "../scripts/render/colour.ts";
import { renderDocument } from "../scripts/render/document.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("the narrow chart spec", () => {
  const spec = {
    width: 300,
    height: { step: 16 },
    encoding: {
      y: { field: "rad", type: "nominal", axis: { labelLimit: 330, labelFontSize: 9, minExtent: 335 } },
      x: { field: "verdi", type: "quantitative" },
    },
    title: { text: "Krav", dx: -335 },
    layer: [
      {
        mark: { type: "bar", width: 10 },
        encoding: { color: { field: "k", legend: { columns: 3, labelLimit: 200 } } },
      },
      { mark: { type: "text", fontSize: 9 } },
    ],
  };
  const narrow = narrowSpec(spec, 150) as typeof spec & { config: { view: { continuousWidth: number } } };

  it("sets every view's width, and the default, but not a mark's", () => {
    expect(narrow.width).toBe(150);
    expect(narrow.config.view.continuousWidth).toBe(150);
    expect(narrow.layer[0].mark).toEqual({ type: "bar", width: 10 });
  });

  it("sets no text under 11 px and wraps category labels within the label width", () => {
    expect(narrow.layer[1].mark).toEqual({ type: "text", fontSize: 11 });
    expect(narrow.encoding.y.axis).toMatchObject({
      labelFontSize: 11,
      labelLimit: LABEL_WIDTH,
      minExtent: LABEL_WIDTH + 5,
      labelExpr: `wrapLabel(datum.label, ${LABEL_WIDTH})`,
    });
    expect(narrow.height.step).toBeGreaterThanOrEqual(28);
    expect(narrow.title.dx).toBe(-(LABEL_WIDTH + 5));
  });

  it("puts legends under the plot in one column", () => {
    expect(narrow.layer[0].encoding?.color.legend).toMatchObject({ orient: "bottom", columns: 1 });
  });

  it("leaves the spec it was given alone", () => {
    expect(spec.width).toBe(300);
    expect(spec.layer[1].mark.fontSize).toBe(9);
  });

  it("wraps words greedily onto at most two lines, or as many as asked, the last taking the rest", () => {
    const measure = (text: string) => text.length * 10;
    expect(wrapWords("kort", 100, measure)).toBe("kort");
    expect(wrapWords("en lang etikett som ikke får plass", 100, measure)).toEqual([
      "en lang",
      "etikett som ikke får plass",
    ]);
    expect(wrapWords("en lang etikett som ikke får plass", 100, measure, 4)).toEqual([
      "en lang",
      "etikett",
      "som ikke",
      "får plass",
    ]);
  });

  it("gives bands the height of the lines its labels take", () => {
    const three = narrowSpec(spec, 150, 3) as typeof narrow;
    expect((three.encoding.y.axis as { labelExpr?: string }).labelExpr).toBe(
      `wrapLabel(datum.label, ${LABEL_WIDTH}, 3)`,
    );
    expect(three.height.step).toBeGreaterThanOrEqual(3 * 12);
  });
});

describe("colours from the accent", () => {
  it("lightens the accent until it reads on the dark background (7:1), the same way every time", () => {
    for (const accent of ["#1d5c87", "#7a1f3d", "#2d6a2e", "#000000"]) {
      const dark = darkModeAccent(accent);
      expect(contrast(dark, DARK_BACKGROUND)).toBeGreaterThanOrEqual(7);
      expect(darkModeAccent(accent)).toBe(dark);
    }
  });

  it("draws the favicon in the accent, as a data URL", () => {
    const url = faviconDataUrl("#1d5c87");
    expect(url.startsWith("data:image/svg+xml,")).toBe(true);
    expect(decodeURIComponent(url)).toContain('fill="#1d5c87"');
  });
});

describe("the layout's two editions", async () => {
  const { sources, model, editions } = await loadAndCompute({ root });
  const charts = new Map<string, RenderedChart>(
    sources.charts.map((c) => [c.id, { id: c.id, file: c.file, meta: c.meta, svg: "<svg></svg>", narrow: false }]),
  );
  const render = (pdfFile?: string) => {
    const { document } = renderDocument(sources, model, charts, { fonts: "", edition: editions[0], pdfFile });
    if (!document) throw new Error("no document");
    return document;
  };

  it("links the web edition to the PDF beside it only when the build printed one", () => {
    expect(render("rapport.pdf").html).toContain('<a class="pdf-link" href="rapport.pdf" type="application/pdf">');
    expect(render(undefined).html).not.toContain('class="pdf-link"');
  });

  it("gives the web edition its scripts, favicon and share metadata, and the print edition no script", () => {
    const { html, paged } = render("rapport.pdf");
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
    expect(html).toMatch(/<meta name="description" content="[^"]+">/);
    expect(html.match(/<script[ >]/g)?.length).toBe(2);
    expect(paged).not.toContain("<script");
    expect(paged).not.toContain(`class="site-bar"`);
  });
});
