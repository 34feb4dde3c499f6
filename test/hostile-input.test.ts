/**
 * A corpus of malformed and hostile inputs, each fed to a real build. Every
 * failing build must name the place of the problem and leave out/ exactly as
 * it was; every hostile string must come out escaped.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, check } from "../scripts/build.ts";
import { ExitCode, InputProblems, type Problem, ReportError } from "../scripts/errors.ts";
import { messagesFor } from "../scripts/messages/index.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
// The shipped report is in bokmål: its problems are.
const nb = messagesFor("nb");
/** "a known helper (" and ")" around the list of helpers, as a pattern. */
const knownHelper = nb.helperProblem
  .unknownHelper(["HELPERS"], "")
  .expected.split("HELPERS")
  .map((part) => part.replace(/[()]/g, "\\$&"));
let work: string;
let out: string;
let before: Record<string, string>;

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    files[name] = (await readFile(join(dir, name)).catch(() => Buffer.from("<dir>"))).toString("base64");
  }
  return files;
}

/** A throwaway copy of the project (report/, templates/, data/) to break. */
async function copyProject(name: string): Promise<string> {
  const root = join(work, name);
  for (const dir of ["report", "templates", "data"])
    await cp(join(projectRoot, dir), join(root, dir), { recursive: true });
  // A published distribution, to test sums.
  await writeFile(
    join(root, "data", "fordeling.csv"),
    "sporsmal,hoy,middels,lav\nHar du for mye å gjøre?,40,46,14\nHar du tid nok?,6.5,41,52.5\n",
  );
  await writeFile(
    join(root, "data", "fordeling.schema.json"),
    JSON.stringify({
      fields: [
        { name: "sporsmal", type: "string", constraints: { required: true } },
        { name: "hoy", type: "number", title: "Høy", constraints: { minimum: 0, maximum: 100 } },
        { name: "middels", type: "number", title: "Middels", constraints: { minimum: 0, maximum: 100 } },
        { name: "lav", type: "number", title: "Lav", constraints: { minimum: 0, maximum: 100 } },
      ],
    }),
  );
  await writeFile(
    join(root, "report", "tables", "zz-test.json"),
    JSON.stringify({
      fordeling: {
        kind: "grid",
        title: "Fordeling",
        data: "fordeling",
        rowHeader: "sporsmal",
        distribution: { columns: ["hoy", "middels", "lav"], total: 100 },
      },
    }),
  );
  return root;
}

async function edit(root: string, file: string, change: (text: string) => string | Buffer) {
  const path = join(root, file);
  await writeFile(path, change(await readFile(path, "utf8")));
}

/** Build a broken copy; return the problems, after checking out/ did not change. */
async function problemsOf(root: string): Promise<Problem[]> {
  const error = await build({ root, outDir: out, pdf: false }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(await snapshot(out)).toEqual(before);
  if (!(error instanceof InputProblems)) throw new Error(`expected input problems, got ${String(error)}`);
  return error.problems;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-hostile-"));
  out = join(work, "out");
  await build({ root: await copyProject("good"), outDir: out, pdf: false });
  before = await snapshot(out);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const csvCases: [string, string, (text: string) => string | Buffer, Partial<Problem>][] = [
  ["a wrong delimiter", "data/utdanning.csv", (t) => t.replaceAll(",", "|"), { row: 1, column: "utdanning" }],
  [
    "UTF-16 text cut short",
    "data/utdanning.csv",
    (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]).subarray(0, 41),
    { file: "data/utdanning.csv", found: nb.problem.brokenUtf16("UTF-16 LE") },
  ],
  [
    "a byte Windows-1252 leaves undefined",
    "data/kontorstorrelse.csv",
    (t) => Buffer.from(t.replace("2–6 leger", "2\u0081 6 leger"), "latin1"),
    {
      file: "data/kontorstorrelse.csv",
      row: 3,
      column: "storrelse",
      expected: nb.problem.undefinedBytes(["0x81"], "2<0x81> 6 leger").expected,
      found: nb.problem.undefinedBytes(["0x81"], "2<0x81> 6 leger").found,
    },
  ],
  [
    "a missing column",
    "data/utdanning.csv",
    (t) => t.replace(/,[^,\n]*$/gm, ""),
    { row: 1, column: "prosent_publisert" },
  ],
  ["an extra column", "data/kontorstorrelse.csv", (t) => t.replace(/\n/g, ",x\n"), { row: 1, column: "x" }],
  [
    "text in a number",
    "data/kontorstorrelse.csv",
    (t) => t.replace("2–6 leger,168,", "2–6 leger,mange,"),
    { row: 3, column: "antall", found: nb.report.quote("mange") },
  ],
  [
    "a negative count",
    "data/kontorstorrelse.csv",
    (t) => t.replace("7 leger eller flere,15,", "7 leger eller flere,-15,"),
    { row: 4, column: "antall" },
  ],
  [
    "a percentage over 100",
    "data/kontorstorrelse.csv",
    (t) => t.replace(",80\n", ",180\n"),
    { row: 3, column: "prosent_publisert" },
  ],
  [
    "a distribution summing to 120",
    "data/fordeling.csv",
    (t) => t.replace(",40,46,14", ",60,46,14"),
    { row: 2, column: "hoy + middels + lav", found: "120" },
  ],
  ["a duplicate category", "data/kontorstorrelse.csv", (t) => `${t}2–6 leger,1,\n`, { row: 5, column: "storrelse" }],
  [
    "an empty file",
    "data/kontorstorrelse.csv",
    () => "",
    { file: "data/kontorstorrelse.csv", found: nb.problem.emptyFile().found },
  ],
  [
    "a header only",
    "data/kontorstorrelse.csv",
    (t) => t.split("\n")[0],
    { row: 2, found: nb.problem.noDataRows().found },
  ],
  [
    "an unclosed quote",
    "data/utdanning.csv",
    (t) => t.replace("Sykepleier,", '"Sykepleier,'),
    { file: "data/utdanning.csv", expected: nb.problem.malformedCsv("").expected },
  ],
  [
    "a category the schema does not allow",
    "data/utdanning.csv",
    (t) => t.replace("Bioingeniør,", "Tannlege,"),
    { row: 5, column: "utdanning", found: nb.report.quote("Tannlege") },
  ],
  [
    "a decimal point in a semicolon file",
    "data/utdanning.csv",
    (t) => t.replaceAll(",", ";"),
    { row: 7, column: "prosent_publisert", found: nb.report.quote("0.5") },
  ],
  [
    "a percent sign on a count",
    "data/kontorstorrelse.csv",
    (t) => t.replace("0–1 lege,27,", "0–1 lege,27 %,"),
    { row: 2, column: "antall" },
  ],
  [
    "a published percentage that the counts do not give",
    "data/kontorstorrelse.csv",
    (t) => t.replace(",13\n", ",31\n"),
    { row: 2, column: "prosent_publisert", found: "31\u00a0%" },
  ],
  [
    "a fact id used twice",
    "data/fakta.csv",
    (t) => `${t}svarte,1,antall,dobbel,x\n`,
    { column: "id", found: nb.problem.duplicateKey(["id"], nb.report.quote("svarte"), 9).found },
  ],
  [
    "a schema that is not JSON",
    "data/kontorstorrelse.schema.json",
    (t) => t.slice(0, 40),
    {
      file: "data/kontorstorrelse.schema.json",
      row: 2,
      column: 39,
      expected: nb.problem.jsonAt(nb.problem.validJson, nb.problem.json.closingQuote),
      found: nb.problem.json.endOfFile,
    },
  ],
  [
    "a table definition with a trailing comma",
    "report/tables/03-hvem-helsesekretaerene-er.json",
    (t) => t.replace('"count": "antall",', '"count": "antall",,'),
    {
      file: "report/tables/03-hvem-helsesekretaerene-er.json",
      row: 9,
      column: 23,
      expected: nb.problem.jsonAt(nb.problem.validJson, nb.problem.json.propertyName),
      found: '","',
    },
  ],
  [
    "a chart spec missing a comma",
    "report/charts/lonn.vl.json",
    (t) => t.replace('v6.json",', 'v6.json"'),
    {
      file: "report/charts/lonn.vl.json",
      row: 3,
      column: 3,
      expected: nb.problem.jsonAt(nb.problem.jsonWhat.chart, nb.problem.json.commaOr("}")),
      found: '"description"',
      hint: nb.problem.json.missingComma,
    },
  ],
  [
    "an edition.json with a comma after the last setting",
    "report/editions/afi/edition.json",
    (t) => t.replace(/"\n}\n$/, '",\n}\n'),
    {
      file: "report/editions/afi/edition.json",
      row: 7,
      column: 1,
      expected: nb.problem.jsonAt(nb.problem.validJson, nb.problem.json.propertyName),
      found: '"}"',
      hint: nb.problem.json.trailingComma,
    },
  ],
  [
    "a literature list with a comma after the last work",
    "report/litteratur.json",
    (t) => t.replace(/}\n]\n$/, "},\n]\n"),
    {
      file: "report/litteratur.json",
      row: 187,
      column: 1,
      expected: nb.problem.jsonAt(nb.problem.jsonWhat.bibliography, nb.problem.json.value),
      found: '"]"',
      hint: nb.problem.json.trailingComma,
    },
  ],
  [
    "a chapter with a helper call missing a brace",
    "report/chapters/02-metode.md",
    (t) => t.replace('{{tall "svarte"}}', '{{tall "svarte"}'),
    {
      file: "report/chapters/02-metode.md",
      row: 9,
      ...nb.helperProblem.parseError(
        'Undersøkelsen ble gjennomført i {{tall "undersokelsesar"}}. Til sammen {{tall...',
        "} svarte. Svarprosen",
      ),
    },
  ],
  [
    "a chapter calling a helper that does not exist",
    "report/chapters/02-metode.md",
    (t) => t.replace('{{tall "svarte"}}', '{{tal "svarte"}}'),
    {
      file: "report/chapters/02-metode.md",
      row: 9,
      column: 479, // the helper's name on line 9
      // Every helper a chapter may call, Handlebars' internal hooks (helperMissing, blockHelperMissing) left out.
      expected: expect.stringMatching(
        new RegExp(
          `^${knownHelper[0]}(?=.*\\btall, tallord\\b)(?=.*\\bfigur\\b)(?!.*Missing)[\\w, ]+${knownHelper[1]}$`,
        ),
      ),
      found: nb.helperProblem.unknownHelper([], "tal").found,
    },
  ],
  [
    "a chapter citing a category that does not exist",
    "report/chapters/03-hvem-helsesekretaerene-er.md",
    (t) => `${t}\n{{prosent "utdanning" "Tannlege"}}\n`,
    { file: "report/chapters/03-hvem-helsesekretaerene-er.md", found: nb.lookup.quoted("Tannlege") },
  ],
  [
    "a chapter citing a fact that does not exist",
    "report/chapters/02-metode.md",
    (t) => t.replace('{{tall "svarte"}}', '{{tall "svarte_ikke"}}'),
    { file: "report/chapters/02-metode.md", row: 9, found: nb.helperProblem.unknownFact("fakta", "svarte_ikke").found },
  ],
  [
    "a table definition naming a missing column",
    "report/tables/03-hvem-helsesekretaerene-er.json",
    (t) => t.replace('"count": "antall"', '"count": "antal"'),
    { file: "report/tables/03-hvem-helsesekretaerene-er.json", column: "utdanning.count" },
  ],
  [
    "an edition accent too light for text",
    "report/editions/afi/edition.json",
    (t) => t.replace("#1d5c87", "#9fd3ff"),
    { file: "report/editions/afi/edition.json", column: "accent" },
  ],
];

describe("malformed input", () => {
  it.each(csvCases)("%s: names the place and leaves out/ unchanged", async (name, file, change, where) => {
    const root = await copyProject(name.replace(/\W+/g, "-"));
    await edit(root, file, change);
    const problems = await problemsOf(root);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining(where)]));
  });

  it("a file without a schema", async () => {
    const root = await copyProject("no-schema");
    await writeFile(join(root, "data", "ny.csv"), "a,b\n1,2\n");
    expect(await problemsOf(root)).toEqual([
      expect.objectContaining({ file: "data/ny.csv", found: nb.problem.noSchema("").found }),
    ]);
  });
});

describe("hostile strings", () => {
  const script = "<script>alert(1)</script>";
  const img = '<img src=x onerror="alert(2)">';

  it("escapes labels from data in tables, charts and prose", async () => {
    const root = await copyProject("hostile-labels");
    await edit(root, "data/kontorstorrelse.csv", (t) =>
      t.replace("7 leger eller flere", `"${img.replaceAll('"', '""')}"`),
    );
    await edit(root, "data/kontorstorrelse.schema.json", (t) =>
      t.replace("7 leger eller flere", img.replaceAll('"', '\\"')),
    );
    // A category of a table that has a figure (bemanning-per-lege), so the label reaches the chart's SVG.
    await edit(root, "data/bemanning-per-lege.csv", (t) =>
      t.replaceAll("Tilstrekkelig mange,", `"${img.replaceAll('"', '""')}",`),
    );
    await edit(root, "data/bemanning-per-lege.schema.json", (t) =>
      t.replace('"Tilstrekkelig mange"', JSON.stringify(img)),
    );
    await edit(root, "data/utdanning.csv", (t) => t.replace("Bioingeniør", script));
    await edit(root, "data/utdanning.schema.json", (t) => t.replace("Bioingeniør", script));
    await edit(root, "report/chapters/03-hvem-helsesekretaerene-er.md", (t) =>
      t.replace('"Bioingeniør"', JSON.stringify(script)).replace('"7 leger eller flere"', `'${img}'`),
    );
    const hostileOut = join(work, "out-hostile");
    await build({ root, outDir: hostileOut, pdf: false });
    const html = await readFile(join(hostileOut, "rapport.html"), "utf8");
    expect(html).not.toContain(script);
    expect(html.match(/<script\b/g)).toHaveLength(2); // the web edition's own two, nothing from the content
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;"); // in the table, the chart and the data table
    expect(html).toMatch(/<text[^>]*>&lt;img src=x onerror=/); // in the chart's SVG
  });

  it("renders raw HTML in chapters and forewords as text", async () => {
    const root = await copyProject("hostile-markdown");
    await edit(root, "report/chapters/01-innledning.md", (t) => `${t}\n${script}\n\n[lenke](javascript:alert(3))\n`);
    await edit(root, "report/editions/fagforbundet/forord.md", (t) => `${t}\n${img}\n`);
    await edit(root, "report/editions/fagforbundet/edition.json", (t) =>
      t.replace('"name": "Fagforbundet"', `"name": ${JSON.stringify(script)}`),
    );
    const hostileOut = join(work, "out-hostile-md");
    await build({ root, outDir: hostileOut, pdf: false, editions: ["fagforbundet"] });
    const html = await readFile(join(hostileOut, "fagforbundet", "rapport.html"), "utf8");
    expect(html).not.toContain(script);
    expect(html.match(/<script\b/g)).toHaveLength(2); // the web edition's own two, nothing from the content
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<p class="cover-name">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it("fails the build when the document tries to reach the network while printing", async () => {
    const root = await copyProject("network");
    await edit(root, "report/chapters/01-innledning.md", (t) => `${t}\n![bilde](http://example.invalid/bilde.png)\n`);
    const networkOut = join(work, "out-network");
    await mkdir(networkOut, { recursive: true });
    const error = await build({ root, outDir: networkOut }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).exitCode).toBe(ExitCode.network);
    expect((error as Error).message).toContain("http://example.invalid/bilde.png");
    expect(await readdir(networkOut)).toEqual([]);
  });
});

describe("npm run check", () => {
  it("finds a reference the prose makes to something the data does not have, without rendering", async () => {
    const root = await copyProject("check-references");
    await edit(root, "report/editions/delta/forord.md", (t) => `${t}\n{{figur "finnes-ikke"}}\n`);
    const error = await check({ root }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputProblems);
    expect((error as InputProblems).problems).toEqual([
      expect.objectContaining({
        file: "report/editions/delta/forord.md",
        found: nb.helperProblem.unknownChart("finnes-ikke", []).found,
      }),
    ]);
  });
});
