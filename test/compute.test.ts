import { describe, expect, it } from "vitest";
import { type LookupContext, LookupError, lookupCount, lookupPercent, lookupValue } from "../scripts/compute/lookup.ts";
import { NumberFormat } from "../scripts/format/numbers.ts";
import { computeCrosstab } from "../scripts/kinds/crosstab/compute.ts";
import { CrosstabTableSchema } from "../scripts/kinds/crosstab/schema.ts";
import { computeFrequency } from "../scripts/kinds/frequency/compute.ts";
import { FrequencyTableSchema } from "../scripts/kinds/frequency/schema.ts";
import { computeGrid } from "../scripts/kinds/grid/compute.ts";
import { GridTableSchema } from "../scripts/kinds/grid/schema.ts";
import { defaultKinds } from "../scripts/kinds/registry.ts";
import { computeScoredMeans } from "../scripts/kinds/scored-means/compute.ts";
import { ScoredMeansTableSchema } from "../scripts/kinds/scored-means/schema.ts";
import type { TableSchema } from "../scripts/load/schema.ts";
import { nb } from "../scripts/locale/nb.ts";
import { messagesFor } from "../scripts/messages/index.ts";
import type { DataTable } from "../scripts/validate/table.ts";

const format = new NumberFormat(nb);
/** Prose lookups as a bokmål report makes them. */
const prose: LookupContext = { kinds: defaultKinds, format, labels: nb.labels };

/** A typed table as validation would hand it on, from literal rows. */
function dataTable(schema: TableSchema, rows: Record<string, string | number | null>[]): DataTable {
  return {
    name: "test",
    file: "data/test.csv",
    schema,
    rows: rows.map((values, i) => ({
      row: i + 2,
      values,
      text: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? "" : String(v)])),
    })),
  };
}

describe("a frequency table", () => {
  const schema: TableSchema = {
    fields: [
      { name: "svar", type: "string" },
      { name: "antall", type: "integer" },
      { name: "prosent_publisert", type: "number" },
    ],
  };
  // Tabell 16 of the source: "Fastlegekontoret er godt ledet".
  const data = dataTable(schema, [
    { svar: "Helt enig", antall: 51, prosent_publisert: 25 },
    { svar: "Delvis enig", antall: 74, prosent_publisert: 36 },
    { svar: "Verken enig eller uenig", antall: 38, prosent_publisert: 18 },
    { svar: "Delvis uenig", antall: 29, prosent_publisert: 14 },
    { svar: "Helt uenig", antall: 15, prosent_publisert: 7 },
    { svar: "Ikke besvart", antall: 3, prosent_publisert: null },
  ]);
  const definition = FrequencyTableSchema.parse({
    kind: "frequency",
    // The shipped report's rounding, as its published percentages were made.
    rounding: "spss-then-whole",
    title: "Godt ledet",
    data: "test",
    category: "svar",
    count: "antall",
    publishedPercent: "prosent_publisert",
    nonResponse: ["Ikke besvart"],
  });

  it("computes N, the grand total and the published percentages", () => {
    const { table, problems } = computeFrequency("ledet", definition, data);
    expect(problems).toEqual([]);
    expect(table.base).toBe(207);
    expect(table.grandTotal).toBe(210);
    expect(table.rows.map((r) => r.percent)).toEqual([25, 36, 18, 14, 7]);
  });

  it("sums categories from their counts for the prose: helt eller delvis enig", () => {
    const { table } = computeFrequency("ledet", definition, data);
    expect(lookupPercent(table, ["Helt enig", "Delvis enig"], prose)).toBe("60\u00a0%"); // 125/207 = 60.4
    expect(lookupPercent(table, ["Delvis uenig", "Helt uenig"], prose)).toBe("21\u00a0%"); // 44/207 = 21.3
    expect(lookupCount(table, ["Helt enig", "Delvis enig"], prose)).toBe("125");
  });

  it("names the row whose published percentage does not match its count", () => {
    const wrong = dataTable(schema, [
      { svar: "Helt enig", antall: 50, prosent_publisert: 25 },
      { svar: "Delvis enig", antall: 150, prosent_publisert: 73 }, // 72.46 → 72.5 → 73
      { svar: "Helt uenig", antall: 7, prosent_publisert: 4 },
    ]);
    const { problems } = computeFrequency("ledet", definition, wrong);
    // Computed outside a project: in English, numbers as English writes them.
    const { compute } = messagesFor("en");
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "prosent_publisert",
        ...compute.percentMismatch({ computed: 24, count: 50, base: 207, published: 25, decimals: 0 }),
      }),
      expect.objectContaining({
        row: 4,
        column: "prosent_publisert",
        ...compute.percentMismatch({ computed: 3, count: 7, base: 207, published: 4, decimals: 0 }),
      }),
    ]);
  });

  it("says what categories exist when prose asks for one that does not", () => {
    const { table } = computeFrequency("ledet", definition, data);
    expect(() => lookupPercent(table, ["Enig"], prose)).toThrow(LookupError);
    expect(() => lookupPercent(table, ["Enig"], prose)).toThrow(/"Helt enig", "Delvis enig"/);
  });
});

describe("a crosstab (Tabell 3: perceived staffing by secretaries per doctor)", () => {
  const schema: TableSchema = {
    fields: [
      { name: "andel", type: "string", constraints: { enum: ["<1", "1", ">1"] } },
      { name: "bemanning", type: "string", constraints: { enum: ["For få", "Tilstrekkelig", "Hvis ingen er syke"] } },
      { name: "antall", type: "integer" },
    ],
  };
  const counts: [string, number[]][] = [
    ["<1", [31, 11, 34]],
    ["1", [10, 18, 35]],
    [">1", [7, 13, 42]],
  ];
  const columns = ["For få", "Tilstrekkelig", "Hvis ingen er syke"];
  const data = dataTable(
    schema,
    counts.flatMap(([andel, row]) => row.map((antall, i) => ({ andel, bemanning: columns[i], antall }))),
  );
  const definition = CrosstabTableSchema.parse({
    kind: "crosstab",
    rounding: "spss-then-whole",
    title: "Bemanning",
    data: "test",
    row: "andel",
    column: "bemanning",
    count: "antall",
    rowLabel: "Andel",
    columnLabel: "Opplever du at antallet helsesekretærer er",
  });
  const { table } = computeCrosstab("bemanning", definition, data);

  it("computes row totals, the totals row and the grand total", () => {
    expect(table.rowTotals).toEqual({ "<1": 76, "1": 63, ">1": 62 });
    expect(columns.map((c) => table.columnTotals[c].count)).toEqual([48, 42, 111]);
    expect(table.grandTotal).toBe(201);
  });

  it("reproduces the published row percentages, including 15 for 11 of 76", () => {
    const percents = table.rows.map((r) => columns.map((c) => table.cells[r][c].percent));
    expect(percents).toEqual([
      [41, 15, 45],
      [16, 29, 56],
      [11, 21, 68],
    ]);
    expect(columns.map((c) => table.columnTotals[c].percent)).toEqual([24, 21, 55]);
  });

  it("answers prose lookups by row and column", () => {
    expect(lookupPercent(table, ["<1", "For få"], prose)).toBe("41\u00a0%");
    expect(lookupPercent(table, ["Totalt", "Hvis ingen er syke"], prose)).toBe("55\u00a0%");
    expect(lookupCount(table, ["1"], prose)).toBe("63");
    expect(lookupCount(table, ["Totalt", "For få"], prose)).toBe("48");
    expect(() => lookupPercent(table, ["2", "For få"], prose)).toThrow(/a row or "Totalt"/);
  });
});

describe("a grid table", () => {
  const schema: TableSchema = {
    fields: [
      { name: "indikator", type: "string" },
      { name: "n", type: "integer", title: "N" },
      { name: "gjennomsnitt", type: "number", title: "Gjennomsnitt" },
      { name: "faktor", type: "number", title: "Ladning" },
    ],
  };
  const data = dataTable(schema, [
    { indikator: "Kontroll", n: 1205, gjennomsnitt: 76, faktor: 0.768 },
    { indikator: "Kognitive krav", n: 207, gjennomsnitt: 56, faktor: null },
  ]);
  const definition = GridTableSchema.parse({
    kind: "grid",
    title: "Indikatorer",
    data: "test",
    rowHeader: "indikator",
  });

  it("shows every other column, titled by the schema, formatted as written", () => {
    const table = computeGrid("indikatorer", definition, data, format);
    expect(table.columns.map((c) => c.label)).toEqual(["N", "Gjennomsnitt", "Ladning"]);
    expect(table.rows[0].cells.n.text).toBe("1\u00a0205");
    expect(table.rows[0].cells.faktor.text).toBe("0,768");
    expect(table.rows[1].cells.faktor.text).toBe("");
    expect(lookupValue(table, ["Kontroll", "gjennomsnitt"], {}, prose)).toBe("76");
    expect(() => lookupValue(table, ["Kognitive krav", "faktor"], {}, prose)).toThrow(/empty cell/);
  });
});

describe("means computed from published distributions (Figur 2's method)", () => {
  const distribution = dataTable(
    {
      fields: [
        { name: "situasjon", type: "string" },
        { name: "aldri", type: "number" },
        { name: "ukentlig", type: "number" },
        { name: "daglig", type: "number" },
      ],
    },
    [
      { situasjon: "For lite tid", aldri: 10, ukentlig: 40, daglig: 50 }, // mean 0.1·1 + 0.4·2 + 0.5·3 = 2.4
      { situasjon: "Avbrutt i telefonen", aldri: 50, ukentlig: 50, daglig: 0 }, // 1.5
      { situasjon: "Konflikter", aldri: 80, ukentlig: 20, daglig: 0 }, // 1.2
    ],
  );
  const scale = dataTable(
    {
      fields: [
        { name: "felt", type: "string" },
        { name: "poeng", type: "integer" },
        { name: "etikett", type: "string" },
      ],
    },
    [
      { felt: "aldri", poeng: 1, etikett: "Aldri" },
      { felt: "ukentlig", poeng: 2, etikett: "Ukentlig" },
      { felt: "daglig", poeng: 3, etikett: "Daglig" },
    ],
  );
  const groups = dataTable(
    {
      fields: [
        { name: "sporsmal", type: "string" },
        { name: "a", type: "number", title: "Overbelastning" },
        { name: "b", type: "number", title: "Konflikt" },
      ],
    },
    [
      { sporsmal: "For lite tid.", a: 0.768, b: null }, // a final full stop does not stop the match
      { sporsmal: "Avbrutt  i telefonen", a: 0.55, b: 0.31 }, // the larger loading decides
      { sporsmal: "Konflikter", a: null, b: -0.7 },
    ],
  );
  const definition = ScoredMeansTableSchema.parse({
    kind: "scoredMeans",
    title: "Stress",
    data: "test",
    item: "situasjon",
    scale: { data: "skala", field: "felt", score: "poeng", label: "etikett" },
    groups: { data: "faktorer", item: "sporsmal" },
    rowLabel: "Stressfaktor",
  });

  it("weights each scale score by its percentage, then averages the items of each group", () => {
    const { table, problems } = computeScoredMeans(
      "stress",
      definition,
      distribution,
      scale,
      groups,
      "report/tables/x.json",
    );
    expect(problems).toEqual([]);
    expect(table?.items.map((i) => [i.item, i.group, Number(i.mean.toFixed(6))])).toEqual([
      ["For lite tid", "Overbelastning", 2.4],
      ["Avbrutt i telefonen", "Overbelastning", 1.5],
      ["Konflikter", "Konflikt", 1.2],
    ]);
    expect(table?.rows).toEqual([
      { group: "Overbelastning", mean: 2, items: 2 }, // (2.4 + 1.5) / 2 = 1.95 → 2.0
      { group: "Konflikt", mean: 1.2, items: 1 },
    ]);
  });

  it("names an item the grouping table does not have", () => {
    const other = dataTable(distribution.schema, [{ situasjon: "Ukjent", aldri: 100, ukentlig: 0, daglig: 0 }]);
    const { problems } = computeScoredMeans("stress", definition, other, scale, groups, "x");
    expect(problems[0]).toEqual(expect.objectContaining({ row: 2, column: "situasjon", found: '"Ukjent"' }));
  });
});
