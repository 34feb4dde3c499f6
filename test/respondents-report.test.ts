/**
 * The report built from respondent-level answers (`--svar`): the synthetic
 * example reproduces every published table whose counts it was made from,
 * says it is synthetic wherever its numbers appear, and bad answers stop the
 * build with a message naming file, row and column.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, loadAndCompute } from "../scripts/build.ts";
import { InputProblems } from "../scripts/errors.ts";
import { messagesFor } from "../scripts/messages/index.ts";
import { makeSynthetic, readCodebook } from "../scripts/respondents/index.ts";
import { respondentsCsv } from "../scripts/respondents/synthetic.ts";
import { tableCells } from "./support/html-tables.ts";

// The shipped report is in bokmål, and so is what its build prints.
const nb = messagesFor("nb");

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
let work: string;
let published: cheerio.CheerioAPI;
let fromAnswers: cheerio.CheerioAPI;
const log: string[] = [];

/** Body cells of a table, row by row. */
const cells = ($: cheerio.CheerioAPI, id: string) => tableCells($, id, "body");

async function copyProject(name: string): Promise<string> {
  const root = join(work, name);
  for (const dir of ["report", "templates", "data"])
    await cp(join(projectRoot, dir), join(root, dir), { recursive: true });
  return root;
}

/**
 * Write the synthetic example as a CSV file under data/ of a project copy (after `edit`, if any)
 * and point its report.json at it, as a user with real answers would.
 */
async function useSyntheticAnswersFile(root: string, answers: string, edit?: (lines: string[]) => void) {
  const { sources, data } = await loadAndCompute({ root });
  const place = { dataDir: join(root, "data"), show: (path: string) => relative(root, path) };
  const codebook = readCodebook(place, sources.config).value;
  const made = codebook && makeSynthetic(place, sources.config, codebook, sources.tables, data).value;
  if (!codebook || !made) throw new Error("the project copy has no usable codebook or synthetic settings");
  const lines = respondentsCsv(codebook, made.respondents).split("\n");
  edit?.(lines);
  await writeFile(join(root, "data", answers), lines.join("\n"));
  const config = JSON.parse(await readFile(join(root, "report", "report.json"), "utf8"));
  config.respondents = { ...config.respondents, answers };
  await writeFile(join(root, "report", "report.json"), JSON.stringify(config));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-svar-"));
  await build({ root: projectRoot, outDir: join(work, "publisert"), pdf: false });
  await build({
    root: projectRoot,
    outDir: join(work, "svar"),
    pdf: false,
    tablesFrom: "respondents",
    log: (line) => log.push(line),
  });
  published = cheerio.load(await readFile(join(work, "publisert", "rapport.html"), "utf8"));
  fromAnswers = cheerio.load(await readFile(join(work, "svar", "rapport.html"), "utf8"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the report from synthetic respondents", () => {
  const marked = () =>
    fromAnswers("caption")
      .toArray()
      .filter((c) => fromAnswers(c).text().includes("beregnet fra syntetiske eksempeldata"))
      .map((c) => fromAnswers(c).closest("[id^=tabell-]").attr("id")?.slice("tabell-".length) ?? "");

  it("counts the tables from the answers and says which could not be reproduced exactly", () => {
    const said = nb.stage.answers({ tables: 0, respondents: 210, synthetic: true }).replace(/^0 /, "");
    expect(log.join("\n")).toMatch(new RegExp(`${nb.stage.names.answers} +\\d+ ${said.replace(/[()]/g, "\\$&")}`));
    expect(marked().length).toBeGreaterThanOrEqual(38);
  });

  it("reproduces every table whose published counts it was made from, cell by cell", () => {
    // Rows the generator reported it could not reproduce (a printed percentage no whole count gives).
    const notReproduced = log
      .filter((l) => l.startsWith(nb.message.note("")))
      .map((l) => /«([^»]+)»/.exec(l)?.[1] ?? "");
    // Indicator scores are computed from the items; only the items' distributions were given to the generator.
    const computedFromItems = (id: string) => id === "vedlegg-indikatorer" || id.endsWith("-poeng");
    let compared = 0;
    // Tables the published report has (the others are only counted from answers).
    const inBoth = (id: string) => published(`#tabell-${id}`).length > 0;
    for (const id of marked().filter((t) => inBoth(t) && !computedFromItems(t))) {
      const expected = cells(published, id);
      const actual = cells(fromAnswers, id);
      expect(actual.length, id).toBe(expected.length);
      expected.forEach((row, i) => {
        if (notReproduced.some((label) => row[0] === label)) return;
        expect(actual[i], `${id}, row ${row[0]}`).toEqual(row);
        compared += 1;
      });
    }
    expect(compared).toBeGreaterThan(150);
  });

  it("draws the figures the published report has no numbers for (figur 1 and 3–8 of the source), marked synthetic", () => {
    const captions = fromAnswers("figure figcaption")
      .toArray()
      .map((f) => fromAnswers(f).text());
    for (const group of [
      "Endringer i jobben",
      "etter opplevd bemanning",
      "etter arbeidsgiver",
      "etter legenes holdning",
      "etter om de vet hvem",
      "etter bekymring for å miste jobben",
      "etter arbeidsrelatert sykefravær",
    ]) {
      const caption = captions.find((c) => c.includes(group));
      expect(caption, group).toContain("beregnet fra syntetiske eksempeldata");
    }
    // Each group comparison prints F and p from the answers, one per stress factor.
    const anova = cells(fromAnswers, "stress-etter-bemanning");
    expect(anova.map((r) => r[0])).toEqual([
      "For få",
      "Tilstrekkelig mange",
      "Tilstrekkelig mange hvis ingen er syke",
      "F",
      "p",
    ]);
    expect(anova[4].slice(1).every((p) => /^<\u00a00,001$|^0,\d{3}$|^1,000$/.test(p))).toBe(true);
    // The published build has none of them.
    expect(published("#figur-stress-etter-bemanning").length).toBe(0);
    expect(published("#tabell-endringer-i-jobben").length).toBe(0);
  });

  it("marks every figure drawn from a counted table, and says on the cover and in the colophon that the data is made up", () => {
    const captions = fromAnswers("figure figcaption")
      .toArray()
      .map((f) => fromAnswers(f).text());
    expect(captions.find((c) => c.includes("Opplevd bemanning"))).toContain("syntetiske eksempeldata");
    expect(fromAnswers(".cover").text()).toContain("syntetiske data");
    expect(fromAnswers(".colophon").text()).toContain("oppdiktede svar fra 210 personer");
    expect(published(".cover").text()).not.toContain("syntetiske");
  });

  it("reads the same answers from a CSV file as it makes in memory, and renders the same tables", async () => {
    const root = await copyProject("fra-csv");
    await useSyntheticAnswersFile(root, "svar/syntetisk-eksempel.csv");
    await build({ root, outDir: join(root, "out"), pdf: false, tablesFrom: "respondents" });
    const $ = cheerio.load(await readFile(join(root, "out", "rapport.html"), "utf8"));
    for (const id of [
      "utdanning",
      "bemanning-per-lege",
      "ordninger",
      "vedlegg-indikatorer",
      "vedlegg-stress-hyppighet",
    ])
      expect(cells($, id), id).toEqual(cells(fromAnswers, id));
  });

  it("stops at a code outside the scale, naming file, row, column, expected and found", async () => {
    const root = await copyProject("feil-kode");
    // Respondent 5 (spreadsheet row 6) answers 8 to the education question, which has codes 1–7.
    await useSyntheticAnswersFile(root, "svar/svar.csv", (lines) => {
      const header = lines[0].split(",");
      const row = lines[5].split(",");
      row[header.indexOf("utdanning")] = "8";
      lines[5] = row.join(",");
    });
    const failure = await build({ root, outDir: join(root, "out"), pdf: false, tablesFrom: "respondents" }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(InputProblems);
    const problems = (failure as InputProblems).problems;
    expect(problems).toEqual([
      expect.objectContaining({ file: "data/svar/svar.csv", row: 6, column: "utdanning", found: nb.report.quote("8") }),
    ]);
    expect(problems[0].expected).toContain("7 (Utdanning på ungdomsskolenivå)");
  });
});
