/**
 * JSON syntax errors placed by line and column, with what was expected
 * there, in every JSON file the project reads.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../scripts/errors.ts";
import { parseJson } from "../scripts/load/json.ts";
import { loadProject, projectPaths } from "../scripts/load/project.ts";
import { messagesFor } from "../scripts/messages/index.ts";
import { makeSynthetic, readCodebook } from "../scripts/respondents/index.ts";

// The shipped report is in bokmål: so are the problems of its files.
const nb = messagesFor("nb");

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

describe("parseJson", () => {
  it.each([
    [
      '{\n  "a": 1,\n  "b": }',
      3,
      8,
      "a value (text in double quotes, a number, true, false, null, an object or a list)",
      '"}"',
    ],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, '"," or "}"', '"b"'],
    ['{\n  "a": [1, 2,]\n}', 2, 14, "a value", '"]"'],
    ['{ "a": 1, }', 1, 11, "a property name in double quotes", '"}"'],
    ["{ 'a': 1 }", 1, 3, "a property name in double quotes", '"\'"'],
    ['{ "a": "two\nlines" }', 1, 12, "the string's closing quote before the end of the line", '"\\n"'],
    [
      '{ "a": tru }',
      1,
      8,
      "a value (text in double quotes, a number, true, false, null, an object or a list)",
      '"tru"',
    ],
    ['{ "a": 1 } x', 1, 12, "nothing after the JSON value", '"x"'],
    ['{\n  "a": 1,\n', 3, 1, "a property name in double quotes", "the end of the file"],
    [
      "",
      1,
      1,
      "a value (text in double quotes, a number, true, false, null, an object or a list)",
      "the end of the file",
    ],
  ])("%j: line %i, column %i", (text, row, column, expected, found) => {
    const { problem } = parseJson("report/report.json", text);
    expect(problem).toEqual(
      expect.objectContaining({ file: "report/report.json", row, column, found, expected: `valid JSON: ${expected}` }),
    );
  });

  it("prints the place as line and column, and a hint for a trailing comma", () => {
    const { problem } = parseJson("report/report.json", '{\n  "chapters": ["a.md", "b.md",]\n}');
    expect(problem && formatProblem(problem)).toBe(
      'report/report.json, line 2, column 31: expected valid JSON: a value, found "]"\n    hint: JSON allows no comma after the last item',
    );
  });

  it("reads valid JSON, with or without a byte-order mark", () => {
    expect(parseJson("x.json", '\ufeff{"a": [1, "2", true, null, {"b": -1.5e3}]}')).toEqual({
      value: { a: [1, "2", true, null, { b: -1500 }] },
    });
  });
});

describe("JSON files of a project", () => {
  let work: string;
  let root: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "rapport-json-"));
    root = join(work, "project");
    for (const dir of ["report", "templates", "data"])
      await cp(join(projectRoot, dir), join(root, dir), { recursive: true });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const breakFile = async (file: string, change: (text: string) => string) => {
    const path = join(root, file);
    const before = await readFile(path, "utf8");
    await writeFile(path, change(before));
    return () => writeFile(path, before);
  };

  it("report.json", async () => {
    const restore = await breakFile("report/report.json", (t) => t.replace(/",\n/, '"\n'));
    const { problems } = await loadProject(projectPaths(root));
    await restore();
    expect(problems).toEqual([
      expect.objectContaining({
        file: "report/report.json",
        row: 4,
        column: 3,
        expected: 'valid JSON: "," or "}"',
        found: '"subtitle"',
        hint: "a comma is missing before it",
      }),
    ]);
  });

  it("the codebook and the synthetic example's settings in data/svar/", async () => {
    const { sources } = await loadProject(projectPaths(root));
    if (!sources) throw new Error("the project copy does not load");
    const place = { dataDir: join(root, "data"), show: (path: string) => relative(root, path) };
    const restoreCodebook = await breakFile("data/svar/kodebok.json", (t) =>
      t.replace('"respondents": 210,', '"respondents": 210'),
    );
    const codebook = readCodebook(place, sources.config);
    await restoreCodebook();
    expect(codebook.problems).toEqual([
      expect.objectContaining({
        file: "data/svar/kodebok.json",
        row: 4,
        column: 3,
        expected: nb.problem.jsonAt(nb.problem.jsonWhat.codebook, nb.problem.json.commaOr("}")),
        found: '"scales"',
      }),
    ]);

    const restoreSettings = await breakFile("data/svar/syntetisk-oppsett.json", (t) => t.replace(/}\s*$/, ",}\n"));
    const valid = readCodebook(place, sources.config).value;
    if (!valid) throw new Error("the codebook does not load");
    const settings = makeSynthetic(place, sources.config, valid, sources.tables, new Map());
    await restoreSettings();
    expect(settings.problems).toEqual([
      expect.objectContaining({
        file: "data/svar/syntetisk-oppsett.json",
        expected: nb.problem.jsonAt(nb.problem.jsonWhat.syntheticSettings, nb.problem.json.propertyName),
        hint: nb.problem.json.trailingComma,
      }),
    ]);
  });
});
