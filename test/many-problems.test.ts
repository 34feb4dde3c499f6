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
import { messagesFor } from "../scripts/messages/index.ts";

// The shipped report is in bokmål: so are the problems of its files.
const nb = messagesFor("nb");

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
        expected: nb.problem.cellType("integer", 0),
        found: nb.report.quote("mange0"),
        hint: nb.problem.hintCount,
      }),
    );
    expect(problems.at(-1)).toEqual(
      expect.objectContaining({ row: 51, column: "prosent_publisert", found: nb.report.quote("x") }),
    );
  });

  it("prints the 100 and the count of the rest", () => {
    const lines = (error as InputProblems).message.split("\n");
    expect(lines[0]).toBe(nb.report.problems(1199998));
    expect(lines.filter((l) => l.startsWith("  - "))).toHaveLength(LISTED_PROBLEMS);
    expect(lines.at(-1)).toBe(`  ${nb.report.notListed(1199898)}`);
  });
});
