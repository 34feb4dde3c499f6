import { type Problem, quoteFound } from "../errors.ts";
import { parseCsv } from "../load/csv.ts";
import { respondents as said } from "../messages/index.ts";
import { type Codebook, type NumericQuestion, type Question, wasAsked } from "./codebook.ts";

/** One respondent's answers: a code per question, null where left blank. */
export interface Respondent {
  /** Spreadsheet row (CSV, header = 1) or case number (.sav), for messages. */
  row: number;
  answers: Record<string, number | null>;
}

export interface Respondents {
  file: string;
  rows: Respondent[];
}

/**
 * The question id an SPSS variable name stands for: SPSS names are
 * case-insensitive, so lower case; a character a question id cannot hold
 * (".", "@", "#", a letter outside a–z) becomes "_". The drafter names
 * questions so and the .sav reader matches columns so.
 */
export function questionIdFor(spssName: string): string {
  return spssName.toLowerCase().replace(/[^a-z0-9_]/g, "_");
}

/** A cell as written → a code, or why not. Excel may write 3 as "3,0" or "3.0". */
function parseCode(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  if (!/^-?\d+([.,]0+)?$/.test(t)) return undefined;
  return Number.parseInt(t, 10);
}

/**
 * A numeric answer as written → a number, or why not: a decimal point or a
 * decimal comma (Excel in a Norwegian locale), no thousands separators (a
 * "1,500" would be ambiguous).
 */
function parseNumber(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
}

/** What a numeric question accepts, in words, for a message. */
function numericExpected(q: NumericQuestion): string {
  return said.numeric({ ...q, missing: q.missing.map((c) => said.codeLabel(c.code, c.label)) });
}

/** One cell checked against its question: the answer, or what was expected instead. */
function readCell(
  codebook: Codebook,
  q: Question,
  cell: string | number | null,
): { answer: number | null } | { expected: string } {
  if (q.type === "numeric") {
    const value = typeof cell === "number" ? cell : cell === null ? null : parseNumber(cell);
    if (value === null) return { answer: null };
    const ok =
      value !== undefined &&
      Number.isFinite(value) &&
      (q.missing.some((c) => c.code === value) ||
        ((!q.integer || Number.isInteger(value)) &&
          (q.min === undefined || value >= q.min) &&
          (q.max === undefined || value <= q.max)));
    return ok ? { answer: value } : { expected: numericExpected(q) };
  }
  const code = typeof cell === "number" ? cell : cell === null ? null : parseCode(cell);
  const scale = codebook.scales[q.scale];
  const allowed = [...scale.codes, ...scale.missing];
  if (code === undefined || (code !== null && !allowed.some((c) => c.code === code)))
    return { expected: said.code(allowed.map((c) => said.codeLabel(c.code, c.label))) };
  return { answer: code };
}

/**
 * Check answers against the codebook: every question a column, every code
 * one of its scale's (or a missing-value code), every number within its
 * question's bounds, routed questions blank for
 * those not asked. All problems at once, each naming file, row and column.
 */
export function checkAnswers(
  file: string,
  columns: string[],
  records: { row: number; cells: (string | number | null)[] }[],
  codebook: Codebook,
): { respondents?: Respondents; problems: Problem[] } {
  const problems: Problem[] = [];
  const questions = new Map(codebook.questions.map((q) => [q.id, q]));
  for (const q of codebook.questions) {
    if (!columns.includes(q.id))
      problems.push({
        file,
        row: 1,
        column: q.id,
        ...said.missingQuestion(q.id, q.text),
      });
  }
  for (const column of columns) {
    if (!questions.has(column) && !codebook.idColumns.includes(column))
      problems.push({
        file,
        row: 1,
        column,
        ...said.extraColumn(codebook.idColumns, quoteFound(column)),
      });
  }
  if (problems.length > 0) return { problems };

  const rows: Respondent[] = [];
  for (const record of records) {
    const answers: Record<string, number | null> = {};
    columns.forEach((column, i) => {
      const question = questions.get(column);
      if (!question) return;
      const cell = record.cells[i] ?? null;
      const read = readCell(codebook, question, cell);
      if ("expected" in read) {
        problems.push({ file, row: record.row, column, expected: read.expected, found: quoteFound(String(cell)) });
        return;
      }
      answers[column] = read.answer;
    });
    rows.push({ row: record.row, answers });
  }
  // Routing: a question asked only of some must be blank for the others.
  for (const q of codebook.questions) {
    if (!q.asked) continue;
    const { question, codes } = q.asked;
    for (const r of rows) {
      const gate = r.answers[question];
      if (r.answers[q.id] != null && !wasAsked(q, r.answers))
        problems.push({
          file,
          row: r.row,
          column: q.id,
          ...said.notAsked({ question, codes, answer: r.answers[q.id] as number, gate }),
        });
    }
  }
  if (codebook.respondents !== undefined && rows.length !== codebook.respondents && problems.length === 0) {
    problems.push({
      file,
      ...said.rowCount(codebook.respondents, rows.length),
    });
  }
  return problems.length > 0 ? { problems } : { respondents: { file, rows }, problems };
}

/** A respondent file exported as CSV (comma, or semicolon from Excel in a Norwegian locale; UTF-8 or Windows-1252). */
export function readRespondentsCsv(
  file: string,
  bytes: Uint8Array,
  codebook: Codebook,
): { respondents?: Respondents; problems: Problem[] } {
  const parsed = parseCsv(file, bytes);
  if (!parsed.table) return { problems: parsed.problems };
  const result = checkAnswers(file, parsed.table.header, parsed.table.records, codebook);
  return { respondents: result.respondents, problems: [...parsed.problems, ...result.problems] };
}
