/**
 * Relations between facts and tables (issue 14): a table definition's
 * `checks` names the fact the prose cites for the table's N or total, and a
 * build whose table and fact disagree stops naming the definition file, the
 * fact and both numbers. Before, a table whose total no longer matched the
 * «210 who answered» of the prose passed silently.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAndCompute } from "../scripts/build.ts";
import { InputProblems } from "../scripts/errors.ts";
import { messagesFor } from "../scripts/messages/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-relations-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of data/ with one file's text changed. */
async function dataWith(folder: string, file: string, change: (text: string) => string): Promise<string> {
  const dataDir = join(work, folder);
  await cp(join(root, "data"), dataDir, { recursive: true });
  const path = join(dataDir, file);
  const before = await readFile(path, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(path, after);
  return dataDir;
}

async function problemsOf(dataDir: string) {
  try {
    await loadAndCompute({ root, dataDir });
  } catch (error) {
    if (error instanceof InputProblems) return error.problems;
    throw error;
  }
  return [];
}

describe("facts equal to a table's N or total", () => {
  it("the shipped report declares its own, and they hold", async () => {
    const { model } = await loadAndCompute({ root });
    const checked = [...model.tables.values()].filter((t) => t.definition.checks);
    expect(checked.length).toBeGreaterThan(20);
    expect(model.tables.get("utdanning")?.definition.checks).toEqual({ total: "svarte" });
  });

  it("a fact that no longer equals the table's total fails, naming the definition, the fact and both numbers", async () => {
    const dataDir = await dataWith("fact-211", "fakta.csv", (t) => t.replace("\nsvarte,210,", "\nsvarte,211,"));
    const problems = await problemsOf(dataDir);
    const utdanning = problems.find((p) => p.column === "utdanning.checks.total");
    expect(utdanning).toMatchObject({ file: "report/tables/03-hvem-helsesekretaerene-er.json" });
    const said = messagesFor("nb").compute.relation({
      total: "total",
      table: "utdanning",
      value: 210,
      dataFile: join(dataDir, "utdanning.csv"),
      fact: "svarte",
      factValue: 211,
      factFile: join(dataDir, "fakta.csv"),
      factRow: 9,
    });
    expect(utdanning).toMatchObject(said);
    // N is checked too where it is declared.
    expect(problems.some((p) => p.column === "kontorstorrelse.checks.n")).toBe(true);
    expect(problems.every((p) => String(p.column).includes(".checks."))).toBe(true);
  });

  it("a count that moves the total away from the fact fails", async () => {
    const dataDir = await dataWith("count-moved", "kontorstorrelse.csv", (t) =>
      t.replace(/^([^,\n]+,)(\d+)(,\d*)$/m, (_, a: string, n: string) => `${a}${Number(n) + 1},`),
    );
    const problems = await problemsOf(dataDir);
    expect(problems).toContainEqual(
      expect.objectContaining({ column: "kontorstorrelse.checks.total", expected: expect.stringContaining("(211,") }),
    );
  });
});
