import type { Problem } from "../errors.ts";
import { respondents as said } from "../messages/index.ts";
import type { Codebook } from "./codebook.ts";
import { checkAnswers, questionIdFor, type Respondents } from "./read.ts";
import { savReader } from "./sav-reader.ts";

/**
 * An SPSS file (.sav): its variables are the codebook's questions; its value
 * labels must say what the codebook says, so a recoded export is caught
 * before it is counted under the wrong label.
 */
export async function readRespondentsSav(
  file: string,
  bytes: Uint8Array,
  codebook: Codebook,
): Promise<{ respondents?: Respondents; problems: Problem[] }> {
  const reader = savReader(bytes);
  let rows: Record<string, number | string | null>[];
  try {
    await reader.open();
    rows = await reader.readAllRows(true);
  } catch (error) {
    return { problems: [{ file, ...said.notSav((error as Error).message) }] };
  }
  // Text variables (open answers) the codebook has no question for are not counted: left out, as the drafter leaves them.
  const known = new Set(codebook.questions.map((q) => q.id));
  const names = reader.meta.sysvars.filter((v) => v.type === 0 || known.has(questionIdFor(v.name))).map((v) => v.name);
  const columns = names.map(questionIdFor);
  const nameOf = new Map(columns.map((c, i) => [c, names[i]]));
  const problems: Problem[] = [];
  for (const question of codebook.questions) {
    // A numeric question's value labels (if any) name its missing codes; only scales are compared.
    if (question.type !== "choice") continue;
    const scale = codebook.scales[question.scale];
    const known = new Map([...scale.codes, ...scale.missing].map((c) => [c.code, c.label]));
    for (const entry of reader.meta.getValueLabels(nameOf.get(question.id) ?? question.id) ?? []) {
      const expected = known.get(Number(entry.val));
      if (expected !== undefined && expected !== entry.label.trim())
        problems.push({
          file,
          column: question.id,
          ...said.valueLabel(expected, entry.val, entry.label.trim()),
        });
    }
  }
  const records = rows.map((row, i) => ({
    row: i + 1,
    cells: names.map((c) => {
      const value = row[c];
      // SPSS writes a blank (system-missing) numeric answer as null; strings as text.
      return value === undefined || value === null || (typeof value === "number" && Number.isNaN(value))
        ? null
        : typeof value === "number"
          ? value
          : String(value);
    }),
  }));
  const result = checkAnswers(file, columns, records, codebook);
  const all = [...problems, ...result.problems];
  return all.length > 0 ? { problems: all } : { respondents: result.respondents, problems: [] };
}
