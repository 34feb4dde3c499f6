import { CodebookSchema, codebookProblems } from "./codebook.ts";
import { questionIdFor } from "./read.ts";
import { type MeasurementLevel, measurementLevels } from "./sav-dictionary.ts";
import { type SavMeta, savReader } from "./sav-reader.ts";

/**
 * A first codebook drafted from an SPSS file's own dictionary, so that a new
 * survey starts from its data file: each variable's label becomes the
 * question's text, its value labels a scale (variables whose value labels
 * are the same share one scale), its user-missing values `missing` codes,
 * and a variable measured on the `scale` level without value labels (an
 * age, a salary) a numeric question. What a dictionary cannot say (routing,
 * scored indices, reversed items, wording the labels shortened) the draft's
 * `$comment` asks the author to add.
 */

type Code = { code: number; label: string };
type DraftQuestion =
  | { id: string; text: string; scale: string }
  | { id: string; text: string; type: "numeric"; integer?: true; missing?: Code[] };

export interface CodebookDraft {
  $comment: string;
  respondents?: number;
  scales: Record<string, { codes: Code[]; missing?: Code[] }>;
  questions: DraftQuestion[];
  indices: Record<string, never>;
}

/** A variable's user-missing values: the discrete ones, and a range as bounds (its codes are the labelled ones in it). */
function missingOf(missing: SavMeta["sysvars"][number]["missing"]): {
  values: number[];
  range?: { min: number; max: number };
} {
  if (missing === null || missing === undefined) return { values: [] };
  if (typeof missing === "number") return { values: [missing] };
  if (Array.isArray(missing)) return { values: missing };
  return { values: missing.value === undefined ? [] : [missing.value], range: { min: missing.min, max: missing.max } };
}

const isMissing = (code: number, m: ReturnType<typeof missingOf>) =>
  m.values.includes(code) || (m.range !== undefined && code >= m.range.min && code <= m.range.max);

/** Draft a codebook from a .sav file's bytes; `file` names it in the comment. Throws on a file that is no .sav. */
export async function draftCodebook(file: string, bytes: Uint8Array): Promise<CodebookDraft> {
  const reader = savReader(bytes);
  await reader.open();
  const { meta } = reader;
  const levels = measurementLevels(bytes, meta.firstRecordPosition);
  const rows = await reader.readAllRows(true);

  const labelsOf = new Map<string, Code[]>();
  const skippedValues: string[] = [];
  for (const set of meta.valueLabels) {
    const codes: Code[] = [];
    for (const entry of set.entries) {
      const code = Number(entry.val);
      // A codebook's codes are whole numbers; a labelled 1.5 or a string value has no place in one.
      if (!Number.isInteger(code)) {
        skippedValues.push(`${set.appliesToNames.join(", ")}: ${String(entry.val)}`);
        continue;
      }
      codes.push({ code, label: entry.label.trim() || String(code) });
    }
    codes.sort((a, b) => a.code - b.code);
    for (const name of set.appliesToNames) labelsOf.set(name, codes);
  }

  const scales: CodebookDraft["scales"] = {};
  /** Scales by their content, so variables labelled alike share one. */
  const scaleByContent = new Map<string, string>();
  const questions: DraftQuestion[] = [];
  const notes = {
    strings: [] as string[],
    unlabelled: [] as string[],
    guessedNumeric: [] as string[],
    codesFromData: [] as string[],
    partlyLabelled: [] as string[],
  };
  const seen = new Map<string, string>();
  const collisions: string[] = [];

  for (const variable of meta.sysvars) {
    const id = questionIdFor(variable.name);
    // A respondent number is no question: the codebook's default idColumns (["id"]) lets it through.
    if (id === "id") continue;
    if (variable.type !== 0) {
      notes.strings.push(variable.name);
      continue;
    }
    const other = seen.get(id);
    if (other !== undefined) collisions.push(`${other} and ${variable.name} are both "${id}"`);
    seen.set(id, variable.name);
    const text = variable.label?.trim() || variable.name;
    if (!variable.label?.trim()) notes.unlabelled.push(id);
    const missing = missingOf(variable.missing);
    const labelled = labelsOf.get(variable.name) ?? [];
    const answers = labelled.filter((c) => !isMissing(c.code, missing));
    const missingCodes: Code[] = [
      ...labelled.filter((c) => isMissing(c.code, missing)),
      // Discrete missing values without a label still mean "no answer": they get their code as label.
      ...missing.values
        .filter((v) => Number.isInteger(v) && !labelled.some((c) => c.code === v))
        .map((v) => ({ code: v, label: String(v) })),
    ].sort((a, b) => a.code - b.code);
    const level: MeasurementLevel = levels.get(variable.__shortName.toUpperCase()) ?? "unknown";

    const values = [...new Set(rows.map((r) => r[variable.name]))].filter(
      (v): v is number => typeof v === "number" && !Number.isNaN(v) && !isMissing(v, missing),
    );
    // Nominal or ordinal without value labels: still codes, whatever the data holds; their labels are the author's to write.
    if (answers.length === 0 && (level === "nominal" || level === "ordinal")) {
      const found = values.filter((v) => Number.isInteger(v));
      if (found.length > 0) {
        answers.push(...found.sort((a, b) => a - b).map((code) => ({ code, label: String(code) })));
        notes.codesFromData.push(`${id} (${level})`);
      }
    }
    // A scale variable labelled only at some values (0 "none" … 10 "very much"): a number, the labels noted.
    const unlabelled = values.filter((v) => !answers.some((c) => c.code === v));
    if (level === "scale" && answers.length > 0 && unlabelled.length > 0) {
      notes.partlyLabelled.push(`${id} (${answers.map((c) => `${c.code} "${c.label}"`).join(", ")})`);
      answers.length = 0;
    }
    if (answers.length === 0) {
      // No labelled answers: a number. Said so when the dictionary does not mark it as a scale.
      if (level !== "scale") notes.guessedNumeric.push(`${id} (${level})`);
      // Printed without decimals: whole numbers (years of age); with them, any number (a salary).
      const whole = variable.printFormat.nbdec === 0;
      questions.push({
        id,
        text,
        type: "numeric",
        ...(whole ? { integer: true as const } : {}),
        ...(missingCodes.length > 0 ? { missing: missingCodes } : {}),
      });
      continue;
    }
    const scale = { codes: answers, ...(missingCodes.length > 0 ? { missing: missingCodes } : {}) };
    const key = JSON.stringify(scale);
    let scaleId = scaleByContent.get(key);
    if (!scaleId) {
      scaleId = id;
      scaleByContent.set(key, scaleId);
      scales[scaleId] = scale;
    }
    questions.push({ id, text, scale: scaleId });
  }
  if (collisions.length > 0)
    throw new Error(`variable names that make the same question id: ${collisions.join("; ")}; rename one in the file`);

  const todo = [
    `Drafted by npm run codebook from ${file}'s dictionary: ${questions.length} questions, ${Object.keys(scales).length} scales. Complete it before use:`,
    "check each question's text (variable labels are often shortened)",
    "add routing (asked: { question, codes }) to questions asked only of some",
    "add scored indices (indices: { <group>: { scoring?, bands?, list: [{ id, name, items }] } }) and reverse: true on items scored in reverse",
    "give numeric questions their bounds (min, max) and unit",
    "rename scales to say what they measure (a scale is named after its first question)",
    ...(notes.unlabelled.length > 0 ? [`write the text of ${notes.unlabelled.join(", ")} (no variable label)`] : []),
    ...(notes.guessedNumeric.length > 0
      ? [
          `${notes.guessedNumeric.join(", ")} have no value labels and are not measured as scale: numeric here; give them a scale if they are answered with codes`,
        ]
      : []),
    ...(notes.codesFromData.length > 0
      ? [
          `${notes.codesFromData.join(", ")} have no value labels: their scales hold the codes found in the data, labelled with the code; write the labels`,
        ]
      : []),
    ...(notes.partlyLabelled.length > 0
      ? [
          `${notes.partlyLabelled.join("; ")} are measured as scale and labelled only at some values the data holds: numeric here, the labels left out; make them a scale if every answer is a labelled code`,
        ]
      : []),
    ...(notes.strings.length > 0 ? [`left out (text, not codes or numbers): ${notes.strings.join(", ")}`] : []),
    ...(skippedValues.length > 0
      ? [`value labels on values that are not whole numbers, left out: ${skippedValues.join("; ")}`]
      : []),
  ];
  const draft: CodebookDraft = {
    $comment: `${todo[0]} ${todo
      .slice(1)
      .map((t, i) => `(${i + 1}) ${t}`)
      .join("; ")}.`,
    ...(meta.header.n_cases !== undefined && meta.header.n_cases >= 0 ? { respondents: meta.header.n_cases } : {}),
    scales,
    questions,
    indices: {},
  };
  // The draft must be a codebook the engine reads: a failure here is the drafter's bug, not the file's.
  const parsed = CodebookSchema.safeParse(draft);
  if (!parsed.success) throw new Error(`the drafted codebook is not valid: ${parsed.error.message}`);
  const problems = codebookProblems(parsed.data);
  if (problems.length > 0) throw new Error(`the drafted codebook is not consistent: ${problems.join("; ")}`);
  return draft;
}
