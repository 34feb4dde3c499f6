/**
 * A new survey end to end, in a project of its own (not the shipped
 * report): a codebook with a numeric question and an index group, answers
 * as CSV, and a group comparison table built into the report's HTML.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../scripts/build.ts";
import { InputProblems } from "../scripts/errors.ts";
import { createProject } from "../scripts/new/create-project.ts";

let dir: string;
beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), "survey-project-")), "report");
  createProject(dir, "en");
  await mkdir(join(dir, "data", "respondents"), { recursive: true });
  await writeFile(
    join(dir, "data", "respondents", "codebook.json"),
    JSON.stringify({
      respondents: 6,
      scales: {
        team: {
          codes: [
            { code: 1, label: "North" },
            { code: 2, label: "South" },
          ],
        },
      },
      questions: [
        { id: "team", text: "Which team are you in?", scale: "team" },
        { id: "hours", text: "Hours a week", type: "numeric", min: 0, max: 80 },
      ],
    }),
  );
  // North 30, 34, 38 (mean 34, SD 4); South 40, 40, 46 (mean 42, SD √12 = 3.46).
  await writeFile(
    join(dir, "data", "respondents", "answers.csv"),
    "id,team,hours\n1,1,30\n2,1,34\n3,1,38\n4,2,40\n5,2,40\n6,2,46\n",
  );
  const config = JSON.parse(await readFile(join(dir, "report", "report.json"), "utf8"));
  config.respondents = { answers: "respondents/answers.csv" };
  await writeFile(join(dir, "report", "report.json"), JSON.stringify(config));
  await writeFile(
    join(dir, "report", "tables", "from-answers.json"),
    JSON.stringify({
      "hours-by-team": {
        kind: "groupComparison",
        respondentsOnly: true,
        data: "answers",
        title: "Hours a week by team",
        respondents: { by: "team", measures: [{ question: "hours" }] },
      },
    }),
  );
  const chapter = join(dir, "report", "chapters", "02-results.md");
  await writeFile(
    chapter,
    `${await readFile(chapter, "utf8")}\n{{#fraSvar}}\n{{tabell "hours-by-team"}}\n{{/fraSvar}}\n`,
  );
});
afterAll(async () => {
  await rm(join(dir, ".."), { recursive: true, force: true });
});

describe("a survey project counted from its answers", () => {
  it("prints the group comparison of a numeric answer in the report's number format", async () => {
    await build({ root: dir, pdf: false, tablesFrom: "respondents" });
    const $ = cheerio.load(await readFile(join(dir, "out", "report.html"), "utf8"));
    const table = $("table").filter((_, t) => $(t).find("caption").text().includes("Hours a week by team"));
    // The table has its kind's class; the heading over the groups is the locale's word.
    expect(table.attr("class")).toBe("groupComparison");
    expect(
      table
        .find("thead th")
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(["Group", "Hours a week: Mean", "Hours a week: SD", "Hours a week: N"]);
    const rows = table
      .find("tbody tr")
      .map((_, tr) => [
        $(tr)
          .find("th, td")
          .map((__, c) => $(c).text())
          .get(),
      ])
      .get() as unknown as string[][];
    // SSB = 3 (34 − 38)² + 3 (42 − 38)² = 96; SSW = 32 + 24 = 56; F = 96 / (56 / 4) = 6.857.
    expect(rows.slice(0, 3)).toEqual([
      ["North", "34.0", "4.0", "3"],
      ["South", "42.0", "3.5", "3"],
      ["F", "6.9", "", ""],
    ]);
    // With one numerator degree of freedom, F(1, 4) = t² with t = √6.857: p ≈ 0.059.
    expect(rows[3][0]).toBe("p");
    expect(Number(rows[3][1])).toBeCloseTo(0.059, 3);
  });

  it("stops with file, row and column on a number outside its bounds", async () => {
    await writeFile(
      join(dir, "data", "respondents", "answers.csv"),
      "id,team,hours\n1,1,30\n2,1,95\n3,1,38\n4,2,40\n5,2,40\n6,2,46\n",
    );
    const problems = await build({ root: dir, pdf: false, tablesFrom: "respondents" }).then(
      () => [],
      (error: unknown) => (error instanceof InputProblems ? error.problems : Promise.reject(error)),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: "data/respondents/answers.csv",
        row: 3,
        column: "hours",
        expected: "a number from 0 to 80, or blank",
        found: '"95"',
      }),
    ]);
  });
});
