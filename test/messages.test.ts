/**
 * The message catalogue (scripts/messages/): every shipped language has
 * every message, and a project's messages follow its language.
 */
import { describe, expect, it } from "vitest";
import { formatProblems } from "../scripts/errors.ts";
import { knownLanguages } from "../scripts/locale/index.ts";
import { CATALOGUES, messagesFor, problem, useMessageLanguage } from "../scripts/messages/index.ts";

/** Every key path of a catalogue ("problem.emptyFile", "stage.names.load", …), with what kind of value it holds. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}: function`];
  if (typeof value === "string") return [`${path}: string`];
  if (typeof value !== "object" || value === null) return [`${path}: ${typeof value}`];
  return Object.keys(value)
    .sort()
    .flatMap((key) => shape((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
}

describe("the message catalogue", () => {
  it("has every message in every shipped language, with the same keys", () => {
    const english = shape(CATALOGUES.en);
    expect(english.length).toBeGreaterThan(200);
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      expect(shape(catalogue), language).toEqual(english);
    }
  });

  it("has a catalogue for every language a report can be written in", () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...knownLanguages].sort());
  });

  it("says a problem in each language's own words, the same structure in each", () => {
    const where = { file: "data/a.csv", row: 3, column: "antall" };
    const said = (language: string) => {
      useMessageLanguage(language);
      return formatProblems([{ ...where, ...problem.wrongType(problem.cellType("integer", 0), '"x"') }]);
    };
    expect(said("en")).toBe(
      '1 problem in the input:\n  - data/a.csv, row 3, column "antall": expected a whole number ≥ 0, found "x"',
    );
    expect(said("nb-NO")).toBe(
      '1 problem i inndataene:\n  - data/a.csv, rad 3, kolonne «antall»: forventet et helt tall ≥ 0, fant "x"',
    );
    // A language without a catalogue of its own, and none at all, are English.
    expect(said("de")).toBe(said("en"));
    useMessageLanguage(undefined);
    expect(messagesFor(undefined)).toBe(CATALOGUES.en);
  });

  it("writes numbers in a message as its language does", () => {
    const mismatch = { computed: 72.5, count: 150, base: 207, published: 73, decimals: 1 };
    expect(messagesFor("en").compute.percentMismatch(mismatch).expected).toMatch(/^72\.5% \(150 of 207/);
    expect(messagesFor("nb").compute.percentMismatch(mismatch).expected).toMatch(/^72,5\u00a0% \(150 av 207/);
  });

  it("gives zod's own messages in the report's language, with the kinds a table may be", () => {
    expect(
      messagesFor("nb")
        .zod()
        .localeError({ code: "invalid_union", options: ["a", "b"] } as never),
    ).toBe("Ugyldig verdi: forventet 'a' | 'b'");
  });
});
