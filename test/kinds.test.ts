/**
 * Table kinds as modules (scripts/kinds/): every registered kind provides
 * every part, and a new kind needs only its module, its partial and one
 * registry line — written here entirely in the test.
 */
import { existsSync, readFileSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { build, check } from "../scripts/build.ts";
import { LookupError } from "../scripts/compute/lookup.ts";
import { computeModel } from "../scripts/compute/model.ts";
import { InputProblems } from "../scripts/errors.ts";
import { NumberFormat } from "../scripts/format/numbers.ts";
import { definitionSchema } from "../scripts/kinds/common.ts";
import { tableDefinitionsSchema } from "../scripts/kinds/definitions.ts";
import { frequency } from "../scripts/kinds/frequency/index.ts";
import type { ComputedTableBase, TableKind } from "../scripts/kinds/kind.ts";
import { defaultKinds } from "../scripts/kinds/registry.ts";
import { ReportConfigSchema } from "../scripts/load/config.ts";
import { en } from "../scripts/locale/en.ts";
import { nb } from "../scripts/locale/nb.ts";
import { createProject } from "../scripts/new/create-project.ts";
import { TableMarkup } from "../scripts/render/table-markup.ts";
import type { DataTable } from "../scripts/validate/table.ts";
import { themeDir, themePartials } from "./support/theme.ts";

describe("every registered kind", () => {
  const locales = [nb, en];

  it.each(defaultKinds.map((k) => [k.name, k] as const))("%s provides every required part", (name, kind) => {
    expect(name).toMatch(/^[A-Za-z][A-Za-z0-9-]*$/);
    // Its schema is one branch of the discriminated union, under its own name.
    expect([...(kind.schema._zod.propValues?.kind ?? [])]).toEqual([name]);
    for (const part of ["checkNeeds", "compute", "cells", "chartRows", "view"] as const) {
      expect(typeof kind[part], `${name}.${part}`).toBe("function");
    }
    expect(typeof kind.lookups).toBe("object");
    for (const [part, lookup] of Object.entries(kind.lookups))
      expect(typeof lookup, `${name}.lookups.${part}`).toBe("function");
    for (const [part, value] of Object.entries(kind.respondents ?? {})) {
      expect(["function", "boolean"], `${name}.respondents.${part}`).toContain(typeof value);
    }
    // Where its numbers come from: its cells, and a provenance for each lookup it offers the prose.
    expect(typeof kind.provenance?.cells, `${name}.provenance.cells`).toBe("function");
    for (const part of Object.keys(kind.lookups) as (keyof typeof kind.lookups)[]) {
      expect(typeof kind.provenance?.[part], `${name}.provenance.${part}`).toBe("function");
    }
  });

  it("offers every lookup the prose helpers use through at least one kind", () => {
    for (const part of ["count", "percent", "n", "value"] as const) {
      expect(defaultKinds.some((k) => k.lookups[part])).toBe(true);
    }
  });

  it.each(defaultKinds.map((k) => k.name))(
    "%s has a default partial that escapes its data and prints no words",
    (name) => {
      const file = join(themeDir, "partials", "kinds", `${name}.hbs`);
      expect(existsSync(file), file).toBe(true);
      const partial = readFileSync(file, "utf8");
      expect(partial).not.toContain("{{{");
      // Labels come from the locale ({{labels.total}}), never typed into the partial.
      for (const locale of locales) {
        for (const word of [locale.labels.total, locale.labels.count, locale.labels.percent, locale.labels.mean]) {
          expect(partial).not.toContain(`>${word}<`);
        }
      }
    },
  );

  it("are each named once", () => {
    expect(new Set(defaultKinds.map((k) => k.name)).size).toBe(defaultKinds.length);
  });
});

describe("a frequency table whose published percentage the counts do not give", () => {
  const data: DataTable = {
    name: "svar",
    file: "data/svar.csv",
    schema: {
      fields: [
        { name: "svar", type: "string" },
        { name: "antall", type: "integer" },
        { name: "prosent", type: "number" },
      ],
    },
    rows: [
      { row: 2, values: { svar: "Ja", antall: 33, prosent: 31 }, text: { svar: "Ja", antall: "33", prosent: "31" } },
      { row: 3, values: { svar: "Nei", antall: 67, prosent: 67 }, text: { svar: "Nei", antall: "67", prosent: "67" } },
    ],
  };
  const definitions = tableDefinitionsSchema(defaultKinds).parse({
    svar: {
      kind: "frequency",
      title: "Svar",
      data: "svar",
      category: "svar",
      count: "antall",
      publishedPercent: "prosent",
      publishedDiffers: { Ja: "trolig regnet av alle som fikk spørsmålet" },
    },
  });
  const config = (language: string) =>
    ReportConfigSchema.parse({
      title: "T",
      series: "S",
      seriesNumber: "1",
      publisher: "P",
      defaultEdition: "e",
      chapters: ["a.md"],
      language,
    });

  it.each([nb, en])("explains it under the table in the report's language ($language)", (locale) => {
    const { model, problems } = computeModel(config(locale.language), definitions, new Map([["svar", data]]));
    expect(problems).toEqual([]);
    const table = model.tables.get("svar") as ComputedTableBase;
    const format = new NumberFormat(locale);
    const expected = locale.labels.publishedDiffers({
      category: "Ja",
      published: format.percent(31),
      computed: format.percent(33),
      reason: "trolig regnet av alle som fikk spørsmålet",
    });
    const html = new TableMarkup(themePartials(), model).table(table, { anchor: "tabell-svar", label: "Tabell 1" });
    const $ = cheerio.load(html);
    expect($("p.note").text()).toBe(expected);
    expect(frequency.dataNote?.(table as never, { format, labels: locale.labels })).toBe(expected);
  });

  it("prints its numbers as the report's language writes them", () => {
    const { model } = computeModel(config("en"), definitions, new Map([["svar", data]]));
    const html = new TableMarkup(themePartials(), model).table(model.tables.get("svar") as ComputedTableBase, {
      anchor: "tabell-svar",
      label: "Table 1",
    });
    const $ = cheerio.load(html);
    expect($("thead th").eq(1).text()).toBe(en.labels.count);
    expect($("tfoot th").first().text()).toBe(en.labels.total);
    expect($("tfoot td").first().text()).toBe("100");
  });
});

// ---------------------------------------------------------------------------
// A new kind, written entirely here: the categories with the most answers.

const TopListSchema = definitionSchema("topList", {
  /** Column naming the category. */
  label: z.string(),
  /** Column holding its count. */
  value: z.string(),
  /** How many to show. */
  top: z.number().int().min(1),
});
type TopListDefinition = z.infer<typeof TopListSchema>;

interface TopListTable extends ComputedTableBase {
  kind: "topList";
  definition: TopListDefinition;
  rows: { label: string; value: number }[];
}

const topList: TableKind<TopListDefinition, TopListTable> = {
  name: "topList",
  schema: TopListSchema,
  checkNeeds: (definition, check) => [
    ...check.column("label", definition.label, ["string"]),
    ...check.column("value", definition.value, ["integer", "number"]),
  ],
  compute(definition, { id, data }) {
    const rows = data.rows
      .map((r) => ({ label: String(r.values[definition.label]), value: Number(r.values[definition.value]) }))
      .sort((a, b) => b.value - a.value)
      .slice(0, definition.top);
    return { table: { kind: "topList", id, definition, rows }, problems: [] };
  },
  lookups: {
    count(table, keys, { format }) {
      const row = table.rows.find((r) => r.label === keys[0]);
      if (!row) throw new LookupError("one of the listed categories", `"${keys[0]}"`);
      return format.number(row.value);
    },
  },
  cells: (table, { format, labels }) =>
    table.rows.map((r) => ({ row: r.label, column: labels.count, value: format.number(r.value) })),
  chartRows: (table) => table.rows.map((r, index) => ({ rekkefolge: index, kategori: r.label, antall: r.value })),
  view: (table, { format }) => ({
    rows: table.rows.map((r, index) => ({
      rank: format.number(index + 1),
      label: r.label,
      value: format.number(r.value),
    })),
  }),
};

const TOP_LIST_PARTIAL = `<thead><tr><th scope="col">#</th><th scope="col">{{labels.count}}</th></tr></thead>
<tbody>
{{#each rows}}
<tr class="top"><th scope="row">{{rank}}. {{label}}</th><td>{{value}}</td></tr>
{{/each}}
</tbody>
`;

describe("a new table kind", () => {
  let project: string;

  beforeAll(async () => {
    // A project of its own (the scaffold), plus the kind's partial in its templates, one definition and one placement.
    project = join(await mkdtemp(join(tmpdir(), "kinds-")), "report");
    createProject(project, "nb");
    const partials = join(project, "templates", "partials", "kinds");
    await mkdir(partials, { recursive: true });
    await writeFile(join(partials, "topList.hbs"), TOP_LIST_PARTIAL);
    // A project's templates replace the default theme's partials, the kinds' included.
    const frequencyPartial = await readFile(join(themeDir, "partials", "kinds", "frequency.hbs"), "utf8");
    await writeFile(join(partials, "frequency.hbs"), frequencyPartial.replace("<tbody>", '<tbody class="own">'));
    await writeFile(
      join(project, "report", "tables", "toppliste.json"),
      JSON.stringify({
        toppliste: {
          kind: "topList",
          title: "De tre vanligste <svarene>",
          data: "tilfredshet",
          label: "svar",
          value: "antall",
          top: 3,
        },
      }),
    );
    await appendFile(
      join(project, "report", "chapters", "02-resultater.md"),
      '\n\n{{tabell "toppliste"}}\n\nFlest er nokså fornøyd: {{antall "toppliste" "Nokså fornøyd"}}.\n',
    );
  });

  afterAll(async () => {
    await rm(dirname(project), { recursive: true, force: true });
  });

  it("is defined, computed, placed with {{tabell}} and cited in prose with one registry line", async () => {
    const out = join(project, "out");
    await build({ root: project, outDir: out, pdf: false, pageCache: false, kinds: [...defaultKinds, topList] });
    const html = (await readdir(out)).find((f) => f.endsWith(".html"));
    const $ = cheerio.load(await readFile(join(out, html ?? "missing.html"), "utf8"));
    const block = $(`#${nb.labels.tableInText}-toppliste`);
    expect(block.find("table").attr("class")).toBe("topList");
    // The caption is escaped by Handlebars, not read as markup.
    expect(block.find("caption").html()).toContain("De tre vanligste &lt;svarene&gt;");
    expect(block.find("thead th").eq(1).text()).toBe(nb.labels.count);
    expect(
      block
        .find("tr.top")
        .toArray()
        .map((r) => $(r).text()),
    ).toEqual(["1. Nokså fornøyd118", "2. Svært fornøyd62", "3. Verken fornøyd eller misfornøyd37"]);
    expect($("p:contains('Flest er nokså fornøyd')").text()).toContain("Flest er nokså fornøyd: 118.");
    // The project's own frequency partial was used instead of the theme's.
    expect($(`#${nb.labels.tableInText}-tilfredshet tbody`).attr("class")).toBe("own");
  });

  it("is refused by a registry without it, naming the file", async () => {
    const failure = await check({ root: project }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InputProblems);
    expect((failure as InputProblems).problems).toContainEqual(
      expect.objectContaining({
        file: join("report", "tables", "toppliste.json"),
        column: "toppliste.kind",
        found: expect.stringContaining(defaultKinds.map((k) => `'${k.name}'`).join(" | ")),
      }),
    );
  });
});
