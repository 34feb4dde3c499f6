/**
 * A survey instrument that is not the shipped report's: a generic index
 * group (points per code, a reversed item, a minimum of answered items,
 * bands), a group without scoring, numeric answers with bounds and a
 * missing code, and a group comparison of a numeric answer with one-way
 * ANOVA. Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { tableDefinitionsSchema } from "../scripts/kinds/definitions.ts";
import { defaultKinds } from "../scripts/kinds/registry.ts";
import { en } from "../scripts/locale/en.ts";
import { type Codebook, CodebookSchema, codebookProblems } from "../scripts/respondents/codebook.ts";
import { deriveTables } from "../scripts/respondents/derive.ts";
import { compareGroups } from "../scripts/respondents/group-comparison.ts";
import { readRespondentsCsv } from "../scripts/respondents/read.ts";
import { specLinkProblems } from "../scripts/respondents/spec-links.ts";
import { makeSyntheticRespondents, SyntheticSettingsSchema, syntheticSize } from "../scripts/respondents/synthetic.ts";
import { bandCounts, indexScores, numericAnswers, summarize } from "../scripts/respondents/tabulate.ts";

const codebook: Codebook = CodebookSchema.parse({
  respondents: 7,
  scales: {
    team: {
      codes: [
        { code: 1, label: "North" },
        { code: 2, label: "South" },
        { code: 3, label: "East" },
      ],
    },
    agree4: {
      codes: [
        { code: 1, label: "Strongly agree" },
        { code: 2, label: "Agree" },
        { code: 3, label: "Disagree" },
        { code: 4, label: "Strongly disagree" },
      ],
    },
  },
  questions: [
    { id: "team", text: "Which team are you in?", scale: "team" },
    { id: "w1", text: "I look forward to work", scale: "agree4" },
    { id: "w2", text: "I dread Mondays", scale: "agree4", reverse: true },
    { id: "w3", text: "My work gives me energy", scale: "agree4" },
    {
      id: "age",
      text: "Age",
      type: "numeric",
      min: 16,
      max: 70,
      integer: true,
      unit: "years",
      missing: [{ code: 999, label: "Refused" }],
    },
    { id: "salary", text: "Monthly salary", type: "numeric", min: 0, unit: "kr" },
  ],
  indices: {
    wellbeing: {
      scoring: { scale: "agree4", points: { 1: 3, 2: 2, 3: 1, 4: 0 } },
      bands: { labels: ["High", "Low"], from: [2, 0] },
      minAnswered: 2,
      list: [{ id: "wellbeing", name: "Well-being", items: ["w1", "w2", "w3"] }],
    },
    raw: { list: [{ id: "energy", name: "Energy (codes)", items: ["w1", "w3"] }] },
  },
});

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
const header = "id,team,w1,w2,w3,age,salary";
const sample = [
  header,
  "1,1,1,4,2,30,31000", // wellbeing: 3, reversed 4 → 1 → 3, 2 → (3 + 3 + 2) / 3 = 8/3; energy (1 + 2) / 2 = 1.5
  "2,1,2,3,,40,28000.50", // 2, reversed 3 → 2 → 2: (2 + 2) / 2 = 2; energy 2
  "3,2,4,1,4,50,", // 0, reversed 1 → 4 → 0, 0: 0; energy 4
  '4,2,3,,,999,"29000,5"', // one item only: below minAnswered 2, no score; energy 3; age refused
  "5,3,,2,1,20,", // reversed 2 → 3 → 1, 3: 2; energy 1
  "6,3,1,1,1,28,", // 3, reversed 1 → 4 → 0, 3: 2; energy 1
  "7,2,2,2,3,44,", // 2, reversed 2 → 3 → 1, 1: 4/3; energy 2.5
];

function read(lines: string[]) {
  return readRespondentsCsv("answers.csv", csv(lines), codebook);
}

describe("a generic index group", () => {
  const respondents = read(sample).respondents;
  if (!respondents) throw new Error("the sample did not read");

  it("is a consistent codebook", () => {
    expect(codebookProblems(codebook)).toEqual([]);
  });

  it("scores points per code after reversal, over the items answered, with a minimum of items", () => {
    const scores = indexScores(respondents, codebook, "wellbeing");
    expect(scores[0]).toBeCloseTo(8 / 3, 12);
    expect(scores.slice(1, 6)).toEqual([2, 0, null, 2, 2]);
    expect(scores[6]).toBeCloseTo(4 / 3, 12);
  });

  it("scores the code itself in a group without scoring", () => {
    expect(indexScores(respondents, codebook, "energy")).toEqual([1.5, 2, 4, 3, 1, 1, 2.5]);
  });

  it("counts scores in the group's bands, a bound belonging to the band above", () => {
    const bands = codebook.indices.wellbeing.bands;
    if (!bands) throw new Error("the fixture has bands");
    // High (≥ 2): 8/3, 2, 2, 2; Low: 0, 4/3; the one without a score in neither.
    expect(bandCounts(bands, indexScores(respondents, codebook, "wellbeing"))).toEqual([
      { label: "High", count: 4 },
      { label: "Low", count: 2 },
    ]);
  });

  it("summarises N, mean and SD of the scores", () => {
    // Six scores: 8/3 + 2 + 0 + 2 + 2 + 4/3 = 10; mean 10/6.
    const s = summarize(indexScores(respondents, codebook, "wellbeing"));
    expect(s.n).toBe(6);
    expect(s.mean).toBeCloseTo(10 / 6, 12);
  });

  it("reports what a schema cannot check: unknown items, scoring off its scale, missing points, bands", () => {
    const broken = CodebookSchema.parse({
      ...codebook,
      indices: {
        a: {
          scoring: { scale: "agree4", points: { 1: 3, 2: 2, 3: 1 } },
          bands: { labels: ["High", "Low"], from: [0, 2, 4] },
          list: [{ id: "x", name: "X", items: ["w1", "age", "nope"] }],
        },
        b: { list: [{ id: "x", name: "X again", items: ["w1"] }] },
      },
    });
    expect(codebookProblems(broken)).toEqual([
      'indices.a.scoring.points: no points for code 4 of scale "agree4"',
      "indices.a.bands: 2 labels but 3 lower bounds",
      "indices.a.bands.from: lower bounds from highest to lowest",
      'indices.a.x: "age" is not on the scoring scale "agree4"',
      'indices.a.x: no question "nope"',
      'indices.b: index "x" is defined twice',
    ]);
  });
});

describe("numeric questions", () => {
  it("are read as numbers: a decimal point or comma, blanks, and a missing code kept apart from the values", () => {
    const { respondents, problems } = read(sample);
    expect(problems).toEqual([]);
    if (!respondents) throw new Error("unreachable");
    expect(respondents.rows.map((r) => r.answers.salary)).toEqual([31000, 28000.5, null, 29000.5, null, null, null]);
    expect(numericAnswers(respondents, codebook, "age")).toEqual([30, 40, 50, null, 20, 28, 44]);
    expect(respondents.rows[3].answers.age).toBe(999);
  });

  it("name file, row, column, what was expected and what was found for a bad number", () => {
    const { respondents, problems } = read([
      header,
      "1,1,1,1,1,15,100",
      "2,1,1,1,1,34.5,100",
      "3,1,1,1,1,abc,-5",
      "4,1,1,1,1,30,31 000",
    ]);
    expect(respondents).toBeUndefined();
    expect(problems.map((p) => [p.file, p.row, p.column, p.found])).toEqual([
      ["answers.csv", 2, "age", '"15"'],
      ["answers.csv", 3, "age", '"34.5"'],
      ["answers.csv", 4, "age", '"abc"'],
      ["answers.csv", 4, "salary", '"-5"'],
      ["answers.csv", 5, "salary", '"31 000"'],
    ]);
    expect(problems[0].expected).toBe("a whole number from 16 to 70 years, one of the codes 999 (Refused), or blank");
    expect(problems[3].expected).toBe("a number of at least 0 kr, or blank");
  });

  it("sit beside the id columns the codebook names, and no other", () => {
    const lines = sample.map((line, i) => (i === 0 ? line.replace("id,", "nr,") : line));
    expect(read(lines).problems.map((p) => [p.column, p.expected])).toEqual([
      ["nr", "only questions in the codebook, and its id columns (id)"],
    ]);
    const withNr = CodebookSchema.parse({ ...codebook, idColumns: ["nr"] });
    expect(readRespondentsCsv("answers.csv", csv(lines), withNr).problems).toEqual([]);
  });

  it("refuse min above max", () => {
    const parsed = CodebookSchema.safeParse({
      questions: [{ id: "a", text: "A", type: "numeric", min: 5, max: 1 }],
    });
    expect(parsed.success).toBe(false);
  });
});

describe("a group comparison of a numeric answer", () => {
  const respondents = read(sample).respondents;
  if (!respondents) throw new Error("the sample did not read");
  const result = compareGroups(respondents, codebook, "team", { question: "age" });

  it("gives N, mean and SD per group, the missing code left out", () => {
    // North 30, 40; South 50, 44 (999 is "Refused"); East 20, 28.
    expect(result.measure).toEqual({ id: "age", name: "Age" });
    expect(result.groups.map((g) => [g.label, g.n, g.mean])).toEqual([
      ["North", 2, 35],
      ["South", 2, 47],
      ["East", 2, 24],
    ]);
    // Squared deviations: 25 + 25, 9 + 9, 16 + 16, each over n − 1 = 1.
    expect(result.groups.map((g) => g.sd)).toEqual([Math.sqrt(50), Math.sqrt(18), Math.sqrt(32)]);
  });

  it("tests the means with one-way ANOVA, as computed by hand", () => {
    // Grand mean 212 / 6. SSB = 2 (35 − m)² + 2 (47 − m)² + 2 (24 − m)²; SSW = 50 + 18 + 32 = 100.
    const m = 212 / 6;
    const ssb = 2 * ((35 - m) ** 2 + (47 - m) ** 2 + (24 - m) ** 2);
    const f = ssb / 2 / (100 / 3);
    expect(ssb).toBeCloseTo(1588 / 3, 10);
    // With 2 numerator degrees of freedom, P(F > f) = (d2 / (d2 + 2f))^(d2 / 2).
    const p = (3 / (3 + 2 * f)) ** 1.5;
    expect(result.anova.dfBetween).toBe(2);
    expect(result.anova.dfWithin).toBe(3);
    expect(result.anova.f).toBeCloseTo(f, 10);
    expect(result.anova.p).toBeCloseTo(p, 8);
  });

  it("compares an index as well", () => {
    // Well-being by team: North 8/3 and 2; South 0 and 4/3 (respondent 4 has no score); East 2 and 2.
    const byTeam = compareGroups(respondents, codebook, "team", { index: "wellbeing" });
    expect(byTeam.groups.map((g) => g.n)).toEqual([2, 2, 2]);
    expect(byTeam.groups[0].mean).toBeCloseTo(7 / 3, 12);
    expect(byTeam.groups[2].sd).toBe(0);
  });
});

describe("a group comparison table definition", () => {
  const respondents = read(sample).respondents;
  if (!respondents) throw new Error("the sample did not read");

  it("names its measure and its grouping question, and prints N, mean, SD, F and p", () => {
    const definitions = tableDefinitionsSchema(defaultKinds).parse({
      "age-by-team": {
        kind: "groupComparison",
        respondentsOnly: true,
        data: "answers",
        title: "Age by team",
        rowLabel: "Team",
        respondents: { by: "team", measures: [{ question: "age" }] },
      },
    });
    const derived = deriveTables(codebook, definitions, respondents, new Map(), undefined, en.labels);
    const table = derived.data.get(derived.definitions["age-by-team"].data);
    expect(table?.schema.fields.map((f) => f.title)).toEqual(["Team", "Age: Mean", "Age: SD", "Age: N"]);
    // North 35 (SD √50 = 7.07), South 47 (√18 = 4.24), East 24 (√32 = 5.66); F = (1588/3 / 2) / (100 / 3) = 7.94.
    expect(table?.rows.map((r) => Object.values(r.text))).toEqual([
      ["North", "35.0", "7.1", "2"],
      ["South", "47.0", "4.2", "2"],
      ["East", "24.0", "5.7", "2"],
      ["F", "7.9", "", ""],
      ["p", expect.stringMatching(/^0\.0\d\d$/), "", ""],
    ]);
    const p = (3 / (3 + 2 * 7.94)) ** 1.5;
    expect(Number(table?.rows[4].values.measure_1_mean)).toBeCloseTo(p, 2);
  });
});

describe("the synthetic generator's settings", () => {
  it("take the size from the settings before the codebook, and deal numeric answers within bounds", () => {
    const settings = SyntheticSettingsSchema.parse({
      respondents: 40,
      questions: {
        team: { answered: 40, weights: [1, 1, 2] },
        age: { answered: 30, mean: 40, sd: 30 },
        salary: { answered: 10, mean: 30000, sd: 2000, decimals: 2 },
      },
    });
    expect(syntheticSize(codebook, settings)).toBe(40);
    expect(syntheticSize(codebook, SyntheticSettingsSchema.parse({}))).toBe(7);
    const made = makeSyntheticRespondents(codebook, {}, new Map(), new Map(), {
      seed: 3,
      size: 40,
      settings,
      settingsFile: "settings.json",
    });
    expect(made.notes).toEqual([]);
    const ages = made.respondents.rows.map((r) => r.answers.age).filter((a): a is number => a !== null);
    expect(ages).toHaveLength(30);
    // An SD of 30 around 40 reaches past both bounds: kept within 16–70, whole years.
    expect(ages.every((a) => a >= 16 && a <= 70 && Number.isInteger(a))).toBe(true);
    const teams = made.respondents.rows.map((r) => r.answers.team);
    expect([1, 2, 3].map((code) => teams.filter((t) => t === code).length)).toEqual([10, 10, 20]);
  });

  it("say what is wrong with a setting that does not fit its question", () => {
    const settings = SyntheticSettingsSchema.parse({
      questions: { age: { answered: 3, weights: [1, 2] }, team: { answered: 3, mean: 1, sd: 1 } },
    });
    const made = makeSyntheticRespondents(codebook, {}, new Map(), new Map(), {
      seed: 1,
      size: 7,
      settings,
      settingsFile: "settings.json",
    });
    expect(made.notes).toEqual([
      "settings.json: age is numeric: give mean and sd",
      "settings.json: team is answered with codes: give weights",
    ]);
  });
});

describe("table definitions' links to the codebook", () => {
  it("are checked before counting, each problem naming the file and the setting", () => {
    const base = { respondentsOnly: true, data: "answers", title: "T" };
    const definitions = tableDefinitionsSchema(defaultKinds).parse({
      a: { ...base, kind: "frequency", category: "c", count: "n", respondents: { question: "tema" } },
      b: { ...base, kind: "frequency", category: "c", count: "n", respondents: { index: "energy" } },
      c: {
        ...base,
        kind: "groupComparison",
        respondents: { by: "age", measures: [{ question: "team" }, { indices: "nope" }] },
      },
      d: {
        ...base,
        kind: "crosstab",
        row: "r",
        column: "c",
        count: "n",
        rowLabel: "R",
        columnLabel: "C",
        respondents: { row: "team", column: "w1" },
      },
    });
    const problems = specLinkProblems(codebook, definitions, { a: "report/tables/x.json" });
    expect(problems.map((p) => [p.file, p.column, p.found])).toEqual([
      ["report/tables/x.json", "a.respondents.question", '"tema"'],
      ["report/tables", "b.respondents.index", '"energy" without bands'],
      ["report/tables", "c.respondents.by", '"age", a numeric question'],
      ["report/tables", "c.respondents.measures.0.question", '"team", answered with codes'],
      ["report/tables", "c.respondents.measures.1.indices", '"nope"'],
    ]);
    expect(problems[4].expected).toBe("an index group of the codebook (wellbeing, raw)");
  });
});
