/**
 * A project is a folder: the engine builds any report folder it is pointed
 * at, a scaffold starts a new one in each shipped language, and paths a
 * project names stay inside it.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, check } from "../scripts/build.ts";
import { InputProblems } from "../scripts/errors.ts";
import { ReportConfigSchema } from "../scripts/load/config.ts";
import { localeFor } from "../scripts/locale/index.ts";
import { message, messagesFor, problem } from "../scripts/messages/index.ts";
import { createProject } from "../scripts/new/create-project.ts";
import { readSyntheticSettings } from "../scripts/respondents/index.ts";
import { MemoryWriter } from "../scripts/write/writer.ts";

const engine = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-project-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Run the command line as a user does, from the engine's folder. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      cwd: engine,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** One of the engine's scripts, run as its npm command runs it (through tsx here, compiled in package.json). */
async function command(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script, ...args], { cwd: engine });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages.join("\n").replace(/\s+/g, " ");
}

/** Words of the shipped report that a new project must never carry. */
const SHIPPED = /helsesekret|fastlege|arbeidsforskning|\bAFI\b|copsoq|kodebok|fagforbundet/i;

async function allText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(join(entry.parentPath, entry.name), "utf8"));
  }
  return parts.join("\n");
}

describe.each([
  {
    lang: "nb",
    file: "rapport",
    table: "Tabell 1",
    percent: /\d+\u00a0%/,
    thousands: "Totalt",
    data: "data/tilfredshet.csv",
    column: "antall",
  },
  {
    lang: "en",
    file: "report",
    table: "Table 1",
    percent: /\d+%/,
    thousands: "Total",
    data: "data/satisfaction.csv",
    column: "count",
  },
])("a new project in $lang", ({ lang, file, table, percent, thousands, data, column }) => {
  let dir: string;
  let $: cheerio.CheerioAPI;
  let pdf: string;

  beforeAll(async () => {
    dir = join(work, `new-${lang}`);
    createProject(dir, lang);
    await build({ root: dir });
    $ = cheerio.load(await readFile(join(dir, "out", `${file}.html`), "utf8"));
    pdf = await pdfText(join(dir, "out", `${file}.pdf`));
  });

  it("builds HTML and PDF in its own out/, in its language", async () => {
    expect((await readdir(join(dir, "out"))).filter((f) => !f.startsWith("."))).toEqual(
      expect.arrayContaining([`${file}.html`, `${file}.pdf`]),
    );
    expect($("html").attr("lang")).toBe(lang);
    expect($("caption .label").first().text()).toBe(table);
    expect($("figcaption .label").first().text()).toBe(`${localeFor(lang).labels.figure} 1`);
    expect(pdf).toContain(table);
    expect(pdf).toContain(localeFor(lang).labels.contents);
  });

  it("prints facts in prose the way its language writes them", () => {
    // The response rate: 248 of 400 as a percentage, in the starter's first chapter.
    const rate = $("main p").filter((_, p) => $(p).text().includes("400"));
    expect(rate.text()).toMatch(lang === "en" ? /rate of 62%/ : /svarprosent på 62\u00a0%/);
  });

  it("prints numbers the way its language writes them, in prose and tables", () => {
    const prose = $("main p").text();
    expect(prose).toMatch(percent);
    expect($("tfoot th").first().text()).toBe(thousands);
    if (lang === "en") expect(prose).not.toMatch(/\d\u00a0%/);
  });

  it("passes npm run check at once", async () => {
    await expect(check({ root: dir })).resolves.toBeUndefined();
  });

  it("holds nothing of the shipped report, in its files or its output", async () => {
    expect(await allText(join(dir, "report"))).not.toMatch(SHIPPED);
    expect(await allText(join(dir, "data"))).not.toMatch(SHIPPED);
    expect($.html()).not.toMatch(SHIPPED);
    expect(pdf).not.toMatch(SHIPPED);
  });

  it("names file, row and column when a data file is broken, in the report's language, and builds nothing", async () => {
    const broken = join(work, `broken-${lang}`);
    createProject(broken, lang);
    const csv = await readFile(join(broken, data), "utf8");
    await writeFile(join(broken, data), csv.replace(/,62\n/, ",sixty-two\n"));
    const result = await cli("build", "--project", broken, "--html-only");
    expect(result.code).toBe(1);
    // The whole line as the report's language says it: file, row and column, expected and found.
    const said = messagesFor(lang);
    const where = `${data}, ${said.report.row(2)}, ${said.report.columnNamed(column)}`;
    const line = said.report.problem(where, said.problem.cellType("integer", 0), said.report.quote("sixty-two"));
    expect(result.stderr).toContain(
      `${said.report.problems(1)}\n  - ${line}\n    ${said.report.hint(said.problem.hintCount)}`,
    );
    // Not the other language's words for the same place.
    const other = messagesFor(lang === "nb" ? "en" : "nb");
    expect(result.stderr).not.toContain(other.report.row(2));
    expect(result.stderr).not.toContain(other.report.problems(1));
    await expect(readdir(join(broken, "out"))).rejects.toThrow();
  });
});

describe("npm run new", () => {
  it("refuses a folder that is not empty, and writes nothing into it", async () => {
    const dir = join(work, "taken");
    await mkdir(dir);
    await writeFile(join(dir, "notes.txt"), "mine");
    const result = await cli("new", dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message.newFolderNotEmpty(dir));
    expect(await readdir(dir)).toEqual(["notes.txt"]);
  });

  it("refuses a language it has no starter for", async () => {
    const result = await cli("new", join(work, "xx"), "--lang", "xx");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no starter report in language "xx"');
  });
});

/** A new project with one setting of its report.json changed. */
async function projectWith(name: string, edit: (config: Record<string, unknown>) => void): Promise<string> {
  const dir = join(work, name);
  createProject(dir, "en");
  const path = join(dir, "report", "report.json");
  const config = JSON.parse(await readFile(path, "utf8"));
  edit(config);
  await writeFile(path, JSON.stringify(config, null, 2));
  return dir;
}

async function problemsOf(dir: string, options: { editions?: string[] } = {}): Promise<string[]> {
  try {
    await build({ root: dir, pdf: false, ...options });
  } catch (error) {
    if (error instanceof InputProblems) return error.problems.map((p) => `${p.file} ${p.column}: ${p.found}`);
    throw error;
  }
  return [];
}

describe("a project's paths stay inside it", () => {
  it("refuses a chapter outside report/chapters", async () => {
    const dir = await projectWith("chapter-out", (c) => {
      c.chapters = ["../../../etc/passwd.md"];
    });
    expect(await problemsOf(dir)).toEqual(['report/report.json chapters: "../../../etc/passwd.md"']);
  });

  it("refuses respondent files named outside data/ (codebook, answers, synthetic settings and the file it writes)", async () => {
    const dir = await projectWith("respondents-out", (c) => {
      c.respondents = { codebook: "../../etc/passwd", answers: "/etc/shadow", syntheticSettings: "../settings.json" };
    });
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(3);
    const outside = (name: string) => problem.outsideFolderSetting("data/", name);
    expect(problems).toEqual([
      `report/report.json respondents.codebook: ${outside("../../etc/passwd")}`,
      `report/report.json respondents.answers: ${outside("/etc/shadow")}`,
      `report/report.json respondents.syntheticSettings: ${outside("../settings.json")}`,
    ]);

    const settingsDir = await projectWith("synthetic-write-out", () => {});
    const settingsFile = join(settingsDir, "data", "synthetic-settings.json");
    await mkdir(dirname(settingsFile), { recursive: true });
    await writeFile(settingsFile, JSON.stringify({ write: { file: "../../../tmp/answers.csv" } }));
    const config = ReportConfigSchema.parse({
      ...JSON.parse(await readFile(join(settingsDir, "report", "report.json"), "utf8")),
      respondents: { syntheticSettings: "synthetic-settings.json" },
    });
    const read = readSyntheticSettings({ dataDir: join(settingsDir, "data"), show: (p) => p }, config);
    expect(read.problems?.map((p) => `${p.column}: ${p.found}`)).toEqual([
      `write.file: ${outside("../../../tmp/answers.csv")}`,
    ]);
  });

  it("refuses an edition that is not a folder of report/editions", async () => {
    const dir = await projectWith("edition-out", () => {});
    expect(await problemsOf(dir, { editions: ["../editions/example"] })).toEqual([
      'report/editions/ edition: "../editions/example"',
    ]);
  });

  it("refuses an edition's logo or foreword outside its folder", async () => {
    const dir = await projectWith("logo-out", () => {});
    const path = join(dir, "report", "editions", "example", "edition.json");
    const edition = JSON.parse(await readFile(path, "utf8"));
    await writeFile(path, JSON.stringify({ ...edition, logo: "../../../../logo.svg", foreword: "/etc/motd.md" }));
    expect(await problemsOf(dir)).toEqual([
      'report/editions/example/edition.json logo: "../../../../logo.svg"',
      'report/editions/example/edition.json foreword: "/etc/motd.md"',
    ]);
  });

  it("refuses --out naming the root, the project itself or a file", async () => {
    const dir = await projectWith("out-checks", () => {});
    for (const out of ["/", dir, join(dir, "report", "report.json")]) {
      const result = await cli("build", "--project", dir, "--html-only", "--out", out);
      expect(result.code, out).toBe(2);
    }
    expect((await cli("build", "--project", dir, "--html-only", "--out", "/")).stderr).toContain(
      message.outHoldsProject("/"),
    );
  });

  it("names a --data folder that does not exist once, and nothing else", async () => {
    const dir = await projectWith("no-data-folder", () => {});
    const missing = join(work, "no-such-data");
    const result = await cli("check", "--project", dir, "--data", missing);
    expect(result.code).toBe(1);
    const said = problem.noDataFolder();
    expect(result.stderr).toContain(
      `1 problem in the input:\n  - ${missing}: expected ${said.expected}, found ${said.found}`,
    );
  });

  it("says so when --project names a folder without a report", async () => {
    const result = await cli("check", "--project", work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message.notAProject(work));
  });
});

describe("a project's settings", () => {
  it("refuses a config format newer than the engine reads", async () => {
    const dir = await projectWith("format-2", (c) => {
      c.format = 2;
      c.somethingNew = true;
    });
    expect(await problemsOf(dir)).toEqual(["report/report.json format: format 2"]);
  });

  it("builds without editions and takes the running head from the title when there is no short title", async () => {
    const dir = await projectWith("no-editions", (c) => {
      delete c.defaultEdition;
      delete c.shortTitle;
    });
    await rm(join(dir, "report", "editions"), { recursive: true });
    await build({ root: dir, pdf: false });
    const html = await readFile(join(dir, "out", "report.html"), "utf8");
    expect(html).toContain('@top-right { content: "Wellbeing at Work"; }');
    expect(html).not.toContain("undefined");
    const $ = cheerio.load(html);
    expect($(".cover-name").text()).toBe("Example Institute");
    expect($(".cover-logo").length).toBe(0);
  });

  it("rounds percentages by its policy, the report's or a table's own", async () => {
    // 11 of 76 = 14,47 %: half up gives 14, SPSS's one decimal first (14,5) then whole percent gives 15.
    const percentOf = async (edit: (c: Record<string, unknown>) => void, tableRounding?: string) => {
      const dir = await projectWith(`rounding-${tableRounding ?? "report"}-${Math.random()}`, edit);
      await writeFile(
        join(dir, "data", "satisfaction.csv"),
        "answer,count\nVery satisfied,11\nFairly satisfied,65\nNeither satisfied nor dissatisfied,0\nFairly dissatisfied,0\nVery dissatisfied,0\nNo answer,0\n",
      );
      if (tableRounding) {
        const path = join(dir, "report", "tables", "tables.json");
        const tables = JSON.parse(await readFile(path, "utf8"));
        tables.satisfaction.rounding = tableRounding;
        await writeFile(path, JSON.stringify(tables));
      }
      await build({ root: dir, pdf: false });
      const $ = cheerio.load(await readFile(join(dir, "out", "report.html"), "utf8"));
      return $("#table-satisfaction tbody tr").first().find("td").last().text();
    };
    expect(await percentOf(() => {})).toBe("14");
    expect(await percentOf((c) => Object.assign(c, { rounding: "spss-then-whole" }))).toBe("15");
    expect(await percentOf((c) => Object.assign(c, { rounding: "spss-then-whole" }), "half-up")).toBe("14");
  });

  it("names its output files in its config", async () => {
    const dir = await projectWith("named", (c) => {
      c.output = { name: "wellbeing-2026" };
    });
    const result = await build({ root: dir, pdf: false });
    expect(result.files.map((f) => f.slice(dir.length))).toContain("/out/wellbeing-2026.html");
  });

  it("takes partials from its own templates/ and adds its CSS after the theme's", async () => {
    const dir = await projectWith("themed", () => {});
    await mkdir(join(dir, "templates", "partials"), { recursive: true });
    await writeFile(
      join(dir, "templates", "partials", "cover.hbs"),
      '<header class="cover">{{config.title}}!</header>',
    );
    await writeFile(join(dir, "templates", "style.css"), ".cover { color: rebeccapurple; }");
    await build({ root: dir, pdf: false });
    const html = await readFile(join(dir, "out", "report.html"), "utf8");
    expect(html).toContain('<header class="cover">Wellbeing at Work!</header>');
    const theme = await readFile(join(engine, "templates", "style.css"), "utf8");
    expect(html.indexOf(".cover { color: rebeccapurple; }")).toBeGreaterThan(html.indexOf(theme.slice(0, 200)));
  });
});

describe("charts are validated before anything renders", () => {
  it("names the chart file and the setting for a missing caption or an unknown table", async () => {
    const dir = await projectWith("bad-chart", () => {});
    const path = join(dir, "report", "charts", "satisfaction.vl.json");
    const spec = JSON.parse(await readFile(path, "utf8"));
    await writeFile(path, JSON.stringify({ ...spec, usermeta: { table: "satisfaction" } }));
    await writeFile(
      join(dir, "report", "charts", "other.vl.json"),
      JSON.stringify({ ...spec, usermeta: { caption: "Other", table: "no-such-table" } }),
    );
    // The caption is missing at load; the unknown table is found by validation, once the chart loads.
    expect(await problemsOf(dir)).toEqual([
      "report/charts/satisfaction.vl.json usermeta.caption: Invalid input: expected string, received undefined",
    ]);
    await expect(check({ root: dir })).rejects.toThrow(/satisfaction\.vl\.json, setting "usermeta\.caption"/);
    await writeFile(path, JSON.stringify(spec));
    expect(await problemsOf(dir)).toEqual(['report/charts/other.vl.json usermeta.table: "no-such-table"']);
  });
});

describe("a build into memory", () => {
  it("writes nothing to disk and keeps every output in the writer", async () => {
    const dir = await projectWith("in-memory", () => {});
    const writer = new MemoryWriter();
    const result = await build({ root: dir, pdf: false, writer });
    expect(result.files).toContain(join(dir, "out", "report.html"));
    expect(writer.text(join(dir, "out", "report.html"))).toContain('<html lang="en">');
    await expect(readdir(join(dir, "out"))).rejects.toThrow();
  });
});

describe("the command line", () => {
  it("prints its usage with --help and its version with --version", async () => {
    const help = await cli("build", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--project DIR");
    const pkg = JSON.parse(await readFile(join(engine, "package.json"), "utf8"));
    expect((await cli("--version")).stdout.trim()).toBe(pkg.version);
  });

  // Every npm command of package.json that runs the engine, as the script it runs.
  const commands = [
    ["dev", "scripts/dev.ts"],
    ["bench", "scripts/bench.ts"],
    ["kill-check", "scripts/kill-check.ts"],
    ["lighthouse", "scripts/lighthouse.ts"],
    ["synthetic", "scripts/make-synthetic.ts"],
  ] as const;

  it.each(commands)(
    "npm run %s answers --help and --version, and an unknown option in one line",
    async (name, script) => {
      const pkg = JSON.parse(await readFile(join(engine, "package.json"), "utf8"));
      expect(pkg.scripts[name]).toBe(`node ${script.replace("scripts/", ".scripts-js/").replace(/\.ts$/, ".js")}`);
      const help = await command(script, "--help");
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^usage: npm run ${name}\\b`));
      expect(help.stdout).toContain("--help, --version");
      const version = await command(script, "--version");
      expect([version.code, version.stdout.trim()]).toEqual([0, pkg.version]);
      const wrong = await command(script, "--no-such-option");
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain("--no-such-option");
      expect(wrong.stderr).toContain(`usage: npm run ${name}`);
      expect(wrong.stderr).not.toMatch(/\n\s+at /); // no stack trace
    },
  );
});

describe("npm run check of a report with several editions", () => {
  it("lists a chapter's problem once, not once for each edition it reads the chapter for", async () => {
    const dir = join(work, "editions-check");
    await cp(join(engine, "report"), join(dir, "report"), { recursive: true });
    await cp(join(engine, "data"), join(dir, "data"), { recursive: true });
    expect((await readdir(join(dir, "report", "editions"))).length).toBeGreaterThan(1);
    const chapter = join(dir, "report", "chapters", "02-metode.md");
    const text = await readFile(chapter, "utf8");
    await writeFile(chapter, text.replace('{{tall "', '{{tall "finnes_ikke_'));
    const error = await check({ root: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputProblems);
    const problems = (error as InputProblems).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe("report/chapters/02-metode.md");
  });
});
