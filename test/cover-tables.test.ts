import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAndCompute, pdfMetadata } from "../scripts/build.ts";
import { type RenderedChart, renderChart } from "../scripts/chart/render-chart.ts";
import type { ReportModel } from "../scripts/compute/model.ts";
import { pValueText } from "../scripts/kinds/grid/compute.ts";
import type { ReportConfig } from "../scripts/load/config.ts";
import type { Edition } from "../scripts/load/editions.ts";
import type { ProjectSources } from "../scripts/load/project.ts";
import { localeFor } from "../scripts/locale/index.ts";
import { messagesFor } from "../scripts/messages/index.ts";
import { renderDocument } from "../scripts/render/document.ts";
import type { DataTable } from "../scripts/validate/table.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

let sources: ProjectSources;
let model: ReportModel;
let data: Map<string, DataTable>;
let editions: Edition[];
const charts = new Map<string, RenderedChart>();

beforeAll(async () => {
  ({ sources, model, data, editions } = await loadAndCompute({ root, editions: "all" }));
  for (const chart of sources.charts) {
    if (!model.tables.has(chart.meta.table)) continue;
    charts.set(chart.id, await renderChart(chart, model, "#1d5c87", undefined, localeFor("nb")));
  }
});

const edition = (id: string) => {
  const found = editions.find((e) => e.id === id);
  if (!found) throw new Error(`no edition ${id}`);
  return found;
};

/** The document of an edition, with settings of report.json replaced (for what the cover and colophon print). */
function html(id: string, settings: Partial<ReportConfig> = {}): cheerio.CheerioAPI {
  const config = { ...model.config, ...settings };
  const { document, problems } = renderDocument({ ...sources, config }, { ...model, config }, charts, {
    fonts: "",
    edition: edition(id),
  });
  expect(problems).toEqual([]);
  return cheerio.load(document?.html ?? "");
}

const cells = ($: cheerio.CheerioAPI, table: string) =>
  $(`#tabell-${table} tbody tr`)
    .toArray()
    .map((tr) =>
      $(tr)
        .children()
        .toArray()
        .map((c) => $(c).text()),
    );

describe("the pay table", () => {
  it("holds every number of its data file, the third head-count of each group included", () => {
    const $ = html("afi");
    const printed = cells($, "lonn").flat().join(" | ");
    const file = data.get("lonn-helsesekretaerer");
    expect(file).toBeDefined();
    const numbers = (file?.rows ?? []).flatMap((r) =>
      ["personer", "utenfor_sektor", "timelonn", "manedslonn", "arslonn"].flatMap((f) => {
        const v = r.values[f];
        return typeof v === "number" ? [v] : [];
      }),
    );
    for (const n of [123, 108, 9, 2]) expect(numbers).toContain(n);
    for (const n of numbers) expect(printed).toContain(model.format.number(n, 0));
    expect($("#tabell-lonn thead").text()).toContain("Herav utenfor sektoren");
  });

  it("labels the rows so that the whole industry is its sector plus those outside it", () => {
    const rows = data.get("lonn-helsesekretaerer")?.rows ?? [];
    const whole = rows.filter((r) => r.values.bransje === "Helsetjenester");
    expect(whole.length).toBe(5);
    for (const row of whole) {
      const sector = rows.find(
        (r) =>
          r !== row &&
          r.values.yrke === row.values.yrke &&
          r.values.arbeidstid === row.values.arbeidstid &&
          r.values.bransje !== "Helsetjenester",
      );
      expect(Number(row.values.personer)).toBe(
        Number(sector?.values.personer) + Number(row.values.utenfor_sektor ?? 0),
      );
    }
  });
});

describe("p values", () => {
  it("print below 0,001 as «< 0,001» and the rest at three decimals", () => {
    expect(pValueText(0, model.format)).toBe("<\u00a00,001");
    expect(pValueText(0.0004, model.format)).toBe("<\u00a00,001");
    expect(pValueText(0.001, model.format)).toBe("0,001");
    expect(pValueText(0.02, model.format)).toBe("0,020");
    const p = cells(html("afi"), "stress-anova").map((row) => row[row.length - 1]);
    expect(p.length).toBeGreaterThan(10);
    expect(p).toContain("<\u00a00,001");
    expect(p).toContain("0,020");
    for (const value of p) expect(value).toMatch(/^(<\u00a00,001|0,\d{3})$/);
  });
});

describe("p values of group comparisons counted from answers", () => {
  it("print at one precision too (groupComparison's p row)", async () => {
    const counted = await loadAndCompute({ root, tablesFrom: "respondents" });
    const ids = [...counted.model.tables.keys()].filter((id) => id.startsWith("stress-etter-"));
    expect(ids.length).toBe(6);
    const texts: string[] = [];
    for (const id of ids) {
      const table = counted.model.tables.get(id) as unknown as {
        rows: { header: string; cells: Record<string, { text: string }> }[];
      };
      const p = table.rows.find((r) => r.header === "p");
      expect(p, id).toBeDefined();
      texts.push(
        ...Object.values(p?.cells ?? {})
          .map((c) => c.text)
          .filter(Boolean),
      );
    }
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/^(<\u00a00,001|0,\d{3}|1,000)$/);
  });
});

describe("cover and colophon from report.json", () => {
  it("print what the config has, once each, and nothing it lacks", () => {
    const $ = html("afi");
    expect($(".cover-series").text()).toBe("AFI-notat 2010:14");
    expect($(".cover-title").text()).toBe(model.config.title);
    // The source names no authors and no ISSN or ISBN: none is printed.
    expect(model.config.authors).toEqual([]);
    expect($(".cover-authors").length).toBe(0);
    const terms = $(".colophon dt")
      .toArray()
      .map((d) => $(d).text());
    expect(terms).not.toContain("Forfattere");
    expect(terms).not.toContain("ISSN");
    expect(terms).not.toContain("ISBN");
    expect(new Set(terms).size).toBe(terms.length);
    expect(
      $(".colophon")
        .text()
        .match(/Utgiver/g)?.length,
    ).toBe(1);
    expect(
      $(".colophon")
        .text()
        .match(/Arbeidsforskningsinstituttet \(AFI\)/g)?.length,
    ).toBe(1);
    expect($(".colophon dd").eq(terms.indexOf("Utgiver")).html()).toBe("Arbeidsforskningsinstituttet (AFI)<br>Oslo");
  });

  it("print authors, date, ISSN and ISBN when they are set", () => {
    const $ = html("afi", {
      authors: ["Kari Eksempel", "Ola Eksempel"],
      published: "desember 2026",
      issn: "0000-0000",
      isbn: "978-0-00-000000-0",
      address: [],
    });
    expect($(".cover-authors").text()).toBe("Kari Eksempel, Ola Eksempel");
    expect($(".cover-published").text()).toBe("desember 2026");
    const colophon = $(".colophon").text();
    for (const text of ["Forfattere", "Kari Eksempel, Ola Eksempel", "ISSN", "0000-0000", "ISBN", "desember 2026"]) {
      expect(colophon).toContain(text);
    }
    expect($(".colophon dd br").length).toBe(0);
  });
});

describe("PDF metadata of an edition", () => {
  it("names a union's edition in the title and keywords, and leaves the publisher's own as the report", () => {
    expect(pdfMetadata(model.config, edition("afi")).title).toBe(model.config.title);
    const union = pdfMetadata(model.config, edition("delta"));
    expect(union.title).toBe(`${model.config.title}. Utgave for Delta`);
    expect(union.keywords).toContain("Delta");
    expect(pdfMetadata(model.config).title).toBe(model.config.title);
  });
});

describe("{{#utgave}}", () => {
  it("keeps the text for the editions named, the {{else}} for the others, and fails without an id", () => {
    const render = (id: string, source: string) =>
      renderDocument({ ...sources, chapters: [{ file: "x.md", source, numbered: true }] }, model, charts, {
        fonts: "",
        edition: edition(id),
      });
    const text =
      '# X\n\n{{#utgave "delta" "fagforbundet"}}For to.{{else}}For de andre.{{/utgave}} {{#edition "afi"}}AFI.{{/edition}}\n';
    expect(render("delta", text).document?.body).toContain("For to.");
    expect(render("delta", text).document?.body).not.toContain("AFI.");
    expect(render("afi", text).document?.body).toContain("For de andre. AFI.");
    const { problems } = render("afi", "# X\n\n{{#utgave}}Ingen.{{/utgave}}\n");
    expect(problems).toEqual([
      // Rendered without loading a project: in English.
      expect.objectContaining({ file: "x.md", row: 3, ...messagesFor("en").helperProblem.editionIds([]) }),
    ]);
  });
});
