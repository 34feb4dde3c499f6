/**
 * Every number explains itself: each number the build prints, in prose and
 * in tables, has an entry in the index beside the HTML (rapport.tall.json)
 * whose provenance, read again from the named files through the project's
 * own CSV reader and recomputed by the named rule and rounding policy, gives
 * the printed text; the web edition shows the same provenance beside each
 * number, reachable by keyboard and tap, and the print edition none of it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import * as cheerio from "cheerio";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, loadAndCompute } from "../scripts/build.ts";
import { NumberFormat } from "../scripts/format/numbers.ts";
import { parseCsv, type RawTable } from "../scripts/load/csv.ts";
import { localeFor } from "../scripts/locale/index.ts";
import { type LaunchedBrowser, launchBrowser } from "../scripts/print/browser.ts";
import type { NumberEntry } from "../scripts/provenance/collect.ts";
import { explain, lineRanges } from "../scripts/provenance/explain.ts";
import type { NumberIndexFile } from "../scripts/provenance/index-file.ts";
import { type Answers, evaluate, leaves, printValue, type Read, type Term } from "../scripts/provenance/term.ts";
import { makeSynthetic, readCodebook } from "../scripts/respondents/index.ts";
import { respondentsCsv } from "../scripts/respondents/synthetic.ts";
import { FIXTURE } from "./support/golden.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const nb = localeFor("nb");
const format = new NumberFormat(nb);

/** The shipped report, built once (HTML only): its page and its index. */
let work: string;
let html: string;
let index: NumberIndexFile;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-tall-"));
  await build({ root, outDir: work, pdf: false });
  html = await readFile(join(work, "rapport.html"), "utf8");
  index = JSON.parse(await readFile(join(work, "rapport.tall.json"), "utf8"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Data files as the project's CSV reader reads them, each once. */
const files = new Map<string, RawTable>();
async function csv(projectRoot: string, file: string): Promise<RawTable> {
  const key = join(projectRoot, file);
  let table = files.get(key);
  if (!table) {
    const parsed = parseCsv(file, await readFile(key));
    if (!parsed.table) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.problems)}`);
    table = parsed.table;
    files.set(key, table);
  }
  return table;
}

/** A cell of a file as a number, the way the file writes numbers (decimal comma in a semicolon file). */
function cellNumber(table: RawTable, line: number, column: string, key: Record<string, string>): number {
  const record = table.records.find((r) => r.row === line);
  if (!record) throw new Error(`${table.file} has no line ${line}`);
  const at = (name: string) => {
    const i = table.header.indexOf(name);
    if (i < 0) throw new Error(`${table.file} has no column "${name}"`);
    return (record.cells[i] ?? "").trim();
  };
  for (const [field, value] of Object.entries(key)) expect(at(field), `${table.file}:${line} ${field}`).toBe(value);
  let text = at(column).replace(/[\s\u00a0%]/g, "");
  if (table.decimalMark === ",") text = text.replace(",", ".");
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) throw new Error(`${table.file}:${line} ${column} is "${at(column)}"`);
  return value;
}

/** An entry's number computed again from the files themselves, printed as the entry says it is printed. */
async function reproduce(projectRoot: string, entry: Pick<NumberEntry, "provenance" | "print">): Promise<string> {
  const read = new Map<Read, number>();
  for (const leaf of leaves(entry.provenance)) {
    if (leaf.op !== "read") throw new Error(`a published build's number counted from answers: ${leaf.question}`);
    read.set(leaf, cellNumber(await csv(projectRoot, leaf.file), leaf.line, leaf.column, leaf.key));
  }
  await checkCounts(projectRoot, entry.provenance);
  return printValue(
    format,
    entry.print,
    evaluate(entry.provenance, (leaf) => read.get(leaf) ?? Number.NaN),
  );
}

/** Rows a count names exist, with their keys. */
async function checkCounts(projectRoot: string, term: Term): Promise<void> {
  if (term.op === "count") {
    for (const row of term.rows) {
      const table = await csv(projectRoot, row.file);
      const record = table.records.find((r) => r.row === row.line);
      expect(record, `${row.file}:${row.line}`).toBeDefined();
      for (const [field, value] of Object.entries(row.key)) {
        expect(record?.cells[table.header.indexOf(field)]?.trim()).toBe(value);
      }
    }
  }
  if ("of" in term) for (const t of term.of) await checkCounts(projectRoot, "weight" in t ? t.weight : t);
  if (term.op === "share") {
    await checkCounts(projectRoot, term.part);
    await checkCounts(projectRoot, term.whole);
  }
}

/** The lines an explanation names: "linje 3", "linje 2–6 og 9", "linje 2, 5 og 8". */
function linesNamed(text: string): Set<number> {
  const lines = new Set<number>();
  for (const [, list] of text.matchAll(/linje ((?:\d+(?:–\d+)?(?:(?:, | og )(?=\d))?)+)/g)) {
    for (const part of list.split(/, | og /)) {
      const [from, to = from] = part.split("–").map(Number);
      for (let n = from; n <= to; n++) lines.add(n);
    }
  }
  return lines;
}

/** A small seeded generator, so "ten at random" is the same ten on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe("the index of printed numbers beside the HTML", () => {
  it("reproduces every number from the named file, row and column by the named rule", async () => {
    expect(index.format).toBe(1);
    expect(index.report).toBe("rapport.html");
    expect(index.numbers.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (const entry of index.numbers) {
      const again = await reproduce(root, entry);
      if (again !== entry.text) wrong.push(`${entry.id}: printed ${entry.text}, reproduced ${again}`);
    }
    expect(wrong).toEqual([]);
  });

  it("has an entry for every number in the text, with the same text, in order", () => {
    const $ = cheerio.load(html);
    const inText = $("main a.num")
      .toArray()
      .map((a) => ({ id: $(a).attr("id")?.replace(/-i$/, ""), text: $(a).text() }));
    expect($("main span.num")).toHaveLength(0); // every number in the text is traced
    const prose = index.numbers.filter((n) => n.where.in === "text");
    // The foreword's numbers stand before main, in its own block.
    const foreword = $(".foreword a.num").length;
    expect(inText).toEqual(prose.slice(foreword).map((n) => ({ id: n.id, text: n.text })));
  });

  it("has an entry for every number in every table's cells, and no other", () => {
    const $ = cheerio.load(html);
    const blocks = $(".table-block[id]").toArray();
    expect(blocks.length).toBe(43);
    for (const block of blocks) {
      const anchor = $(block).attr("id") ?? "";
      const printed = $(block)
        .find("td")
        .toArray()
        .map((td) => $(td).text())
        .filter((text) => /\d/.test(text))
        .sort();
      const listed = index.numbers
        .filter((n) => n.where.in === "table" && n.where.anchor === anchor)
        .map((n) => n.text)
        .sort();
      expect(listed, anchor).toEqual(printed);
    }
  });

  it("names where each number stands: the chapter and helper, or the table, row and column", () => {
    const first = index.numbers.find((n) => n.where.in === "text" && n.where.helper.startsWith("{{prosent"));
    expect(first?.where).toMatchObject({ in: "text", file: expect.stringMatching(/^report\//) });
    const cell = index.numbers.find((n) => n.where.in === "table" && n.where.table === "utdanning");
    expect(cell?.where).toMatchObject({ label: "Tabell 1", row: "Helsesekretær/legesekretær", column: "Antall" });
    expect(cell?.text).toBe("172");
    expect(cell?.explained).toBe(
      "data/utdanning.csv, linje 2 (utdanning «Helsesekretær/legesekretær»), kolonne «antall»",
    );
  });
});

describe("ten numbers picked at random from the prose", () => {
  it("each explain themselves in the page with the right file, row and column, and reproduce the number", async () => {
    const $ = cheerio.load(html);
    const numbers = $("main a.num").toArray();
    const random = seeded(13);
    const picked = new Set<number>();
    while (picked.size < 10) picked.add(Math.floor(random() * numbers.length));
    for (const i of picked) {
      const link = $(numbers[i]);
      const described = link.attr("aria-describedby") ?? "";
      // Described by the explanation's first sentence (the rule or the place); the whole follows it in the list.
      const description = $(`[id="${described}"]`).text();
      const explanation = $(`[id="${described}"]`).closest(".provenance-explained").text();
      expect(explanation.startsWith(description), described).toBe(true);
      expect(description.split(". ").length, described).toBe(1);
      const entry = index.numbers.find((n) => `${n.id}-d` === described);
      expect(entry, described).toBeDefined();
      if (!entry) continue;
      // The link leads to its entry in the list (without the script), where the explanation stands.
      expect(link.attr("href")).toBe(`#${entry.id}`);
      expect($(`li[id="${entry.id}"]`).find(`[id="${described}"]`)).toHaveLength(1);
      const named = linesNamed(explanation);
      for (const leaf of leaves(entry.provenance)) {
        if (leaf.op !== "read") continue;
        expect(explanation, entry.id).toContain(leaf.file);
        expect(explanation, entry.id).toContain(`kolonne «${leaf.column}»`);
        expect(named.has(leaf.line), `${entry.id}: line ${leaf.line} in «${explanation}»`).toBe(true);
      }
      expect(await reproduce(root, entry)).toBe(link.text());
    }
  });
});

describe("explanations in the report's words", () => {
  const read = (line: number, value: number): Term => ({
    op: "read",
    file: "data/utdanning.csv",
    line,
    key: {},
    column: "antall",
    value,
  });
  const c = { format, words: nb.labels.provenance };

  it("show a share's counts, its exact value, SPSS's one decimal and the whole percent", () => {
    const share: Term = {
      op: "share",
      part: read(3, 11),
      whole: { op: "sum", of: [read(2, 65), read(3, 11)] },
      rounding: "spss-then-whole",
      decimals: 0,
    };
    expect(printValue(format, { style: "percent" }, evaluate(share))).toBe("15\u00a0%");
    expect(explain(share, c)).toBe(
      "11 av 76 = 14,47\u00a0% → 14,5 → 15\u00a0%, avrundet først til én desimal (som SPSS) og så til hele prosent. " +
        "11: data/utdanning.csv, linje 3, kolonne «antall». 76: summen av kolonne «antall», linje 2–3 i data/utdanning.csv",
    );
    expect(explain(share, { ...c, brief: true, omitFile: "data/utdanning.csv" })).toBe(
      "11 av 76 = 14,47\u00a0% → 14,5 → 15\u00a0%",
    );
  });

  it("say so when a combination has no row (it counts 0), and add sums of computed parts", () => {
    const zero: Term = { op: "fixed", value: 0, why: "absent" };
    expect(explain(zero, c)).toBe("ingen rad i dataene, altså 0");
    const total: Term = { op: "sum", of: [{ op: "sum", of: [read(2, 3), read(3, 4)] }, read(5, 2)] };
    expect(explain(total, { ...c, brief: true })).toBe("7 + 2 = 9");
  });
});

describe("the web edition's provenance in a browser", () => {
  let fixtureOut: string;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    fixtureOut = await mkdtemp(join(tmpdir(), "rapport-tall-fixture-"));
    await build({ root: FIXTURE, outDir: fixtureOut });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(fixtureOut, { recursive: true, force: true });
  });

  async function open(width: number, scheme: "light" | "dark", javaScript = true) {
    const page = await browser.browser.newPage();
    await page.bringToFront();
    await page.setJavaScriptEnabled(javaScript);
    await page.setViewport({ width, height: 800 });
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await page.goto(`file://${join(fixtureOut, "rapport.html")}`, { waitUntil: "load" });
    await page.addStyleTag({ content: "main > section { content-visibility: visible !important; }" });
    return page;
  }

  const popover = `(() => { const p = document.querySelector(".num-popover"); return p && !p.hidden ? p.textContent : null; })()`;

  it("shows a number's provenance on keyboard focus, hides it on Escape, and Enter follows the link", async () => {
    const page = await open(1280, "light");
    try {
      let focused = false;
      for (let i = 0; i < 60 && !focused; i++) {
        await page.keyboard.press("Tab");
        focused = (await page.evaluate(`document.activeElement.matches("a.num")`)) as boolean;
      }
      expect(focused).toBe(true);
      const shown = (await page.evaluate(popover)) as string | null;
      expect(shown).toBe("400: data/fakta.csv, linje 2 (id «skjema_sendt»), kolonne «verdi».");
      await page.keyboard.press("Escape");
      expect(await page.evaluate(popover)).toBeNull();
      await page.keyboard.press("Enter");
      expect(await page.evaluate("location.hash")).toBe("#tall-1");
    } finally {
      await page.close();
    }
  });

  it("pins it on a click or tap without leaving the sentence, and a second tap closes it", async () => {
    const page = await open(390, "light");
    try {
      const number = await page.$("main a.num");
      await number?.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await number?.tap();
      expect(await page.evaluate(popover)).toMatch(/^400: data\/fakta\.csv, linje 2/);
      expect(await page.evaluate("location.hash")).toBe("");
      // It stays inside the screen.
      const box = (await page.evaluate(
        `(() => { const r = document.querySelector(".num-popover").getBoundingClientRect(); return [r.left, r.right]; })()`,
      )) as number[];
      expect(box[0]).toBeGreaterThanOrEqual(0);
      expect(box[1]).toBeLessThanOrEqual(390);
      await number?.tap();
      expect(await page.evaluate(popover)).toBeNull();
    } finally {
      await page.close();
    }
  });

  it("without JavaScript, a number is a link to its explanation in the list after the chapters", async () => {
    const page = await open(390, "light", false);
    try {
      await page.click("main a.num");
      expect(await page.evaluate("location.hash")).toBe("#tall-3");
      expect(await page.evaluate(`document.querySelector("li:target [id$='-d']").textContent`)).toBe(
        "data/fakta.csv, linje 2 (id «skjema_sendt»), kolonne «verdi».",
      );
    } finally {
      await page.close();
    }
  });

  it("opens a table's disclosure from the keyboard: one tab stop for all its numbers", async () => {
    const page = await open(1280, "dark");
    try {
      await page.focus("#tabell-tilfredshet-tall summary");
      await page.keyboard.press("Enter");
      expect(await page.evaluate(`document.querySelector("#tabell-tilfredshet-tall").open`)).toBe(true);
      const text = (await page.evaluate(`document.querySelector("#tabell-tilfredshet-tall").innerText`)) as string;
      expect(text).toContain("Tallene er hentet fra data/tilfredshet.csv. Prosentene er avrundet halvt opp.");
      expect(text).toContain("Svært fornøyd Antall 62: linje 2, kolonne «antall». Prosent 25: 62 av 244 = 25,41");
      // The cells themselves are no tab stops.
      expect(await page.$$eval(".table-block td[tabindex], .table-block td a", (els) => els.length)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it.each([
    [390, "light"],
    [390, "dark"],
    [1280, "dark"],
  ] as const)(
    "at %i px in %s mode, has no axe violation with every disclosure open and a popover shown",
    async (width, scheme) => {
      const page = await open(width, scheme);
      try {
        await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);
        await page.focus("main a.num");
        await page.addScriptTag({ content: axe.source });
        const violations = await page.evaluate(
          `axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }).then((r) => r.violations.map((v) => v.id + ": " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")))`,
        );
        expect(violations).toEqual([]);
        const overflow = await page.evaluate(
          `document.documentElement.scrollWidth - document.documentElement.clientWidth`,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    },
  );

  it("leaves the PDF without any of it: the same numbers, none of the explanations", async () => {
    const pdf = await getDocument({
      data: new Uint8Array(await readFile(join(fixtureOut, "rapport.pdf"))),
      verbosity: 0,
    }).promise;
    let text = "";
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    }
    await pdf.destroy();
    const words = nb.labels.provenance;
    for (const phrase of [words.control, words.listHeading, "kolonne «", "data/fakta.csv", "avrundet halvt opp"]) {
      expect(text).not.toContain(phrase);
    }
    expect(text.replace(/\s+/g, " ")).toContain("en svarprosent på 62");
  });
});

describe("a build from answers (--svar)", () => {
  let project: string;
  let counted: NumberIndexFile;
  const answersFile = "svar/syntetisk-eksempel.csv";
  beforeAll(async () => {
    // The synthetic example written to a CSV file, as a user with real answers has them.
    project = await mkdtemp(join(tmpdir(), "rapport-tall-svar-"));
    for (const dir of ["report", "templates", "data"])
      await cp(join(root, dir), join(project, dir), { recursive: true });
    const { sources, data } = await loadAndCompute({ root: project });
    const place = { dataDir: join(project, "data"), show: (path: string) => relative(project, path) };
    const codebook = readCodebook(place, sources.config).value;
    const made = codebook && makeSynthetic(place, sources.config, codebook, sources.tables, data).value;
    if (!codebook || !made) throw new Error("no usable codebook");
    await writeFile(join(project, "data", answersFile), respondentsCsv(codebook, made.respondents));
    const config = JSON.parse(await readFile(join(project, "report", "report.json"), "utf8"));
    config.respondents = { ...config.respondents, answers: answersFile };
    await writeFile(join(project, "report", "report.json"), JSON.stringify(config));
    await build({ root: project, outDir: join(project, "out"), pdf: false, tablesFrom: "respondents" });
    counted = JSON.parse(await readFile(join(project, "out", "rapport.tall.json"), "utf8"));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it("names the question, the codes counted and N, and the counts are in the answers file", async () => {
    expect(counted.fromAnswers).toBe(true);
    const answers = await csv(project, `data/${answersFile}`);
    const column = (question: string) => answers.header.indexOf(question);
    const has = (record: { cells: string[] }, question: string, codes: { code: number }[]) =>
      codes.some((c) => record.cells[column(question)]?.trim() === String(c.code));
    const tables = new Set<string>();
    const wrong: string[] = [];
    for (const entry of counted.numbers) {
      // Every number still reproduces by its rule.
      const again = printValue(format, entry.print, evaluate(entry.provenance));
      if (again !== entry.text) wrong.push(`${entry.id}: ${entry.text} ≠ ${again}`);
      for (const leaf of leaves(entry.provenance).filter((l): l is Answers => l.op === "answers")) {
        expect(leaf.file).toBe(`data/${answersFile}`);
        if (entry.where.in === "table") tables.add(entry.where.table);
        if (leaf.counted !== "codes") continue;
        expect(column(leaf.question), leaf.question).toBeGreaterThanOrEqual(0);
        // N: everyone in the answers, or those who answered the question (a grid's percentages).
        const answered = answers.records.filter((r) => (r.cells[column(leaf.question)] ?? "").trim() !== "").length;
        expect([answers.records.length, answered], entry.id).toContain(leaf.n);
        const among = leaf.among;
        const recount = answers.records.filter(
          (r) => has(r, leaf.question, leaf.codes) && (!among || has(r, among.question, among.codes)),
        ).length;
        if (recount !== leaf.value)
          wrong.push(
            `${entry.id}: ${leaf.question} ${JSON.stringify(leaf.codes)} counts ${recount}, not ${leaf.value}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    // The tables counted from answers, not the published ones.
    expect([...tables]).toEqual(expect.arrayContaining(["utdanning", "bemanning-per-lege", "ordninger"]));
    const cell = counted.numbers.find((n) => n.where.in === "table" && n.where.table === "bemanning-per-lege");
    expect(cell?.explained).toMatch(
      /^svarene «<1» \(1\) på spørsmål sekretaerer_per_lege, blant dem som svarte «For få» \(1\) på spørsmål bemanning, talt blant 210 personer i data\/svar\/syntetisk-eksempel\.csv$/,
    );
  });
});

describe("lines named in an explanation", () => {
  it("as ranges, the last joined with the language's «og»/«and»", () => {
    expect(lineRanges([3])).toBe("3");
    expect(lineRanges([6, 8])).toBe("6 og 8");
    expect(lineRanges([2, 3, 4, 9, 5, 12], "and")).toBe("2–5, 9 and 12");
  });
});
