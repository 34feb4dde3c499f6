/**
 * The set-up step's bundle (scripts/setup/compile.mjs): one file per command
 * package.json runs, made again only when a source is newer, and runnable.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, symlink, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPILED, commandEntries, compileScripts } from "../scripts/setup/compile.mjs";

const engine = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);
let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "rapport-bundle-"));
  for (const name of ["scripts", "templates", "package.json", "package-lock.json"])
    await cp(join(engine, name), join(copy, name), { recursive: true });
  await symlink(join(engine, "node_modules"), join(copy, "node_modules"));
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe("the set-up step's bundle", () => {
  it("has an entry for each command package.json runs from .scripts-js/, each made from scripts/", async () => {
    const pkg = JSON.parse(await readFile(join(engine, "package.json"), "utf8"));
    const entries: string[] = commandEntries(engine);
    expect(entries).toEqual(expect.arrayContaining(["bench", "cli", "dev"]));
    for (const name of entries) {
      // Node's own options may come first: `node --v8-pool-size=1 .scripts-js/cli.js build`.
      const runs = Object.values(pkg.scripts as Record<string, string>).some((script) =>
        new RegExp(`^node (?:--\\S+ )*\\.scripts-js/${name}\\.js`).test(script),
      );
      expect(runs, name).toBe(true);
      await expect(readFile(join(engine, "scripts", `${name}.ts`))).resolves.toBeDefined();
    }
  });

  it("bundles once, again only after a source changes, and the commands run from it", async () => {
    const first = await compileScripts(copy);
    expect(first.files).toBeGreaterThan(commandEntries(copy).length);
    const files = await readdir(join(copy, COMPILED));
    for (const name of commandEntries(copy)) expect(files).toContain(`${name}.js`);
    expect(files.filter((f: string) => f.endsWith(".js")).length, "shared chunks beside the entries").toBe(first.files);

    expect((await compileScripts(copy)).files, "nothing stale").toBe(0);
    const later = new Date(Date.now() + 5_000);
    await utimes(join(copy, "scripts", "errors.ts"), later, later);
    expect((await compileScripts(copy)).files, "a newer source").toBe(first.files);

    const { stdout } = await run(process.execPath, [join(COMPILED, "cli.js"), "--version"], { cwd: copy });
    expect(stdout.trim()).toBe(JSON.parse(await readFile(join(engine, "package.json"), "utf8")).version);
    // A check of the shipped report from the bundle in the copy: it finds the theme and the report through the engine's folder.
    const checked = await run(process.execPath, [join(COMPILED, "cli.js"), "check", "--project", engine, "--quiet"], {
      cwd: copy,
    });
    expect(checked.stderr).toBe("");
  }, 60_000);

  it("finishes a PDF with Node's zlib in place of pako, and a reader reads what it wrote", async () => {
    await compileScripts(copy);
    const chunks = JSON.parse(await readFile(join(copy, COMPILED, ".bundle.json"), "utf8")) as string[];
    const printChunk = chunks.find((f) => f.startsWith("read-print-"));
    if (!printChunk) throw new Error("no read-print chunk in the bundle");
    const source = await readFile(join(copy, COMPILED, printChunk), "utf8");
    expect(source, "pako's deflate is not bundled for pdf-lib").not.toMatch(/pdf-lib\/node_modules\/pako/);
    expect(source).toContain("scripts/print/native-zlib.ts");
    for (const file of chunks.filter((f) => f.endsWith(".js"))) {
      const text = await readFile(join(copy, COMPILED, file), "utf8");
      expect(text.includes("node_modules/quickjs-emscripten"), `${file}: no downloader's proxy agent`).toBe(false);
    }

    const { readPrint, finishPdf } = await import(join(copy, COMPILED, printChunk));
    const blank = await PDFDocument.create();
    for (let i = 0; i < 3; i++) blank.addPage([595, 842]);
    const printed = await blank.save();
    const { doc, map } = await readPrint(printed, []);
    const finished = await finishPdf(
      doc,
      printed,
      { title: "Tittel", subject: "Emne", keywords: ["a"] },
      {
        map,
        heads: { left: "Helsesekretærer", right: "Kapittel" },
        scopes: [],
        links: {},
      },
    );
    const pdf = await getDocument({ data: finished.pdf, verbosity: 0 }).promise;
    const page = await pdf.getPage(2);
    const text = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" ");
    expect(text).toContain("Helsesekretærer");
    expect(text).toContain("2");
  }, 60_000);
});
