/**
 * `npm run check` reports what a build would about the chapters, their tables and figures and
 * the layout: a project's partial that names a partial nobody has fails both alike.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, check } from "../scripts/build.ts";
import { MemoryWriter } from "../scripts/write/writer.ts";

const engine = fileURLToPath(new URL("..", import.meta.url));
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-check-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The fixture project with one of the theme's files changed, as a project's own templates/ would. */
async function projectWith(name: string, file: string, change: (text: string) => string): Promise<string> {
  const root = join(work, name);
  await cp(join(engine, "test", "fixtures", "project"), root, { recursive: true });
  const theme = await readFile(join(engine, "templates", file), "utf8");
  await cp(join(engine, "templates", "partials"), join(root, "templates", "partials"), { recursive: true });
  await writeFile(join(root, "templates", file), change(theme));
  return root;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no problem",
    (error: Error) => error.message,
  );

describe("npm run check", () => {
  it("fails on a table partial that names a missing partial, as the build does", async () => {
    const root = await projectWith(
      "table-block",
      join("partials", "table-block.hbs"),
      (t) => `${t}{{> tabell-fotnote}}`,
    );
    const checked = await failure(check({ root }));
    expect(checked).toContain("tabell-fotnote");
    expect(checked).toBe(await failure(build({ root, pdf: false, writer: new MemoryWriter() })));
  });

  it("fails on a layout that names a missing partial, as the build does", async () => {
    const root = await projectWith("layout", "layout.hbs", (t) => t.replace("</body>", "{{> kolofon-ekstra}}</body>"));
    const checked = await failure(check({ root }));
    expect(checked).toContain("kolofon-ekstra");
    expect(await failure(build({ root, pdf: false, writer: new MemoryWriter() }))).toContain("kolofon-ekstra");
  });
});
