/**
 * The dev server's rebuilds: a save of a chapter re-renders from the kept
 * stages 1–4 (data, model, charts), a preview makes its downloads when asked
 * for, and a change to data is never answered from kept stages.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildResult, build, loadAndCompute } from "../scripts/build.ts";
import type { RenderedChart } from "../scripts/chart/render-chart.ts";
import { localeFor } from "../scripts/locale/index.ts";
import { renderDocument } from "../scripts/render/document.ts";
import { MemoryWriter } from "../scripts/write/writer.ts";

const engine = fileURLToPath(new URL("..", import.meta.url));
const fixture = join(engine, "test", "fixtures", "project");
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-dev-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function copyOfFixture(name: string): Promise<string> {
  const root = join(work, name);
  await cp(fixture, root, { recursive: true });
  return root;
}

const chapter = (root: string) => join(root, "report", "chapters", "03-mer.md");
const html = (writer: MemoryWriter, result: BuildResult) =>
  writer.text(result.files.find((f) => f.endsWith(".html")) ?? "") ?? "";

describe("a rebuild that keeps stages 1–4", () => {
  it("renders a changed chapter as a fresh build does, with the same downloads, made when asked for", async () => {
    const root = await copyOfFixture("kept");
    const outDir = join(root, "out");
    const writer = new MemoryWriter();
    const first = await build({ root, outDir, pdf: false, writer });
    await appendFile(chapter(root), "\nEn setning skrevet etter første bygg.\n");

    const kept = new MemoryWriter();
    const again = await build({ root, outDir, pdf: false, writer: kept, keep: first.kept, preview: true });
    const fresh = new MemoryWriter();
    const full = await build({ root, outDir, pdf: false, writer: fresh });

    expect(again.timings.chart, "charts are not drawn again").toBeUndefined();
    expect(again.timings.validate, "data is not checked again").toBeUndefined();
    expect(html(kept, again)).toContain("En setning skrevet etter første bygg.");
    expect(html(kept, again)).toBe(html(fresh, full));
    // A preview writes only the page; the downloads and the number index come when asked for, as a build writes them.
    expect(again.files.map((f) => f.slice(outDir.length + 1))).toEqual(["rapport.html"]);
    const downloads = full.files.filter((f) => /\.(csv|zip|json|txt)$/.test(f) && !f.includes(".tall-forrige-bygg"));
    expect(downloads.length).toBeGreaterThan(3);
    for (const path of downloads) expect(again.later(path), path).toEqual(fresh.files.get(path));
    expect(again.later(join(outDir, "nosuch.csv"))).toBeUndefined();
    expect(full.later(downloads[0]), "a full build has nothing left to make").toBeUndefined();
  });

  it("reads the citation style again, as it does the templates", async () => {
    const root = join(work, "literature");
    for (const name of ["report", "data"]) await cp(join(engine, name), join(root, name), { recursive: true });
    await cp(join(engine, "templates", "csl"), join(root, "templates", "csl"), { recursive: true });
    const first = await build({ root, pdf: false, writer: new MemoryWriter(), pageCache: false });
    const style = join(root, "templates", "csl", "forfatter-aar.csl");
    const parens = '<layout prefix="(" suffix=")" delimiter="; ">';
    const csl = await readFile(style, "utf8");
    expect(csl).toContain(parens);
    await writeFile(style, csl.replace(parens, '<layout prefix="[" suffix="]" delimiter="; ">'));
    const writer = new MemoryWriter();
    const again = await build({ root, pdf: false, writer, keep: first.kept, preview: true });
    const fresh = new MemoryWriter();
    const full = await build({ root, pdf: false, writer: fresh, preview: true });
    expect(again.timings.validate, "the data was kept").toBeUndefined();
    expect(html(writer, again)).toMatch(/\[[A-ZÆØÅ][^\]<]{2,40}\d{4}\]/);
    expect(html(writer, again)).toBe(html(fresh, full));
  });

  it("reports a broken chapter from kept stages as a full build does", async () => {
    const root = await copyOfFixture("broken");
    const first = await build({ root, pdf: false, writer: new MemoryWriter() });
    await appendFile(chapter(root), '\n{{prosent "nosuch" "Kurs"}}\n');
    const kept = await build({ root, pdf: false, writer: new MemoryWriter(), keep: first.kept }).catch((e) => e);
    const full = await build({ root, pdf: false, writer: new MemoryWriter() }).catch((e) => e);
    expect(kept).toBeInstanceOf(Error);
    expect(kept.message).toContain("nosuch");
    expect(kept.message).toBe(full.message);
  });
});

describe("work kept across renders", () => {
  it("lays a table out and explains its cells anew for another model of the same tables", async () => {
    const { sources, model, editions } = await loadAndCompute({ root: fixture });
    const charts = new Map<string, RenderedChart>(
      sources.charts.map((c) => [c.id, { id: c.id, file: c.file, meta: c.meta, svg: "<svg></svg>", narrow: false }]),
    );
    const render = (m: typeof model) =>
      renderDocument(sources, m, charts, { fonts: "", edition: editions[0] }).document;
    const inBokmål = render(model);
    const english = { ...model, locale: localeFor("en") };
    const inEnglish = render(english);
    const cell = (d: typeof inEnglish) => d?.numbers.find((n) => n.where.in === "table")?.explained ?? "";
    expect(cell(inBokmål)).toContain("kolonne");
    expect(cell(inEnglish)).toContain("column");
    expect(inEnglish?.body).not.toBe(inBokmål?.body);
    expect(render(model)?.body, "the first model's own work, kept").toBe(inBokmål?.body);
  });
});

describe("npm run dev", () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill();
  });

  it("shows a saved chapter, then a changed data file's numbers, then the chapter again with the new numbers", async () => {
    const root = await copyOfFixture("server");
    const port = 4700 + Math.floor(Math.random() * 200);
    let log = "";
    const started = new Promise<void>((resolve, reject) => {
      server = spawn(
        process.execPath,
        ["--import", "tsx", "scripts/dev.ts", "--project", root, "--port", String(port), "--pdf-after", "0"],
        { cwd: engine, stdio: ["pipe", "ignore", "pipe"] },
      );
      server.stderr?.on("data", (d) => {
        log += d;
        if (/bygd på nytt/.test(log)) resolve();
      });
      server.on("exit", () => reject(new Error(`the dev server stopped:\n${log}`)));
    });
    await started;
    const page = () =>
      new Promise<string>((resolve, reject) => {
        get(`http://127.0.0.1:${port}/`, (response) => {
          let body = "";
          response.on("data", (d) => {
            body += d;
          });
          response.on("end", () => resolve(body));
        }).on("error", reject);
      });
    const builds = () => log.match(/bygd på nytt/g)?.length ?? 0;
    const rebuilt = async (change: () => Promise<void>) => {
      const before = builds();
      await change();
      for (let i = 0; i < 200 && builds() === before; i++) await new Promise((r) => setTimeout(r, 25));
      expect(builds(), log).toBe(before + 1);
      return page();
    };

    expect(await page()).toContain("38\u00a0450");
    let shown = await rebuilt(() => appendFile(chapter(root), "\nLagt til mens serveren gikk.\n"));
    expect(shown).toContain("Lagt til mens serveren gikk.");

    const salaries = join(root, "data", "lonn.csv");
    const csv = await readFile(salaries, "utf8");
    shown = await rebuilt(() => writeFile(salaries, csv.replace("Sekretær,38450", "Sekretær,39450")));
    expect(shown).toContain("39\u00a0450");
    expect(shown).not.toContain("38\u00a0450");

    shown = await rebuilt(() => appendFile(chapter(root), "\nOg en setning til.\n"));
    expect(shown).toContain("Og en setning til.");
    expect(shown, "a chapter's save after new data keeps the new numbers").toContain("39\u00a0450");
  }, 60_000);
});
