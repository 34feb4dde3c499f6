/**
 * A large CSV file full of errors fails with the first 100 problems listed
 * and the rest counted. It used to overflow the stack (`push(...problems)`
 * with millions of them) after minutes and gigabytes; the 50 MB case is
 * measured by hand, this one is 6 MB so the suite stays quick.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../scripts/build.ts";
import { InputProblems, LISTED_PROBLEMS } from "../scripts/errors.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const ROWS = 300_000;
let work: string;
let error: unknown;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "rapport-many-"));
  const dataDir = join(work, "data");
  await cp(join(root, "data"), dataDir, { recursive: true });
  // Every data row: a count that is text, a percentage that is not a number, and a category seen before.
  const lines = ["storrelse,antall,prosent_publisert"];
  for (let i = 0; i < ROWS; i++) lines.push(`0–1 lege,mange${i % 10},x`);
  await writeFile(join(dataDir, "kontorstorrelse.csv"), `${lines.join("\n")}\n`);
  error = await check({ root, dataDir }).then(
    () => undefined,
    (e: unknown) => e,
  );
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a 6 MB file with a million problems", () => {
  it("keeps the first 100 problems and counts the rest", () => {
    expect(error).toBeInstanceOf(InputProblems);
    const { problems, unlisted } = error as InputProblems;
    expect(problems).toHaveLength(LISTED_PROBLEMS);
    // Two bad cells per row, and each row after the first repeats the category (a unique column and the primary key).
    expect(problems.length + unlisted).toBe(ROWS * 2 + (ROWS - 1) * 2);
    expect(problems[0]).toEqual(
      expect.objectContaining({
        file: `${join(work, "data", "kontorstorrelse.csv")}`,
        row: 2,
        column: "antall",
        expected: "a whole number ≥ 0",
        found: '"mange0"',
        hint: "counts are whole numbers without units; thousands may be grouped with spaces",
      }),
    );
    expect(problems.at(-1)).toEqual(expect.objectContaining({ row: 51, column: "prosent_publisert", found: '"x"' }));
  });

  it("prints the 100 and the count of the rest", () => {
    const lines = (error as InputProblems).message.split("\n");
    expect(lines[0]).toBe("1199998 problems in the input:");
    expect(lines.filter((l) => l.startsWith("  - "))).toHaveLength(LISTED_PROBLEMS);
    expect(lines.at(-1)).toBe("  … and 1199898 more problems, not listed");
  });
});
