/**
 * Respondent-level answers → counts, scores and group comparisons, checked
 * against values worked out by hand (or, for ANOVA, by a closed form).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeModel } from "../scripts/compute/model.ts";
import { tableDefinitionsSchema } from "../scripts/kinds/definitions.ts";
import { defaultKinds } from "../scripts/kinds/registry.ts";
import { ReportConfigSchema } from "../scripts/load/config.ts";
import { nb } from "../scripts/locale/nb.ts";
import { TableMarkup } from "../scripts/render/table-markup.ts";
import { type Codebook, CodebookSchema, codebookProblems } from "../scripts/respondents/codebook.ts";
import { deriveTables } from "../scripts/respondents/derive.ts";
import { type Respondents, readRespondentsCsv } from "../scripts/respondents/read.ts";
import { readRespondentsSav } from "../scripts/respondents/read-sav.ts";
import {
  bandCounts,
  countAnswers,
  crossCounts,
  indexScores,
  multiResponse,
  oneWayAnova,
  summarize,
} from "../scripts/respondents/tabulate.ts";

import { themePartials } from "./support/theme.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const grad = ["I meget høy grad", "I høy grad", "I noen grad", "I liten grad", "I meget liten grad"];

/** A small questionnaire: one single-choice question, an employer question routing two boxes, two COPSOQ items, a stress item. */
const codebook: Codebook = CodebookSchema.parse({
  scales: {
    enig: {
      codes: [
        { code: 1, label: "Enig" },
        { code: 2, label: "Uenig" },
      ],
      missing: [{ code: 9, label: "Ikke medlem" }],
    },
    arbeidsgiver: {
      codes: [
        { code: 1, label: "Privat" },
        { code: 2, label: "Kommunen" },
      ],
    },
    avkrysset: { codes: [{ code: 1, label: "Ja" }] },
    grad5: { codes: grad.map((label, i) => ({ code: i + 1, label })) },
    hyppighet: {
      codes: [
        { code: 1, label: "Daglig" },
        { code: 2, label: "Ukentlig" },
        { code: 3, label: "Aldri" },
      ],
    },
  },
  questions: [
    { id: "enig", text: "Er du enig?", scale: "enig" },
    { id: "arbeidsgiver", text: "Arbeidsgiver", scale: "arbeidsgiver" },
    { id: "afp", text: "AFP", scale: "avkrysset", asked: { question: "arbeidsgiver", codes: [1] } },
    { id: "overtid", text: "Overtidstillegg", scale: "avkrysset", asked: { question: "arbeidsgiver", codes: [1] } },
    { id: "krav_1", text: "For mye å gjøre?", scale: "grad5" },
    { id: "krav_2", text: "Etterskudd?", scale: "grad5" },
    { id: "stress_1", text: "Kø", scale: "hyppighet", reverse: true },
  ],
  indices: {
    copsoq: {
      scoring: { scale: "grad5", points: { 1: 100, 2: 75, 3: 50, 4: 25, 5: 0 } },
      bands: { labels: grad, from: [87.5, 62.5, 37.5, 12.5, 0], note: "midt mellom svarverdiene" },
      list: [{ id: "krav", name: "Krav", items: ["krav_1", "krav_2"] }],
    },
    stress: { list: [{ id: "ko", name: "Kø", items: ["stress_1"] }] },
  },
});

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
const header = "id,enig,arbeidsgiver,afp,overtid,krav_1,krav_2,stress_1";
const sample = [
  header,
  "1,1,1,1,,1,2,1", // krav: (100 + 75) / 2 = 87.5
  "2,1,1,,1,3,3,2", // 50
  "3,2,2,,,5,4,3", // (0 + 25) / 2 = 12.5
  "4,9,1,1,1,,,1", // no krav answers
  "5,,2,,,2,,", // 75 from one item
];

function read(lines: string[]) {
  return readRespondentsCsv("data/svar/test.csv", csv(lines), codebook);
}

describe("the codebook in data/svar", () => {
  it("is valid and every item, scale and routing it names exists", async () => {
    const parsed = CodebookSchema.safeParse(
      JSON.parse(await readFile(join(root, "data", "svar", "kodebok.json"), "utf8")),
    );
    expect(parsed.success, parsed.error?.message).toBe(true);
    if (parsed.success) {
      expect(codebookProblems(parsed.data)).toEqual([]);
      expect(parsed.data.indices.copsoq.list).toHaveLength(8);
      expect(parsed.data.indices.stress.list.map((f) => f.name)).toContain("Kompetansegap");
    }
  });
});

describe("reading respondent answers", () => {
  it("reads codes and blanks", () => {
    const { respondents, problems } = read(sample);
    expect(problems).toEqual([]);
    expect(respondents?.rows).toHaveLength(5);
    expect(respondents?.rows[4].answers).toMatchObject({ enig: null, arbeidsgiver: 2, krav_1: 2, krav_2: null });
  });

  it("accepts Excel's Norwegian export: semicolons and 3,0 for 3", () => {
    const excel = sample.map((line) => line.replaceAll(",", ";").replace(/;1;2;1$/, ";1,0;2;1"));
    const { respondents, problems } = read(excel);
    expect(problems).toEqual([]);
    expect(respondents?.rows[0].answers.krav_1).toBe(1);
  });

  it("names file, row, column, what was expected and what was found for a code outside the scale", () => {
    const { respondents, problems } = read([header, "1,3,1,1,,1,2,1", "2,1,1,,1,3,x,2"]);
    expect(respondents).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ file: "data/svar/test.csv", row: 2, column: "enig", found: `"3"` }),
      expect.objectContaining({ row: 3, column: "krav_2", found: `"x"` }),
    ]);
    expect(problems[0].expected).toContain("1 (Enig), 2 (Uenig), 9 (Ikke medlem)");
  });

  it("reports a missing question column and an unknown column", () => {
    const { problems } = read(["id,enig,arbeidsgiver,afp,overtid,krav_1,krav_2,ekstra", "1,1,1,1,,1,2,1"]);
    expect(problems.map((p) => [p.column, p.found])).toEqual([
      ["stress_1", "no such column"],
      ["ekstra", `a column "ekstra"`],
    ]);
  });

  it("reports an answer to a question the respondent was routed past", () => {
    const { problems } = read([header, "1,1,2,1,,1,2,1"]);
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: "afp" })]);
  });
});

describe("counting answers", () => {
  const respondents = read(sample).respondents;
  if (!respondents) throw new Error("fixture did not read");

  it("counts each code, the missing-value codes and the blanks", () => {
    const counts = countAnswers(respondents, codebook, "enig");
    expect(counts.answers.map((a) => [a.label, a.count])).toEqual([
      ["Enig", 2],
      ["Uenig", 1],
    ]);
    expect(counts.missing).toEqual([{ code: 9, label: "Ikke medlem", count: 1 }]);
    expect(counts.blank).toBe(1);
  });

  it("crosses two questions among those who answered both", () => {
    expect(crossCounts(respondents, codebook, "arbeidsgiver", "enig")).toEqual({
      rows: ["Privat", "Kommunen"],
      columns: ["Enig", "Uenig"],
      counts: [
        [2, 0],
        [0, 1],
      ],
    });
  });

  it("takes multiple-response percentages of those the boxes were shown to", () => {
    // Three private employees saw the boxes; two ticked AFP, two overtime.
    expect(multiResponse(respondents, codebook, ["afp", "overtid"])).toEqual({
      base: 3,
      items: [
        { id: "afp", label: "AFP", count: 2 },
        { id: "overtid", label: "Overtidstillegg", count: 2 },
      ],
    });
  });
});

describe("scoring", () => {
  const respondents = read(sample).respondents;
  if (!respondents) throw new Error("fixture did not read");
  const krav = indexScores(respondents, codebook, "krav");

  it("gives each person the mean of the points for the items answered (1 = 100 … 5 = 0)", () => {
    expect(krav).toEqual([87.5, 50, 12.5, null, 75]);
  });

  it("summarizes N, mean and sample standard deviation", () => {
    // Mean of 87.5, 50, 12.5, 75 is 56.25; squared deviations 976.5625 + 39.0625 + 1914.0625 + 351.5625 = 3281.25; / 3.
    const { n, mean, sd } = summarize(krav);
    expect(n).toBe(4);
    expect(mean).toBe(56.25);
    expect(sd).toBeCloseTo(Math.sqrt(3281.25 / 3), 10);
  });

  it("puts scores in bands, a bound belonging to the band above", () => {
    const bands = codebook.indices.copsoq.bands;
    if (!bands) throw new Error("the fixture has bands");
    expect(bandCounts(bands, krav).map((b) => b.count)).toEqual([1, 1, 1, 1, 0]);
  });

  it("reverses a reversed scale: daily (code 1) scores highest", () => {
    expect(indexScores(respondents, codebook, "ko")).toEqual([3, 2, 1, 3, null]);
  });
});

describe("one-way ANOVA", () => {
  it("gives F and p as the textbook formula and the F distribution's closed form for two groups of freedom", () => {
    const groups = [
      [6, 8, 4, 5, 3, 4],
      [8, 12, 9, 11, 6, 8],
      [13, 9, 11, 8, 7, 12],
    ];
    // Group means 5, 9, 10; grand mean 8. SSB = 6(9 + 1 + 4) = 84; SSW = 16 + 24 + 28 = 68.
    const f = 84 / 2 / (68 / 15);
    // With 2 numerator degrees of freedom, P(F > f) = (d2 / (d2 + 2f))^(d2 / 2).
    const p = (15 / (15 + 2 * f)) ** (15 / 2);
    const result = oneWayAnova(groups);
    expect(result.f).toBeCloseTo(f, 10);
    expect(result.p).toBeCloseTo(p, 8);
    expect(result.means).toEqual([5, 9, 10]);
    expect([result.dfBetween, result.dfWithin]).toEqual([2, 15]);
  });
});

describe("an SPSS file (.sav)", () => {
  // Made by PSPP from test/fixtures/svar-utvalg.csv with test/fixtures/svar-utvalg.sps.
  const fixture = (name: string) => readFile(join(root, "test", "fixtures", name));

  it("is read with its value labels and gives the same answers and counts as the equivalent CSV", async () => {
    const fromCsv = readRespondentsCsv("svar-utvalg.csv", await fixture("svar-utvalg.csv"), codebook).respondents;
    const fromSav = await readRespondentsSav("svar-utvalg.sav", await fixture("svar-utvalg.sav"), codebook);
    expect(fromSav.problems).toEqual([]);
    expect(fromSav.respondents?.rows.map((r) => r.answers)).toEqual(fromCsv?.rows.map((r) => r.answers));
    if (!fromSav.respondents || !fromCsv) throw new Error("unreachable");
    for (const id of ["enig", "arbeidsgiver", "krav_1", "stress_1"])
      expect(countAnswers(fromSav.respondents, codebook, id)).toEqual(countAnswers(fromCsv, codebook, id));
    expect(multiResponse(fromSav.respondents, codebook, ["afp", "overtid"])).toEqual(
      multiResponse(fromCsv, codebook, ["afp", "overtid"]),
    );
  });

  it("renders the same tables as the equivalent CSV", async () => {
    const definitions = tableDefinitionsSchema(defaultKinds).parse({
      enig: {
        kind: "frequency",
        respondentsOnly: true,
        data: "svar",
        title: "Er du enig?",
        category: "svar",
        count: "antall",
        nonResponse: ["Ikke medlem", "Ikke besvart"],
        respondents: { question: "enig" },
      },
      krav: {
        kind: "grid",
        respondentsOnly: true,
        data: "svar",
        title: "Krav",
        rowHeader: "sporsmal",
        respondents: { items: ["krav_1", "krav_2"], columns: { hoy: 1, noen: 3, lav: 5 }, n: "n" },
      },
    });
    const render = (respondents: Respondents) => {
      const derived = deriveTables(codebook, definitions, respondents, new Map(), undefined, nb.labels);
      const config = ReportConfigSchema.parse({
        title: "T",
        series: "S",
        seriesNumber: "1",
        publisher: "P",
        defaultEdition: "e",
        chapters: ["a.md"],
      });
      const { model, problems } = computeModel(config, derived.definitions, derived.data);
      expect(problems).toEqual([]);
      const markup = new TableMarkup(themePartials(), model);
      return [...model.tables.values()].map((t) => markup.table(t, { anchor: t.id, label: "Tabell 1" }));
    };
    const fromCsv = readRespondentsCsv("svar-utvalg.csv", await fixture("svar-utvalg.csv"), codebook).respondents;
    const fromSav = (await readRespondentsSav("svar-utvalg.sav", await fixture("svar-utvalg.sav"), codebook))
      .respondents;
    if (!fromSav || !fromCsv) throw new Error("a fixture did not read");
    const html = render(fromSav);
    expect(html).toEqual(render(fromCsv));
    // Enig 2 of 3 answered = 67 %; the member question's "Ikke medlem" (code 9) and the blank sit under the total.
    expect(html[0]).toContain("<td>67</td>");
    expect(html[0]).toContain("Ikke medlem");
  });

  it("is refused when its value labels say something else than the codebook", async () => {
    const { respondents, problems } = await readRespondentsSav(
      "svar-byttet-etikett.sav",
      await fixture("svar-byttet-etikett.sav"),
      codebook,
    );
    expect(respondents).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "svar-byttet-etikett.sav", column: "krav_1", found: "«I høy grad»" }),
    );
  });
});
