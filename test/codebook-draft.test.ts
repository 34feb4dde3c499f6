/**
 * npm run codebook: a codebook drafted from an SPSS file's dictionary
 * (test/fixtures/codebook-draft.sav, made by PSPP from the .sps beside it),
 * and the measurement levels read from the dictionary's bytes.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CodebookSchema, codebookProblems } from "../scripts/respondents/codebook.ts";
import { runDraftCodebook } from "../scripts/respondents/codebook-command.ts";
import { draftCodebook } from "../scripts/respondents/draft-codebook.ts";
import { readRespondentsSav } from "../scripts/respondents/read-sav.ts";
import { measurementLevels, SavDictionaryError } from "../scripts/respondents/sav-dictionary.ts";

const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));
const fixture = async (name: string) => new Uint8Array(await readFile(join(fixtures, name)));
/** Where sav-reader says a file's dictionary ends (its meta.firstRecordPosition). */
async function dictionaryEnd(bytes: Uint8Array): Promise<number> {
  const { SavBufferReader } = createRequire(import.meta.url)("sav-reader") as {
    SavBufferReader: new (b: Buffer) => { open(): Promise<void>; meta: { firstRecordPosition: number } };
  };
  const reader = new SavBufferReader(Buffer.from(bytes));
  await reader.open();
  return reader.meta.firstRecordPosition;
}

describe("the measurement levels of an SPSS file", () => {
  it("are read from the display parameters (info record 11) by each variable's short name", async () => {
    const bytes = await fixture("codebook-draft.sav");
    const levels = measurementLevels(bytes, await dictionaryEnd(bytes));
    expect(Object.fromEntries(levels)).toMatchObject({
      Q1: "ordinal",
      Q3: "nominal",
      DEPT: "nominal",
      REGION: "nominal",
      GRADE: "ordinal",
      AGE: "scale",
      SALARY: "scale",
    });
  });

  it("stop with an error naming the offset when the dictionary is cut short, never reading past it", async () => {
    const bytes = await fixture("codebook-draft.sav");
    const end = await dictionaryEnd(bytes);
    expect(() => measurementLevels(bytes.slice(0, 400), end)).toThrow(SavDictionaryError);
    expect(() => measurementLevels(bytes.slice(0, 400), end)).toThrow(/at byte \d+ needs \d+ bytes/);
    expect(() => measurementLevels(new TextEncoder().encode("not a sav file"), 14)).toThrow(SavDictionaryError);
  });
});

describe("a drafted codebook", () => {
  it("takes question texts from variable labels and lower-cases the names", async () => {
    const draft = await draftCodebook("codebook-draft.sav", await fixture("codebook-draft.sav"));
    expect(draft.questions.map((q) => [q.id, q.text])).toEqual([
      ["q1", "How satisfied are you with your pay?"],
      ["q2", "How satisfied are you with your hours?"],
      ["q3", "Do you work shifts?"],
      ["q4", "Do you work weekends?"],
      ["dept", "Department"],
      ["grade", "Pay grade"],
      ["age", "Age in years"],
      ["salary", "Monthly salary"],
      ["years", "years"],
      ["region", "region"],
      ["effort", "Effort at work"],
    ]);
    // The id column is no question; the text variable is left out and said so.
    expect(draft.$comment).toContain("left out (text, not codes or numbers): comment");
    expect(draft.$comment).toContain("write the text of years, region");
    expect(draft.respondents).toBe(3);
  });

  it("makes one scale of each value-label set, shared by the variables it labels", async () => {
    const draft = await draftCodebook("codebook-draft.sav", await fixture("codebook-draft.sav"));
    const scaleOf = Object.fromEntries(draft.questions.flatMap((q) => ("scale" in q ? [[q.id, q.scale]] : [])));
    expect(scaleOf).toEqual({ q1: "q1", q2: "q1", q3: "q3", q4: "q3", dept: "dept", grade: "grade", region: "region" });
    expect(draft.scales.q3).toEqual({
      codes: [
        { code: 1, label: "Yes" },
        { code: 2, label: "No" },
      ],
    });
  });

  it("turns user-missing values into missing codes, a discrete value and a range alike", async () => {
    const draft = await draftCodebook("codebook-draft.sav", await fixture("codebook-draft.sav"));
    expect(draft.scales.q1.codes.map((c) => c.code)).toEqual([1, 2, 3, 4]);
    expect(draft.scales.q1.missing).toEqual([{ code: 9, label: "No answer" }]);
    // MISSING VALUES dept (8 THRU 9): the labelled codes in the range.
    expect(draft.scales.dept.missing).toEqual([
      { code: 8, label: "Don't know" },
      { code: 9, label: "No answer" },
    ]);
  });

  it("makes numeric questions of scale variables without value labels, whole numbers when printed so", async () => {
    const draft = await draftCodebook("codebook-draft.sav", await fixture("codebook-draft.sav"));
    const numeric = draft.questions.filter((q) => "type" in q);
    expect(numeric).toEqual([
      // Labelled only on its missing value (999 "Refused"): still a number.
      { id: "age", text: "Age in years", type: "numeric", integer: true, missing: [{ code: 999, label: "Refused" }] },
      { id: "salary", text: "Monthly salary", type: "numeric" },
      { id: "years", text: "years", type: "numeric", integer: true },
      // Labelled only at its ends (0 and 10) while the data holds 7: a number, not a two-code scale.
      { id: "effort", text: "Effort at work", type: "numeric", integer: true },
    ]);
    expect(draft.$comment).toContain('effort (0 "No effort", 10 "All my effort") are measured as scale');
    // A nominal variable without labels is a choice: its codes are those in the data, to be labelled.
    expect(draft.scales.region.codes).toEqual([
      { code: 1, label: "1" },
      { code: 2, label: "2" },
    ]);
    expect(draft.$comment).toContain("region (nominal) have no value labels");
  });

  it("is a valid codebook the .sav it came from is read with", async () => {
    const bytes = await fixture("codebook-draft.sav");
    const codebook = CodebookSchema.parse(await draftCodebook("codebook-draft.sav", bytes));
    expect(codebookProblems(codebook)).toEqual([]);
    const { respondents, problems } = await readRespondentsSav("codebook-draft.sav", bytes, codebook);
    expect(problems).toEqual([]);
    expect(respondents?.rows.map((r) => [r.answers.grade, r.answers.age, r.answers.salary, r.answers.effort])).toEqual([
      [3, 34, 31000.5, 0],
      [1, 999, 28000, 7],
      [2, 51, 45500.25, 10],
    ]);
  });
});

describe("npm run codebook", () => {
  const sink = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, write: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
  };

  it("writes the draft to stdout, or to a new file and never over an existing one", async () => {
    const file = join(fixtures, "codebook-draft.sav");
    const toStdout = sink();
    expect(await runDraftCodebook([file], undefined, toStdout.write)).toBe(0);
    expect(JSON.parse(toStdout.out.join("")).questions).toHaveLength(11);

    const dir = await mkdtemp(join(tmpdir(), "codebook-"));
    const target = join(dir, "codebook.json");
    expect(await runDraftCodebook([file], target, sink().write)).toBe(0);
    expect(JSON.parse(await readFile(target, "utf8")).scales.q1.missing).toHaveLength(1);

    await writeFile(target, "{}");
    const refused = sink();
    expect(await runDraftCodebook([file], target, refused.write)).toBe(2);
    expect(refused.err.join("")).toContain("found an existing one (it is not replaced)");
    expect(await readFile(target, "utf8")).toBe("{}");
  });

  it("names the file when it is not an SPSS file", async () => {
    const run = sink();
    const notSav = join(await mkdtemp(join(tmpdir(), "codebook-")), "broken.sav");
    await writeFile(notSav, "id,a\n1,2\n");
    expect(await runDraftCodebook([notSav], undefined, run.write)).toBe(1);
    expect(run.err.join("")).toMatch(/broken\.sav: expected an SPSS data file \(\.sav\) with a readable dictionary/);
  });
});
